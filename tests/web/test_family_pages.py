"""The household page: own children only, every family URL refuses other households' data and dead links."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from matching.db import make_engine, make_session_factory
from matching.models import HouseholdMessage, VisitOccurrence
from matching.services.household_links import revoke_link
from tests.web.conftest import csrf_token
from tests.web.family_fixtures import ISSUED, linked  # noqa: F401  (fixture)
from webapp import create_app

# Every family route, and what a POST to it carries.
FORMS = {"family.confirm": {}, "family.change": {"message": "12月1日は都合が悪いです"}}


def family_rules() -> list[tuple[str, str, str]]:
    """Every route of the family blueprint as (endpoint, rule, method)."""
    app = create_app({"SECRET_KEY": "collect-" + "x" * 32, "DATABASE_URL": "sqlite://"})
    return sorted((r.endpoint, r.rule, "POST" if "POST" in r.methods and "GET" not in r.methods else "GET")
                  for r in app.url_map.iter_rules() if r.endpoint.startswith("family."))


RULES = family_rules()
TOKEN_RULES = [rule for rule in RULES if "<token>" in rule[1]]


def rows(database_url, model):
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        found = session.scalars(select(model)).all()
        session.expunge_all()
    engine.dispose()
    return found


def call(client, rule: str, method: str, token: str, endpoint: str):
    url = rule.replace("<token>", token)
    if method == "GET":
        return client.get(url)
    page = client.get("/h")  # any family page carries a CSRF token for this browser session
    return client.post(url, data={**FORMS.get(endpoint, {}), "csrf_token": csrf_token(page.get_data(as_text=True))})


def test_the_family_blueprint_has_its_routes():
    assert {endpoint for endpoint, _, _ in RULES} == {"family.page", "family.confirm", "family.change", "family.code"}


def test_the_household_page_shows_its_dates_and_tutor_in_its_language(client, linked):
    html = client.get(f"/h/{linked.a_token}").get_data(as_text=True)
    assert 'lang="vi"' in html
    assert "Thứ Ba, 24/11/2026" in html and "Thứ Ba, 01/12/2026" in html and "18:00–20:00" in html
    assert "Thứ Bảy, 28/11/2026" in html and "14:00–16:00" in html and "みどり会館" in html
    assert "<ruby>翔太<rt>しょうた</rt></ruby>" in html and "<ruby>陽菜<rt>ひな</rt></ruby>" in html
    assert "17/11/2026" not in html  # past dates are not listed


def test_the_switch_shows_the_page_in_japanese(client, linked):
    html = client.get(f"/h/{linked.a_token}?lang=ja").get_data(as_text=True)
    assert '<html lang="ja">' in html and "2026年11月24日(火)" in html
    assert "<ruby>講師<rt>こうし</rt></ruby>" in html
    assert "?lang=vi" in html  # and back to Vietnamese


def test_a_family_can_switch_to_every_language_offered(client, linked):
    html = client.get(f"/h/{linked.a_token}").get_data(as_text=True)
    switch = html[html.index('class="language-switch"'):html.index("</nav>")]
    for code in ("ja", "ja-easy", "en", "zh-Hans"):
        assert f"?lang={code}" in switch, code
    assert '<html lang="en">' in client.get(f"/h/{linked.a_token}?lang=en").get_data(as_text=True)


@pytest.mark.parametrize("endpoint, rule, method", TOKEN_RULES, ids=[r[0] for r in TOKEN_RULES])
def test_no_family_url_shows_or_touches_another_households_data(client, linked, database_url, endpoint, rule, method):
    response = call(client, rule, method, linked.a_token, endpoint)
    html = client.get(response.headers["Location"]).get_data(as_text=True) if response.status_code == 302 else (
        response.get_data(as_text=True))
    for other in ("結衣", "ゆい", "美咲", "John Smith", "さくら", "Thứ Năm, 26/11/2026", "Thứ Tư, 25/11/2026"):
        assert other not in html
    touched = {o.on_date.isoformat() for o in rows(database_url, VisitOccurrence) if o.household_confirmed_at}
    assert touched <= {"2026-11-24", "2026-12-01"}  # household A's own dates only
    assert all(m.household_id == linked.families.a for m in rows(database_url, HouseholdMessage))


def test_confirming_with_one_households_link_leaves_the_other_untouched(client, linked, database_url):
    assert 'id="confirm"' in client.get(f"/h/{linked.a_token}").get_data(as_text=True)
    call(client, "/h/<token>/confirm", "POST", linked.a_token, "family.confirm")
    confirmed = {o.on_date.isoformat() for o in rows(database_url, VisitOccurrence) if o.household_confirmed_at}
    assert confirmed == {"2026-11-24", "2026-12-01"}
    assert 'id="confirm"' not in client.get(f"/h/{linked.a_token}").get_data(as_text=True)  # nothing left to confirm


@pytest.mark.parametrize("endpoint, rule, method", TOKEN_RULES, ids=[r[0] for r in TOKEN_RULES])
@pytest.mark.parametrize("which, status, words", [
    ("expired_token", 410, "期限が切れました"), ("revoked_token", 410, "no longer works"),
    ("unknown", 404, "does not work")])
def test_dead_links_get_a_clear_page_on_every_family_url(client, linked, database_url, endpoint, rule, method,
                                                        which, status, words):
    token = getattr(linked, which, "x" * 43)
    response = call(client, rule, method, token, endpoint)
    html = re.sub(r"<rt>[^<]*</rt>|<[^>]+>", "", response.get_data(as_text=True))
    assert response.status_code == status
    assert words in html and "coordinator" in html
    assert rows(database_url, HouseholdMessage) == []


def test_the_session_page_without_a_code_is_refused(client, linked):
    assert client.get("/h/mine").status_code == 404
    token = csrf_token(client.get("/h").get_data(as_text=True))
    assert client.post("/h/mine/confirm", data={"csrf_token": token}).status_code == 404


@pytest.mark.parametrize("endpoint, rule, method", [r for r in RULES if r[2] == "POST"] + [
    ("family.code", "/h", "POST")], ids=lambda value: str(value))
def test_every_family_post_needs_the_csrf_token(client, linked, database_url, endpoint, rule, method):
    response = client.post(rule.replace("<token>", linked.a_token), data={"message": "hello", "code": linked.a_code})
    assert response.status_code == 400
    assert rows(database_url, HouseholdMessage) == []


def test_a_short_code_opens_the_page_and_its_forms(client, linked, database_url):
    token = csrf_token(client.get("/h").get_data(as_text=True))
    response = client.post("/h", data={"code": linked.a_code.lower().replace("-", " "), "csrf_token": token})
    assert response.status_code == 302 and response.headers["Location"] == "/h/mine"
    html = client.get("/h/mine").get_data(as_text=True)
    assert "Thứ Ba, 24/11/2026" in html and "結衣" not in html
    client.post("/h/mine/change", data={"message": "Xin gọi điện", "csrf_token": csrf_token(html), "lang": "vi"})
    [message] = rows(database_url, HouseholdMessage)
    assert (message.household_id, message.body) == (linked.families.a, "Xin gọi điện")


def test_the_code_page_says_each_wording_once(client):
    html = client.get("/h").get_data(as_text=True)
    button = re.search(r'<button type="submit" class="primary big">(.*?)</button>', html, re.S).group(1)
    words = [re.sub(r"<rt>.*?</rt>|<[^>]+>", "", part).strip() for part in button.split(" / ")]
    assert len(words) == len(set(words)), button


def test_a_wrong_short_code_gets_a_clear_message(client, linked):
    token = csrf_token(client.get("/h").get_data(as_text=True))
    response = client.post("/h", data={"code": "3333-3333", "csrf_token": token})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "The code is not correct" in html and "/h/mine" not in html


def test_repeated_wrong_codes_are_slowed_down_even_for_a_right_one(app, linked):
    app.config["FAMILY_CODE_LIMIT_PER_ADDRESS"] = "3 per 15 minutes"
    client = app.test_client()
    token = csrf_token(client.get("/h").get_data(as_text=True))
    for wrong in ("3333-3333", "4444-4444", "5555-5555"):
        assert client.post("/h", data={"code": wrong, "csrf_token": token}).status_code == 400
    response = client.post("/h", data={"code": linked.a_code, "csrf_token": token})
    assert response.status_code == 429 and "Too many tries" in response.get_data(as_text=True)


def test_a_change_request_is_confirmed_on_the_page_in_the_households_language(client, linked, database_url):
    html = client.get(f"/h/{linked.b_token}").get_data(as_text=True)
    response = client.post(f"/h/{linked.b_token}/change", data={"message": "Please call me", "lang": "en",
                                                               "csrf_token": csrf_token(html)}, follow_redirects=True)
    assert "Your message has been sent to the coordinator" in response.get_data(as_text=True)
    empty = client.post(f"/h/{linked.b_token}/change", data={"message": " ", "lang": "en",
                                                            "csrf_token": csrf_token(html)}, follow_redirects=True)
    assert "Please write a message." in empty.get_data(as_text=True)
    assert [m.body for m in rows(database_url, HouseholdMessage)] == ["Please call me"]


def test_family_pages_are_not_cached_and_send_no_referrer(client, linked):
    response = client.get(f"/h/{linked.a_token}")
    assert response.headers["Referrer-Policy"] == "no-referrer" and response.headers["Cache-Control"] == "no-store"


def test_an_old_short_code_gets_the_clear_page(client, app, linked, database_url):
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        revoke_link(session, linked.families.programme_id, linked.families.b, None, ISSUED)
    engine.dispose()
    token = csrf_token(client.get("/h").get_data(as_text=True))
    response = client.post("/h", data={"code": linked.b_code, "csrf_token": token})
    assert response.status_code == 410 and "no longer works" in response.get_data(as_text=True)
