"""In a real browser, the demo coordinator logs in and sees the demo's figures on the home page."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from matching.db import make_engine, make_session_factory
from matching.models import Site, Student, Tutor
from seed_data.demo import DEMO_ACCOUNTS
from tests.e2e.conftest import TODAY

pytestmark = pytest.mark.e2e


def demo_figures(url: str) -> dict[str, int]:
    """Counts read straight from the demo database: children, tutors active today, sites."""
    today = date.fromisoformat(TODAY)
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        tutors = session.scalars(select(Tutor)).all()
        figures = {
            "students": len(session.scalars(select(Student).where(Student.active.is_(True))).all()),
            "tutors": sum(t.active_from <= today and (t.active_until is None or t.active_until >= today)
                          for t in tutors),
            "sites": len(session.scalars(select(Site)).all()),
        }
    engine.dispose()
    return figures


def login(page, base_url: str, role: str) -> None:
    account = next(a for a in DEMO_ACCOUNTS if a.role == role)
    page.goto(f"{base_url}/login")
    page.get_by_label("ログインID").fill(account.login)
    page.get_by_label("パスワード").fill(account.password)
    page.get_by_role("button", name="ログイン").click()


def test_demo_coordinator_sees_the_demo_counts_on_the_home_page(page, live_server, demo_database):
    login(page, live_server, "coordinator")
    page.wait_for_url(f"{live_server}/coordinator/")
    figures = demo_figures(demo_database)
    assert figures["students"] == 150 and figures["sites"] == 7
    for key, expected in figures.items():
        assert page.locator(f'[data-count="{key}"] .number').inner_text() == str(expected)
    assert page.locator('[data-count="unmatched"] .number').inner_text().isdigit()
    assert "みどり区" in page.locator("h1").inner_text()


def test_wrong_password_in_the_browser_shows_one_message_and_keeps_the_login(page, live_server):
    page.goto(f"{live_server}/login")
    page.get_by_label("ログインID").fill("coordinator")
    page.get_by_label("パスワード").fill("not the password")
    page.get_by_role("button", name="ログイン").click()
    assert page.get_by_role("alert").inner_text() == "ログインIDまたはパスワードが正しくありません。"
    assert page.get_by_label("ログインID").input_value() == "coordinator"
