"""Property: hostile values in every form field and every query argument of every page, as every role, never
get a server error (5xx).

Each example draws one hostile value per field and argument name (huge and foreign numbers, non-finite
floats, impossible dates, line breaks and NUL, markup, paths, long texts, random text) and sends them to
every GET page as query arguments and to every POST route as form fields with a valid CSRF token, so the
values reach the views. The ids in the URLs are those of the test world. The example count is bounded
(HOSTILE_EXAMPLES, 4 by default) so the sweep runs in CI in about a minute; the test prints the number of
requests it made.
"""

from __future__ import annotations

import os
import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.web.conftest import PASSWORD, csrf_token
from tests.web.family_fixtures import linked  # noqa: F401  (fixture)
from tests.web.test_access import PARAMETERS, fill
from webapp import create_app

EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", "4"))
ROLES = ("anonymous", "family", "tutor", "admin", "coordinator")

# Every query argument a page reads and every form field a view reads without a form class; the intake
# forms' fields are read off the pages themselves (field_names). A new argument must be added here.
ARGUMENTS = ("q", "page", "site", "grade", "subject", "tutor", "status", "month", "user", "action", "entity",
             "visit", "lang", "next", "kind")
FORM_FIELDS = ("lock_version", "confirm", "option", "tutor_id", "new_date", "change", "pinned", "visit",
               "status", "message", "code", "lang", "next", "login", "password", "reason", "on_date")

HOSTILE = st.one_of(
    st.sampled_from([
        "", " ", "0", "-1", "9" * 30, str(2**31), str(2**63), "-" + "9" * 25, "1e999", "nan", "inf", "-inf",
        "²", "١٢٣", "１２", "\r\n", "/x\r\nSet-Cookie: a=b", "\x00", "%00", "' OR '1'='1' --",
        "<script>alert(1)</script>", "../../etc/passwd", "//evil.example", "/\\evil.example",
        "9999-12-31", "0001-01-01", "2026-02-30", "2026-13", "-2026-01", "1-1080", "7-99999", "0-", "-",
        "1:2:3", "1:2", "99999999999:1:1", "visits", "rooms", "yes", "1", "ja", "en", "\u202e\u0000",
        "𠮷" * 60, "語 " * 1200, "x" * 5000,
    ]),
    st.text(max_size=40),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


def rules(method: str) -> list[tuple[str, str]]:
    """(endpoint, rule) of every route answering the method, but static files and logging out."""
    app = create_app({"SECRET_KEY": "collect-" + "x" * 32, "DATABASE_URL": "sqlite://", "NOTICE_DELIVERY_INTERVAL_S": 0})
    found = sorted((r.endpoint, r.rule) for r in app.url_map.iter_rules()
                   if method in r.methods and r.endpoint not in ("static", "auth.logout"))
    app.extensions["job_runner"].shutdown()
    return found


GET_RULES, POST_RULES = rules("GET"), rules("POST")
# Family and tutor routes also take a link secret, a language code and an assignment id: world stand-ins.
ALL_PARAMETERS = {**PARAMETERS, "token": "notice_id", "code": "kind", "assignment_id": "visit_id"}


def url(rule: str, world, endpoint: str) -> str:
    """A route with the test world's ids (the same filling as the access tests)."""
    return fill(rule, world, endpoint, ALL_PARAMETERS)


def field_names(client, world) -> list[str]:
    """Every input, select and textarea name on the coordinator's pages, plus the fields views read directly."""
    names = set(FORM_FIELDS)
    for endpoint, rule in GET_RULES:
        response = client.get(url(rule, world, endpoint))
        if response.mimetype != "text/html":  # a file to download (a spreadsheet, a template) has no form
            continue
        page = response.get_data(as_text=True)
        names.update(re.findall(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"', page))
    names.discard("csrf_token")
    return sorted(names)


def sign_in(client, role: str, family_code: str) -> None:
    """A session for the role: a login, or for the family household A's short code."""
    if role == "anonymous":
        return
    if role == "family":
        token = csrf_token(client.get("/h").get_data(as_text=True))
        assert client.post("/h", data={"code": family_code, "csrf_token": token}).status_code == 302
        return
    token = csrf_token(client.get("/login").get_data(as_text=True))
    assert client.post("/login", data={"login": role, "password": PASSWORD, "csrf_token": token}).status_code == 302


def any_token(client) -> str:
    """A valid CSRF token of this client's session."""
    return csrf_token(client.get("/h").get_data(as_text=True))


@pytest.fixture
def hostile_app(app):
    """The test app with limits high enough that the sweep reaches the views rather than the limiter."""
    app.config.update(LOGIN_LIMIT_PER_ACCOUNT="100000 per minute", LOGIN_LIMIT_PER_ADDRESS="100000 per minute",
                      FAMILY_CODE_LIMIT_PER_ADDRESS="100000 per minute", FAMILY_CODE_LIMIT_PER_CODE="100000 per minute")
    return app


@pytest.mark.slow
@pytest.mark.parametrize("role", ROLES)
def test_hostile_values_in_every_form_and_query_argument_never_get_a_server_error(hostile_app, world, linked,
                                                                                   role):  # noqa: F811
    staff = hostile_app.test_client()
    sign_in(staff, "coordinator", linked.a_code)
    names = field_names(staff, world)
    client = hostile_app.test_client()
    sign_in(client, role, linked.a_code)
    counted = {"requests": 0}

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                     HealthCheck.data_too_large, HealthCheck.large_base_example])
    @given(values=st.fixed_dictionaries({name: HOSTILE for name in sorted(set(names) | set(ARGUMENTS))}))
    def sweep(values):
        query = {name: values[name] for name in ARGUMENTS}
        for endpoint, rule in GET_RULES:
            response = client.get(url(rule, world, endpoint), query_string=query)
            counted["requests"] += 1
            assert response.status_code < 500, (role, endpoint, query)
        form = {name: values[name] for name in names}
        form["csrf_token"] = any_token(client)  # valid for the whole session: the values reach the views
        counted["requests"] += 1
        for endpoint, rule in POST_RULES:
            response = client.post(url(rule, world, endpoint), data=form)
            counted["requests"] += 1
            assert response.status_code < 500, (role, endpoint, form)

    started = time.process_time()
    sweep()
    print(f"hostile input as {role}: {counted['requests']} requests, {time.process_time() - started:.1f} CPU s")
    assert counted["requests"] >= EXAMPLES * (len(GET_RULES) + len(POST_RULES))
