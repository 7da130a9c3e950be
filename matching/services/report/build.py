"""Counting the report's figures from the plans and attendance rows with a few grouped queries (fast at 10,000 children)."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Optional

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from matching.models import (
    Household, Mode, OccurrenceStatus, Plan, PlanStatus, Programme, RollCall, RollCallChild, RollCallTutor,
    Progression, Session as RoomSession, Site, Student, StudentProgression, StudentSiteAssignment, Tutor, TutorKind, Visit,
    VisitAttendance, VisitOccurrence, VisitOutcome,
)
from matching.services.errors import NotFound
from matching.services.report.figures import (
    BucketCount, Cancellation, MonthFigures, ProgressionCount, Report, ServedCount, SiteFigures, TutorHours,
    VisitFigures,
)
from matching.services.report.period import months_between

# Sessions attended per study-room child, and days waited, as (lower bound, bucket key); the last is open-ended.
ATTENDANCE_BUCKETS = ((0, "0"), (1, "1-4"), (5, "5-9"), (10, "10-19"), (20, "20-39"), (40, "40+"))
WAITING_BUCKETS = ((0, "0-29"), (30, "30-89"), (90, "90-179"), (180, "180+"))
NINTH_GRADE = 9


def bucket_of(value: int, buckets: tuple[tuple[int, str], ...]) -> str:
    """The key of the last bucket whose lower bound the value reaches."""
    return [key for lower, key in buckets if value >= lower][-1]


def _prorated(target: int, programme: Programme, starts_on: date, ends_on: date) -> int:
    """A yearly target's share for the days of the period inside the school year."""
    first, last = max(starts_on, programme.starts_on), min(ends_on, programme.ends_on)
    year_days = (programme.ends_on - programme.starts_on).days + 1
    return round(target * max(0, (last - first).days + 1) / year_days)


def _once_published(programme_id: int):
    """Plans that were published (now or before): history stays countable after a new version replaces them."""
    return and_(Plan.programme_id == programme_id, Plan.version.is_not(None))


def _session_rows(session: Session, programme_id: int, starts_on: date, ends_on: date) -> list:
    """One row per session of the period: the published plan's, and any older one that has a roll call."""
    attended = (select(RollCallChild.roll_call_id, func.count().label("n"))
                .group_by(RollCallChild.roll_call_id).subquery())
    return session.execute(
        select(RoomSession.id, RoomSession.site_id, RoomSession.plan_id, RoomSession.on_date,
               RoomSession.status, RollCall.held, RollCall.cancel_reason, func.coalesce(attended.c.n, 0))
        .join(Plan, Plan.id == RoomSession.plan_id)
        .outerjoin(RollCall, RollCall.session_id == RoomSession.id)
        .outerjoin(attended, attended.c.roll_call_id == RollCall.id)
        .where(_once_published(programme_id), RoomSession.on_date.between(starts_on, ends_on))
        .where(or_(Plan.status == PlanStatus.PUBLISHED, RollCall.id.is_not(None)))
    ).all()


def _site_figures(session: Session, programme: Programme, starts_on: date, ends_on: date, as_of: date,
                  rows: list) -> tuple[list[SiteFigures], list[Cancellation]]:
    sites = session.scalars(select(Site).where(Site.programme_id == programme.id).order_by(Site.id)).all()
    plan_ids = {row[2] for row in rows}
    expected = {(plan_id, site_id): n for plan_id, site_id, n in session.execute(
        select(StudentSiteAssignment.plan_id, StudentSiteAssignment.site_id, func.count())
        .where(StudentSiteAssignment.plan_id.in_(plan_ids))
        .group_by(StudentSiteAssignment.plan_id, StudentSiteAssignment.site_id))}
    counts: dict[int, Counter] = defaultdict(Counter)
    names = {site.id: site.name for site in sites}
    cancellations = []
    for _id, site_id, plan_id, on_date, status, held, reason, present in rows:
        tally = counts[site_id]
        if held is None and status is OccurrenceStatus.CANCELLED:
            tally["cancelled"] += 1
            cancellations.append(Cancellation(on_date, names[site_id], ""))
            continue
        tally["planned"] += 1
        if held is None:
            tally["unrecorded"] += on_date <= as_of
        elif held:
            tally["held"] += 1
            tally["attendances"] += present
            tally["expected"] += expected.get((plan_id, site_id), 0)
        else:
            tally["cancelled"] += 1
            cancellations.append(Cancellation(on_date, names[site_id], reason))
    figures = [SiteFigures(site.id, site.name, _prorated(site.target_sessions, programme, starts_on, ends_on),
                           **{k: counts[site.id][k] for k in
                              ("planned", "held", "cancelled", "unrecorded", "attendances", "expected")})
               for site in sites]
    return figures, sorted(cancellations, key=lambda c: (c.on_date, c.site_name))


def _total(sites: list[SiteFigures]) -> SiteFigures:
    """The programme's row: every site's figures added up."""
    return SiteFigures(None, "", *(sum(getattr(s, k) for s in sites) for k in
                                   ("target", "planned", "held", "cancelled", "unrecorded", "attendances", "expected")))


def _visit_rows(session: Session, programme_id: int, starts_on: date, ends_on: date) -> list:
    """Dated visits of the period grouped by day, plan status and recorded outcome."""
    return session.execute(
        select(VisitOccurrence.on_date, VisitOccurrence.status, VisitAttendance.outcome, func.count())
        .join(Visit, Visit.id == VisitOccurrence.visit_id).join(Plan, Plan.id == Visit.plan_id)
        .outerjoin(VisitAttendance, VisitAttendance.occurrence_id == VisitOccurrence.id)
        .where(_once_published(programme_id), VisitOccurrence.on_date.between(starts_on, ends_on))
        .where(or_(Plan.status == PlanStatus.PUBLISHED, VisitAttendance.id.is_not(None)))
        .group_by(VisitOccurrence.on_date, VisitOccurrence.status, VisitAttendance.outcome)
    ).all()


def _visit_figures(rows: list, as_of: date) -> VisitFigures:
    tally: Counter = Counter()
    for on_date, status, outcome, n in rows:
        if on_date > as_of:
            continue
        if outcome is None and status is OccurrenceStatus.CANCELLED:
            tally["plan_cancelled"] += n
            continue
        tally["planned"] += n
        tally[outcome.value if outcome else "unrecorded"] += n
    return VisitFigures(tally["planned"], tally[VisitOutcome.DONE.value], tally[VisitOutcome.CHILD_ABSENT.value],
                        tally[VisitOutcome.TUTOR_ABSENT.value], tally[VisitOutcome.CANCELLED.value] + tally["plan_cancelled"],
                        tally["unrecorded"])


def _month_figures(programme: Programme, starts_on: date, ends_on: date, yearly_target: int,
                   session_rows: list, visit_rows: list) -> list[MonthFigures]:
    tally: dict[date, Counter] = defaultdict(Counter)
    for _id, _site, _plan, on_date, status, held, _reason, present in session_rows:
        month = tally[on_date.replace(day=1)]
        if held is not None or status is not OccurrenceStatus.CANCELLED:
            month["sessions_planned"] += 1
        month["sessions_held"] += bool(held)
        month["session_attendances"] += present if held else 0
    for on_date, status, outcome, n in visit_rows:
        month = tally[on_date.replace(day=1)]
        if outcome is not None or status is not OccurrenceStatus.CANCELLED:
            month["visits_planned"] += n
        month["visits_done"] += n if outcome is VisitOutcome.DONE else 0
    months = []
    for month in months_between(starts_on, ends_on):
        last = min((month + timedelta(days=32)).replace(day=1) - timedelta(days=1), ends_on)
        counts = tally[month]
        months.append(MonthFigures(month, _prorated(yearly_target, programme, max(month, starts_on), last),
                                   counts["sessions_planned"], counts["sessions_held"], counts["session_attendances"],
                                   counts["visits_planned"], counts["visits_done"]))
    return months


def _registered(session: Session, programme_id: int, starts_on: date) -> list:
    """(id, grade, mode, household language, waiting since, active) of every child on the register in the period."""
    return session.execute(
        select(Student.id, Student.grade, Student.mode, Household.language, Student.waiting_since, Student.active)
        .join(Household, Household.id == Student.household_id)
        .where(Household.programme_id == programme_id, Student.anonymised_on.is_(None),
               or_(Student.support_ended_on.is_(None), Student.support_ended_on >= starts_on))
    ).all()


def _room_attendance(session: Session, programme_id: int, starts_on: date, ends_on: date) -> dict[int, int]:
    """Held sessions of the period each child came to."""
    return dict(session.execute(
        select(RollCallChild.student_id, func.count())
        .join(RollCall, RollCall.id == RollCallChild.roll_call_id)
        .join(RoomSession, RoomSession.id == RollCall.session_id).join(Plan, Plan.id == RoomSession.plan_id)
        .where(_once_published(programme_id), RollCall.held, RoomSession.on_date.between(starts_on, ends_on))
        .group_by(RollCallChild.student_id)).all())


def _done_visits(session: Session, programme_id: int, starts_on: date, ends_on: date) -> list:
    """(child, tutor who went, minutes) of the period's done visits, summed per child and tutor: one scan serves
    both the children served and the tutors' hours."""
    visitor = func.coalesce(VisitOccurrence.substitute_tutor_id, Visit.tutor_id)
    return session.execute(
        select(Visit.student_id, visitor, func.sum(VisitOccurrence.end_minute - VisitOccurrence.start_minute))
        .join(Visit, Visit.id == VisitOccurrence.visit_id).join(Plan, Plan.id == Visit.plan_id)
        .join(VisitAttendance, VisitAttendance.occurrence_id == VisitOccurrence.id)
        .where(_once_published(programme_id), VisitAttendance.outcome == VisitOutcome.DONE,
               VisitOccurrence.on_date.between(starts_on, ends_on)).group_by(Visit.student_id, visitor)).all()


def _served(registered: list, attended: set[int]) -> list[ServedCount]:
    breakdowns = (("grade", lambda r: str(r.grade)), ("service", lambda r: r.mode.value), ("language", lambda r: r.language))
    served = []
    for name, key_of in breakdowns:
        on_register, came = Counter(key_of(r) for r in registered), Counter(key_of(r) for r in registered
                                                                             if r.id in attended)
        order = sorted(on_register, key=lambda k: (int(k) if name == "grade" else 0, k))
        served += [ServedCount(name, key, on_register[key], came[key]) for key in order]
    return served


def _placed(session: Session, programme_id: int) -> set[int]:
    """Children the published plans place: a weekly visit or a study-room site."""
    published = select(Plan.id).where(Plan.programme_id == programme_id, Plan.status == PlanStatus.PUBLISHED)
    return set(session.scalars(select(Visit.student_id).where(Visit.plan_id.in_(published)))) | set(
        session.scalars(select(StudentSiteAssignment.student_id)
                        .where(StudentSiteAssignment.plan_id.in_(published))))


def _waiting(registered: list, placed: set[int], as_of: date) -> tuple[list[BucketCount], Optional[float]]:
    """Children on the register, active, waiting since a date and not placed by a published plan: how long."""
    days = [(as_of - r.waiting_since).days for r in registered
            if r.active and r.waiting_since and r.waiting_since <= as_of and r.id not in placed]
    counts = Counter(bucket_of(d, WAITING_BUCKETS) for d in days)
    return [BucketCount(key, counts[key]) for _lower, key in WAITING_BUCKETS], (sum(days) / len(days) if days else None)


def _distribution(registered: list, attendance: dict[int, int]) -> list[BucketCount]:
    counts = Counter(bucket_of(attendance.get(r.id, 0), ATTENDANCE_BUCKETS) for r in registered
                     if r.mode is Mode.STUDY_ROOM or r.id in attendance)
    return [BucketCount(key, counts[key]) for _lower, key in ATTENDANCE_BUCKETS]


def _hours(session: Session, programme_id: int, starts_on: date, ends_on: date, done_visits: list
           ) -> list[TutorHours]:
    """Hours of done visits (by whoever went that day) and of held sessions (by who the roll call says worked)."""
    visit_minutes = [(tutor_id, minutes) for _student_id, tutor_id, minutes in done_visits]
    length = (func.coalesce(RollCall.actual_end_minute, RoomSession.end_minute)
              - func.coalesce(RollCall.actual_start_minute, RoomSession.start_minute))
    session_minutes = session.execute(
        select(RollCallTutor.tutor_id, func.sum(length))
        .join(RollCall, RollCall.id == RollCallTutor.roll_call_id)
        .join(RoomSession, RoomSession.id == RollCall.session_id).join(Plan, Plan.id == RoomSession.plan_id)
        .where(_once_published(programme_id), RollCall.held, RoomSession.on_date.between(starts_on, ends_on))
        .group_by(RollCallTutor.tutor_id)).all()
    kinds = dict(session.execute(select(Tutor.id, Tutor.kind).where(Tutor.programme_id == programme_id)).all())
    minutes: dict[TutorKind, list[int]] = defaultdict(lambda: [0, 0])
    tutors: dict[TutorKind, set[int]] = defaultdict(set)
    for column, rows in enumerate((visit_minutes, session_minutes)):
        for tutor_id, total in rows:
            minutes[kinds[tutor_id]][column] += int(total or 0)
            tutors[kinds[tutor_id]].add(tutor_id)
    return [TutorHours(kind, len(tutors[kind]), minutes[kind][0] / 60, minutes[kind][1] / 60) for kind in TutorKind]


def _progression(session: Session, programme: Programme, registered: list) -> list[ProgressionCount]:
    ninth = {r.id for r in registered if r.grade == NINTH_GRADE}
    recorded = dict(session.execute(
        select(StudentProgression.student_id, StudentProgression.outcome)
        .where(StudentProgression.school_year == programme.school_year)).all())
    counts = Counter(recorded.get(student_id) for student_id in ninth)
    return [ProgressionCount(outcome, counts[outcome]) for outcome in (*Progression, None)]


def build_report(session: Session, programme_id: int, starts_on: date, ends_on: date, as_of: date) -> Report:
    """The report of a programme for the days starts_on..ends_on, counting what was recorded up to as_of."""
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise NotFound(f"programme {programme_id}")
    session_rows = _session_rows(session, programme_id, starts_on, ends_on)
    visit_rows = _visit_rows(session, programme_id, starts_on, ends_on)
    sites, cancellations = _site_figures(session, programme, starts_on, ends_on, as_of, session_rows)
    yearly_target = sum(session.scalars(select(Site.target_sessions).where(Site.programme_id == programme_id)))
    registered = _registered(session, programme_id, starts_on)
    room_attendance = _room_attendance(session, programme_id, starts_on, ends_on)
    done_visits = _done_visits(session, programme_id, starts_on, ends_on)
    attended = set(room_attendance) | {student_id for student_id, _tutor, _minutes in done_visits}
    waiting, waiting_mean = _waiting(registered, _placed(session, programme_id), as_of)
    return Report(
        programme_name=programme.name, school_year=programme.school_year, starts_on=starts_on, ends_on=ends_on,
        as_of=as_of, sites=sites, total=_total(sites), cancellations=cancellations,
        months=_month_figures(programme, starts_on, ends_on, yearly_target, session_rows, visit_rows),
        served=_served(registered, attended), visits=_visit_figures(visit_rows, as_of),
        hours=_hours(session, programme_id, starts_on, ends_on, done_visits),
        attendance_distribution=_distribution(registered, room_attendance), waiting=waiting,
        waiting_mean_days=waiting_mean, progression=_progression(session, programme, registered),
    )
