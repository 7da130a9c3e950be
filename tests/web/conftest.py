"""The app on a fresh database with a small programme, a client, and a login helper."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pytest

from matching.db import make_engine, make_session_factory
from matching.models import (
    Channel, JobStatus, Notification, Plan, PlanKind, PlanStatus, Role, SolveJob, Visit, VisitOccurrence,
)
from tests.factories import (
    make_account, make_household, make_programme, make_room_plan, make_site, make_student, make_tutor,
)
from tests.smtp_server import LoopbackSmtp, running_smtp
from webapp import create_app

PASSWORD = "correct horse battery staple"


@dataclass
class World:
    """The ids of the rows every web test can rely on."""

    programme_id: int
    site_id: int
    student_id: int
    tutor_id: int
    plan_id: int  # a draft of home visits: the child visited by the tutor on Tuesday 18:00
    visit_id: int
    need_id: int
    job_id: int  # the finished solve that made the draft
    notice_id: int  # a letter waiting in the outbox
    occurrence_id: int  # a dated visit of the published plan (the same child and tutor, next Tuesday)
    household_id: int
    published_plan_id: int  # the published plan holding occurrence_id
    kind: str = "visits"
    room_plan_id: int = 0  # a draft rooms plan with one session at the site, staffed by the tutor
    session_id: int = 0
    published_session_id: int = 0  # a session of the published rooms plan, staffed by the tutor


@pytest.fixture
def world(database_url) -> World:
    """One programme with a site, a child, a tutor and an account per role."""
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        programme = make_programme(session)
        site = make_site(session, programme)
        student = make_student(session, make_household(session, programme), home_site_id=site.id)
        tutor = make_tutor(session, programme)
        make_account(session, "admin", PASSWORD, Role.ADMIN)
        make_account(session, "coordinator", PASSWORD, Role.COORDINATOR)
        make_account(session, "tutor", PASSWORD, Role.TUTOR, tutor=tutor)
        plan = Plan(programme_id=programme.id, kind=PlanKind.VISITS, status=PlanStatus.DRAFT, solver_status="optimal")
        session.add(plan)
        session.flush()
        need_id = student.needs[0].id
        visit = Visit(plan_id=plan.id, student_id=student.id, need_id=need_id, subject="math", tutor_id=tutor.id,
                      weekday=1, start_minute=18 * 60, end_minute=20 * 60, travel_minutes=5)
        job = SolveJob(programme_id=programme.id, kind=PlanKind.VISITS, status=JobStatus.SUCCEEDED,
                       result_plan_id=plan.id, progress={"coverage": 1.0, "elapsed": 0.3})
        letter = Notification(kind="plan_change", channel=Channel.LETTER, subject="訪問日のお知らせ", body="…",
                              household_id=student.household_id)
        published = Plan(programme_id=programme.id, kind=PlanKind.VISITS, status=PlanStatus.PUBLISHED, version=1)
        session.add(published)
        session.flush()
        occurrence = VisitOccurrence(on_date=date(2026, 11, 24), start_minute=18 * 60, end_minute=20 * 60)
        session.add(Visit(plan_id=published.id, student_id=student.id, need_id=need_id, subject="math",
                          tutor_id=tutor.id, weekday=1, start_minute=18 * 60, end_minute=20 * 60, travel_minutes=5,
                          occurrences=[occurrence]))
        session.add_all([visit, job, letter])
        room_plan = make_room_plan(session, programme, site, tutor, on_date=date(2026, 12, 1))  # after TODAY
        published_rooms = make_room_plan(session, programme, site, tutor, on_date=date(2026, 11, 26))
        published_rooms.status, published_rooms.version = PlanStatus.PUBLISHED, 1
        session.commit()
        ids = World(programme.id, site.id, student.id, tutor.id, plan.id, visit.id, need_id, job.id, letter.id,
                    occurrence.id, student.household_id, published.id, room_plan_id=room_plan.id,
                    session_id=room_plan.sessions[0].id, published_session_id=published_rooms.sessions[0].id)
    engine.dispose()
    return ids


@pytest.fixture
def app(database_url, world):
    """The web app on the test database, with CSRF on as in production."""
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "test-secret",
                      "NOTICE_DELIVERY_INTERVAL_S": 0, "SOLVER_TIME_LIMIT_S": "1",
                      "SESSION_COOKIE_SECURE": False, "REMEMBER_COOKIE_SECURE": False, "TODAY": "2026-11-22"})
    yield app
    app.extensions["job_runner"].shutdown()
    app.extensions["engine"].dispose()


@pytest.fixture
def client(app):
    """A test client of the app."""
    return app.test_client()


def csrf_token(html: str) -> str:
    """The CSRF token embedded in a page's form."""
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html)
    assert match, "the page has no CSRF token"
    return match.group(1)


class Auth:
    """Logs the test client in and out through the real login form."""

    def __init__(self, client):
        self._client = client

    def login(self, login: str = "coordinator", password: str = PASSWORD):
        """Submit the login form with its CSRF token."""
        token = csrf_token(self._client.get("/login").get_data(as_text=True))
        return self._client.post("/login", data={"login": login, "password": password, "csrf_token": token})

    def logout(self):
        """Submit the logout button."""
        token = csrf_token(self._client.get("/coordinator/").get_data(as_text=True))
        return self._client.post("/logout", data={"csrf_token": token})


@pytest.fixture
def auth(client) -> Auth:
    """The login helper."""
    return Auth(client)


@pytest.fixture
def smtp():
    """A real SMTP server on loopback."""
    with running_smtp() as server:
        yield server


@pytest.fixture
def mail_app(app, smtp: LoopbackSmtp):
    """The app sending through the loopback SMTP server."""
    app = create_app({**app.config, "SMTP_HOST": "127.0.0.1", "SMTP_PORT": smtp.port})
    yield app
    app.extensions["job_runner"].shutdown()
    app.extensions["engine"].dispose()
