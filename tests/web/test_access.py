"""Every coordinator page refuses tutors (403) and sends anonymous visitors to the login page.

Every route that takes a POST (forms, buttons) refuses a tutor's post too, even with a valid CSRF token.
"""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import csrf_token
from webapp import create_app

# Values for the URL parameters of coordinator routes; a new parameter must be added here.
PARAMETERS = {"student_id": "student_id", "tutor_id": "tutor_id", "site_id": "site_id", "plan_id": "plan_id",
              "job_id": "job_id", "kind": "kind", "need_id": "need_id", "visit_id": "visit_id",
              "notice_id": "notice_id", "household_id": "household_id", "absent_tutor_id": "tutor_id", "occurrence_id": "occurrence_id",
              "session_id": "session_id", "programme_id": "programme_id",
              # calendar entries and family messages appear only on POST-only routes, refused before any
              # lookup: any id will do
              "entry_id": "site_id", "message_id": "notice_id", "account_id": "tutor_id", "absence_id": "notice_id"}


def coordinator_rules(method: str = "GET") -> list[tuple[str, str]]:
    """Every route of the coordinator blueprint answering the method, as (endpoint, rule)."""
    app = create_app({"SECRET_KEY": "collect-" + "x" * 32, "DATABASE_URL": "sqlite://", "NOTICE_DELIVERY_INTERVAL_S": 0})
    rules = [(r.endpoint, r.rule) for r in app.url_map.iter_rules()
             if r.endpoint.startswith("coordinator.") and method in r.methods]
    app.extensions["job_runner"].shutdown()
    return sorted(rules)


# Routes that need a different row for a parameter than the rest: (endpoint, parameter) -> World attribute.
OVERRIDES = {("coordinator.plan_letters", "plan_id"): "published_plan_id",
             ("coordinator.session_substitute", "session_id"): "published_session_id",
             ("coordinator.assign_session_substitute_view", "session_id"): "published_session_id"}
# Study-room plan pages take the world's rooms plan rather than its visits plan.
ROOM_PARAMETERS = {"plan_id": "room_plan_id"}


def fill(rule: str, world, endpoint: str = "", parameters: dict[str, str] = PARAMETERS) -> str:
    """The rule with its parameters replaced by ids of the test world (parameters: name -> World attribute)."""
    def value(match: re.Match) -> str:
        name = match.group(1).split(":")[-1]
        assert name in parameters, f"add {name} to PARAMETERS"
        if rule.startswith("/coordinator/rooms/") and name in ROOM_PARAMETERS:
            return str(getattr(world, ROOM_PARAMETERS[name]))
        return str(getattr(world, OVERRIDES.get((endpoint, name), parameters[name])))
    return re.sub(r"<([^>]+)>", value, rule)


RULES = coordinator_rules()
POST_RULES = coordinator_rules("POST")


def test_the_coordinator_blueprint_has_pages():
    assert len(RULES) >= 7


@pytest.mark.parametrize("endpoint, rule", RULES, ids=[endpoint for endpoint, _ in RULES])
def test_tutor_gets_403_on_every_coordinator_page(client, auth, world, endpoint, rule):
    auth.login("tutor")
    assert client.get(fill(rule, world, endpoint)).status_code == 403


@pytest.mark.parametrize("endpoint, rule", RULES, ids=[endpoint for endpoint, _ in RULES])
def test_anonymous_visitor_is_sent_to_login_from_every_coordinator_page(client, world, endpoint, rule):
    response = client.get(fill(rule, world, endpoint))
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


@pytest.mark.parametrize("endpoint, rule", RULES, ids=[endpoint for endpoint, _ in RULES])
def test_coordinator_and_admin_see_every_coordinator_page(client, auth, world, endpoint, rule):
    # Everything held about a child, 要配慮 included, is for coordinators only (the access policy's rule).
    for login in ("coordinator",) if endpoint == "coordinator.disclosure" else ("coordinator", "admin"):
        auth.login(login)
        response = client.get(fill(rule, world, endpoint))
        if response.status_code == 302:  # a page that forwards to another coordinator page (a plan to its kind's)
            assert response.headers["Location"].startswith("/coordinator/")
            response = client.get(response.headers["Location"])
        assert response.status_code == 200
        auth.logout()


def test_the_coordinator_blueprint_has_actions():
    assert len(POST_RULES) >= 8


@pytest.mark.parametrize("endpoint, rule", POST_RULES, ids=[endpoint for endpoint, _ in POST_RULES])
def test_tutor_gets_403_on_every_coordinator_action(client, auth, world, endpoint, rule):
    auth.login("tutor")
    token = csrf_token(client.get("/tutor/").get_data(as_text=True))
    assert client.post(fill(rule, world, endpoint), data={"csrf_token": token, "lock_version": "1"}).status_code == 403


@pytest.mark.parametrize("endpoint, rule", POST_RULES, ids=[endpoint for endpoint, _ in POST_RULES])
def test_every_coordinator_action_refuses_a_post_without_csrf_token(client, auth, world, endpoint, rule):
    auth.login("coordinator")
    assert client.post(fill(rule, world, endpoint), data={"lock_version": "1"}).status_code == 400


def test_admin_audit_log_is_for_administrators_only(client, auth):
    for login, status in (("tutor", 403), ("coordinator", 403), ("admin", 200)):
        auth.login(login)
        assert client.get("/admin/audit").status_code == status
        auth.logout() if login != "tutor" else client.post("/logout", data={
            "csrf_token": csrf_token(client.get("/tutor/").get_data(as_text=True))})


def test_coordinator_gets_403_on_the_tutor_page(client, auth):
    auth.login("coordinator")
    assert client.get("/tutor/").status_code == 403
