"""Every coordinator page refuses tutors (403) and sends anonymous visitors to the login page."""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import csrf_token
from webapp import create_app

# Values for the URL parameters of coordinator routes; a new parameter must be added here.
PARAMETERS = {"student_id": "student_id", "tutor_id": "tutor_id", "site_id": "site_id", "plan_id": "plan_id",
              "job_id": "job_id", "kind": "kind", "session_id": "session_id"}


def coordinator_rules(method: str = "GET") -> list[tuple[str, str]]:
    """Every route of the coordinator blueprint answering the method, as (endpoint, rule)."""
    app = create_app({"SECRET_KEY": "collect", "DATABASE_URL": "sqlite://"})
    rules = [(r.endpoint, r.rule) for r in app.url_map.iter_rules()
             if r.endpoint.startswith("coordinator.") and method in r.methods]
    return sorted(rules)


def fill(rule: str, world) -> str:
    """The rule with its parameters replaced by ids of the test world."""
    def value(match: re.Match) -> str:
        name = match.group(1).split(":")[-1]
        assert name in PARAMETERS, f"add {name} to PARAMETERS"
        return str(getattr(world, PARAMETERS[name]))
    return re.sub(r"<([^>]+)>", value, rule)


RULES = coordinator_rules()
POST_RULES = coordinator_rules("POST")


def test_the_coordinator_blueprint_has_pages():
    assert len(RULES) >= 7


@pytest.mark.parametrize("endpoint, rule", RULES, ids=[endpoint for endpoint, _ in RULES])
def test_tutor_gets_403_on_every_coordinator_page(client, auth, world, endpoint, rule):
    auth.login("tutor")
    assert client.get(fill(rule, world)).status_code == 403


@pytest.mark.parametrize("endpoint, rule", RULES, ids=[endpoint for endpoint, _ in RULES])
def test_anonymous_visitor_is_sent_to_login_from_every_coordinator_page(client, world, endpoint, rule):
    response = client.get(fill(rule, world))
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


@pytest.mark.parametrize("endpoint, rule", RULES, ids=[endpoint for endpoint, _ in RULES])
def test_coordinator_and_admin_see_every_coordinator_page(client, auth, world, endpoint, rule):
    for login in ("coordinator", "admin"):
        auth.login(login)
        assert client.get(fill(rule, world), follow_redirects=True).status_code == 200
        auth.logout()


@pytest.mark.parametrize("endpoint, rule", POST_RULES, ids=[endpoint for endpoint, _ in POST_RULES])
def test_tutor_gets_403_on_every_coordinator_form(client, auth, world, endpoint, rule):
    auth.login("tutor")
    token = csrf_token(client.get("/tutor/").get_data(as_text=True))
    assert client.post(fill(rule, world), data={"csrf_token": token}).status_code == 403


def test_coordinator_gets_403_on_the_tutor_page(client, auth):
    auth.login("coordinator")
    assert client.get("/tutor/").status_code == 403
