"""The route x role access matrix: every page of the site, opened by each role with ids that belong to
another tutor and another household, answers the status the role deserves and shows none of what the
role must not see (names of other households, guardians' phones, 要配慮 notes), not only a status code.

The signed-in tutor is the test world's tutor; the ids in the URLs are household B's child, guardian,
visits and dates and tutor 美咲's sessions (make_families). The family is household A, opened by its
short code. Every GET route of the app is requested once per role; POST routes are covered by
test_access.py (refusals) and by the tutor-confirmation case here.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from matching.db import make_engine, make_session_factory
from matching.models import Household, Session as RoomSession, SessionStaff, Student, Visit, VisitOccurrence
from tests.web.conftest import csrf_token
from tests.web.family_fixtures import linked  # noqa: F401  (fixture)
from webapp import create_app

ROLES = ("anonymous", "family", "tutor", "admin", "coordinator")
B_NOTES = "結衣さんの要配慮メモ"  # household B's child's caseworker notes: coordinators only
B_PHONE = "090-7777-1234"  # household B's guardian: staff and B only
WORLD_NOTES = "テスト用メモ"  # every factory child's caseworker notes


def every_get_rule() -> list[tuple[str, str]]:
    """(endpoint, rule) of every GET route of the app but static files."""
    app = create_app({"SECRET_KEY": "collect-" + "x" * 32, "DATABASE_URL": "sqlite://", "NOTICE_DELIVERY_INTERVAL_S": 0})
    rules = sorted((r.endpoint, r.rule) for r in app.url_map.iter_rules() if "GET" in r.methods and r.endpoint != "static")
    return rules


RULES = every_get_rule()


@dataclass(frozen=True)
class Others:
    """Ids of rows that belong to household B and tutor 美咲, and the secrets the URLs need."""

    values: dict[str, str]


@pytest.fixture
def others(linked, world, database_url) -> Others:  # noqa: F811  (fixture)
    """Household B's child, visit, date and need, 美咲's session; B's notes and phone made recognisable."""
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        child = session.get(Student, linked.families.b_child)
        child.caseworker_notes = B_NOTES
        session.get(Household, linked.families.b).phone = B_PHONE
        visit = session.scalars(select(Visit).where(Visit.student_id == child.id)).first()
        occurrence = session.scalars(select(VisitOccurrence).where(VisitOccurrence.visit_id == visit.id)).first()
        room_session = session.scalars(select(RoomSession).where(RoomSession.plan_id == linked.families.rooms_plan)).first()
        session.commit()
        values = {"programme_id": world.programme_id, "student_id": child.id, "tutor_id": linked.families.other_tutor, "site_id": world.site_id,
                  "plan_id": linked.families.visits_plan, "job_id": world.job_id, "kind": "visits",
                  "need_id": visit.need_id, "visit_id": visit.id, "notice_id": world.notice_id,
                  "household_id": linked.families.b, "absent_tutor_id": linked.families.other_tutor,
                  "occurrence_id": occurrence.id, "session_id": room_session.id,
                  "token": linked.expired_token, "feed_token": "n0-such-feed-token-" + "x" * 20}
    engine.dispose()
    return Others({name: str(value) for name, value in values.items()})


def url_for_rule(rule: str, others: Others, linked_rooms_plan: int) -> str:
    """The rule with every parameter filled by another household's or tutor's id."""
    def value(match: re.Match) -> str:
        name = match.group(1).split(":")[-1]
        if name == "plan_id" and rule.startswith("/coordinator/rooms/"):
            return str(linked_rooms_plan)
        if name == "token" and rule.startswith("/tutor/feed/"):
            return others.values["feed_token"]
        assert name in others.values, f"add {name} to the others fixture"
        return others.values[name]
    return re.sub(r"<([^>]+)>", value, rule)


def sign_in(client, role: str, linked) -> None:  # noqa: F811
    """Open a session as the role: a staff or tutor login, or household A's short code."""
    if role == "anonymous":
        return
    if role == "family":
        token = csrf_token(client.get("/h").get_data(as_text=True))
        assert client.post("/h", data={"code": linked.a_code, "csrf_token": token}).status_code == 302
        return
    from tests.web.conftest import PASSWORD
    token = csrf_token(client.get("/login").get_data(as_text=True))
    assert client.post("/login", data={"login": role, "password": PASSWORD, "csrf_token": token}).status_code == 302


def expected_statuses(role: str, endpoint: str) -> set[int]:
    """The statuses a role may get on a page (a redirect to the login page for those not signed in)."""
    blueprint = endpoint.split(".")[0]
    staff = role in ("admin", "coordinator")
    if endpoint == "coordinator.disclosure":  # everything held about a child, 要配慮 included: coordinators only
        return {200} if role == "coordinator" else {403} if role in ("tutor", "admin") else {302}
    if blueprint == "coordinator":
        return {200, 302} if staff else {403} if role == "tutor" else {302}
    if blueprint == "admin":
        return {200} if role == "admin" else {403} if role in ("tutor", "coordinator") else {302}
    if endpoint == "tutor.feed":
        return {404}  # an unknown feed secret, whoever asks
    if blueprint == "tutor":
        return {200} if role == "tutor" else {403} if staff else {302}
    if endpoint == "family.page":
        return {200, 404, 410}  # /h/mine: A's page for family A, 404 for others; C's expired link: 410
    if blueprint == "attendance":
        # A tutor's own list; another tutor's visit or session is not found. Staff see every item.
        return {200, 404} if role == "tutor" else {200} if staff else {302}
    if blueprint == "health":
        return {200, 503}  # for the load balancer, whoever asks; nothing personal either way
    if endpoint == "favicon":
        return {301}
    if endpoint == "auth.setup_account":
        return {404, 410}  # the URL carries household C's expired family secret, no account link
    return {200, 302}  # the login page, the code door, the home redirect


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def readable_text(response) -> str:
    """What a person could read in a response: its text, or every cell of a spreadsheet export."""
    if response.mimetype == XLSX:
        book = load_workbook(io.BytesIO(response.get_data()), read_only=True)
        return "\n".join(str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                         for cell in row if cell is not None)
    return response.get_data(as_text=True)


def forbidden_texts(role: str) -> list[str]:
    """What a role must never find on any page opened with household B's and tutor 美咲's ids."""
    notes = [B_NOTES, WORLD_NOTES]
    household_b = ["結衣", "John Smith", B_PHONE]
    if role == "coordinator":
        return []
    if role == "admin":
        return notes  # 要配慮: coordinators only
    if role == "family":
        return notes + household_b + ["さくら", "山田 花", "花子"]  # household A sees only its own children
    return notes + household_b + ["陽菜", "さくら", "Nguyen"]  # tutors and strangers: nobody's household


@pytest.mark.parametrize("role", ROLES)
def test_every_page_as_every_role_with_other_peoples_ids_shows_nothing_it_must_not(
        app, others, linked, role):  # noqa: F811
    client = app.test_client()
    sign_in(client, role, linked)
    forbidden = forbidden_texts(role)
    requests, seen = 0, ""
    for endpoint, rule in RULES:
        url = url_for_rule(rule, others, linked.families.rooms_plan)
        response = client.get(url)
        requests += 1
        body = readable_text(response)
        assert response.status_code in expected_statuses(role, endpoint), (role, url, response.status_code)
        if response.status_code == 302 and role in ("anonymous", "family") and endpoint.split(".")[0] in (
                "coordinator", "admin", "tutor", "attendance"):
            assert response.headers["Location"].startswith("/login")
        leaked = [text for text in forbidden if text in body]
        assert leaked == [], (role, url, leaked)
        seen += body
    assert requests == len(RULES)
    # The ids really are household B's: staff pages opened with them show B's child (and notes to coordinators).
    if role in ("admin", "coordinator"):
        assert "結衣" in seen and B_PHONE in seen
    assert (B_NOTES in seen) == (role == "coordinator")


def test_the_family_page_of_household_a_shows_its_children_and_nothing_of_b(app, linked):  # noqa: F811
    client = app.test_client()
    sign_in(client, "family", linked)
    page = client.get("/h/mine").get_data(as_text=True)
    assert "陽菜" in page and "結衣" not in page and B_PHONE not in page


def test_a_tutor_cannot_confirm_another_tutors_visit_or_session_place(app, others, linked, database_url):  # noqa: F811
    client = app.test_client()
    sign_in(client, "tutor", linked)
    token = csrf_token(client.get("/tutor/").get_data(as_text=True))
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        place = session.scalars(select(SessionStaff).where(SessionStaff.tutor_id == linked.families.other_tutor)).first()
    for kind, assignment_id in (("visit", others.values["visit_id"]), ("session", place.id)):
        response = client.post(f"/tutor/assignments/{kind}/{assignment_id}/confirm", data={"csrf_token": token})
        assert response.status_code == 404 and "結衣" not in response.get_data(as_text=True)
    with make_session_factory(engine)() as session:
        assert session.get(Visit, int(others.values["visit_id"])).confirmed_at is None
        assert session.get(SessionStaff, place.id).confirmed_at is None
    engine.dispose()


def test_the_matrix_covers_every_blueprint():
    assert {endpoint.split(".")[0] for endpoint, _ in RULES} == {
        "auth", "coordinator", "admin", "tutor", "family", "attendance", "health", "favicon"}
