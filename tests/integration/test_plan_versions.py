"""A new published version keeps what was arranged for the dates it leaves unchanged, with the same calendar ids."""

from __future__ import annotations

from datetime import date, datetime, timezone

from matching.ical import schedule_ics
from matching.models import (
    OccurrenceStatus, Plan, PlanKind, PlanStatus, Session as RoomSession, SessionStaff,
)
from matching.planning.lifecycle import plan_with_status, publish
from matching.planning.rooms import adjust
from matching.services.tutor_schedule import tutor_schedule
from tests.integration import rooms_world
from tests.integration.visit_world import TODAY, make_visit_world, tuesday_draft

CONFIRMED_AT = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
STAMP = datetime(2026, 11, 30, 0, 0, tzinfo=timezone.utc)



def _uids(ics: bytes) -> list[str]:
    return [line.split(":", 1)[1].strip() for line in ics.decode().splitlines() if line.startswith("UID:")]


def test_a_substitute_a_cancellation_and_both_confirmations_survive_an_unrelated_publish(session):
    world = make_visit_world(session)
    first = tuesday_draft(session, world, [(0, 0, 18)])
    publish(session, world.programme_id, first.id, first.lock_version, None, TODAY)
    (visit,) = first.visits
    covered, cancelled, confirmed = visit.occurrences[:3]
    visit.confirmed_at = CONFIRMED_AT  # the tutor's
    covered.substitute_tutor_id = world.tutor_ids[1]
    cancelled.status = OccurrenceStatus.CANCELLED
    confirmed.household_confirmed_at = CONFIRMED_AT  # the family's
    session.commit()
    uids = {o.on_date: o.calendar_uid for o in visit.occurrences}
    feed_before = _uids(schedule_ics(tutor_schedule(session, world.programme_id, world.tutor_ids[0], TODAY), "t", STAMP))

    second = tuesday_draft(session, world, [(0, 0, 18), (1, 1, 15)])  # only the second child changes
    publish(session, world.programme_id, second.id, second.lock_version, None, TODAY)

    session.expire_all()
    kept = next(v for v in session.get(Plan, second.id).visits if v.student_id == world.student_ids[0])
    dated = {o.on_date: o for o in kept.occurrences}
    assert kept.confirmed_at is not None
    assert dated[covered.on_date].substitute_tutor_id == world.tutor_ids[1]
    assert dated[cancelled.on_date].status is OccurrenceStatus.CANCELLED
    assert dated[confirmed.on_date].household_confirmed_at is not None
    assert {day: o.calendar_uid for day, o in dated.items()} == uids
    feed_after = _uids(schedule_ics(tutor_schedule(session, world.programme_id, world.tutor_ids[0], TODAY), "t", STAMP))
    assert feed_after == feed_before and feed_after


def test_a_changed_date_gets_a_new_calendar_uid_and_no_old_arrangement(session):
    world = make_visit_world(session)
    first = tuesday_draft(session, world, [(0, 0, 18)])
    publish(session, world.programme_id, first.id, first.lock_version, None, TODAY)
    old = first.visits[0].occurrences[0]
    old.household_confirmed_at = CONFIRMED_AT
    session.commit()
    second = tuesday_draft(session, world, [(0, 0, 17)])  # a new time: every date changes
    publish(session, world.programme_id, second.id, second.lock_version, None, TODAY)
    session.expire_all()
    moved = session.get(Plan, second.id).visits[0].occurrences[0]
    assert moved.on_date == old.on_date and moved.calendar_uid != old.calendar_uid
    assert moved.household_confirmed_at is None


def test_a_session_substitute_cancellation_and_confirmation_survive_an_unrelated_publish(session):
    world = rooms_world.build_rooms_world(session)
    rooms_world.solve(session, world)
    plan = rooms_world.draft(session, world)
    publish(session, world.programme_id, plan.id, plan.lock_version, None, rooms_world.TODAY)
    published = session.get(Plan, plan.id)
    covered, cancelled, confirmed, moved = published.sessions[:4]
    absent = covered.staff[0]
    spare = next(t for t in world.tutor_ids if t not in {st.tutor_id for st in covered.staff})
    absent.tutor_id, absent.substitute_for_id = spare, absent.tutor_id
    cancelled.status = OccurrenceStatus.CANCELLED
    confirmed.staff[0].confirmed_at = CONFIRMED_AT
    session.commit()
    before = {s.on_date: (s.calendar_uid, s.status, sorted((st.tutor_id, st.substitute_for_id, st.confirmed_at is not None)
                                                            for st in s.staff))
              for s in (covered, cancelled, confirmed)}

    rooms_world.solve(session, world, published.id)
    draft = rooms_world.draft(session, world)
    row = next(s for s in draft.sessions if s.on_date == moved.on_date)
    adjust.move_session(session, world.programme_id, draft.id, row.id, date(2026, 6, 16), draft.lock_version, None,
                        confirm=True, today=rooms_world.TODAY)
    draft = rooms_world.draft(session, world)
    publish(session, world.programme_id, draft.id, draft.lock_version, None, rooms_world.TODAY)

    session.expire_all()
    now = plan_with_status(session, world.programme_id, PlanKind.ROOMS, PlanStatus.PUBLISHED)
    assert now.id == draft.id
    after = {s.on_date: (s.calendar_uid, s.status, sorted((st.tutor_id, st.substitute_for_id, st.confirmed_at is not None)
                                                           for st in s.staff))
             for s in now.sessions if s.on_date in before}
    assert after == before


def test_a_draft_made_before_the_substitution_gets_the_substitute_in_the_absent_tutors_place(session):
    world = rooms_world.build_rooms_world(session)
    absent, stand_in, other = world.tutor_ids
    day = date(2026, 6, 2)
    plans = []
    for staff in ((stand_in, other), (absent, other)):  # the published plan after the substitution, then the draft
        plan = Plan(programme_id=world.programme_id, kind=PlanKind.ROOMS, status=PlanStatus.DRAFT)
        plan.sessions = [RoomSession(site_id=world.site_id, on_date=day, start_minute=18 * 60, end_minute=20 * 60,
                                     staff=[SessionStaff(tutor_id=t) for t in staff])]
        session.add(plan)
        plans.append(plan)
    published, draft = plans
    published.status, published.version = PlanStatus.PUBLISHED, 1
    covering = next(st for st in published.sessions[0].staff if st.tutor_id == stand_in)
    covering.substitute_for_id, covering.confirmed_at = absent, CONFIRMED_AT
    session.commit()
    publish(session, world.programme_id, draft.id, draft.lock_version, None, rooms_world.TODAY)
    session.expire_all()
    staff = {st.tutor_id: st for st in session.get(Plan, draft.id).sessions[0].staff}
    assert set(staff) == {stand_in, other}
    assert staff[stand_in].substitute_for_id == absent and staff[stand_in].confirmed_at is not None
