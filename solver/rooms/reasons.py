"""Why a plan falls short, in words a coordinator understands, in Japanese and English."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date

from solver.clock import WEEKDAYS_JA
from solver.rooms.calendar import max_sessions_with_gap, month_key
from solver.rooms.eligibility import child_can_attend, tutor_can_staff
from solver.rooms.problem import Child, RoomsProblem, Site, StaffPin
from solver.rooms.solution import Shortfall

WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def free_tutors(problem: RoomsProblem, site: Site, days: list[date], used: Mapping) -> int:
    """The most tutors free on any of those dates: able to staff it, not working that day, room under the monthly cap.

    used counts each tutor's sessions per month ("YYYY-MM") and per date in the plan.
    """
    month = month_key(days[0])
    return max(sum(1 for t in problem.tutors if used.get((t.id, month), 0) < t.max_sessions_per_month
                   and not used.get((t.id, day), 0) and tutor_can_staff(t, site, day)) for day in days)


def _calendar_reason(site: Site, n_open: int, n_gap: int) -> tuple[str, str, int] | None:
    target = site.target_sessions
    if n_open < target:
        return (f"{site.name}は期間中の開室可能日が{n_open}日のみ(開室曜日・休館日・休止期間による)のため、目標{target}回に{target - n_open}回足りません",
                f"{site.name} has only {n_open} open dates in the period (weekdays, closed dates, blackouts), "
                f"{target - n_open} short of its target of {target}", target - n_open)
    if n_gap < target:
        return (f"{site.name}は最低{site.min_gap_days}日の間隔を守ると最大{n_gap}回のため、目標{target}回に{target - n_gap}回足りません",
                f"{site.name} can hold at most {n_gap} sessions with at least {site.min_gap_days} days between them, "
                f"{target - n_gap} short of its target of {target}", target - n_gap)
    return None


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _staff_shortfalls(problem: RoomsProblem, site: Site, unstaffed: list[date], lost: int,
                      used: Mapping) -> list[Shortfall]:
    out = []
    groups = defaultdict(list)
    for d in unstaffed:
        groups[d.year, d.month, d.weekday()].append(d)
    for (year, month, weekday), days in sorted(groups.items()):
        if lost <= 0:
            break
        count = min(len(days), lost)
        lost -= count
        k = free_tutors(problem, site, days, used)
        free_ja = f"空き講師が{k}名のみの" if k else "空き講師がいない"
        free_en = f"only {_count(k, 'tutor')}" if k else "no tutor"
        out.append(Shortfall(
            "staff", count,
            f"{site.name}: {month}月は{WEEKDAYS_JA[weekday]}曜の{free_ja}ため、{count}回分の人員が不足しています",
            f"{site.name}: in {MONTHS_EN[month - 1]} {free_en} free on {WEEKDAYS_EN[weekday]}s, "
            f"so {_count(count, 'session')} {'lacks' if count == 1 else 'lack'} staff",
            site_id=site.id, month=f"{year:04d}-{month:02d}"))
    return out


def site_shortfalls(problem: RoomsProblem, site: Site, candidates: list[date], held: int, unstaffed: list[date],
                    used: Mapping) -> list[Shortfall]:
    """Shortfalls of one site: the total below target, then the months and weekdays that lacked staff (see free_tutors)."""
    missing = site.target_sessions - held
    if missing <= 0:
        return []
    n_gap = max_sessions_with_gap(candidates, site.min_gap_days)
    calendar = _calendar_reason(site, len(candidates), n_gap)
    parts_ja, parts_en = [], []
    if calendar:
        parts_ja.append(calendar[0])
        parts_en.append(calendar[1])
    possible = min(site.target_sessions, len(candidates), n_gap)
    staff = _staff_shortfalls(problem, site, unstaffed, possible - held, used)
    explained = (calendar[2] if calendar else 0) + sum(s.missing for s in staff)
    if staff:
        parts_ja.append(f"講師不足で{sum(s.missing for s in staff)}回分を開催できません")
        n = sum(s.missing for s in staff)
        parts_en.append(f"{_count(n, 'session')} cannot be staffed")
    if missing > explained:
        parts_ja.append(f"残り{missing - explained}回は時間制限内に配置できませんでした")
        parts_en.append(f"{missing - explained} more could not be placed within the time limit")
    total = Shortfall("sessions", missing,
                      f"{site.name}: 目標{site.target_sessions}回に対し{held}回です。" + "。".join(parts_ja) + "。",
                      f"{site.name}: {held} of {site.target_sessions} sessions. " + "; ".join(parts_en) + ".",
                      site_id=site.id)
    return [total, *staff]


def _pin_words(problem: RoomsProblem, pin) -> tuple[str, str]:
    name = problem.site(pin.site_id).name
    if isinstance(pin, StaffPin):
        return f"{name} {pin.date.isoformat()}の講師{pin.tutor_id}", f"tutor {pin.tutor_id} at {name} on {pin.date.isoformat()}"
    return f"{name} {pin.date.isoformat()}の開催", f"the session at {name} on {pin.date.isoformat()}"


def pins_shortfall(problem: RoomsProblem, site: Site, conflict: tuple) -> Shortfall:
    """The site's whole target, when the pins together admit no staffing (status infeasible), naming the conflicting pins."""
    words = [_pin_words(problem, p) for p in conflict]
    named_ja = "、".join(w[0] for w in words) or "固定(ピン)された開催日・講師"
    named_en = "; ".join(w[1] for w in words) or "the pinned dates and staff"
    return Shortfall("sessions", site.target_sessions,
                     f"{site.name}: 次の固定(ピン)を同時に満たす人員配置がないため、開催できません: {named_ja}。"
                     "これらのピンを見直してください",
                     f"{site.name}: no staffing keeps these pins together, so no session can be held: {named_en}; "
                     "review these pins", site_id=site.id)


def child_shortfall(problem: RoomsProblem, child: Child) -> Shortfall:
    """Why a child has no home site: no allowed site opens on their weekdays, or every such site is full."""
    options = [s for s in problem.sites if child_can_attend(child, s)]
    if not options:
        return Shortfall("child", 1, f"{child.id}: 通える曜日に開室している許可済みの会場がありません",
                         f"{child.id}: no allowed site opens on a weekday the child can come", child_id=child.id)
    names = "、".join(s.name for s in options)
    return Shortfall("child", 1, f"{child.id}: 通える会場({names})はすべて定員に達しています",
                     f"{child.id}: every site the child can attend ({', '.join(s.name for s in options)}) is full",
                     child_id=child.id)
