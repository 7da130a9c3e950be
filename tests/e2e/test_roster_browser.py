"""In a real browser: the coordinator imports a roster workbook with a pair of siblings, after first seeing every
problem of a file with three bad rows and nothing written; and places a home by clicking the map."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from matching.db import make_engine, make_session_factory, upgrade
from matching.models import Household, Role, Student
from tests.e2e.conftest import e2e_app, serve
from tests.factories import make_account, make_programme
from tests.roster_files import ELDER, SITE, TUTOR, YOUNGER, workbook

pytestmark = pytest.mark.e2e
PASSWORD = "roster import pass 2026"


@pytest.fixture
def empty_programme(tmp_path) -> str:
    """A migrated database holding only a programme and a coordinator: no sites, tutors or children yet."""
    url = f"sqlite:///{tmp_path / 'roster.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        make_programme(session)
        make_account(session, "coordinator", PASSWORD, Role.COORDINATOR)
        session.commit()
    engine.dispose()
    return url


def _counts(url: str) -> tuple[int, int]:
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        counts = (session.scalar(select(func.count()).select_from(Household)),
                  session.scalar(select(func.count()).select_from(Student)))
    engine.dispose()
    return counts


def _login(page, base_url: str) -> None:
    page.goto(f"{base_url}/login")
    page.get_by_label("ログインID").fill("coordinator")
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="ログイン").click()
    page.wait_for_url(f"{base_url}/coordinator/")


def test_coordinator_sees_three_problems_then_imports_a_pair_of_siblings(page, empty_programme, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(workbook([SITE], [TUTOR], [{**ELDER, "学年": "中9"}, {**YOUNGER, "名": ""},
                                                {**YOUNGER, "子どもID": "C0003", "都合のよい時間": "夕方"}]))
    good = tmp_path / "roster.xlsx"
    good.write_bytes(workbook([SITE], [TUTOR], [ELDER, YOUNGER]))
    with serve(e2e_app(empty_programme)) as base_url:
        _login(page, base_url)
        page.get_by_role("link", name="名簿").click()
        page.set_input_files("input[type=file]", str(bad))
        page.get_by_role("button", name="取り込む").click()
        rows = page.locator("#import-problems tbody tr")
        expect(rows).to_have_count(3)  # waits for the answer to the upload; count() would read the old page
        assert [rows.nth(i).locator("td").nth(1).inner_text() for i in range(3)] == ["2", "3", "4"]
        assert "何も登録していません" in page.locator(".problems").inner_text()
        assert _counts(empty_programme) == (0, 0)

        page.set_input_files("input[type=file]", str(good))
        page.get_by_role("button", name="取り込む").click()
        assert "新規 4 件" in page.locator(".flash.success").inner_text()
        assert _counts(empty_programme) == (1, 2)  # two children, one household

        page.get_by_role("link", name="子ども", exact=True).click()
        page.get_by_role("link", name="佐藤 花子").click()
        siblings = page.locator("#child-plan").inner_text()
        assert "佐藤 次郎" in siblings and "小5" in siblings


def test_clicking_the_map_fills_the_coordinates(page, empty_programme):
    # Tiles from the app itself (a static image for every tile), so nothing leaves the machine.
    app = e2e_app(empty_programme, MAP_TILE_URL="/static/vendor/leaflet/images/layers.png?{z}/{x}/{y}")
    with serve(app) as base_url:
        _login(page, base_url)
        page.goto(f"{base_url}/coordinator/tutors/new")
        assert page.locator("#lat").input_value() == ""
        page.locator("[data-location-map]").click(position={"x": 120, "y": 100})
        lat, lon = float(page.locator("#lat").input_value()), float(page.locator("#lon").input_value())
        assert 35 < lat < 36.5 and 139 < lon < 140.5
        expect(page.locator(".leaflet-marker-icon")).to_have_count(1)
