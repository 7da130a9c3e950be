"""Substitutes for an absent tutor's dated visit: only tutors who keep every hard rule, best fit first."""

from __future__ import annotations

from datetime import date

import pytest

from matching.models import OccurrenceStatus, PlanKind, TutorAvailability, TutorSubject
from matching.planning.visits.substitutes import assign_substitute, cancel_occurrence, visit_substitutes
from matching.services.errors import InvalidState
from matching.services.tutor_schedule import tutor_schedule
from tests.factories import make_household, make_programme, make_student, make_tutor, make_tutor_exception
from tests.plan_factories import add_visit, make_plan

TODAY = date(2026, 11, 22)
TUESDAY = date(2026, 11, 24)


@pytest.fixture
def absence(session):
    """Tutor A visits a 中3 child on Tuesdays 18:00; B, C, D, E and F are the other tutors."""
    programme = make_programme(session)
    child = make_student(session, make_household(session, programme, lat=35.736, lon=139.651))
    tutors = {name: make_tutor(session, programme, given_name=name, lat=35.74, lon=139.655) for name in "ABCDE"}
    tutors["F"] = make_tutor(session, programme, given_name="F", lat=35.737, lon=139.652)  # nearer than B
    tutors["C"].subjects = [TutorSubject(subject="english", min_grade=7, max_grade=9)]  # no math
    tutors["E"].availability = [TutorAvailability(weekday=3, start_minute=17 * 60, end_minute=21 * 60)]  # Thursdays
    make_tutor_exception(session, tutors["D"], TUESDAY, TUESDAY)  # away that day
    make_tutor_exception(session, tutors["A"], TUESDAY, TUESDAY)
    plan = make_plan(session, programme, PlanKind.VISITS)
    visit = add_visit(session, plan, child, tutors["A"], [TUESDAY, date(2026, 12, 1)])
    session.commit()
    return programme, tutors, visit.occurrences[0]


def test_only_tutors_keeping_every_rule_are_offered_nearest_first(session, absence):
    programme, tutors, occurrence = absence
    choice = visit_substitutes(session, programme.id, occurrence.id, TODAY)
    assert [s.name.split()[-1] for s in choice.substitutes] == ["F", "B"]
    assert choice.substitutes[0].travel_minutes <= choice.substitutes[1].travel_minutes


def test_a_tutor_already_standing_in_at_that_time_is_not_offered_again(session, absence):
    programme, tutors, occurrence = absence
    other_child = make_student(session, make_household(session, programme, lat=35.7361, lon=139.6511))
    plan = occurrence.visit.plan
    other = add_visit(session, plan, other_child, tutors["E"], [TUESDAY])
    other.occurrences[0].substitute_tutor_id = tutors["F"].id  # F covers another Tuesday 18:00 visit already
    session.commit()
    names = [s.name.split()[-1] for s in visit_substitutes(session, programme.id, occurrence.id, TODAY).substitutes]
    assert names == ["B"]


def test_assigning_a_substitute_moves_the_date_to_their_schedule(session, absence):
    programme, tutors, occurrence = absence
    assign_substitute(session, programme.id, occurrence.id, tutors["B"].id, user_id=None, today=TODAY)
    assert [i.on_date for i in tutor_schedule(session, programme.id, tutors["B"].id, TODAY)] == [TUESDAY]
    assert [i.on_date for i in tutor_schedule(session, programme.id, tutors["A"].id, TODAY)] == [date(2026, 12, 1)]


def test_a_tutor_not_on_the_list_cannot_be_assigned(session, absence):
    programme, tutors, occurrence = absence
    with pytest.raises(InvalidState):
        assign_substitute(session, programme.id, occurrence.id, tutors["C"].id, user_id=None, today=TODAY)
    assert occurrence.substitute_tutor_id is None


def test_a_visit_without_substitute_can_be_cancelled(session, absence):
    programme, tutors, occurrence = absence
    cancel_occurrence(session, programme.id, occurrence.id, user_id=None, today=TODAY)
    session.refresh(occurrence)
    assert occurrence.status is OccurrenceStatus.CANCELLED
    family_view = tutor_schedule(session, programme.id, tutors["A"].id, TODAY)
    assert [(i.on_date, i.cancelled) for i in family_view] == [(TUESDAY, True), (date(2026, 12, 1), False)]
