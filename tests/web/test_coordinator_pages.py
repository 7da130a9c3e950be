"""The coordinator's pages show the programme's data, with sensitive fields for coordinators only."""

from __future__ import annotations

import re

from sqlalchemy import select

from matching.db import make_engine, make_session_factory
from matching.models import AuditEntry
from tests.web.conftest import csrf_token


def audit_entries(database_url) -> list[AuditEntry]:
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        entries = list(session.scalars(select(AuditEntry)))
    engine.dispose()
    return entries


def test_home_shows_the_counts(client, auth):
    auth.login()
    page = client.get("/coordinator/").get_data(as_text=True)
    assert 'data-count="students">\n    <span class="number">1<' in page
    assert 'data-count="tutors">\n    <span class="number">1<' in page
    assert 'data-count="sites">\n    <span class="number">1<' in page
    assert "講師が決まっていない訪問ニーズ(全1件中)" in page


def test_home_is_a_to_do_with_links_to_each_task(client, auth, world):
    auth.login()
    page = client.get("/coordinator/").get_data(as_text=True)
    todo = page[page.index('id="todo"'):page.index("</section>", page.index('id="todo"'))]
    # The world: a published session this week with one tutor of the two it needs, one letter to print,
    # and two published assignments (a weekly visit and a session place) the tutor has not confirmed.
    assert re.search(r'data-todo="short">今週、講師が足りない学習室の回が 1 回あります.*講師1/2', todo, re.S)
    assert re.search(rf'href="/coordinator/rooms/plans/\d+/sessions/{world.published_session_id}"', todo)
    assert "印刷を待っている手紙が 1 通あります" in todo and 'href="/coordinator/outbox?status=pending"' in todo
    assert "講師がまだ確認していない担当が 2 件あります" in todo
    assert 'data-todo="cover"' not in todo and 'data-todo="messages"' not in todo  # nothing of those to do


def test_student_list_searches_by_furigana_school_and_site(client, auth):
    auth.login()
    assert "試験 花子" in client.get("/coordinator/students?q=しけん").get_data(as_text=True)
    assert "試験 花子" in client.get("/coordinator/students?q=テスト中学校").get_data(as_text=True)
    assert "試験 花子" in client.get("/coordinator/students?q=テスト会場").get_data(as_text=True)
    page = client.get("/coordinator/students?q=いない人").get_data(as_text=True)
    assert "該当する子どもはいません" in page


def test_student_search_finds_a_reading_typed_in_katakana_or_half_width(client, auth):
    auth.login()
    for typed in ("しけん", "シケン", "ｼｹﾝ", "シケン　はなこ"):
        assert "試験 花子" in client.get(f"/coordinator/students?q={typed}").get_data(as_text=True), typed
    assert "試験 花子" in client.get("/coordinator/students?q=ﾃｽﾄ中学校").get_data(as_text=True)
    assert "該当する子どもはいません" in client.get("/coordinator/students?q=シケンタ").get_data(as_text=True)


def test_tutor_search_finds_a_reading_typed_in_katakana(client, auth):
    auth.login()
    assert "講師 太郎" in client.get("/coordinator/tutors?q=コウシ").get_data(as_text=True)
    assert "講師 太郎" in client.get("/coordinator/tutors?q=ｺｳｼ").get_data(as_text=True)


def test_coordinator_sees_eligibility_and_the_read_is_audited(client, auth, world, database_url):
    auth.login("coordinator")
    page = client.get(f"/coordinator/students/{world.student_id}").get_data(as_text=True)
    assert "要配慮情報" in page and "生活保護" in page and "テスト用メモ" in page
    entries = [e for e in audit_entries(database_url) if e.action == "view_sensitive"]
    assert len(entries) == 1
    assert entries[0].entity_id == world.student_id
    assert entries[0].detail == {"fields": ["caseworker_notes", "eligibility"]}
    assert "テスト用メモ" not in str(entries[0].detail)  # names of fields, never their values


def test_admin_does_not_see_eligibility(client, auth, world, database_url):
    auth.login("admin")
    page = client.get(f"/coordinator/students/{world.student_id}").get_data(as_text=True)
    assert "試験 花子" in page
    assert "生活保護" not in page and "テスト用メモ" not in page
    assert not [e for e in audit_entries(database_url) if e.action == "view_sensitive"]


def test_unknown_student_is_404(client, auth):
    auth.login()
    assert client.get("/coordinator/students/999999").status_code == 404


def test_language_switch_turns_the_interface_to_english_and_back(client, auth):
    auth.login()
    token = csrf_token(client.get("/coordinator/").get_data(as_text=True))
    client.post("/lang/en", data={"csrf_token": token, "next": "/coordinator/"})
    page = client.get("/coordinator/").get_data(as_text=True)
    assert '<html lang="en">' in page and "Children" in page and "Sites" in page
    token = csrf_token(page)
    client.post("/lang/ja", data={"csrf_token": token, "next": "/coordinator/"})
    assert "子ども" in client.get("/coordinator/").get_data(as_text=True)


def test_tutor_and_site_pages_show_their_details(client, auth, world):
    auth.login()
    tutor_page = client.get(f"/coordinator/tutors/{world.tutor_id}").get_data(as_text=True)
    assert "講師 太郎" in tutor_page and "中1〜中3" in tutor_page and "火 17:00–21:00" in tutor_page
    site_page = client.get(f"/coordinator/sites/{world.site_id}").get_data(as_text=True)
    assert "年間目標回数" in site_page and "80回" in site_page
