"""A programme from nothing through the site, its office contact, and a new school year from the pages."""

from __future__ import annotations

import re

import pytest

from matching.db import make_engine, make_session_factory
from matching.models import Role
from tests.factories import make_account
from tests.web.conftest import PASSWORD, Auth, csrf_token
from webapp import create_app

PROGRAMME = {"municipality": "あおば区", "name": "あおば区 学習支援事業", "school_year": "2027",
             "office_name": "あおば区 学習支援事務局", "office_phone": "03-5555-0100",
             "office_email": "gakushu@example.jp", "office_hours": "平日 9:00〜17:00"}


@pytest.fixture
def bare_app(database_url):
    """The app on a database with two staff accounts and no programme at all."""
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        make_account(session, "admin", PASSWORD, Role.ADMIN)
        make_account(session, "coordinator", PASSWORD, Role.COORDINATOR)
        session.commit()
    engine.dispose()
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "test-secret",
                      "NOTICE_DELIVERY_INTERVAL_S": 0, "SESSION_COOKIE_SECURE": False, "TODAY": "2027-03-01"})
    yield app
    app.extensions["job_runner"].shutdown()
    app.extensions["engine"].dispose()


def post_form(client, url: str, data: dict):
    token = csrf_token(client.get(url).get_data(as_text=True))
    return client.post(url, data={**data, "csrf_token": token})


def test_a_coordinator_creates_the_programme_on_an_empty_site(bare_app):
    client = bare_app.test_client()
    Auth(client).login("coordinator")
    empty = client.get("/coordinator/")
    assert empty.status_code == 503 and "/coordinator/programmes/new" in empty.get_data(as_text=True)
    refused = post_form(client, "/coordinator/programmes/new", {**PROGRAMME, "office_phone": "電話"})
    page = refused.get_data(as_text=True)
    assert "電話番号は半角の数字とハイフンで入力してください" in page and 'value="あおば区 学習支援事業"' in page
    created = post_form(client, "/coordinator/programmes/new", PROGRAMME)
    assert created.headers["Location"] == "/coordinator/"
    home = client.get("/coordinator/").get_data(as_text=True)
    assert "あおば区 学習支援事業" in home and "2027年度" in home
    assert "昭和の日" in client.get("/coordinator/calendar").get_data(as_text=True)  # the year's holidays
    again = post_form(client, "/coordinator/programmes/new", PROGRAMME).get_data(as_text=True)
    assert "事業はすでに登録されています" in again


def test_the_office_contact_can_be_edited_and_the_year_page_shows_it(bare_app):
    client = bare_app.test_client()
    Auth(client).login("coordinator")
    post_form(client, "/coordinator/programmes/new", PROGRAMME)
    post_form(client, "/coordinator/programmes/current/edit", {**PROGRAMME, "office_phone": "03-5555-0199"})
    years = client.get("/coordinator/programmes").get_data(as_text=True)
    assert "現在の年度" in years
    programme_id = years.split("/coordinator/programmes/")[1].split('"')[0]
    assert "03-5555-0199" in client.get(f"/coordinator/programmes/{programme_id}").get_data(as_text=True)


def test_a_new_school_year_from_the_pages_keeps_the_old_year_to_read(client, auth, world):
    auth.login("coordinator")
    preview = client.get("/coordinator/programmes/next-year").get_data(as_text=True)
    assert "2027年度を始める" in preview and f'value="{world.student_id}"' in preview  # the world's child is 中3
    token = csrf_token(preview)
    done = client.post("/coordinator/programmes/next-year", data={"keep": str(world.student_id), "csrf_token": token})
    assert done.headers["Location"] == "/coordinator/"
    assert "2027年度" in client.get("/coordinator/").get_data(as_text=True)
    old_year = client.get(f"/coordinator/programmes/{world.programme_id}").get_data(as_text=True)
    assert 'id="read-only"' in old_year and "中3" in old_year
    students = client.get("/coordinator/students").get_data(as_text=True)
    assert "高1" in students
    assert client.get(f"/coordinator/sites/{world.site_id}/edit").status_code == 404  # the old year's site
    again = client.get("/coordinator/programmes/next-year")
    assert again.status_code == 200  # the new year may start the one after it


def test_letters_and_the_family_page_print_the_office_contact(client, auth, world):
    auth.login("coordinator")
    letter = client.get(f"/coordinator/letters/household/{world.household_id}").get_data(as_text=True)
    assert "テスト区 学習支援事務局" in letter and "03-5550-0001" in letter
    page = client.get(f"/coordinator/households/{world.household_id}/link")
    token = csrf_token(page.get_data(as_text=True))
    issued = client.post(f"/coordinator/households/{world.household_id}/link/issue", data={"csrf_token": token})
    family_url = re.search(r"http://127\.0\.0\.1:5000(/h/[^\s\"<]+)", issued.get_data(as_text=True)).group(1)
    family = client.get(family_url).get_data(as_text=True)
    assert 'href="tel:03-5550-0001"' in family and "平日 9:00〜17:00" in family
