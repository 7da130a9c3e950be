"""What changed against the previous plan, so only the affected families and tutors are told."""

from __future__ import annotations

from solver.rooms.problem import PreviousPlan
from solver.rooms.solution import ChangeSummary, ChildAssignment, ChildMove, Session, StaffChange


def summarize_changes(previous: PreviousPlan | None, sessions: list[Session],
                      assignments: list[ChildAssignment]) -> ChangeSummary | None:
    """Compare a plan with the previous one: kept, added and dropped sessions, restaffed sessions, moved children."""
    if previous is None:
        return None
    before = {(s.site_id, s.date): set(s.staff) for s in previous.sessions}
    after = {(s.site_id, s.date): set(s.staff) for s in sessions}
    restaffed = []
    for key in sorted(before.keys() & after.keys()):
        if before[key] != after[key]:
            restaffed.append(StaffChange(key[0], key[1], tuple(sorted(after[key] - before[key])),
                                         tuple(sorted(before[key] - after[key]))))
    sites_before = {p.child_id: p.site_id for p in previous.child_sites}
    moved, kept = [], 0
    for a in assignments:
        if a.child_id not in sites_before:
            continue
        if sites_before[a.child_id] == a.site_id:
            kept += 1
        else:
            moved.append(ChildMove(a.child_id, sites_before[a.child_id], a.site_id))
    return ChangeSummary(
        sessions_kept=len(before.keys() & after.keys()),
        sessions_added=tuple(sorted(after.keys() - before.keys())),
        sessions_dropped=tuple(sorted(before.keys() - after.keys())),
        sessions_restaffed=tuple(restaffed),
        children_kept=kept,
        children_moved=tuple(moved),
    )
