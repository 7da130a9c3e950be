"""A programme with a published rooms plan and visits plan and random attendance, and the truth of what was marked.

The report tests count their expectations from `Truth`, which records what this builder marked, never from the
report's own queries.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from sqlalchemy.orm import Session

from matching.models import (
    Mode, OccurrenceStatus, PlanKind, Progression, Programme, StudentProgression, StudentSiteAssignment, TutorKind,
    VisitOutcome,
)
from matching.services.attendance.marker import Marker
from matching.services.attendance.roll_call import RollCallInput, take_roll_call
from matching.services.attendance.visits import mark_visit
from tests.factories import make_household, make_programme, make_room_child, make_site, make_student, make_tutor
from tests.plan_factories import add_session, add_visit, make_plan

AS_OF = date(2026, 6, 15)
AT = datetime(2026, 6, 15, 12, tzinfo=timezone.utc)
COORDINATOR = Marker(user_id=None)


@dataclass
class Truth:
    """What the builder planned and marked: the facts the report must count."""

    programme: Programme
    site_ids: list[int] = field(default_factory=list)
    sessions: list[dict] = field(default_factory=list)  # site, date, fate (held/not_held/plan_cancelled/none), ...
    visits: list[dict] = field(default_factory=list)  # student, tutor, date, minutes, fate (an outcome, plan_cancelled, none)
    children: dict[int, dict] = field(default_factory=dict)  # id -> grade, mode, language, on_register, placed
    tutor_kinds: dict[int, TutorKind] = field(default_factory=dict)


def _weekly(first: date, last: date) -> list[date]:
    return [first + timedelta(weeks=k) for k in range((last - first).days // 7 + 1)]


def build_report_world(session: Session, seed: int = 13) -> Truth:
    """Plan and mark a term of sessions and visits at random (fixed seed), returning what was marked."""
    rng = random.Random(seed)
    programme = make_programme(session)
    truth = Truth(programme)
    sites = [make_site(session, programme, target_sessions=80), make_site(session, programme, target_sessions=40)]
    truth.site_ids = [s.id for s in sites]
    tutors = [make_tutor(session, programme, kind=kind) for kind in
              (TutorKind.STUDENT_VOLUNTEER, TutorKind.STUDENT_VOLUNTEER, TutorKind.PAID_STAFF, TutorKind.RETIRED_TEACHER)]
    truth.tutor_kinds = {t.id: t.kind for t in tutors}
    languages = ["ja", "vi", "zh-Hans", "ja", "ne", "ja", "en"]
    room_children = [_room_child(session, programme, sites[k % 2], 7 + k % 3, languages[k]) for k in range(7)]
    visit_children = [make_student(session, make_household(session, programme, language=languages[k]), grade=4 + k)
                      for k in range(5)]
    waiting = make_student(session, make_household(session, programme), grade=9, waiting_since=date(2026, 2, 1))
    ended = make_student(session, make_household(session, programme), grade=8, support_ended_on=date(2026, 3, 20))
    rooms, visits = make_plan(session, programme, PlanKind.ROOMS), make_plan(session, programme, PlanKind.VISITS)
    for child in room_children:
        session.add(StudentSiteAssignment(plan_id=rooms.id, student_id=child.id, site_id=child.home_site_id))
    for child in [*room_children, *visit_children, waiting]:
        truth.children[child.id] = dict(grade=child.grade, mode=child.mode, language=child.household.language,
                                        on_register=True, placed=child is not waiting,
                                        waiting_since=child.waiting_since)
    truth.children[ended.id] = dict(grade=8, mode=Mode.HOME_VISIT, language="ja", on_register=False, placed=False,
                                    waiting_since=ended.waiting_since)
    for day in _weekly(date(2026, 4, 7), date(2026, 7, 14)):
        for site in sites:
            staff = rng.sample(tutors, 2)
            room_session = add_session(session, rooms, site, day, staff, start=18 * 60, end=20 * 60)
            _mark_session(session, rng, truth, room_session, staff, [c for c in room_children
                                                                      if c.home_site_id == site.id])
    for k, child in enumerate(visit_children):
        tutor = tutors[k % len(tutors)]
        visit = add_visit(session, visits, child, tutor, _weekly(date(2026, 4, 8) + timedelta(days=k % 2),
                                                                 date(2026, 7, 15)), start=17 * 60, end=18 * 60 + 30)
        for occurrence in visit.occurrences:
            _mark_visit(session, rng, truth, occurrence, child.id, tutor.id)
    session.add_all([StudentProgression(student_id=waiting.id, school_year=2026, outcome=Progression.PRIVATE),
                     StudentProgression(student_id=room_children[2].id, school_year=2026,
                                        outcome=Progression.PUBLIC_FULL_TIME)])
    session.commit()
    return truth


def _room_child(session, programme, site, grade, language):
    child = make_room_child(session, programme, site, grade=grade)
    child.household.language = language
    return child


def _mark_session(session, rng, truth, room_session, staff, children) -> None:
    fate = rng.choices(["held", "not_held", "plan_cancelled", "none"], [7, 1, 1, 1])[0]
    if room_session.on_date > AS_OF and fate != "plan_cancelled":
        fate = "none"
    came = {c.id for c in children if rng.random() < 0.7}
    worked = {t.id for t in staff if rng.random() < 0.8}
    actual = (18 * 60 + 15, 20 * 60) if rng.random() < 0.3 else (None, None)
    if fate == "plan_cancelled":
        room_session.status = OccurrenceStatus.CANCELLED
        session.flush()
    elif fate in ("held", "not_held"):
        take_roll_call(session, truth.programme.id, room_session.id,
                       RollCallInput(held=fate == "held", child_ids=came, tutor_ids=worked,
                                     cancel_reason="" if fate == "held" else "台風",
                                     actual_start=actual[0], actual_end=actual[1]), COORDINATOR, AS_OF, AT)
    minutes = (actual[1] or 20 * 60) - (actual[0] or 18 * 60)
    truth.sessions.append(dict(site=room_session.site_id, date=room_session.on_date, fate=fate,
                               came=came if fate == "held" else set(), worked=worked if fate == "held" else set(),
                               minutes=minutes, expected=len(children)))


def _mark_visit(session, rng, truth, occurrence, student_id, tutor_id) -> None:
    outcomes = [*VisitOutcome, "plan_cancelled", "none"]
    fate = rng.choices(outcomes, [6, 1, 1, 1, 1, 1])[0]
    if occurrence.on_date > AS_OF and fate != "plan_cancelled":
        fate = "none"
    if fate == "plan_cancelled":
        occurrence.status = OccurrenceStatus.CANCELLED
        session.flush()
    elif fate != "none":
        mark_visit(session, truth.programme.id, occurrence.id, fate, "", COORDINATOR, AS_OF, AT)
    truth.visits.append(dict(student=student_id, tutor=tutor_id, date=occurrence.on_date, fate=fate,
                             minutes=occurrence.end_minute - occurrence.start_minute))
