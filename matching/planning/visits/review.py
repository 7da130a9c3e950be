"""What the review page of a home-visit plan shows: summary, matches with why they fit, unmet needs, the diff."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from matching.models import Plan, PlanKind, Site, Student, Tutor, Visit, VisitOccurrence, VisitPin
from matching.planning.lifecycle import PlanSummary, load_plan, plan_history
from matching.planning.visits.cover import CoverDate, dates_needing_cover
from matching.planning.visits.diff import PlanDiff, plan_diff
from matching.planning.visits.area import area_site, home_of
from matching.planning.visits.problem import home_visit_students
from solver.geo import Coordinates
from solver.visits.suggestions import EXTRA_TRAVEL_MINUTES


@dataclass(frozen=True)
class ReviewFilters:
    """The match table's filters; None means all."""

    site_id: Optional[int] = None
    grade: Optional[int] = None
    subject: Optional[str] = None
    tutor_id: Optional[int] = None


@dataclass(frozen=True)
class ReviewSummary:
    """The figures at the top: needs covered of all, children still waiting, visits and dated visits."""

    needs_total: int
    needs_covered: int
    children_waiting: int
    visits: int
    occurrences: int


@dataclass(frozen=True)
class MatchRow:
    """One weekly visit and the facts that say why it fits."""

    visit_id: int
    need_id: int
    student_id: int
    child_name: str
    child_kana: str
    grade: int
    site_id: Optional[int]
    site_name: str
    subject: str
    tutor_id: int
    tutor_name: str
    tutor_kana: str
    tutor_grades: Optional[tuple[int, int]]  # the grades the tutor teaches this subject to
    weekday: int
    start: int
    end: int
    travel_minutes: int
    max_travel_minutes: int
    home_language: str
    language_match: bool
    pinned: bool
    cover: tuple[CoverDate, ...] = field(default=())  # dates the tutor is at a study-room session


@dataclass(frozen=True)
class SuggestionRow:
    """A change the solver checked by re-solving that would serve the need: kind, tutor's name or the child's new evening."""

    kind: str  # tutor_cap, tutor_travel or child_time
    tutor_name: str
    weekday: Optional[int]
    start: Optional[int]
    end: Optional[int]
    other_changes: int
    travel_minutes: int = EXTRA_TRAVEL_MINUTES


@dataclass(frozen=True)
class UnmetRow:
    """A need with fewer visits than wanted, and why (the solver's words; empty after a hand edit)."""

    need_id: int
    student_id: int
    child_name: str
    child_kana: str
    grade: int
    site_id: Optional[int]
    site_name: str
    subject: str
    visits_wanted: int
    visits_planned: int
    reason_ja: str
    reason_en: str
    counts_ja: str = ""  # the tutors who teach the need, counted by reason
    counts_en: str = ""
    suggestion: Optional[SuggestionRow] = None


@dataclass(frozen=True)
class FilterChoices:
    """What the filters offer: sites, grades, subjects and tutors found in the plan."""

    sites: list[tuple[int, str]]
    grades: list[int]
    subjects: list[str]
    tutors: list[tuple[int, str]]


@dataclass(frozen=True)
class VisitPlanReview:
    """Everything the review page shows."""

    plan: PlanSummary
    summary: ReviewSummary
    matches: list[MatchRow]
    unmet: list[UnmetRow]
    choices: FilterChoices
    diff: Optional[PlanDiff]
    history: list[PlanSummary]


def _keep(filters: ReviewFilters, site_id: Optional[int], grade: int, subject: str, tutor_id: Optional[int]) -> bool:
    return ((filters.site_id is None or filters.site_id == site_id) and (filters.grade is None or filters.grade == grade)
            and (filters.subject is None or filters.subject == subject)
            and (filters.tutor_id is None or tutor_id is None or filters.tutor_id == tutor_id))


def _area(student: Student, places: dict[int, Coordinates]) -> Optional[int]:
    return area_site(student.home_site_id, home_of(student.household), places)


def _match(v: Visit, pinned: set[tuple], sites: dict[int, str], places: dict[int, Coordinates],
           cover: dict[int, list[CoverDate]]) -> MatchRow:
    s, t, h = v.student, v.tutor, v.student.household
    grades = next(((x.min_grade, x.max_grade) for x in t.subjects if x.subject == v.subject
                   and x.min_grade <= s.grade <= x.max_grade), None)
    area = _area(s, places)
    return MatchRow(
        v.id, v.need_id, s.id, s.full_name, s.full_name_kana, s.grade, area, sites.get(area, ""), v.subject,
        t.id, t.full_name, t.full_name_kana, grades, v.weekday, v.start_minute, v.end_minute, v.travel_minutes,
        t.max_travel_minutes, h.language, h.language in t.language_list,
        (v.need_id, v.tutor_id, v.weekday, v.start_minute) in pinned, tuple(cover.get(v.id, ())))


def visit_plan_review(session: Session, programme_id: int, plan_id: int, today: date,
                      filters: ReviewFilters = ReviewFilters()) -> VisitPlanReview:
    """The review of a home-visit plan: summary, filtered matches (with dates needing cover) and unmet needs, its diff."""
    plan = load_plan(session, programme_id, plan_id, PlanKind.VISITS)
    visits = list(session.scalars(
        select(Visit).where(Visit.plan_id == plan.id)
        .options(selectinload(Visit.student).selectinload(Student.household),
                 selectinload(Visit.tutor).selectinload(Tutor.subjects))
        .order_by(Visit.weekday, Visit.start_minute, Visit.id)))
    site_rows = session.execute(select(Site.id, Site.name, Site.lat, Site.lon).where(Site.programme_id == programme_id)).all()
    sites = {row.id: row.name for row in site_rows}
    places = {row.id: Coordinates(row.lat, row.lon) for row in site_rows}
    pinned = set(session.execute(select(VisitPin.need_id, VisitPin.tutor_id, VisitPin.weekday, VisitPin.start_minute)
                                 .where(VisitPin.plan_id == plan.id)).all())
    cover = dates_needing_cover(session, plan, visits, today)
    matches = [_match(v, pinned, sites, places, cover) for v in visits]
    needs_total, unmet = _unmet(session, programme_id, plan, visits, sites, places)
    occurrences = session.scalar(select(func.count(VisitOccurrence.id)).join(Visit).where(Visit.plan_id == plan.id))
    summary = ReviewSummary(
        needs_total=needs_total, needs_covered=needs_total - len(unmet),
        children_waiting=len({u.student_id for u in unmet}), visits=len(visits), occurrences=occurrences or 0)
    choices = FilterChoices(
        sites=sorted({(row.site_id, row.site_name) for row in [*matches, *unmet] if row.site_id is not None}),
        grades=sorted({m.grade for m in matches} | {u.grade for u in unmet}),
        subjects=sorted({m.subject for m in matches} | {u.subject for u in unmet}),
        tutors=sorted({(m.tutor_id, m.tutor_name) for m in matches}, key=lambda t: t[1]))
    history = plan_history(session, programme_id, PlanKind.VISITS)
    return VisitPlanReview(
        plan=next(p for p in history if p.id == plan.id),
        summary=summary,
        matches=[m for m in matches if _keep(filters, m.site_id, m.grade, m.subject, m.tutor_id)],
        unmet=[u for u in unmet if _keep(filters, u.site_id, u.grade, u.subject, None)],
        choices=choices, diff=plan_diff(session, programme_id, plan, history), history=history)


def _unmet(session: Session, programme_id: int, plan: Plan, visits: list[Visit], sites: dict[int, str],
           places: dict[int, Coordinates]) -> tuple[int, list[UnmetRow]]:
    """How many needs active home-visit children have, and those with fewer visits in the plan than wanted."""
    planned = Counter(v.need_id for v in visits)
    reasons = {u.get("need_id"): u for u in (plan.report or {}).get("unmet", [])}
    suggestions = _suggestions(session, reasons)
    out, total = [], 0
    for s in home_visit_students(session, programme_id, plan.created_at.date()):
        for need in s.needs:
            total += 1
            if planned[need.id] < need.visits_per_week:
                why = reasons.get(need.id, {})
                area = _area(s, places)
                counts = why.get("tutors") or {}
                out.append(UnmetRow(need.id, s.id, s.full_name, s.full_name_kana, s.grade, area,
                                    sites.get(area, ""), need.subject, need.visits_per_week,
                                    planned[need.id], why.get("reason_ja", ""), why.get("reason_en", ""),
                                    counts.get("text_ja", ""), counts.get("text_en", ""), suggestions.get(need.id)))
    return total, out


def _suggestions(session: Session, reasons: dict) -> dict[int, SuggestionRow]:
    """The stored suggestion of each need, with the tutor's name read now (the report keeps only the id)."""
    stored = {need_id: u["suggestion"] for need_id, u in reasons.items() if u.get("suggestion")}
    ids = {g["tutor_id"] for g in stored.values() if g.get("tutor_id") is not None}
    names = {t.id: t.full_name for t in session.scalars(select(Tutor).where(Tutor.id.in_(ids)))} if ids else {}
    return {need_id: SuggestionRow(g["kind"], names.get(g.get("tutor_id"), ""), g.get("weekday"), g.get("start"),
                                   g.get("end"), g.get("other_changes", 0))
            for need_id, g in stored.items()}
