"""Accounts: invitations by e-mail or printed code, one-time links, resets, deactivation, the list, create-admin."""

from __future__ import annotations

import re

from sqlalchemy import select

from matching.db import make_engine, make_session_factory
from matching.models import AccountToken, Notification, Programme, UserAccount
from tests.factories import make_tutor
from tests.web.conftest import PASSWORD, Auth, csrf_token

NEW_PASSWORD = "a new password of mine"


def rows(database_url, model):
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        found = list(session.scalars(select(model)))
    engine.dispose()
    return found


def post_form(client, url: str, data: dict, form_url: str | None = None):
    token = csrf_token(client.get(form_url or url).get_data(as_text=True))
    return client.post(url, data={**data, "csrf_token": token})


def invite(client, **fields):
    data = {"role": "coordinator", "login": "sato", "display_name": "佐藤 花", "email": "sato@example.jp",
            "delivery": "email", "tutor_id": "", **fields}
    return post_form(client, "/coordinator/accounts/new", data)


def mailed_link(smtp) -> str:
    body = smtp.inbox[-1].get_content()
    return re.search(r"http://localhost(/account/setup/\S+)", body).group(1)


def set_password(client, path: str, password: str = NEW_PASSWORD):
    return post_form(client, path, {"new_password": password, "confirm": password})


def test_admin_invites_a_coordinator_who_sets_their_own_password_once(mail_app, smtp, database_url):
    client = mail_app.test_client()
    Auth(client).login("admin")
    response = invite(client)
    assert response.status_code == 302
    link = mailed_link(smtp)
    assert smtp.inbox[-1]["To"] == "sato@example.jp"
    fresh = mail_app.test_client()
    assert "佐藤 花" in fresh.get(link).get_data(as_text=True)
    assert set_password(fresh, link).headers["Location"] == "/login"
    assert Auth(fresh).login("sato", NEW_PASSWORD).headers["Location"] == "/coordinator/"
    assert mail_app.test_client().get(link).status_code == 410  # works once
    secret = link.rsplit("/", 1)[1]
    stored = [t.token_hash for t in rows(database_url, AccountToken)]
    assert stored and secret not in stored
    assert all(secret not in n.body for n in rows(database_url, Notification))  # the outbox copy lacks the link


def test_the_invited_account_cannot_log_in_before_setting_a_password(mail_app, smtp):
    client = mail_app.test_client()
    Auth(client).login("admin")
    invite(client)
    response = Auth(mail_app.test_client()).login("sato", "")
    assert response.status_code == 200


def test_a_coordinator_may_invite_tutors_only(client, auth):
    auth.login("coordinator")
    page = invite(client, role="admin").get_data(as_text=True)
    assert "一覧から選んでください" in page and 'value="sato"' in page  # refused, what was typed kept


def test_a_tutor_without_email_gets_a_printed_code_and_sets_a_password_on_it(client, auth, app, world, database_url):
    auth.login("coordinator")
    page = invite(client, role="tutor", login="yamada", display_name="山田", email="", delivery="printed",
                  tutor_id=str(world.tutor_id)).get_data(as_text=True)
    assert "一覧から選んでください" in page  # the world's tutor already has an account: not offered
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        tutor_id = make_tutor(session, session.get(Programme, world.programme_id)).id
        session.commit()
    engine.dispose()
    page = invite(client, role="tutor", login="yamada", display_name="山田", email="", delivery="printed",
                  tutor_id=str(tutor_id)).get_data(as_text=True)
    code = re.search(r'id="printed-code">([^<]+)<', page).group(1)
    phone = app.test_client()
    wrong = post_form(phone, "/account/code", {"code": "AAAA-AAAA-AAAA-AAAA", "new_password": NEW_PASSWORD,
                                               "confirm": NEW_PASSWORD})
    assert "このコードは使えません" in wrong.get_data(as_text=True)
    typed = code.lower().replace("-", " ")  # read off paper: case and spacing do not matter
    done = post_form(phone, "/account/code", {"code": typed, "new_password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert done.headers["Location"] == "/login"
    assert Auth(phone).login("yamada", NEW_PASSWORD).headers["Location"] == "/tutor/"
    account = next(a for a in rows(database_url, UserAccount) if a.login == "yamada")
    assert account.tutor_id == tutor_id


def test_a_short_or_mismatched_password_is_refused_and_the_link_still_works(mail_app, smtp):
    client = mail_app.test_client()
    Auth(client).login("admin")
    invite(client)
    link = mailed_link(smtp)
    fresh = mail_app.test_client()
    assert "10〜200文字" in set_password(fresh, link, "short").get_data(as_text=True)
    mismatch = post_form(fresh, link, {"new_password": NEW_PASSWORD, "confirm": NEW_PASSWORD + "x"})
    assert "2回の入力が一致しません" in mismatch.get_data(as_text=True)
    assert set_password(fresh, link).status_code == 302


def test_a_link_expires(mail_app, smtp):
    client = mail_app.test_client()
    Auth(client).login("admin")
    invite(client)
    link = mailed_link(smtp)
    mail_app.config["TODAY"] = "2026-11-26"  # four days later; links work for 72 hours
    assert mail_app.test_client().get(link).status_code == 410


def test_a_reset_issues_a_new_link_and_the_old_one_stops(mail_app, smtp, database_url):
    client = mail_app.test_client()
    Auth(client).login("admin")
    invite(client)
    first = mailed_link(smtp)
    sato = next(a for a in rows(database_url, UserAccount) if a.login == "sato")
    post_form(client, f"/coordinator/accounts/{sato.id}/reset", {"delivery": "email"}, "/coordinator/accounts")
    second = mailed_link(smtp)
    assert first != second
    assert mail_app.test_client().get(first).status_code == 410
    assert mail_app.test_client().get(second).status_code == 200


def test_deactivating_a_tutor_ends_their_session_at_once(app, client, auth, database_url):
    tutor_phone = app.test_client()
    Auth(tutor_phone).login("tutor")
    assert tutor_phone.get("/tutor/").status_code == 200
    auth.login("coordinator")
    tutor_account = next(a for a in rows(database_url, UserAccount) if a.login == "tutor")
    post_form(client, f"/coordinator/accounts/{tutor_account.id}/deactivate", {}, "/coordinator/accounts")
    assert tutor_phone.get("/tutor/").status_code == 302
    assert Auth(app.test_client()).login("tutor").status_code == 200  # refused at the login form
    page = client.get("/coordinator/accounts").get_data(as_text=True)
    assert "無効" in page


def test_a_coordinator_cannot_deactivate_an_administrator(client, auth, database_url):
    auth.login("coordinator")
    admin = next(a for a in rows(database_url, UserAccount) if a.login == "admin")
    response = post_form(client, f"/coordinator/accounts/{admin.id}/deactivate", {}, "/coordinator/accounts")
    assert response.status_code == 404
    assert next(a for a in rows(database_url, UserAccount) if a.login == "admin").active


def test_the_account_list_shows_role_tutor_last_login_and_status(client, auth):
    auth.login("admin")
    page = client.get("/coordinator/accounts").get_data(as_text=True)
    assert "コーディネーター" in page and "講師 太郎" in page and "有効" in page and "最終ログイン" in page


def test_changing_ones_password_ends_the_other_sessions_but_not_this_one(app, client, auth):
    auth.login("coordinator")
    laptop = app.test_client()
    Auth(laptop).login("coordinator")
    wrong = post_form(client, "/account/password", {"current_password": "nope", "new_password": NEW_PASSWORD,
                                                    "confirm": NEW_PASSWORD})
    assert "現在のパスワードが正しくありません" in wrong.get_data(as_text=True)
    done = post_form(client, "/account/password", {"current_password": PASSWORD, "new_password": NEW_PASSWORD,
                                                   "confirm": NEW_PASSWORD})
    assert done.status_code == 302
    assert client.get("/coordinator/").status_code == 200
    assert laptop.get("/coordinator/").status_code == 302
    assert Auth(app.test_client()).login("coordinator", NEW_PASSWORD).headers["Location"] == "/coordinator/"


def test_create_admin_takes_the_password_from_the_environment_or_a_prompt(app, database_url, monkeypatch):
    runner = app.test_cli_runner()
    monkeypatch.setenv("ADMIN_PASSWORD", "short")
    assert "at least 10 characters" in runner.invoke(args=["create-admin", "--login", "boss"]).output
    monkeypatch.delenv("ADMIN_PASSWORD")
    typed = "a long admin password\na long admin password\n"
    result = runner.invoke(args=["create-admin", "--login", "boss", "--name", "事業担当"], input=typed)
    assert result.exit_code == 0, result.output
    assert "a long admin password" not in result.output
    again = runner.invoke(args=["create-admin", "--login", "boss"], input=typed)
    assert again.exit_code != 0 and "already exists" in again.output
    assert Auth(app.test_client()).login("boss", "a long admin password").headers["Location"] == "/coordinator/"


def test_inviting_from_a_tutors_page_fills_in_their_name_and_email(client, auth, world, database_url):
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        tutor = make_tutor(session, session.get(Programme, world.programme_id), email="kimura@example.jp")
        tutor_id, name = tutor.id, tutor.full_name
        session.commit()
    engine.dispose()
    auth.login("coordinator")
    assert f"/coordinator/accounts/new?tutor={tutor_id}" in client.get(f"/coordinator/tutors/{tutor_id}").get_data(
        as_text=True)
    page = client.get(f"/coordinator/accounts/new?tutor={tutor_id}").get_data(as_text=True)
    assert f'value="{name}"' in page and 'value="kimura@example.jp"' in page
    assert f'<option selected value="{tutor_id}">' in page


def test_when_the_mail_server_is_down_the_issuer_is_told_and_can_print_a_code(mail_app, smtp, database_url):
    smtp.stop()
    client = mail_app.test_client()
    Auth(client).login("admin")
    invite(client)
    page = client.get("/coordinator/accounts").get_data(as_text=True)
    assert "メールを送れませんでした" in page and "招待中" in page
    assert not [n for n in rows(database_url, Notification) if n.kind.startswith("account_")]
    sato = next(a for a in rows(database_url, UserAccount) if a.login == "sato")
    sheet = post_form(client, f"/coordinator/accounts/{sato.id}/reset", {"delivery": "printed"},
                      "/coordinator/accounts").get_data(as_text=True)
    assert 'id="printed-login">sato<' in sheet and 'id="printed-code"' in sheet
