"""The coordinator's to-do: what needs a person today, each with how many and the first few to act on."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from matching.models import (
    Channel, Household, HouseholdMessage, Mode, Notification, NotificationStatus, OccurrenceStatus, PlanKind, Site,
    Student, StudentAvailability, StudentNeed, StudentSiteAssignment, Visit, VisitOccurrence,
)
from matching.models import Session as RoomSession
from matching.models import SessionStaff
from matching.services.absences import open_absences
from matching.services.published import published_plan_id
from matching.services.support_end import supported_on
from solver.rooms.eligibility import required_staff

WEEK = timedelta(days=6)
LONGEST_WAITING = 5


@dataclass(frozen=True)
class ShortSession:
    """A study-room session this week with fewer tutors than its children need."""

    session_id: int
    plan_id: int
    site_name: str
    on_date: date
    start: int
    end: int
    staff: int
    required: int


@dataclass(frozen=True)
class WaitingChild:
    """A home-visit child with a need no published visit covers, and since when it waits."""

    student_id: int
    name: str
    grade: int
    days_waiting: int


@dataclass(frozen=True)
class CoordinatorTodo:
    """Everything on the coordinator's home that asks for action; zero everywhere means nothing to do."""

    dates_to_cover: int  # dated visits and sessions of absent tutors still without cover
    absences: int
    messages: int  # family messages not handled
    letters: int  # letters waiting to be printed
    unconfirmed: int  # published assignments from today not yet confirmed by their tutor
    short_sessions: tuple[ShortSession, ...]
    waiting: tuple[WaitingChild, ...]
    waiting_total: int

    @property
    def anything(self) -> bool:
        """Whether any item needs action."""
        return bool(self.dates_to_cover or self.messages or self.letters or self.unconfirmed
                    or self.short_sessions or self.waiting_total)


def _unconfirmed(session: Session, programme_id: int, today: date) -> int:
    """Weekly visits and session places from today on that the tutor has not confirmed."""
    count = 0
    visits_plan = published_plan_id(session, programme_id, PlanKind.VISITS)
    if visits_plan is not None:
        count += session.scalar(select(func.count(Visit.id)).where(Visit.plan_id == visits_plan,
                                                                   Visit.confirmed_at.is_(None))) or 0
    rooms_plan = published_plan_id(session, programme_id, PlanKind.ROOMS)
    if rooms_plan is not None:
        count += session.scalar(
            select(func.count(SessionStaff.id)).join(RoomSession)
            .where(RoomSession.plan_id == rooms_plan, RoomSession.on_date >= today,
                   RoomSession.status != OccurrenceStatus.CANCELLED, SessionStaff.confirmed_at.is_(None))) or 0
    return count


@dataclass(frozen=True)
class _Staffing:
    """The two figures of a site that the solver's staffing rule reads."""

    min_tutors: int
    children_per_tutor: int


def _short_sessions(session: Session, programme_id: int, today: date) -> tuple[ShortSession, ...]:
    """This week's published sessions with fewer tutors than the solver's own staffing rule asks for."""
    plan_id = published_plan_id(session, programme_id, PlanKind.ROOMS)
    if plan_id is None:
        return ()
    rows = session.scalars(select(RoomSession).where(
        RoomSession.plan_id == plan_id, RoomSession.on_date.between(today, today + WEEK),
        RoomSession.status != OccurrenceStatus.CANCELLED).order_by(RoomSession.on_date, RoomSession.start_minute)).all()
    if not rows:
        return ()
    children_days = session.execute(
        select(StudentSiteAssignment.site_id, StudentSiteAssignment.student_id, StudentAvailability.weekday)
        .join(StudentAvailability, StudentAvailability.student_id == StudentSiteAssignment.student_id)
        .where(StudentSiteAssignment.plan_id == plan_id).distinct()).all()
    coming: dict[tuple[int, int], int] = defaultdict(int)  # (site, weekday) -> children who can come
    for site_id, _student_id, weekday in children_days:
        coming[(site_id, weekday)] += 1
    sites = {s.id: s for s in session.scalars(select(Site).where(Site.id.in_({r.site_id for r in rows})))}
    out = []
    for row in rows:
        site = sites[row.site_id]
        need = required_staff(_Staffing(site.min_tutors_per_session, site.children_per_tutor),
                              coming[(row.site_id, row.on_date.weekday())])
        staff = len({st.tutor_id for st in row.staff})
        if staff < need:
            out.append(ShortSession(row.id, plan_id, site.name, row.on_date, row.start_minute, row.end_minute, staff, need))
    return tuple(out)


def _waiting(session: Session, programme_id: int, today: date) -> tuple[int, tuple[WaitingChild, ...]]:
    """Home-visit children with a need the published plan does not cover: how many, and the longest waiting.

    Counted and ordered in the database (a programme may have thousands waiting); a child without a
    waiting-since date counts from when it was registered.
    """
    plan_id = published_plan_id(session, programme_id, PlanKind.VISITS)
    uncovered = select(StudentNeed.id).where(StudentNeed.student_id == Student.id, StudentNeed.removed_at.is_(None))
    if plan_id is not None:
        uncovered = uncovered.where(StudentNeed.id.not_in(select(Visit.need_id).where(Visit.plan_id == plan_id)))
    waiting = (select(Student).join(Household)
               .where(Household.programme_id == programme_id, supported_on(today), Student.mode == Mode.HOME_VISIT,
                      uncovered.exists()))
    total = session.scalar(select(func.count()).select_from(waiting.subquery())) or 0
    first = session.scalars(waiting.order_by(Student.waiting_since.is_(None), Student.waiting_since,
                                             Student.created_at, Student.id).limit(LONGEST_WAITING)).all()

    def since(student: Student) -> date:
        return student.waiting_since or student.created_at.date()

    return total, tuple(WaitingChild(s.id, s.full_name, s.grade, max(0, (today - since(s)).days)) for s in first)


def coordinator_todo(session: Session, programme_id: int, today: date) -> CoordinatorTodo:
    """What needs the coordinator's action today, for the home page."""
    absences = open_absences(session, programme_id, today)
    to_cover = sum(1 for a in absences for item in a.affected if not item.cancelled)
    messages = session.scalar(
        select(func.count(HouseholdMessage.id)).join(Household, HouseholdMessage.household_id == Household.id)
        .where(Household.programme_id == programme_id, HouseholdMessage.handled_at.is_(None))) or 0
    letters = session.scalar(
        select(func.count(Notification.id)).outerjoin(Household, Notification.household_id == Household.id)
        .where(Notification.channel == Channel.LETTER,
               Notification.status.in_([NotificationStatus.PENDING, NotificationStatus.FAILED]),
               or_(Household.programme_id == programme_id, Notification.household_id.is_(None)))) or 0
    waiting_total, waiting = _waiting(session, programme_id, today)
    return CoordinatorTodo(to_cover, len(absences), messages, letters, _unconfirmed(session, programme_id, today),
                           _short_sessions(session, programme_id, today), waiting, waiting_total)
