"""Signing in and out: one message for any wrong login, CSRF on every form, safe redirects."""

from __future__ import annotations

import pytest

from tests.web.conftest import PASSWORD, Auth, csrf_token

WRONG_LOGIN = "ログインIDまたはパスワードが正しくありません。"


def test_coordinator_logs_in_and_lands_on_the_home_page(client, auth):
    response = auth.login("coordinator", PASSWORD)
    assert response.status_code == 302
    assert response.headers["Location"] == "/coordinator/"
    assert "テスト区 学習支援事業" in client.get("/coordinator/").get_data(as_text=True)


def test_tutor_logs_in_and_lands_on_their_own_page(client, auth):
    response = auth.login("tutor", PASSWORD)
    assert response.headers["Location"] == "/tutor/"
    assert "これからの予定" in client.get("/tutor/").get_data(as_text=True)
    page = client.get("/tutor/profile").get_data(as_text=True)
    assert "講師 太郎" in page and "数学" in page


@pytest.mark.parametrize("login, password", [("coordinator", "wrong password"), ("nobody", PASSWORD)])
def test_wrong_password_and_unknown_user_get_the_same_single_message(client, auth, login, password):
    response = auth.login(login, password)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert page.count(WRONG_LOGIN) == 1
    assert 'value="%s"' % login in page  # what was typed is kept (the password is not)
    assert "coordinator/" not in response.headers.get("Location", "")


def test_empty_form_gets_a_message_per_field(auth, client):
    token = csrf_token(client.get("/login").get_data(as_text=True))
    page = client.post("/login", data={"login": "", "password": "", "csrf_token": token}).get_data(as_text=True)
    assert "ログインIDを入力してください" in page
    assert "パスワードを入力してください" in page


def test_post_without_csrf_token_is_refused(client):
    response = client.post("/login", data={"login": "coordinator", "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/coordinator/").status_code == 302  # still not signed in


def test_logout_needs_csrf_and_ends_the_session(client, auth):
    auth.login()
    assert client.post("/logout").status_code == 400
    assert client.get("/coordinator/").status_code == 200
    auth.logout()
    assert client.get("/coordinator/").status_code == 302


def test_login_follows_only_same_site_next_links(client):
    token = csrf_token(client.get("/login").get_data(as_text=True))
    data = {"login": "coordinator", "password": PASSWORD, "csrf_token": token}
    response = client.post("/login?next=//evil.example/steal", data=data)
    assert response.headers["Location"] == "/coordinator/"


def test_session_cookie_is_http_only_and_same_site(client, auth):
    response = auth.login()
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_pages_carry_security_headers(client):
    headers = client.get("/login").headers
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "default-src 'self'" in headers["Content-Security-Policy"]


def test_the_favicon_is_served_for_every_page(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response.headers["Location"].endswith("/static/favicon.svg")
    with client.get("/static/favicon.svg") as icon:
        assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"
    assert 'rel="icon"' in client.get("/login").get_data(as_text=True)


def _cookie(client) -> str:
    return client.get_cookie("session").value


def test_a_session_cookie_copied_before_logout_no_longer_opens_pages(app, client, auth):
    auth.login()
    copied = _cookie(client)
    auth.logout()
    other = app.test_client()
    other.set_cookie("session", copied)
    response = other.get("/coordinator/students")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


def test_logging_out_ends_the_accounts_other_sessions_too(app, client, auth):
    auth.login()
    laptop = app.test_client()
    Auth(laptop).login()
    auth.logout()
    assert laptop.get("/coordinator/").status_code == 302


def test_a_staff_session_idle_past_the_limit_is_signed_out(client, auth):
    auth.login()
    assert client.get("/coordinator/").status_code == 200
    with client.session_transaction() as stored:
        stored["seen_at"] -= 31 * 60
    response = client.get("/coordinator/")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    assert "ログアウトしました" in client.get("/login").get_data(as_text=True)


def test_a_staff_session_in_use_stays_signed_in(client, auth):
    auth.login()
    with client.session_transaction() as stored:
        stored["seen_at"] -= 29 * 60
    assert client.get("/coordinator/").status_code == 200


def test_a_tutor_is_not_signed_out_for_idling(client, auth):
    auth.login("tutor")
    with client.session_transaction() as stored:
        stored["seen_at"] -= 3 * 3600
    assert client.get("/tutor/").status_code == 200


def test_every_session_ends_eight_hours_after_sign_in(client, auth):
    auth.login("tutor")
    with client.session_transaction() as stored:
        stored["signed_in_at"] -= 8 * 3600 + 1
    assert client.get("/tutor/").status_code == 302
