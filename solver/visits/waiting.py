"""Why a need waits, with counts: every tutor who teaches its subject at the child's grade, sorted by what stops them.

Each such tutor is counted once, under the first of these that holds (the
filters in the order reasons.py names them, then the plan):

| code | the tutor |
|---|---|
| gender | is not of the gender the child requires |
| forbidden | is a forbidden pair with the child |
| time | has no registered time that fits a visit inside the child's free times |
| travel | lives beyond their travel limit from the child's home |
| full | is at the weekly visit limit with other visits |
| busy | has room, but other visits (with the travel between homes) fill every fitting time |
| child_busy | is free then, but the child's visits for other subjects take those times |
| open | could take the need as the plan stands (a search that ran out of time; a re-solve may place it) |

For a need with some visits planned, a tutor counts as able only if it could make
more visits than are planned (the need's own visits taken out of the plan first).
The counts are recomputed from the problem and the plan's visits alone.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import replace

import numpy as np

from solver.grades import grade_label
from solver.subjects import subject_label
from solver.visits.bookings import Bookings, starts_by_day
from solver.visits.candidates import NeedInfo, TutorTable, forbidden_index, need_filters, words_for
from solver.visits.problem import Child, Need, VisitsProblem
from solver.visits.reasons import GENDER_JA, child_times
from solver.visits.solution import UnmetNeed, Visit, WaitingCounts

CODES = ("gender", "forbidden", "time", "travel", "full", "busy", "child_busy", "open")


def tutor_reasons(problem: VisitsProblem, table: TutorTable, bookings: Bookings, child: Child, need: Need,
                  planned: int, forbidden: list[int]) -> dict[int, str]:
    """For each tutor (index) who teaches the need's subject at the child's grade, the first reason they do not take it."""
    travel = table.travel_from(child)
    f = need_filters(table, child, need, travel, forbidden)
    out: dict[int, str] = {}
    passed = f.subject_grade.copy()
    for code, mask in (("gender", f.gender), ("forbidden", f.allowed), ("time", f.time_ok), ("travel", f.travel_ok)):
        for k in np.nonzero(passed & ~mask)[0].tolist():
            out[k] = code
        passed &= mask
    for k in np.nonzero(passed)[0].tolist():
        tutor = problem.tutors[k]
        # Most tutors are full where tutors are scarce: the cap is read before any free time is looked for.
        if bookings.visits_left(tutor.id, tutor.max_visits_per_week, child, need.subject) <= planned:
            out[k] = "full"
            continue
        room = bookings.room(tutor.id, tutor.max_visits_per_week, child, need.subject, need.minutes,
                             starts_by_day(f.common[k], problem.grid_minutes))
        if room.serves > planned:
            out[k] = "open"
        elif room.visits <= planned:
            out[k] = "full"
        elif room.days_tutor_free <= planned:
            out[k] = "busy"
        else:
            out[k] = "child_busy"
    return out


def _clauses(child: Child, counts: dict[str, int]) -> tuple[list[tuple[str, str]], list[str]]:
    """Per reason with tutors: the Japanese clause (joining form, final form) and the English one."""
    times_ja, times_en = child_times(NeedInfo(0, 0, child, child.needs[0], 0))
    times_en = f"on {times_en}"
    gender = child.required_gender or ""
    gender_ja = GENDER_JA.get(gender, gender)
    ja = {
        "gender": ("{k}人は{g}ではなく", "{k}人は{g}ではありません"),
        "forbidden": ("{k}人は組み合わせ禁止で", "{k}人は組み合わせ禁止です"),
        "time": ("{k}人は{t}に活動時間がなく", "{k}人は{t}に活動時間がありません"),
        "travel": ("{k}人は移動時間の上限を超え", "{k}人は移動時間の上限を超えます"),
        "full": ("{k}人は週の上限まで埋まり", "{k}人は週の上限まで埋まっています"),
        "busy": ("{k}人は{t}が他の訪問で埋まり", "{k}人は{t}が他の訪問で埋まっています"),
        "child_busy": ("{k}人とはこの子の他の教科の訪問と時間が重なり", "{k}人とはこの子の他の教科の訪問と時間が重なります"),
        "open": ("{k}人はまだ受け持てる空きがあり", "{k}人はまだ受け持てる空きがあります（再計算で入る見込みがあります）"),
    }
    en = {
        "gender": "{k} not {g}",
        "forbidden": "{k} a forbidden pair with the child",
        "time": "{k} not available {t}",
        "travel": "{k} beyond their travel limit",
        "full": "{k} at their weekly visit limit",
        "busy": "{k} booked with other visits {t}",
        "child_busy": "{k} would overlap the child's visits for other subjects",
        "open": "{k} with room still (a re-solve may place it)",
    }
    out_ja, out_en = [], []
    for code in CODES:
        if counts.get(code):
            k = counts[code]
            out_ja.append(tuple(s.format(k=k, g=gender_ja, t=times_ja) for s in ja[code]))
            out_en.append(en[code].format(k=k, g=gender, t=times_en))
            if "{t}" in en[code]:  # the child's free times are named once; a later clause refers back to them
                times_ja, times_en = "その時間", "then"
    return out_ja, out_en


def describe(child: Child, need: Need, teaching: int, counts: dict[str, int]) -> tuple[str, str]:
    """The counts in one Japanese and one English sentence (「数学・中2を教える講師42人: 38人は週の上限まで埋まり、…」)."""
    s_ja, s_en = subject_label(need.subject), subject_label(need.subject, "en")
    g_ja, g_en = grade_label(child.grade), grade_label(child.grade, "en")
    if not teaching:
        return f"{s_ja}・{g_ja}を教える講師がいません", f"No tutor teaches {s_en} to {g_en}."
    clauses_ja, clauses_en = _clauses(child, counts)
    ja = "、".join([c[0] for c in clauses_ja[:-1]] + [clauses_ja[-1][1]])
    en = "; ".join(clauses_en)
    return f"{s_ja}・{g_ja}を教える講師{teaching}人: {ja}", f"{teaching} tutor(s) teach {s_en} to {g_en}: {en}."


def waiting_counts(problem: VisitsProblem, visits: tuple[Visit, ...], unmet: tuple[UnmetNeed, ...],
                   deadline: float | None = None) -> tuple[UnmetNeed, ...]:
    """The unmet needs with their tutors counted by reason (module docstring), most coverage points first.

    With a deadline (time.perf_counter()), needs whose turn comes after it keep waiting=None: at 10,000
    children the counts of every unmet need take about 11 CPU seconds.
    """
    if not unmet:
        return unmet
    table = TutorTable(problem, words_for(problem))
    bookings = Bookings(problem, visits)
    forbidden = forbidden_index(problem)
    children = {c.id: c for c in problem.children}
    out = list(unmet)
    for i in sorted(range(len(unmet)), key=lambda i: (-problem.visit_points(children[unmet[i].child_id]), i)):
        if deadline is not None and time.perf_counter() > deadline:
            break
        u = unmet[i]
        child = children[u.child_id]
        need = next(n for n in child.needs if n.subject == u.subject)
        reasons = tutor_reasons(problem, table, bookings, child, need, u.visits_planned, forbidden.get(child.id, []))
        found = Counter(reasons.values())
        counts = {code: found[code] for code in CODES}
        ja, en = describe(child, need, len(reasons), counts)
        kept = tuple((code, n) for code, n in counts.items() if n)
        out[i] = replace(u, waiting=WaitingCounts(len(reasons), kept, ja, en))
    return tuple(out)
