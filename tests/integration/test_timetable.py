"""One timetable per tutor: published visits and sessions in one place, read by both solvers, the substitute
list and the tutor's page; a dated visit whose tutor has a session then needs a substitute."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from matching.models import Plan, PlanKind, PlanStatus, Session as RoomSession, Site, TutorSite, Visit, VisitPin
from matching.planning.busy_elsewhere import mark_busy_elsewhere
from matching.planning.rooms.candidates import staff_candidates
from matching.planning.rooms.context import load_context
from matching.planning.rooms.problem import build_rooms_problem
from matching.planning.timetable import SESSION, VISIT, load_timetable
from matching.planning.visits.adjust import UnconfirmedBreaks, save_reassignment
from matching.planning.visits.problem import build_visits_problem
from matching.planning.visits.substitutes import visit_substitutes
from matching.services.tutor_schedule import tutor_schedule
from tests.factories import make_household, make_programme, make_site, make_student, make_tutor
from solver.visits.candidates import build_candidates
from tests.plan_factories import add_session, add_visit, make_plan

TODAY = date(2026, 11, 22)
TUESDAY = date(2026, 11, 24)
NEXT_TUESDAY = date(2026, 12, 1)


@pytest.fixture
def world(session):
    """Tutor A visits a child on Tuesdays 18:00-20:00 and also staffs a study-room session on the first Tuesday."""
    programme = make_programme(session)
    site = make_site(session, programme)
    child = make_student(session, make_household(session, programme, lat=35.736, lon=139.651))
    tutors = {name: make_tutor(session, programme, given_name=name, lat=35.737, lon=139.652) for name in "ABC"}
    for tutor in tutors.values():
        session.add(TutorSite(tutor_id=tutor.id, site_id=site.id))
    visits_plan = make_plan(session, programme, PlanKind.VISITS)
    visit = add_visit(session, visits_plan, child, tutors["A"], [TUESDAY, NEXT_TUESDAY])
    rooms_plan = make_plan(session, programme, PlanKind.ROOMS)
    add_session(session, rooms_plan, site, TUESDAY, [tutors["A"]])
    add_session(session, rooms_plan, site, NEXT_TUESDAY, [tutors["B"]], start=16 * 60, end=17 * 60)
    session.commit()
    return programme, tutors, visit


def test_a_visit_meeting_the_tutors_session_needs_a_substitute_and_leaves_no_clash(session, world):
    programme, tutors, visit = world
    assert len(load_timetable(session, programme.id, TODAY).clashes()) == 1
    assert mark_busy_elsewhere(session, programme.id, None, TODAY) == 1
    assert [o.busy_elsewhere for o in visit.occurrences] == [True, False]
    assert load_timetable(session, programme.id, TODAY).clashes() == []
    # A's page lists the session on the first Tuesday and the visit only on the second.
    assert [(i.kind, i.on_date) for i in tutor_schedule(session, programme.id, tutors["A"].id, TODAY)] == [
        ("session", TUESDAY), ("visit", NEXT_TUESDAY)]


def test_the_mark_goes_when_the_session_does(session, world):
    programme, tutors, visit = world
    mark_busy_elsewhere(session, programme.id, None, TODAY)
    rooms = [s for s in load_timetable(session, programme.id, TODAY, kinds=(SESSION,)).of(tutors["A"].id)]
    session.delete(session.get(RoomSession, rooms[0].item_id))
    session.flush()
    assert mark_busy_elsewhere(session, programme.id, None, TODAY) == 1
    assert [o.busy_elsewhere for o in visit.occurrences] == [False, False]


def test_a_tutor_with_a_session_then_is_not_offered_as_substitute(session, world):
    programme, tutors, visit = world
    mark_busy_elsewhere(session, programme.id, None, TODAY)
    free = visit_substitutes(session, programme.id, visit.occurrences[0].id, TODAY)
    assert {s.tutor_id for s in free.substitutes} == {tutors["B"].id, tutors["C"].id}
    # B's session ends at 17:00 next door, an hour before the visit: B may go on the second Tuesday ...
    second = visit_substitutes(session, programme.id, visit.occurrences[1].id, TODAY)
    assert tutors["B"].id in {s.tutor_id for s in second.substitutes}
    # ... but not if it ran until 18:00 at a site 18 minutes away.
    b_session = load_timetable(session, programme.id, TODAY, kinds=(SESSION,)).of(tutors["B"].id)[0]
    row = session.get(RoomSession, b_session.item_id)
    row.end_minute = 18 * 60
    row.site.lat += 0.03
    session.flush()
    second = visit_substitutes(session, programme.id, visit.occurrences[1].id, TODAY)
    assert tutors["B"].id not in {s.tutor_id for s in second.substitutes}


def test_each_solver_problem_carries_the_other_services_commitments_as_busy_time(session, world):
    programme, tutors, _visit = world
    visits = build_visits_problem(session, programme.id, None, TODAY)
    a = next(t for t in visits.tutors if t.id == str(tutors["A"].id))
    assert [(b.date, b.start, b.end) for b in a.busy] == [(TUESDAY, 18 * 60, 20 * 60)]
    rooms = build_rooms_problem(session, programme.id, None, TODAY)
    a = next(t for t in rooms.tutors if t.id == str(tutors["A"].id))
    assert [(b.date, b.start) for b in a.busy] == [(TUESDAY, 18 * 60), (NEXT_TUESDAY, 18 * 60)]
    mark_busy_elsewhere(session, programme.id, None, TODAY)
    rooms = build_rooms_problem(session, programme.id, None, TODAY)
    a = next(t for t in rooms.tutors if t.id == str(tutors["A"].id))
    assert [b.date for b in a.busy] == [NEXT_TUESDAY]  # the first Tuesday the session holds and the visit yields
    assert load_timetable(session, programme.id, TODAY).busy(tutors["A"].id, VISIT) == a.busy


def _tuesday_sessions(session, programme, site, tutor, weeks: int) -> None:
    """Tutor staffs the published study room on the Tuesdays from 1 December, 18:00-20:00."""
    rooms_plan = next(p for p in programme_plans(session, programme.id) if p.kind is PlanKind.ROOMS)
    for k in range(weeks):
        add_session(session, rooms_plan, site, NEXT_TUESDAY + timedelta(weeks=k + 1), [tutor])
    session.commit()


def programme_plans(session, programme_id):
    return session.scalars(select(Plan).where(Plan.programme_id == programme_id).order_by(Plan.id)).all()


def test_moving_a_visit_to_a_tutor_with_sessions_on_many_of_its_dates_is_a_rule_break(session, world):
    programme, tutors, visit = world
    site = session.scalars(select(Site).where(Site.programme_id == programme.id)).one()
    _tuesday_sessions(session, programme, site, tutors["C"], 4)
    draft = make_plan(session, programme, PlanKind.VISITS, PlanStatus.DRAFT)
    session.add(Visit(plan_id=draft.id, student_id=visit.student_id, need_id=visit.need_id, subject="math",
                      tutor_id=tutors["A"].id, weekday=1, start_minute=18 * 60, end_minute=20 * 60))
    session.commit()
    with pytest.raises(UnconfirmedBreaks) as caught:
        save_reassignment(session, programme.id, draft.id, visit.need_id, draft.visits[0].id, tutors["C"].id, 1,
                          18 * 60, draft.lock_version, False, None, TODAY)
    assert {b.code for b in caught.value.breaks} == {"busy_clash"}
    # B's one session that month ends at 17:00 next door, an hour before: no break.
    assert save_reassignment(session, programme.id, draft.id, visit.need_id, draft.visits[0].id, tutors["B"].id, 1,
                             18 * 60, draft.lock_version, False, None, TODAY) == ()


def test_a_tutor_on_a_home_visit_then_is_ranked_with_a_busy_clash_for_a_session(session, world):
    programme, tutors, _visit = world
    site = session.scalars(select(Site).where(Site.programme_id == programme.id)).one()
    draft = make_plan(session, programme, PlanKind.ROOMS, PlanStatus.DRAFT)
    row = add_session(session, draft, site, TUESDAY, [tutors["B"]])
    session.commit()
    ranked = {c.tutor_id: {v.code for v in c.violations}
              for c in staff_candidates(session, load_context(session, programme.id, draft.id, TODAY), row.id)}
    assert "busy_clash" in ranked[tutors["A"].id] and "busy_clash" not in ranked[tutors["C"].id]


def test_a_pinned_visit_stands_against_its_tutors_sessions(session, world):
    programme, tutors, visit = world
    site = session.scalars(select(Site).where(Site.programme_id == programme.id)).one()
    _tuesday_sessions(session, programme, site, tutors["A"], 4)
    draft = make_plan(session, programme, PlanKind.VISITS, PlanStatus.DRAFT)
    session.add(VisitPin(plan_id=draft.id, need_id=visit.need_id, tutor_id=tutors["A"].id, weekday=1,
                         start_minute=18 * 60))
    session.commit()
    problem = build_visits_problem(session, programme.id, draft.id, TODAY)
    a = next(t for t in problem.tutors if t.id == str(tutors["A"].id))
    assert a.busy == ()  # every session it meets is left to the publish marks, so the solve keeps the pin
    assert build_candidates(problem).find(0, problem.tutors.index(a), 1, 18 * 60) is not None
