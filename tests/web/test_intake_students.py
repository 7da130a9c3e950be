"""Registering and editing a child: happy paths, a message per bad field with typed values kept, locking, privacy."""

from __future__ import annotations

import re

from matching.db import make_engine, make_session_factory
from matching.models import Eligibility, Student
from tests.web.intake_helpers import audit_entries, error_after, fetch, form_values, post_form, two_editors_save

NEW = "/coordinator/students/new"

CHILD = {
    "family_name": "山田", "given_name": "一郎", "family_name_kana": "やまだ", "given_name_kana": "いちろう",
    "grade": "8", "school": "みどり中学校", "mode": "home_visit", "referral_source": "school", "priority": "2",
    "guardian_name": "山田 花子", "guardian_name_kana": "やまだ はなこ", "phone": "03-1234-5678",
    "email": "yamada@example.jp", "postal_code": "123-4567", "address": "みどり区1-2-3", "lat": "35.7", "lon": "139.6",
    "language": "vi", "preferred_channel": "email", "consent_share_contact": "y",
    "consent_share_contact_on": "2026-11-01",
    "eligibility": "welfare", "caseworker_notes": "内緒のメモ",
    "needs-0-subject": "english", "needs-0-level": "中1の復習から", "needs-0-minutes_per_visit": "90",
    "needs-0-visits_per_week": "1", "needs-1-subject": "math", "needs-1-minutes_per_visit": "120",
    "needs-1-visits_per_week": "2",
    "availability": ["1-1080", "1-1110", "1-1140", "3-1080"],
}
# The world's child has digits in its furigana (test data); a real edit would not.
KANA_FIX = {"given_name_kana": "はなこ", "guardian_name_kana": "ほごしゃ"}


def load(database_url, row_id: int) -> Student:
    return fetch(database_url, Student, row_id, "needs", "availability", "household")


def test_coordinator_registers_a_child_and_the_list_shows_it(client, auth, database_url):
    auth.login()
    response = post_form(client, NEW, CHILD)
    assert response.status_code == 302
    student_id = int(response.headers["Location"].rsplit("/", 1)[1])
    student = load(database_url, student_id)
    assert (student.family_name_kana, student.grade, student.eligibility) == ("やまだ", 8, Eligibility.WELFARE)
    assert [(n.subject, n.minutes_per_visit, n.visits_per_week) for n in student.needs] == [
        ("english", 90, 1), ("math", 120, 2)]
    assert [(a.weekday, a.start_minute, a.end_minute) for a in student.availability] == [(1, 1080, 1170),
                                                                                        (3, 1080, 1110)]
    assert student.household.language == "vi" and student.household.consent_share_contact
    assert "山田 一郎" in client.get("/coordinator/students").get_data(as_text=True)
    created = audit_entries(database_url, "create")
    assert [(e.entity, e.entity_id) for e in created] == [("student", student_id)]
    assert "山田" not in str(created[0].detail) and "内緒" not in str(created[0].detail)


def test_invalid_child_gets_a_message_per_field_and_keeps_every_typed_value(client, auth, database_url):
    auth.login()
    bad = {**CHILD, "family_name": "", "family_name_kana": "Yamada", "grade": "13", "priority": "たくさん",
           "phone": "電話なし", "email": "yamada-at-example", "postal_code": "12345", "lat": "北緯35度",
           "lon": "200", "waiting_since": "2026-02-30", "consent_share_contact_on": "",
           "needs-0-minutes_per_visit": "10", "needs-1-subject": "english", "mode": "study_room",
           "home_site_id": "", "school": "学" * 101}
    response = post_form(client, NEW, bad)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    expected = {
        "family_name": "入力してください", "family_name_kana": "ひらがなかカタカナで入力してください",
        "grade": "一覧から選んでください", "priority": "半角の整数で入力してください",
        "phone": "電話番号は半角の数字とハイフンで入力してください", "email": "メールアドレスの形が正しくありません",
        "postal_code": "郵便番号は123-4567の形で入力してください", "lat": "半角の数値で入力してください",
        "lon": "122〜154の範囲で入力してください", "waiting_since": "日付を正しく入力してください",
        "needs-0-minutes_per_visit": "30〜240の範囲で入力してください", "school": "100文字以内で入力してください",
    }
    for field_id, message in expected.items():
        assert message in error_after(page, field_id), field_id
    kept = form_values(page)
    for name in ("family_name_kana", "priority", "phone", "email", "postal_code", "lat", "lon", "waiting_since",
                 "caseworker_notes", "needs-0-level", "needs-1-subject", "school", "eligibility"):
        assert kept[name] == [bad[name]], name
    assert sorted(kept["availability"]) == sorted(CHILD["availability"])
    assert load_count(database_url) == 1  # nothing saved


def test_rules_of_the_domain_are_shown_next_to_their_fields(client, auth):
    auth.login()
    bad = {**CHILD, "needs-1-subject": "english", "mode": "study_room", "home_site_id": "",
           "consent_share_contact_on": ""}
    page = post_form(client, NEW, bad).get_data(as_text=True)
    assert "同じ教科がほかの行にもあります" in error_after(page, "needs-1-subject")
    assert "学習室に通う子どもは会場を選んでください" in error_after(page, "home_site_id")
    assert "同意した日を入力してください" in error_after(page, "consent_share_contact_on")
    assert form_values(page)["needs-1-subject"] == ["english"]


def load_count(database_url) -> int:
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        count = session.query(Student).count()
    engine.dispose()
    return count


def test_editing_a_child_saves_and_records_the_changed_field_names(client, auth, world, database_url):
    auth.login()
    url = f"/coordinator/students/{world.student_id}/edit"
    response = post_form(client, url, {**KANA_FIX, "school": "みどり第二中学校", "availability": ["4-1140"]})
    assert response.status_code == 302
    student = load(database_url, world.student_id)
    assert student.school == "みどり第二中学校" and student.version_id == 2
    assert [(a.weekday, a.start_minute, a.end_minute) for a in student.availability] == [(4, 1140, 1170)]
    assert student.eligibility == Eligibility.WELFARE and student.caseworker_notes == "テスト用メモ"
    update = audit_entries(database_url, "update")[0]
    assert "school" in update.detail["fields"] and "availability" in update.detail["fields"]
    assert "みどり" not in str(update.detail)


def test_second_save_of_the_same_child_is_refused_and_keeps_what_was_typed(app, auth, world, database_url):
    url = f"/coordinator/students/{world.student_id}/edit"
    page = two_editors_save(app, lambda editor: type(auth)(editor).login(), url, {**KANA_FIX, "school": "一人目の学校"},
                            {**KANA_FIX, "school": "二人目の学校"})
    assert "他の人が先にこの記録を更新したため、保存しませんでした" in page
    assert form_values(page)["school"] == ["二人目の学校"]
    assert str(load(database_url, world.student_id).school) == "一人目の学校"



def test_admin_edits_a_child_without_seeing_or_changing_the_eligibility(client, auth, world, database_url):
    auth.login("admin")
    url = f"/coordinator/students/{world.student_id}/edit"
    page = client.get(url).get_data(as_text=True)
    assert "対象区分" not in page and "テスト用メモ" not in page and "生活保護" not in page
    assert not audit_entries(database_url, "view_sensitive")
    response = post_form(client, url, {**KANA_FIX, "eligibility": "other", "caseworker_notes": "上書き"})
    assert response.status_code == 302
    student = load(database_url, world.student_id)
    assert student.eligibility == Eligibility.WELFARE and student.caseworker_notes == "テスト用メモ"


def test_coordinator_opening_the_edit_form_is_logged_as_a_sensitive_read(client, auth, world, database_url):
    auth.login()
    page = client.get(f"/coordinator/students/{world.student_id}/edit").get_data(as_text=True)
    assert "テスト用メモ" in page
    reads = audit_entries(database_url, "view_sensitive")
    assert [(e.entity_id, e.detail) for e in reads] == [(world.student_id,
                                                          {"fields": ["caseworker_notes", "eligibility"]})]



def test_required_fields_are_marked_and_optional_ones_are_not(client, auth):
    auth.login()
    page = client.get(NEW).get_data(as_text=True)
    assert re.search(r'<label for="family_name">[^<]+</label><span class="required" aria-hidden="true">必須</span>', page)
    assert not re.search(r'<label for="school">[^<]+</label><span class="required"', page)
def test_changing_a_matched_childs_need_saves_and_keeps_the_need(client, auth, world, database_url):
    auth.login()
    url = f"/coordinator/students/{world.student_id}/edit"
    response = post_form(client, url, {**KANA_FIX, "needs-0-level": "応用", "needs-0-visits_per_week": "2"})
    assert response.status_code == 302
    [need] = load(database_url, world.student_id).needs
    assert (need.id, need.level, need.visits_per_week) == (world.need_id, "応用", 2)


def test_removing_a_matched_need_says_its_visits_left_the_draft_and_the_published_plan_waits(
        client, auth, world, database_url):
    auth.login()
    url = f"/coordinator/students/{world.student_id}/edit"
    changes = {**KANA_FIX, "needs-0-subject": "english"}
    response = post_form(client, url, changes)
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "外したニーズ(数学)の訪問 1 件を下書きの計画から外しました" in page
    assert "次に計画を公開するまで変わりません" in page
    assert [n.subject for n in load(database_url, world.student_id).needs] == ["english"]
