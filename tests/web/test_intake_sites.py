"""Registering and editing a site: happy paths, a message per bad field with typed values kept, locking."""

from __future__ import annotations

from matching.models import Site
from tests.web.intake_helpers import audit_entries, error_after, fetch, form_values, post_form, two_editors_save

NEW = "/coordinator/sites/new"

SITE = {"name": "みどり児童館", "address": "みどり区5-6-7", "lat": "35.73", "lon": "139.66", "capacity": "15",
        "target_sessions": "40", "min_days_between_sessions": "2", "min_tutors_per_session": "2",
        "children_per_tutor": "3", "notes": "2階の学習室", "openings": ["2-1080", "2-1110", "2-1140", "2-1170"]}


def load(database_url, row_id: int) -> Site:
    return fetch(database_url, Site, row_id, "openings")


def test_coordinator_registers_a_site_and_the_list_shows_it(client, auth, database_url):
    auth.login()
    response = post_form(client, NEW, SITE)
    assert response.status_code == 302
    site_id = int(response.headers["Location"].rsplit("/", 1)[1])
    site = load(database_url, site_id)
    assert (site.capacity, site.target_sessions, site.children_per_tutor) == (15, 40, 3)
    assert [(o.weekday, o.start_minute, o.end_minute) for o in site.openings] == [(2, 1080, 1200)]
    page = client.get("/coordinator/sites").get_data(as_text=True)
    assert "みどり児童館" in page and "水 18:00–20:00" in page
    assert [(e.entity, e.entity_id) for e in audit_entries(database_url, "create")] == [("site", site_id)]


def test_invalid_site_gets_a_message_per_field_and_keeps_every_typed_value(client, auth, world):
    auth.login()
    bad = {**SITE, "name": "", "capacity": "0", "target_sessions": "八十", "lat": "999", "lon": "",
           "children_per_tutor": "2.5", "openings": ["2-1080", "9-1080"]}
    page = post_form(client, NEW, bad).get_data(as_text=True)
    expected = {"name": "入力してください", "capacity": "1〜200の範囲で入力してください",
                "target_sessions": "半角の整数で入力してください", "lat": "20〜46の範囲で入力してください",
                "lon": "入力してください", "children_per_tutor": "半角の整数で入力してください",
                "openings": "時間帯の指定が正しくありません"}
    for field_id, message in expected.items():
        assert message in error_after(page, field_id), field_id
    kept = form_values(page)
    for name in ("capacity", "target_sessions", "lat", "children_per_tutor", "notes", "address"):
        assert kept[name] == [bad[name]], name
    assert kept["openings"] == ["2-1080"]


def test_a_second_site_with_the_same_name_is_refused(client, auth, world):
    auth.login()
    existing = form_values(client.get(f"/coordinator/sites/{world.site_id}/edit").get_data(as_text=True))["name"][0]
    page = post_form(client, NEW, {**SITE, "name": existing}).get_data(as_text=True)
    assert "同じ名前の会場がすでにあります" in error_after(page, "name")
    assert form_values(page)["name"] == [existing]


def test_editing_a_site_saves_and_records_the_changed_field_names(client, auth, world, database_url):
    auth.login()
    url = f"/coordinator/sites/{world.site_id}/edit"
    assert post_form(client, url, {"capacity": "25", "openings": ["5-840", "5-870"]}).status_code == 302
    site = load(database_url, world.site_id)
    assert site.capacity == 25
    assert [(o.weekday, o.start_minute, o.end_minute) for o in site.openings] == [(5, 840, 900)]
    assert audit_entries(database_url, "update")[0].detail == {"fields": ["capacity", "openings"]}


def test_second_save_of_the_same_site_is_refused_and_keeps_what_was_typed(app, auth, world, database_url):
    url = f"/coordinator/sites/{world.site_id}/edit"
    page = two_editors_save(app, lambda editor: type(auth)(editor).login(), url, {"capacity": "30"},
                            {"capacity": "12"})
    assert "他の人が先にこの記録を更新したため、保存しませんでした" in page
    assert form_values(page)["capacity"] == ["12"]
    assert str(load(database_url, world.site_id).capacity) == "30"
