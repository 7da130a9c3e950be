"""The calendar page: national holidays imported once, periods added with a message per bad field, and removed."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from matching.db import make_engine, make_session_factory
from matching.models import CalendarEntry, CalendarKind
from tests.web.conftest import csrf_token
from tests.web.intake_helpers import audit_entries, error_after, form_values, post_form

URL = "/coordinator/calendar"


def entries(database_url) -> list[CalendarEntry]:
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        rows = list(session.scalars(select(CalendarEntry).order_by(CalendarEntry.starts_on, CalendarEntry.id)))
    engine.dispose()
    return rows


def press(client, action: str):
    token = csrf_token(client.get(URL).get_data(as_text=True))
    return client.post(action, data={"csrf_token": token})


def test_importing_holidays_twice_adds_each_national_holiday_once(client, auth, database_url):
    auth.login()
    press(client, f"{URL}/holidays")
    first = entries(database_url)
    assert {(e.starts_on, e.name) for e in first} >= {(date(2026, 11, 23), "勤労感謝の日"),
                                                     (date(2027, 1, 1), "元日")}
    assert all(e.kind == CalendarKind.HOLIDAY and e.site_id is None for e in first)
    response = press(client, f"{URL}/holidays")
    assert response.status_code == 302
    assert "祝日を0件取り込みました。" in client.get(URL).get_data(as_text=True)
    assert len(entries(database_url)) == len(first)
    assert [e.detail["added"] for e in audit_entries(database_url, "fill_holidays")] == [len(first), 0]


def test_coordinator_adds_an_exam_period_for_one_site_and_removes_it(client, auth, world, database_url):
    auth.login()
    response = post_form(client, URL, {"kind": "exam", "name": "2学期期末テスト", "starts_on": "2026-11-30",
                                       "ends_on": "2026-12-04", "site_id": str(world.site_id)})
    assert response.status_code == 302
    page = client.get(URL).get_data(as_text=True)
    assert "2学期期末テスト" in page and "2026-11-30〜2026-12-04" in page
    [entry] = entries(database_url)
    assert (entry.kind, entry.site_id) == (CalendarKind.EXAM, world.site_id)
    press(client, f"{URL}/{entry.id}/delete")
    assert entries(database_url) == []
    assert [e.action for e in audit_entries(database_url) if e.entity == "calendar_entry"] == ["create", "delete"]


def test_invalid_period_gets_a_message_per_field_and_keeps_every_typed_value(client, auth):
    auth.login()
    bad = {"kind": "party", "name": "", "starts_on": "2026-12-32", "ends_on": "", "site_id": "999"}
    page = post_form(client, URL, bad).get_data(as_text=True)
    for field_id, message in {"kind": "一覧から選んでください", "name": "入力してください",
                              "starts_on": "日付を正しく入力してください", "ends_on": "入力してください",
                              "site_id": "一覧から選んでください"}.items():
        assert message in error_after(page, field_id), field_id
    assert form_values(page)["starts_on"] == ["2026-12-32"]


def test_a_period_must_end_after_it_starts_and_fall_in_the_school_year(client, auth):
    auth.login()
    bad = {"kind": "closure", "name": "年末年始", "starts_on": "2027-01-03", "ends_on": "2026-12-29", "site_id": ""}
    page = post_form(client, URL, bad).get_data(as_text=True)
    assert "終わりの日は始まりの日と同じか後にしてください" in error_after(page, "ends_on")
    kept = form_values(page)
    assert (kept["name"], kept["starts_on"], kept["ends_on"]) == (["年末年始"], ["2027-01-03"], ["2026-12-29"])
    outside = {**bad, "starts_on": "2027-03-30", "ends_on": "2027-04-05"}
    page = post_form(client, URL, outside).get_data(as_text=True)
    assert "事業の年度内の日付にしてください" in error_after(page, "starts_on")
