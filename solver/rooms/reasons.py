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
        gap_ja = f"、最低{site.min_gap_days}日の間隔を守ると最大{n_gap}回" if n_gap < n_open else ""
        gap_en = f", at most {n_gap} with at least {site.min_gap_days} days between them" if n_gap < n_open else ""
        return (f"{site.name}は期間中の開室可能日が{n_open}日のみ(開室曜日・休館日・休止期間による){gap_ja}のため、"
                f"目標{target}回に{target - n_gap}回足りません",
                f"{site.name} has only {n_open} open dates in the period (weekdays, closed dates, blackouts){gap_en}, "
                f"{target - n_gap} short of its target of {target}", target - n_gap)
    if n_gap < target:
        return (f"{site.name}は最低{site.min_gap_days}日の間隔を守ると最大{n_gap}回のため、目標{target}回に{target - n_gap}回足りません",
                f"{site.name} can hold at most {n_gap} sessions with at least {site.min_gap_days} days between them, "
                f"{target - n_gap} short of its target of {target}", target - n_gap)
    return None


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _by_month_weekday(days: list[date], lost: int) -> list[tuple[int, int, int, list[date], int]]:
    """(year, month, weekday, dates, sessions counted) per group, in date order, until lost sessions are counted."""
    groups = defaultdict(list)
    for d in days:
        groups[d.year, d.month, d.weekday()].append(d)
    out = []
    for (year, month, weekday), group in sorted(groups.items()):
        if lost <= 0:
            break
        count = min(len(group), lost)
        lost -= count
        out.append((year, month, weekday, group, count))
    return out


def _too_few_able(site: Site, days: list[date], lost: int, able: Mapping, required: Mapping) -> list[Shortfall]:
    """Sessions lost because fewer tutors can come at all (reach the site, free that evening, not away) than one needs."""
    out = []
    for year, month, weekday, group, count in _by_month_weekday(days, lost):
        k, need = max(able[d] for d in group), required[group[0]]
        day_en = f"on {WEEKDAYS_EN[weekday]}s"
        able_ja = f"来られる講師は{k}名のみで、1回に{need}名必要な" if k else "来られる講師がいない"
        able_en = f"only {_count(k, 'tutor')} can come {day_en} and a session needs {need}" if k else f"no tutor can come {day_en}"
        out.append(Shortfall(
            "staff", count,
            f"{site.name}: {month}月の{WEEKDAYS_JA[weekday]}曜は{able_ja}ため、{count}回分の人員が不足しています",
            f"{site.name}: in {MONTHS_EN[month - 1]} {able_en}, "
            f"so {_count(count, 'session')} {'lacks' if count == 1 else 'lack'} staff",
            site_id=site.id, month=f"{year:04d}-{month:02d}"))
    return out


def _taken_elsewhere(problem: RoomsProblem, site: Site, days: list[date], lost: int, able: Mapping, required: Mapping,
                     used: Mapping) -> list[Shortfall]:
    """Sessions lost because the tutors who can come are at their monthly cap or at another session in this plan."""
    out = []
    for year, month, weekday, group, count in _by_month_weekday(days, lost):
        k, need, free = max(able[d] for d in group), required[group[0]], free_tutors(problem, site, group, used)
        if free >= need:
            ja = f"空いている講師は{free}名いますが、時間制限内に配置できませんでした"
            en = f"{free} are free, but the session was not placed within the time limit"
        else:
            ja = f"この計画でほかの回を担当したあと空いているのは{free}名のため、{count}回分の人員が不足しています"
            en = (f"after their other sessions in this plan only {free} {'is' if free == 1 else 'are'} free, "
                  f"so {_count(count, 'session')} {'lacks' if count == 1 else 'lack'} staff")
        out.append(Shortfall(
            "staff", count,
            f"{site.name}: {month}月の{WEEKDAYS_JA[weekday]}曜は来られる講師が{k}名(1回に{need}名必要)ですが、{ja}",
            f"{site.name}: in {MONTHS_EN[month - 1]} {_count(k, 'tutor')} can come on {WEEKDAYS_EN[weekday]}s "
            f"({need} needed per session), but {en}", site_id=site.id, month=f"{year:04d}-{month:02d}"))
    return out


def site_shortfalls(problem: RoomsProblem, site: Site, candidates: list[date], held: list[date], unstaffed: list[date],
                    able: Mapping, required: Mapping, used: Mapping) -> list[Shortfall]:
    """Shortfalls of one site: the total below target, split into what the calendar, the tutors who can come and
    this plan's other sessions allow.

    able: per candidate date, the tutors who can come (reach the site, free for its hours, not away); required: the
    staff each date needs; used: each tutor's sessions per month ("YYYY-MM") and per date in the plan.
    """
    missing = site.target_sessions - len(held)
    if missing <= 0:
        return []
    n_gap = max_sessions_with_gap(candidates, site.min_gap_days)
    calendar = _calendar_reason(site, len(candidates), n_gap)
    by_calendar = min(site.target_sessions, n_gap)
    staffable = [d for d in candidates if able[d] >= required[d]]
    by_able = min(by_calendar, max_sessions_with_gap(staffable, site.min_gap_days))
    too_few = _too_few_able(site, [d for d in candidates if able[d] < required[d]], by_calendar - by_able, able, required)
    # Dates that could still be added: enough tutors can come and the gap to the held sessions is kept.
    open_ = [d for d in staffable if d not in held and all(abs((d - h).days) >= site.min_gap_days for h in held)]
    dropped = set(unstaffed)
    taken = _taken_elsewhere(problem, site, sorted(open_, key=lambda d: (d not in dropped, d)), by_able - len(held),
                             able, required, used)
    parts_ja, parts_en = ([calendar[0]], [calendar[1]]) if calendar else ([], [])
    for group, ja, en in ((too_few, "来られる講師が足りず", "too few tutors can come"),
                          (taken, "来られる講師がほかの回で埋まっていて", "the tutors who can come are taken by other sessions")):
        n = sum(s.missing for s in group)
        if n:
            parts_ja.append(f"{ja}{n}回分を開催できません")
            parts_en.append(f"{_count(n, 'session')} cannot be held: {en}")
    rest = by_able - len(held) - sum(s.missing for s in taken)
    if rest > 0:
        parts_ja.append(f"残り{rest}回は、開催する回との間隔(最低{site.min_gap_days}日)を守れる日が残っていません")
        parts_en.append(f"{rest} more have no date left that keeps {site.min_gap_days} days from the held sessions")
    total = Shortfall("sessions", missing,
                      f"{site.name}: 目標{site.target_sessions}回に対し{len(held)}回です。" + "。".join(parts_ja) + "。",
                      f"{site.name}: {len(held)} of {site.target_sessions} sessions. " + "; ".join(parts_en) + ".",
                      site_id=site.id)
    return [total, *too_few, *taken]


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
