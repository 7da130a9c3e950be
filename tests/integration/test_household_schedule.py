"""A household's schedule: its own children's published dates only, tutors by given name, substitutes shown."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from matching.models import OccurrenceStatus, PlanKind, PlanStatus, Programme, Student, Tutor, VisitOccurrence
from matching.services.household_schedule import household_schedule
from tests.household_factories import A_SESSION_DATE, make_families
from tests.plan_factories import add_visit, make_plan

TODAY = date(2026, 11, 22)


def test_a_household_sees_its_own_upcoming_visits_and_room_sessions(session):
    families = make_families(session)
    schedule = household_schedule(session, families.a, TODAY)
    assert [(v.on_date, v.start, v.end, v.child_given_name, v.subject, v.tutor_given_name) for v in schedule.visits] == [
        (date(2026, 11, 24), 18 * 60, 20 * 60, "陽菜", "math", "翔太"),
        (date(2026, 12, 1), 18 * 60, 20 * 60, "陽菜", "math", "翔太")]
    assert [(s.on_date, s.start, s.site_name, s.children) for s in schedule.sessions] == [
        (A_SESSION_DATE, 14 * 60, "みどり会館", ("蓮",))]
    assert sorted(c.given_name for c in schedule.children) == ["蓮", "陽菜"]


def test_another_households_children_and_tutors_never_appear(session):
    families = make_families(session)
    shown = repr(asdict(household_schedule(session, families.a, TODAY)))
    for other in ("結衣", "美咲", "さくら", "John Smith", "スミス"):
        assert other not in shown
    assert "結衣" in repr(asdict(household_schedule(session, families.b, TODAY)))


def test_family_names_of_tutors_and_sensitive_fields_are_not_in_the_schedule(session):
    families = make_families(session)
    shown = repr(asdict(household_schedule(session, families.a, TODAY)))
    for hidden in ("講師", "こうし", "welfare", "テスト用メモ", "テスト大学"):
        assert hidden not in shown


def test_a_substitute_tutors_given_name_is_shown_on_that_date(session):
    families = make_families(session)
    first = household_schedule(session, families.a, TODAY).visits[0]
    session.get(VisitOccurrence, first.occurrence_id).substitute_tutor_id = families.substitute
    session.commit()
    visits = household_schedule(session, families.a, TODAY).visits
    assert [(v.tutor_given_name, v.tutor_given_name_kana, v.substitute) for v in visits] == [
        ("大輝", "だいき", True), ("翔太", "しょうた", False)]


def test_cancelled_dates_stay_marked_cancelled(session):
    families = make_families(session)
    first = household_schedule(session, families.a, TODAY).visits[0]
    session.get(VisitOccurrence, first.occurrence_id).status = OccurrenceStatus.CANCELLED
    session.commit()
    assert [v.cancelled for v in household_schedule(session, families.a, TODAY).visits] == [True, False]


def test_draft_plans_are_never_shown_to_families(session):
    families = make_families(session)
    draft = make_plan(session, session.get(Programme, families.programme_id), PlanKind.VISITS, status=PlanStatus.DRAFT)
    add_visit(session, draft, session.get(Student, families.a_visit_child), session.get(Tutor, families.other_tutor),
              [date(2026, 11, 27)])
    session.commit()
    assert date(2026, 11, 27) not in [v.on_date for v in household_schedule(session, families.a, TODAY).visits]
