"""Registering and editing a tutor: happy paths, a message per bad field with typed values kept, locking."""

from __future__ import annotations

from datetime import date

from matching.db import make_engine, make_session_factory
from matching.models import Tutor, TutorException
from tests.web.intake_helpers import audit_entries, error_after, fetch, form_values, post_form, two_editors_save

NEW = "/coordinator/tutors/new"

TUTOR = {
    "family_name": "佐藤", "given_name": "健", "family_name_kana": "さとう", "given_name_kana": "けん",
    "kind": "retired_teacher", "affiliation": "元みどり中学校", "email": "sato@example.jp", "phone": "090-1111-2222",
    "languages": ["ja", "en"], "address": "みどり区3-4-5", "lat": "35.74", "lon": "139.65",
    "max_visits_per_week": "3", "max_sessions_per_month": "6", "max_travel_minutes": "40",
    "pledge_signed_on": "2026-10-01", "active_from": "2026-10-01", "active_until": "2027-03-31",
    "subjects-0-subject": "math", "subjects-0-min_grade": "7", "subjects-0-max_grade": "9",
    "subjects-1-subject": "science", "subjects-1-min_grade": "4", "subjects-1-max_grade": "6",
    "exceptions-0-starts_on": "2026-12-28", "exceptions-0-ends_on": "2027-01-04", "exceptions-0-reason": "帰省",
    "availability": ["0-1080", "0-1110", "5-600"],
}
KANA_FIX = {"given_name_kana": "たろう"}


def load(database_url, row_id: int) -> Tutor:
    return fetch(database_url, Tutor, row_id, "subjects", "availability", "exceptions")


def test_coordinator_registers_a_tutor_and_the_list_shows_it(client, auth, database_url):
    auth.login()
    response = post_form(client, NEW, TUTOR)
    assert response.status_code == 302
    tutor_id = int(response.headers["Location"].rsplit("/", 1)[1])
    tutor = load(database_url, tutor_id)
    assert [(s.subject, s.min_grade, s.max_grade) for s in tutor.subjects] == [("math", 7, 9), ("science", 4, 6)]
    assert [(a.weekday, a.start_minute, a.end_minute) for a in tutor.availability] == [(0, 1080, 1140),
                                                                                      (5, 600, 630)]
    assert [(e.starts_on, e.ends_on, e.reason) for e in tutor.exceptions] == [
        (date(2026, 12, 28), date(2027, 1, 4), "帰省")]
    assert tutor.languages == "ja,en" and tutor.max_travel_minutes == 40
    assert tutor.active_until == date(2027, 3, 31) and tutor.pledge_signed_on == date(2026, 10, 1)
    assert "佐藤 健" in client.get("/coordinator/tutors").get_data(as_text=True)
    created = audit_entries(database_url, "create")
    assert [(e.entity, e.entity_id) for e in created] == [("tutor", tutor_id)]
    assert "佐藤" not in str(created[0].detail)


def test_invalid_tutor_gets_a_message_per_field_and_keeps_every_typed_value(client, auth):
    auth.login()
    bad = {**TUTOR, "given_name": "", "given_name_kana": "ken", "kind": "wizard", "email": "sato@", "lat": "",
           "max_visits_per_week": "-1", "max_travel_minutes": "1時間", "active_from": "来月",
           "pledge_signed_on": "2026/13/01", "languages": ["ja", "xx"], "subjects-0-max_grade": "13",
           "subjects-0-min_grade": "9", "exceptions-0-ends_on": "昨日", "exceptions-0-reason": "理" * 201}
    response = post_form(client, NEW, bad)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    expected = {
        "given_name": "入力してください", "given_name_kana": "ひらがなかカタカナで入力してください",
        "kind": "一覧から選んでください", "email": "メールアドレスの形が正しくありません",
        "lon": "地図をクリックするか、緯度と経度を両方入力してください",
        "max_visits_per_week": "0〜14の範囲で入力してください", "max_travel_minutes": "半角の整数で入力してください",
        "active_from": "日付を正しく入力してください", "pledge_signed_on": "日付を正しく入力してください",
        "languages": "一覧から選んでください", "subjects-0-max_grade": "一覧から選んでください",
        "exceptions-0-ends_on": "日付を正しく入力してください", "exceptions-0-reason": "200文字以内で入力してください",
    }
    for field_id, message in expected.items():
        assert message in error_after(page, field_id), field_id
    kept = form_values(page)
    for name in ("given_name_kana", "email", "max_visits_per_week", "max_travel_minutes", "active_from",
                 "pledge_signed_on", "subjects-0-min_grade", "subjects-1-subject", "exceptions-0-starts_on",
                 "exceptions-0-ends_on", "exceptions-0-reason", "affiliation"):
        assert kept[name] == [bad[name]], name
    assert sorted(kept["availability"]) == sorted(TUTOR["availability"])
    assert kept["languages"] == ["ja"]  # the unknown code has no box to show it in


def test_rules_of_the_domain_are_shown_next_to_their_fields(client, auth, world):
    auth.login()
    bad = {**TUTOR, "subjects-0-min_grade": "9", "subjects-0-max_grade": "7", "subjects-1-subject": "math",
           "subjects-1-min_grade": "1", "subjects-1-max_grade": "3", "subjects-2-subject": "math",
           "subjects-2-min_grade": "2", "subjects-2-max_grade": "4", "active_until": "2026-09-30",
           "exceptions-0-ends_on": "2026-12-01"}
    page = post_form(client, NEW, bad).get_data(as_text=True)
    assert "「まで」の学年は「から」と同じか後にしてください" in error_after(page, "subjects-0-max_grade")
    assert "同じ教科がほかの行にもあります" in error_after(page, "subjects-2-subject")
    assert "終わりの日は始まりの日と同じか後にしてください" in error_after(page, "active_until")
    assert "終わりの日は始まりの日と同じか後にしてください" in error_after(page, "exceptions-0-ends_on")
    assert form_values(page)["subjects-2-min_grade"] == ["2"]


def test_editing_a_tutor_keeps_absences_the_tutor_reported(client, auth, world, database_url):
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        session.add(TutorException(tutor_id=world.tutor_id, starts_on=date(2026, 12, 5), ends_on=date(2026, 12, 5),
                                   reason="体調不良", reported_by_tutor=True))
        session.commit()
    engine.dispose()
    auth.login()
    url = f"/coordinator/tutors/{world.tutor_id}/edit"
    assert "体調不良" not in client.get(url).get_data(as_text=True)
    response = post_form(client, url, {**KANA_FIX, "max_visits_per_week": "5", "exceptions-0-starts_on": "2027-01-10",
                                      "exceptions-0-ends_on": "2027-01-12"})
    assert response.status_code == 302
    tutor = load(database_url, world.tutor_id)
    assert tutor.max_visits_per_week == 5
    assert sorted((e.starts_on, e.reported_by_tutor) for e in tutor.exceptions) == [
        (date(2026, 12, 5), True), (date(2027, 1, 10), False)]
    fields = audit_entries(database_url, "update")[0].detail["fields"]
    assert fields == ["exceptions", "given_name_kana", "max_visits_per_week"]


def test_second_save_of_the_same_tutor_is_refused_and_keeps_what_was_typed(app, auth, world, database_url):
    url = f"/coordinator/tutors/{world.tutor_id}/edit"
    page = two_editors_save(app, lambda editor: type(auth)(editor).login(), url, {**KANA_FIX, "affiliation": "一人目"},
                            {**KANA_FIX, "affiliation": "二人目"})
    assert "他の人が先にこの記録を更新したため、保存しませんでした" in page
    assert form_values(page)["affiliation"] == ["二人目"]
    assert str(load(database_url, world.tutor_id).affiliation) == "一人目"
