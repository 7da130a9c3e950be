"""What changes from one rooms plan to another: sessions kept, moved, new and dropped; staff per tutor; child sites.

Built on the solver's own change summary (solver.rooms.changes), so the review page, the publish step and
the solver report count changes the same way.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from matching.planning.rooms.solution import SessionRow
from solver.rooms.changes import summarize_changes
from solver.rooms.problem import ChildSitePin, PreviousPlan, PreviousSession
from solver.rooms.solution import ChildAssignment, Session

# A dropped and a new session of one site at most this many days apart read as one session moved.
MOVE_WINDOW_DAYS = 14


@dataclass(frozen=True)
class SessionMove:
    """A session of a site moved from one date to another."""

    site_id: str
    from_date: date
    to_date: date


@dataclass(frozen=True)
class TutorChange:
    """The sessions (site, date) a tutor gains and loses."""

    tutor_id: str
    added: tuple[tuple[str, date], ...]
    removed: tuple[tuple[str, date], ...]


@dataclass(frozen=True)
class ChildChange:
    """A child whose site changes (None = no site)."""

    child_id: str
    from_site_id: str | None
    to_site_id: str | None


@dataclass(frozen=True)
class RoomsDiff:
    """Every difference between two plans, with solver ids."""

    kept: int
    moved: tuple[SessionMove, ...]
    new: tuple[tuple[str, date], ...]
    dropped: tuple[tuple[str, date], ...]
    tutors: tuple[TutorChange, ...]
    children: tuple[ChildChange, ...]

    @property
    def empty(self) -> bool:
        """Whether nothing changes."""
        return not (self.moved or self.new or self.dropped or self.tutors or self.children)


def _pair_moves(added: list[tuple[str, date]], dropped: list[tuple[str, date]]):
    """Pair each dropped session with the nearest unpaired new one of its site within the move window."""
    moves, free = [], sorted(added)
    for site, day in sorted(dropped):
        options = [a for a in free if a[0] == site and abs((a[1] - day).days) <= MOVE_WINDOW_DAYS]
        if options:
            best = min(options, key=lambda a: (abs((a[1] - day).days), a[1]))
            free.remove(best)
            moves.append(SessionMove(site, day, best[1]))
    moved_from = {(m.site_id, m.from_date) for m in moves}
    return tuple(moves), tuple(free), tuple(d for d in sorted(dropped) if d not in moved_from)


def diff_plans(before: list[SessionRow], before_sites: dict[str, str],
               after: list[SessionRow], after_sites: dict[str, str]) -> RoomsDiff:
    """How the plan `after` differs from `before` (sessions, staff per tutor, children's sites)."""
    previous = PreviousPlan(tuple(PreviousSession(r.site_id, r.date, r.staff) for r in before),
                            tuple(ChildSitePin(c, s) for c, s in sorted(before_sites.items())))
    sessions = [Session(r.site_id, r.date, r.start, r.end, r.staff, 0, 0) for r in after]
    children = sorted(set(before_sites) | set(after_sites), key=lambda c: (len(c), c))
    summary = summarize_changes(previous, sessions, [ChildAssignment(c, after_sites.get(c), None) for c in children])
    moved, new, dropped = _pair_moves(list(summary.sessions_added), list(summary.sessions_dropped))
    staff_before = {(r.site_id, r.date): set(r.staff) for r in before}
    staff_after = {(r.site_id, r.date): set(r.staff) for r in after}
    gains, losses = defaultdict(set), defaultdict(set)
    for key in staff_before.keys() | staff_after.keys():
        for t in staff_after.get(key, set()) - staff_before.get(key, set()):
            gains[t].add(key)
        for t in staff_before.get(key, set()) - staff_after.get(key, set()):
            losses[t].add(key)
    tutors = tuple(TutorChange(t, tuple(sorted(gains[t])), tuple(sorted(losses[t])))
                   for t in sorted(gains.keys() | losses.keys(), key=lambda t: (len(t), t)))
    child_changes = tuple(ChildChange(m.child_id, m.from_site_id, m.to_site_id) for m in summary.children_moved)
    child_changes += tuple(ChildChange(c, None, after_sites[c]) for c in children
                           if c not in before_sites and c in after_sites)
    return RoomsDiff(summary.sessions_kept, moved, new, dropped, tutors, child_changes)
