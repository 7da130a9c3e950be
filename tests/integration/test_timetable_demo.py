"""On the demo, whatever order the two services are solved and published in, no tutor is in two places at once."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from sqlalchemy import select

from matching.db import make_engine, make_session_factory
from matching.models import (
    Plan, PlanKind, PlanStatus, Programme, Site, TutorAvailability, TutorSite, TutorSubject, Visit, VisitOccurrence,
)
from matching.planning.jobs import queue_solve, run_solve
from matching.planning.lifecycle import plan_with_status, publish
from matching.planning.timetable import load_timetable
from matching.planning.visits.substitutes import assign_substitute, visit_substitutes
from matching.services.programme import current_programme
from seed_data.demo import load_demo
from tests.factories import make_tutor

TODAY = date(2026, 11, 30)
# The solvers end on deterministic work budgets; a short wall limit only makes a loaded machine stop earlier.
TIME_LIMIT_S = 5.0


@pytest.fixture
def demo(sqlite_template, tmp_path):
    """A session factory on a fresh copy of the demo, and its programme id."""
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    factory = make_session_factory(engine)
    with factory() as session:
        load_demo(session)
        programme_id = current_programme(session).id
    yield factory, programme_id
    engine.dispose()


def solve_and_publish(factory, programme_id: int, kind: PlanKind) -> Plan:
    """Solve from the published plan of the kind (if any) and publish the result, as the coordinator pages do."""
    with factory() as session:
        base = plan_with_status(session, programme_id, kind, PlanStatus.PUBLISHED)
        job_id = queue_solve(session, programme_id, kind, None, base.id if base else None)
    run_solve(factory, job_id, TIME_LIMIT_S, TODAY)
    with factory() as session:
        plan = (plan_with_status(session, programme_id, kind, PlanStatus.PROPOSED)
                or plan_with_status(session, programme_id, kind, PlanStatus.DRAFT))
        return publish(session, programme_id, plan.id, plan.lock_version, None, TODAY)


def clashes(factory, programme_id: int) -> list:
    """Every pair of one tutor's published dated items from today on that overlap or leave too little travel."""
    with factory() as session:
        return load_timetable(session, programme_id, TODAY).clashes()


def held_counts(factory, programme_id: int) -> tuple[int, int]:
    """Published dated visits and session places from today on that hold, over all tutors."""
    with factory() as session:
        timetable = load_timetable(session, programme_id, TODAY)
        items = [c for c in timetable.all() if not c.cancelled]
    return sum(c.kind == "visit" for c in items), sum(c.kind == "session" for c in items)


@pytest.mark.slow
@pytest.mark.parametrize("order", [(PlanKind.VISITS, PlanKind.ROOMS), (PlanKind.ROOMS, PlanKind.VISITS)],
                         ids=["visits-then-rooms", "rooms-then-visits"])
def test_no_tutor_is_in_two_places_after_publishing_in_either_order(demo, order):
    factory, programme_id = demo
    for kind in order:
        solve_and_publish(factory, programme_id, kind)
    assert clashes(factory, programme_id) == []
    visits, places = held_counts(factory, programme_id)
    assert visits > 1500 and places > 300  # both services really are planned, not emptied to avoid clashes


def add_stand_in(session, programme_id: int, occurrence: VisitOccurrence) -> int:
    """A new tutor next door to the child, free every day and able to reach every site (so the rooms solver could
    put them anywhere): the demo's own tutors are mostly at their weekly cap, so few dates have a substitute."""
    child = occurrence.visit.student
    household = child.household
    stand_in = make_tutor(session, session.get(Programme, programme_id), lat=household.lat, lon=household.lon,
                          gender=child.required_tutor_gender or "female", languages=household.language,
                          max_visits_per_week=10, max_sessions_per_month=8,
                          subjects=[TutorSubject(subject=occurrence.visit.subject, min_grade=1, max_grade=12)],
                          availability=[TutorAvailability(weekday=d, start_minute=9 * 60, end_minute=21 * 60)
                                        for d in range(7)])
    for site_id in session.scalars(select(Site.id).where(Site.programme_id == programme_id)):
        session.add(TutorSite(tutor_id=stand_in.id, site_id=site_id))
    session.commit()
    return stand_in.id


@pytest.mark.slow
def test_no_clash_after_a_substitute_is_assigned_and_both_services_are_solved_again(demo):
    factory, programme_id = demo
    solve_and_publish(factory, programme_id, PlanKind.ROOMS)
    solve_and_publish(factory, programme_id, PlanKind.VISITS)
    with factory() as session:
        # The weekly rule let a few dates meet a session: they need a substitute (the first of them, or of any
        # date should a solve cut short by a busy machine have left none).
        published = plan_with_status(session, programme_id, PlanKind.VISITS, PlanStatus.PUBLISHED)
        needing = session.scalars(select(VisitOccurrence).join(Visit)
                                  .where(Visit.plan_id == published.id, VisitOccurrence.on_date >= TODAY)
                                  .order_by(VisitOccurrence.busy_elsewhere.desc(), VisitOccurrence.on_date,
                                            VisitOccurrence.id)).first()
        stand_in = add_stand_in(session, programme_id, needing)
        choice = visit_substitutes(session, programme_id, needing.id, TODAY)
        assert stand_in in {s.tutor_id for s in choice.substitutes}
        assign_substitute(session, programme_id, needing.id, stand_in, None, TODAY)
    assert clashes(factory, programme_id) == []
    solve_and_publish(factory, programme_id, PlanKind.ROOMS)
    assert clashes(factory, programme_id) == []
    with factory() as session:
        taken = load_timetable(session, programme_id, TODAY).of(stand_in)
        assert any(c.kind == "visit" and c.substitute for c in taken)  # the rooms re-solve worked around it
    solve_and_publish(factory, programme_id, PlanKind.VISITS)
    assert clashes(factory, programme_id) == []
    with factory() as session:
        published = plan_with_status(session, programme_id, PlanKind.VISITS, PlanStatus.PUBLISHED)
        assert session.scalars(select(Visit.id).where(Visit.plan_id == published.id)).first() is not None
