"""Independent checker: re-verifies every hard rule of a plan from the problem alone, without the model or candidates."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from solver.clock import WEEKDAYS_JA, format_time
from solver.geo import travel_minutes
from solver.subjects import subject_label
from solver.visits.busy_slots import clash_dates
from solver.visits.problem import VisitsProblem
from solver.visits.solution import Visit, VisitsSolution


@dataclass(frozen=True)
class Violation:
    """One broken hard rule: a code and a message in Japanese and English."""

    code: str
    message_ja: str
    message_en: str


def _when(v: Visit) -> str:
    return f"{WEEKDAYS_JA[v.weekday]}曜{format_time(v.start)}-{format_time(v.end)}"


def _inside(windows, v: Visit) -> bool:
    return any(w.weekday == v.weekday and w.start <= v.start and v.end <= w.end for w in windows)


def check_visits(problem: VisitsProblem, solution: VisitsSolution) -> list[Violation]:
    """Every hard-rule violation of the solution's visits (an empty list means the plan is valid)."""
    out: list[Violation] = []
    add = lambda code, ja, en: out.append(Violation(code, ja, en))  # noqa: E731
    children = {c.id: c for c in problem.children}
    tutors = {t.id: t for t in problem.tutors}
    forbidden = {(f.child_id, f.tutor_id) for f in problem.forbidden_pairs}
    valid: list[Visit] = []
    for v in solution.visits:
        child, tutor = children.get(v.child_id), tutors.get(v.tutor_id)
        need = next((n for n in child.needs if n.subject == v.subject), None) if child else None
        if child is None or tutor is None or need is None:
            add("unknown", f"{v.child_id}・{v.tutor_id}・{subject_label(v.subject)}の訪問は問題にない子ども・講師・教科を指しています", f"visit {v.child_id}/{v.tutor_id}/{subject_label(v.subject, 'en')} names an unknown child, tutor or need")
            continue
        valid.append(v)
        who = f"{v.child_id}（{subject_label(v.subject)}）{_when(v)}"
        if v.end - v.start != need.minutes:
            add("length", f"{who}: 訪問時間が{need.minutes}分ではありません", f"{v.child_id} {subject_label(v.subject, 'en')}: the visit does not last {need.minutes} minutes")
        if v.start % problem.grid_minutes:
            add("grid", f"{who}: 開始が{problem.grid_minutes}分刻みではありません", f"{v.child_id} {subject_label(v.subject, 'en')}: start is off the {problem.grid_minutes}-minute grid")
        if not tutor.teaches(v.subject, child.grade):
            add("subject_grade", f"{who}: {v.tutor_id}はこの学年・教科を教えません", f"{v.tutor_id} does not teach {subject_label(v.subject, 'en')} at grade {child.grade}")
        if not _inside(child.availability, v):
            add("child_availability", f"{who}: 子どもの空き時間外です", f"{v.child_id} {subject_label(v.subject, 'en')}: outside the child's availability")
        if not _inside(tutor.availability, v):
            add("tutor_availability", f"{who}: {v.tutor_id}の空き時間外です", f"{v.child_id} {subject_label(v.subject, 'en')}: outside {v.tutor_id}'s availability")
        if travel_minutes(tutor.home, child.home) > tutor.max_travel_minutes:
            add("travel_limit", f"{who}: {v.tutor_id}の移動時間の上限を超えます", f"{v.tutor_id} cannot reach {v.child_id} within {tutor.max_travel_minutes} minutes")
        if child.required_gender and tutor.gender != child.required_gender:
            add("gender", f"{who}: 講師の性別の希望に合いません", f"{v.child_id} requires a {child.required_gender} tutor, {v.tutor_id} is not")
        clashing = clash_dates(tutor.busy, v.weekday, v.start, v.end, child.home)
        if len(clashing) > problem.max_clash_dates:
            add("busy_clash", f"{who}: {v.tutor_id}は{len(clashing)}日（上限{problem.max_clash_dates}日）に学習室の予定と重なります",
                f"{v.tutor_id} has study-room sessions clashing with this visit on {len(clashing)} dates (at most {problem.max_clash_dates})")
        if (v.child_id, v.tutor_id) in forbidden:
            add("forbidden_pair", f"{who}: {v.tutor_id}との組み合わせは禁止されています", f"{v.child_id} and {v.tutor_id} are a forbidden pair")
    out += _between_visits(problem, valid)
    out += _pins(problem, valid)
    return out


def _between_visits(problem: VisitsProblem, visits: list[Visit]) -> list[Violation]:
    out = []
    children = {c.id: c for c in problem.children}
    tutors = {t.id: t for t in problem.tutors}
    by_need = defaultdict(list)
    by_tutor = defaultdict(list)
    by_child_day = defaultdict(list)
    for v in visits:
        by_need[(v.child_id, v.subject)].append(v)
        by_tutor[v.tutor_id].append(v)
        by_child_day[(v.child_id, v.weekday)].append(v)
    for (cid, subject), vs in by_need.items():
        need = next(n for n in children[cid].needs if n.subject == subject)
        if len(vs) > need.visits_per_week:
            out.append(Violation("too_many_visits", f"{cid}（{subject_label(subject)}）: 週{need.visits_per_week}回を超えています", f"{cid} {subject_label(subject, 'en')}: more than {need.visits_per_week} visits a week"))
        if len({v.tutor_id for v in vs}) > 1:
            out.append(Violation("one_tutor", f"{cid}（{subject_label(subject)}）: 講師が一人ではありません", f"{cid} {subject_label(subject, 'en')}: visits by more than one tutor"))
        if len({v.weekday for v in vs}) < len(vs):
            out.append(Violation("same_day", f"{cid}（{subject_label(subject)}）: 同じ曜日に2回の訪問があります", f"{cid} {subject_label(subject, 'en')}: two visits on one weekday"))
    for tid, vs in by_tutor.items():
        if len(vs) > tutors[tid].max_visits_per_week:
            out.append(Violation("tutor_cap", f"{tid}: 週{tutors[tid].max_visits_per_week}回の上限を超えています", f"{tid}: more than {tutors[tid].max_visits_per_week} visits a week"))
        vs = sorted(vs, key=lambda v: (v.weekday, v.start))
        for k, a in enumerate(vs):
            for b in vs[k + 1 :]:
                if b.weekday != a.weekday:
                    break
                gap = travel_minutes(children[a.child_id].home, children[b.child_id].home)
                if b.start < a.end:
                    out.append(Violation("tutor_overlap", f"{tid}: {_when(a)}と{_when(b)}の訪問が重なります", f"{tid}: visits to {a.child_id} and {b.child_id} overlap"))
                elif b.start < a.end + gap:
                    out.append(Violation("tutor_travel", f"{tid}: {a.child_id}から{b.child_id}への移動{gap}分が足りません", f"{tid}: not enough time to travel {gap} minutes from {a.child_id} to {b.child_id}"))
    for (cid, _day), vs in by_child_day.items():
        vs = sorted(vs, key=lambda v: v.start)
        for a, b in zip(vs, vs[1:]):
            if b.start < a.end:
                out.append(Violation("child_overlap", f"{cid}: {_when(a)}と{_when(b)}の訪問が重なります", f"{cid}: visits for {subject_label(a.subject, 'en')} and {subject_label(b.subject, 'en')} overlap"))
    return out


def _pins(problem: VisitsProblem, visits: list[Visit]) -> list[Violation]:
    planned = {(v.child_id, v.subject, v.tutor_id, v.weekday, v.start) for v in visits}
    return [
        Violation("pin", f"{p.child_id}（{subject_label(p.subject)}）: 固定された{p.tutor_id}の{WEEKDAYS_JA[p.weekday]}曜{format_time(p.start)}の訪問がありません", f"pin not kept: {p.child_id} {subject_label(p.subject, 'en')} with {p.tutor_id}")
        for p in problem.pins
        if (p.child_id, p.subject, p.tutor_id, p.weekday, p.start) not in planned
    ]
