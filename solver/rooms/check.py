"""Independent checker: every hard rule of a rooms plan, re-derived from the problem without the model's code."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from solver.busy import clashes
from solver.clock import WEEKDAYS_JA, format_time
from solver.rooms.problem import RoomsProblem
from solver.rooms.solution import RoomsSolution


@dataclass(frozen=True)
class Violation:
    """A broken hard rule: a stable code and a message in Japanese and English."""

    code: str
    message_ja: str
    message_en: str


def _sessions(problem: RoomsProblem, solution: RoomsSolution, out: list[Violation]) -> None:
    """Dates, weekdays, hours, closures, blackouts, duplicates, targets and gaps."""
    sites = {s.id: s for s in problem.sites}
    seen, per_site = set(), defaultdict(list)
    for s in solution.sessions:
        site = sites.get(s.site_id)
        tag = f"{s.site_id} {s.date.isoformat()}"
        if site is None:
            out.append(Violation("unknown_site", f"{tag}: 会場が存在しません", f"{tag}: unknown site"))
            continue
        if (s.site_id, s.date) in seen:
            out.append(Violation("duplicate_session", f"{tag}: 同じ日に2回開催されています", f"{tag}: two sessions on one day"))
        seen.add((s.site_id, s.date))
        per_site[s.site_id].append(s.date)
        if not problem.period.start <= s.date <= problem.period.end:
            out.append(Violation("outside_period", f"{tag}: 期間外です", f"{tag}: outside the period"))
        windows = [w for w in site.windows if w.weekday == s.date.weekday()]
        if not windows:
            out.append(Violation("wrong_weekday", f"{tag}: {WEEKDAYS_JA[s.date.weekday()]}曜は開室曜日ではありません",
                                 f"{tag}: not one of the site's weekdays"))
        elif (windows[0].start, windows[0].end) != (s.start, s.end):
            out.append(Violation("wrong_time", f"{tag}: 時間{format_time(s.start)}-{format_time(s.end)}が会場の時間と異なります",
                                 f"{tag}: hours {format_time(s.start)}-{format_time(s.end)} differ from the site's"))
        if s.date in problem.closed_dates or s.date in site.closed_dates:
            out.append(Violation("closed_date", f"{tag}: 休館日です", f"{tag}: a closed date"))
        if any(p.kind == "blackout" and p.start <= s.date <= p.end and (not p.site_ids or s.site_id in p.site_ids)
               for p in problem.special_periods):
            out.append(Violation("blackout", f"{tag}: 休止期間中です", f"{tag}: inside a blackout period"))
    for site_id, days in per_site.items():
        site = sites[site_id]
        if len(days) > site.target_sessions:
            out.append(Violation("over_target", f"{site_id}: 目標{site.target_sessions}回を超えています({len(days)}回)",
                                 f"{site_id}: {len(days)} sessions exceed the target {site.target_sessions}"))
        days = sorted(set(days))
        for a, b in zip(days, days[1:]):
            if (b - a).days < site.min_gap_days:
                out.append(Violation("min_gap", f"{site_id}: {a.isoformat()}と{b.isoformat()}の間隔が{site.min_gap_days}日未満です",
                                     f"{site_id}: {a.isoformat()} and {b.isoformat()} are closer than {site.min_gap_days} days"))


def _children(problem: RoomsProblem, solution: RoomsSolution, out: list[Violation]) -> dict[str, list]:
    """Allowed sites, one site per child, room capacity per weekday; returns the children of each site."""
    sites = {s.id: s for s in problem.sites}
    children = {c.id: c for c in problem.children}
    here, seen = defaultdict(list), set()
    for a in solution.assignments:
        child = children.get(a.child_id)
        if child is None:
            out.append(Violation("unknown_child", f"{a.child_id}: 児童が存在しません", f"{a.child_id}: unknown child"))
            continue
        if a.child_id in seen:
            out.append(Violation("child_twice", f"{a.child_id}: 2回割り当てられています", f"{a.child_id}: assigned twice"))
        seen.add(a.child_id)
        if a.site_id is None:
            continue
        site = sites.get(a.site_id)
        if site is None or (child.allowed_site_ids and a.site_id not in child.allowed_site_ids) \
                or not any(w.weekday in child.weekdays for w in site.windows):
            out.append(Violation("child_not_allowed", f"{a.child_id}: 会場{a.site_id}には通えません",
                                 f"{a.child_id}: cannot attend site {a.site_id}"))
            continue
        here[a.site_id].append(child)
    for site_id, kids in here.items():
        for w in sites[site_id].windows:
            coming = sum(1 for c in kids if w.weekday in c.weekdays)
            if coming > sites[site_id].capacity:
                out.append(Violation("over_capacity", f"{site_id}: {WEEKDAYS_JA[w.weekday]}曜の児童{coming}名が定員{sites[site_id].capacity}名を超えています",
                                     f"{site_id}: {coming} children on that weekday exceed the capacity {sites[site_id].capacity}"))
    return here


def _unseated(problem: RoomsProblem, solution: RoomsSolution, here: dict[str, list], out: list[Violation]) -> None:
    """Every child is seated up to the rooms' capacity: none left without a site while an allowed site has room."""
    seated = {a.child_id for a in solution.assignments if a.site_id is not None}
    for child in problem.children:
        if child.id in seated:
            continue
        for site in problem.sites:
            days = [w.weekday for w in site.windows if w.weekday in child.weekdays]
            if not days or (child.allowed_site_ids and site.id not in child.allowed_site_ids):
                continue
            if all(sum(1 for c in here.get(site.id, ()) if day in c.weekdays) < site.capacity for day in days):
                out.append(Violation("child_unseated", f"{child.id}: 会場{site.id}に空きがあるのに通う会場がありません",
                                     f"{child.id}: has no site although site {site.id} has room on the child's days"))
                break


def _staff(problem: RoomsProblem, solution: RoomsSolution, here: dict[str, list], out: list[Violation]) -> None:
    """Enough staff, tutors reachable, available, within monthly caps, never in two places at once."""
    sites = {s.id: s for s in problem.sites}
    tutors = {t.id: t for t in problem.tutors}
    month_count, booked, load = defaultdict(int), defaultdict(list), defaultdict(int)
    for s in solution.sessions:
        site = sites.get(s.site_id)
        if site is None:
            continue
        tag = f"{s.site_id} {s.date.isoformat()}"
        coming = sum(1 for c in here.get(s.site_id, ()) if s.date.weekday() in c.weekdays)
        need = max(site.min_tutors, math.ceil(coming / site.children_per_tutor))
        if len(set(s.staff)) < need:
            out.append(Violation("understaffed", f"{tag}: 講師{len(set(s.staff))}名で、必要な{need}名に足りません",
                                 f"{tag}: {len(set(s.staff))} tutors, {need} needed"))
        if len(set(s.staff)) != len(s.staff):
            out.append(Violation("duplicate_staff", f"{tag}: 同じ講師が重複しています", f"{tag}: a tutor is listed twice"))
        for tid in set(s.staff):
            tutor = tutors.get(tid)
            if tutor is None:
                out.append(Violation("unknown_tutor", f"{tag}: 講師{tid}が存在しません", f"{tag}: unknown tutor {tid}"))
                continue
            load[tid] += 1
            if s.site_id not in tutor.site_ids:
                out.append(Violation("tutor_unreachable", f"{tag}: 講師{tid}はこの会場に行けません", f"{tag}: tutor {tid} cannot reach the site"))
            if not any(w.weekday == s.date.weekday() and w.start <= s.start and s.end <= w.end for w in tutor.availability):
                out.append(Violation("tutor_unavailable", f"{tag}: 講師{tid}の空き時間外です", f"{tag}: outside tutor {tid}'s availability"))
            if s.date in tutor.unavailable_dates:
                out.append(Violation("tutor_away", f"{tag}: 講師{tid}は不在日です", f"{tag}: tutor {tid} is away that day"))
            if any(clashes(b, s.date, s.start, s.end, site.location) for b in tutor.busy if b.date == s.date):
                out.append(Violation("busy_clash", f"{tag}: 講師{tid}はこの時間の前後に個別訪問があります（移動時間を含む）",
                                     f"{tag}: tutor {tid} has a home visit then (travel time included)"))
            month_count[tid, s.date.year, s.date.month] += 1
            for other in booked[tid, s.date]:
                if s.start < other[1] and other[0] < s.end:
                    out.append(Violation("double_booked", f"{tag}: 講師{tid}が同じ時間に2か所に入っています",
                                         f"{tag}: tutor {tid} is in two places at once"))
            booked[tid, s.date].append((s.start, s.end))
    for (tid, year, month), count in month_count.items():
        if count > tutors[tid].max_sessions_per_month:
            out.append(Violation("monthly_cap", f"{tid}: {year}年{month}月は{count}回で上限{tutors[tid].max_sessions_per_month}回を超えています",
                                 f"{tid}: {count} sessions in {year}-{month:02d} exceed the cap {tutors[tid].max_sessions_per_month}"))
    for tl in solution.tutor_loads:
        if tl.sessions != load.get(tl.tutor_id, 0):
            out.append(Violation("load_mismatch", f"{tl.tutor_id}: 担当回数{tl.sessions}が実際の{load.get(tl.tutor_id, 0)}回と異なります",
                                 f"{tl.tutor_id}: reported load {tl.sessions} differs from {load.get(tl.tutor_id, 0)}"))


def _pins(problem: RoomsProblem, solution: RoomsSolution, out: list[Violation]) -> None:
    """Pinned sessions, staff and child sites hold."""
    sessions = {(s.site_id, s.date): set(s.staff) for s in solution.sessions}
    sites_of = {a.child_id: a.site_id for a in solution.assignments}
    for pin in problem.pins.sessions:
        if (pin.site_id, pin.date) not in sessions:
            out.append(Violation("pin_session", f"{pin.site_id} {pin.date.isoformat()}: 固定された回が開催されていません",
                                 f"{pin.site_id} {pin.date.isoformat()}: pinned session not held"))
    for pin in problem.pins.staff:
        if pin.tutor_id not in sessions.get((pin.site_id, pin.date), set()):
            out.append(Violation("pin_staff", f"{pin.site_id} {pin.date.isoformat()}: 固定された講師{pin.tutor_id}が入っていません",
                                 f"{pin.site_id} {pin.date.isoformat()}: pinned tutor {pin.tutor_id} missing"))
    for pin in problem.pins.child_sites:
        if sites_of.get(pin.child_id) != pin.site_id:
            out.append(Violation("pin_child", f"{pin.child_id}: 固定された会場{pin.site_id}になっていません",
                                 f"{pin.child_id}: not at pinned site {pin.site_id}"))


def check_rooms(problem: RoomsProblem, solution: RoomsSolution) -> list[Violation]:
    """Every violated hard rule of the plan (an empty list means the plan is sound)."""
    out: list[Violation] = []
    _sessions(problem, solution, out)
    here = _children(problem, solution, out)
    _unseated(problem, solution, here, out)
    _staff(problem, solution, here, out)
    _pins(problem, solution, out)
    return out
