"""Bounded input (issue 11 item 7): hostile numbers, long searches, header-splitting `next`, big bodies, the Host
header and short secret keys are answered without a server error."""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import csrf_token
from webapp import create_app

HUGE = "9" * 30


@pytest.mark.parametrize("path", [
    f"/coordinator/students?site={HUGE}&grade={HUGE}&page={HUGE}",
    "/coordinator/students?site=%C2%B2&grade=%D9%A1",  # "²" and Arabic-Indic one: str.isdigit says yes
    f"/coordinator/tutors?page={HUGE}",
    f"/admin/audit?user={HUGE}&page={HUGE}",
    f"/coordinator/outbox?page={HUGE}",
])
def test_huge_or_foreign_numbers_in_query_arguments_are_ignored(client, auth, path):
    auth.login("admin")
    assert client.get(path).status_code == 200


def test_huge_numbers_in_visit_plan_filters_are_ignored(client, auth, world):
    auth.login()
    response = client.get(f"/coordinator/visits/plans/{world.plan_id}?site={HUGE}&grade={HUGE}&tutor={HUGE}")
    assert response.status_code == 200


def test_a_row_id_beyond_an_integer_column_is_not_found(client, auth):
    auth.login()
    assert client.get(f"/coordinator/students/{HUGE}").status_code == 404
    assert client.get(f"/coordinator/plans/{2**31}").status_code == 404


def test_a_search_of_a_thousand_words_is_answered(client, auth):
    auth.login()
    words = " ".join(f"語{n}" for n in range(1200))
    assert client.get("/coordinator/students", query_string={"q": words}).status_code == 200
    assert client.get("/coordinator/tutors", query_string={"q": words}).status_code == 200


@pytest.mark.parametrize("target", ["/coordinator/\r\nSet-Cookie: x=1", "/\\evil.example", "/ok\t", " /x"])
def test_a_next_with_control_characters_is_not_followed_on_the_language_switch(client, target):
    page = client.get("/login").get_data(as_text=True)
    response = client.post("/lang/en", data={"next": target, "csrf_token": csrf_token(page)})
    assert response.status_code == 302 and response.headers["Location"].endswith("/login")
    assert "Set-Cookie: x" not in str(response.headers)


def test_a_next_with_a_line_break_is_not_followed_after_login(client, world):
    from tests.web.conftest import PASSWORD
    page = client.get("/login").get_data(as_text=True)
    response = client.post("/login?next=/coordinator/%0d%0aSet-Cookie:%20x=1",
                           data={"login": "coordinator", "password": PASSWORD, "csrf_token": csrf_token(page)})
    assert response.status_code == 302 and response.headers["Location"].endswith("/coordinator/")


def test_a_twenty_megabyte_field_is_refused_before_it_is_read(client):
    response = client.post("/login", data={"login": "x" * (20 * 1024 * 1024), "password": "y"})
    assert response.status_code == 413
    assert "大きすぎます" in response.get_data(as_text=True)


def test_family_links_start_with_the_configured_base_url_not_the_host_header(app, client, auth, world):
    app.config["BASE_URL"] = "https://shien.example.jp/"
    auth.login()  # the test client's requests carry Host: localhost
    page = client.get(f"/coordinator/households/{world.household_id}/link").get_data(as_text=True)
    html = client.post(f"/coordinator/households/{world.household_id}/link/issue",
                       data={"csrf_token": csrf_token(page)}).get_data(as_text=True)
    url = re.search(r"<code data-family-url>([^<]+)</code>", html).group(1)
    assert url.startswith("https://shien.example.jp/h/") and "localhost" not in html


def test_a_nan_latitude_gets_a_message_not_a_server_error(client, auth):
    auth.login()
    page = client.get("/coordinator/sites/new").get_data(as_text=True)
    response = client.post("/coordinator/sites/new", data={"csrf_token": csrf_token(page), "name": "会場",
                                                            "lat": "nan", "lon": "1e999", "capacity": "20"})
    assert response.status_code == 200 and "半角の数値で入力してください" in response.get_data(as_text=True)


@pytest.mark.parametrize("key", ["k", "x" * 31])
def test_a_short_secret_key_is_refused_outside_tests(key, tmp_path):
    with pytest.raises(RuntimeError, match="shorter than 32"):
        create_app({"SECRET_KEY": key, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"})


def test_a_nul_character_in_a_search_or_a_login_is_refused_not_a_database_error(client, auth):
    page = client.get("/login").get_data(as_text=True)
    response = client.post("/login", data={"login": "coordinator\x00", "password": "x", "csrf_token": csrf_token(page)})
    assert response.status_code == 400
    auth.login()
    assert client.get("/coordinator/students", query_string={"q": "山田\x00"}).status_code == 400
    assert client.get("/coordinator/students", query_string={"q": "山田"}).status_code == 200
