"""In real Chromium: a tutor marks a visit done on a phone, a coordinator takes a roll call, the report shows both.

The demo is loaded with its history (plans published on 1 April, attendance up to a week before its
today), so the unmarked visit and session are real items of the demo's year. With REPORT_SCREENSHOT set to
a path, the report page is saved there as the README's screenshot.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select

from matching.db import make_engine, make_session_factory, upgrade
from matching.models import Role, RollCall, Session as RoomSession, Tutor, Visit, VisitAttendance, VisitOccurrence
from seed_data.demo import load_demo
from seed_data.demo_history import DEMO_TODAY, load_demo_history
from tests.e2e.conftest import e2e_app, serve
from tests.factories import make_account

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
TABLET = {"width": 820, "height": 1180}
DESKTOP = {"width": 1280, "height": 900}
PASSWORD = "attendance-e2e-password"


@dataclass(frozen=True)
class YearSite:
    """The served demo with its year, an unmarked visit with its tutor's login, and an unmarked session."""

    base_url: str
    database_url: str
    occurrence_id: int
    session_id: int
    session_day: date


@pytest.fixture(scope="module")
def year_site(tmp_path_factory) -> Iterator[YearSite]:
    """The demo and its history on a fresh database; the tutor of an unmarked recent visit gets a login."""
    url = f"sqlite:///{tmp_path_factory.mktemp('year') / 'year.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        load_demo(session)
        load_demo_history(session)
        marked = select(VisitAttendance.occurrence_id)
        occurrence = session.scalars(select(VisitOccurrence).where(
            VisitOccurrence.on_date < DEMO_TODAY, VisitOccurrence.id.not_in(marked))
            .order_by(VisitOccurrence.on_date, VisitOccurrence.id)).first()
        visiting = session.get(Tutor, session.get(Visit, occurrence.visit_id).tutor_id)
        make_account(session, "visiting-tutor", PASSWORD, Role.TUTOR, tutor=visiting)
        room_session = session.scalars(select(RoomSession).where(
            RoomSession.on_date < DEMO_TODAY, RoomSession.id.not_in(select(RollCall.session_id)))
            .order_by(RoomSession.on_date, RoomSession.id)).first()
        make_account(session, "e2e-coordinator", PASSWORD, Role.COORDINATOR)
        session.commit()
        ids = (occurrence.id, room_session.id, room_session.on_date)
    engine.dispose()
    with serve(e2e_app(url, TODAY=DEMO_TODAY.isoformat())) as base_url:
        yield YearSite(base_url, url, *ids)


def _login(page, base_url: str, login: str) -> None:
    page.goto(f"{base_url}/login")
    page.get_by_label("ログインID").fill(login)
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="ログイン").click()


def _figure(page, name: str) -> int:
    return int(page.locator(f"[data-figure={name}]").inner_text())


def test_tutor_marks_a_visit_coordinator_takes_a_roll_call_and_the_report_counts_both(browser, year_site):
    desk = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo", viewport=DESKTOP).new_page()
    _login(desk, year_site.base_url, "e2e-coordinator")
    desk.goto(f"{year_site.base_url}/coordinator/report")
    held_before, done_before = _figure(desk, "held"), _figure(desk, "visits-done")

    phone = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo", viewport=PHONE, is_mobile=True,
                                has_touch=True).new_page()
    _login(phone, year_site.base_url, "visiting-tutor")
    phone.get_by_role("link", name="実施の記録").click()
    item = phone.locator(f'[data-item="visit-{year_site.occurrence_id}"]')
    item.get_by_role("link", name="記録する").click()
    phone.get_by_label("実施", exact=True).check()
    phone.get_by_role("button", name="記録する").click()
    assert phone.locator(f'[data-item="visit-{year_site.occurrence_id}"] [data-mark=done]').is_visible()

    tablet = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo", viewport=TABLET, has_touch=True).new_page()
    _login(tablet, year_site.base_url, "e2e-coordinator")
    tablet.goto(f"{year_site.base_url}/attendance/?on={year_site.session_day.isoformat()}")
    tablet.locator(f'[data-item="session-{year_site.session_id}"]').get_by_role("link", name="出欠をとる").click()
    boxes = tablet.locator("input[name=children]")
    assert boxes.count() >= 2
    boxes.nth(0).check()
    boxes.nth(1).check()
    tablet.get_by_role("button", name="出欠を記録する").click()
    assert tablet.locator(f'[data-item="session-{year_site.session_id}"] [data-mark=held]').is_visible()

    desk.goto(f"{year_site.base_url}/coordinator/report")
    assert (_figure(desk, "held"), _figure(desk, "visits-done")) == (held_before + 1, done_before + 1)
    assert desk.locator("svg.chart").count() == 2
    if os.environ.get("REPORT_SCREENSHOT"):
        desk.screenshot(path=os.environ["REPORT_SCREENSHOT"], full_page=False)
