"""The demo's year: plans published on 1 April, attendance marked up to a few days before the demo's today."""

from __future__ import annotations

import shutil
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from matching.db import make_engine, make_session_factory
from matching.models import (
    Notification, NotificationStatus, Plan, PlanStatus, RollCall, Session as RoomSession, VisitAttendance,
    VisitOccurrence,
)
from matching.services.programme import current_programme
from matching.services.report.build import build_report
from seed_data.demo import load_demo
from seed_data.demo_history import DEMO_TODAY, UNMARKED_DAYS, load_demo_history


@pytest.mark.slow
def test_demo_history_fills_april_to_today_and_leaves_the_last_days_to_mark(sqlite_template, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    with make_session_factory(engine)() as session:
        load_demo(session)
        history = load_demo_history(session)
        marked_until = DEMO_TODAY - timedelta(days=UNMARKED_DAYS)
        assert {p.status for p in session.scalars(select(Plan))} == {PlanStatus.PUBLISHED}
        last_visit = session.scalar(select(func.max(VisitOccurrence.on_date)).join(
            VisitAttendance, VisitAttendance.occurrence_id == VisitOccurrence.id))
        last_roll = session.scalar(select(func.max(RoomSession.on_date)).join(
            RollCall, RollCall.session_id == RoomSession.id))
        assert last_visit < marked_until and last_roll < marked_until
        assert history.attendance.visits > 1000 and history.attendance.sessions > 200
        assert session.scalar(select(func.count(Notification.id)).where(
            Notification.status == NotificationStatus.PENDING)) == 0
        programme = current_programme(session)
        report = build_report(session, programme.id, programme.starts_on, programme.ends_on, DEMO_TODAY)
        held = [m.sessions_held for m in report.months]
        assert all(held[:7]) and not any(held[8:])  # April to October held, nothing after November yet
        assert report.total.unrecorded > 0 and report.visits.unrecorded > 0
    engine.dispose()
