"""A small study-room programme for integration tests: June 2026, one site, three tutors, four children.

The site opens Tuesday and Thursday evenings (9 dates in June). 9 June is a national holiday, 11 June a
programme-wide closure and 15-19 June an exam blackout at the site, which leaves 2, 4, 23, 25 and 30 June.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from matching.db import make_session_factory
from matching.models import CalendarKind, PlanKind, PlanStatus
from matching.planning.jobs import queue_solve, run_solve
from matching.planning.lifecycle import plan_with_status
from tests.factories import (
    make_calendar_entry, make_programme, make_room_child, make_room_tutor, make_site,
)

HOLIDAY, CLOSURE, EXAM_START, EXAM_END = date(2026, 6, 9), date(2026, 6, 11), date(2026, 6, 15), date(2026, 6, 19)
OPEN_DATES = {date(2026, 6, 2), date(2026, 6, 4), date(2026, 6, 23), date(2026, 6, 25), date(2026, 6, 30)}
TODAY = date(2026, 5, 25)  # before the programme's June, so the whole month is still to plan
TIME_LIMIT_S = 3.0


@dataclass(frozen=True)
class RoomsWorld:
    """Ids of the small programme's rows."""

    programme_id: int
    site_id: int
    tutor_ids: tuple[int, ...]
    child_ids: tuple[int, ...]


def build_rooms_world(session: Session) -> RoomsWorld:
    """Insert and commit the small programme."""
    programme = make_programme(session, starts_on=date(2026, 6, 1), ends_on=date(2026, 6, 30))
    site = make_site(session, programme, target_sessions=5, min_tutors_per_session=2)
    make_calendar_entry(session, programme, CalendarKind.HOLIDAY, HOLIDAY, name="祝日")
    make_calendar_entry(session, programme, CalendarKind.CLOSURE, CLOSURE, name="休館")
    make_calendar_entry(session, programme, CalendarKind.EXAM, EXAM_START, EXAM_END, site_id=site.id, name="期末テスト")
    tutors = [make_room_tutor(session, programme, [site], max_sessions_per_month=8) for _ in range(3)]
    children = [make_room_child(session, programme, site) for _ in range(4)]
    session.commit()
    return RoomsWorld(programme.id, site.id, tuple(t.id for t in tutors), tuple(c.id for c in children))


def factory_of(session: Session) -> sessionmaker:
    """A session factory on the same database as the session."""
    return make_session_factory(session.get_bind())


def solve(session: Session, world: RoomsWorld, base_plan_id: int | None = None):
    """Queue and run a rooms solve; returns its final status."""
    job_id = queue_solve(session, world.programme_id, PlanKind.ROOMS, None, base_plan_id)
    return run_solve(factory_of(session), job_id, TIME_LIMIT_S, TODAY)


def draft(session: Session, world: RoomsWorld):
    """The current rooms draft (fresh from the database)."""
    session.expire_all()
    return plan_with_status(session, world.programme_id, PlanKind.ROOMS, PlanStatus.DRAFT)
