"""The study-room plan pages: review, calendar, session edits with checker breaks, stale saves, publish, diff."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select

from matching.db import make_engine, make_session_factory
from matching.models import Plan, PlanChange, PlanKind, PlanStatus, Session as RoomSession, SessionStaff
from tests.web.conftest import csrf_token


@pytest.fixture
def rows(database_url):
    """A session on the test database, closed afterwards."""
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        yield session
    engine.dispose()


def lock_of(html: str) -> str:
    return re.search(r'name="lock_version" value="(\d+)"', html).group(1)


def session_url(world) -> str:
    return f"/coordinator/rooms/plans/{world.room_plan_id}/sessions/{world.session_id}"


def test_review_shows_targets_and_the_month_calendar_of_a_site(client, auth, world):
    auth.login()
    url = f"/coordinator/rooms/plans/{world.room_plan_id}?site={world.site_id}&month=2026-12"
    page = client.get(url).get_data(as_text=True)
    assert "全体: 1 / 80回" in page
    assert "2026年12月" in page and session_url(world) in page
    assert "講師1/2" in page  # the site needs two tutors a session
    assert 'rel="next"' in page and "month=2027-01" in page


def test_review_opens_on_todays_month(client, auth, world):
    auth.login()
    page = client.get(f"/coordinator/rooms/plans/{world.room_plan_id}").get_data(as_text=True)
    assert "2026年11月" in page


def test_review_is_in_english_after_the_switch(client, auth, world):
    auth.login()
    token = csrf_token(client.get("/coordinator/").get_data(as_text=True))
    client.post("/lang/en", data={"csrf_token": token, "next": "/coordinator/"})
    page = client.get(f"/coordinator/rooms/plans/{world.room_plan_id}?month=2026-12").get_data(as_text=True)
    assert "Publish this plan" in page and "12/2026" in page


def test_a_move_that_breaks_a_rule_shows_the_break_and_saves_when_confirmed(client, auth, world, rows):
    auth.login()
    page = client.get(session_url(world)).get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "lock_version": lock_of(page), "new_date": "2026-12-03"}
    refused = client.post(session_url(world) + "/move", data=data)
    text = refused.get_data(as_text=True)
    assert refused.status_code == 200 and "この変更はルールに反します" in text and "空き時間外です" in text
    assert rows.get(RoomSession, world.session_id).on_date == date(2026, 12, 1)
    confirmed = client.post(session_url(world) + "/move", data={**data, "lock_version": lock_of(text), "confirm": "1"})
    assert confirmed.status_code == 302
    rows.expire_all()
    assert rows.get(RoomSession, world.session_id).on_date == date(2026, 12, 3)


def test_a_second_coordinators_stale_save_gets_a_clear_message_and_keeps_the_typed_date(client, auth, world, rows):
    auth.login()
    page = client.get(session_url(world)).get_data(as_text=True)
    old_lock = lock_of(page)
    plan = rows.get(Plan, world.room_plan_id)
    plan.notes = "another coordinator saved"
    rows.commit()  # bumps the plan's lock version
    response = client.post(session_url(world) + "/move", data={"csrf_token": csrf_token(page), "lock_version": old_lock,
                                                                "new_date": "2026-12-08"})
    text = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "他のコーディネーターがこの案を先に更新したため、保存しませんでした" in text
    assert 'value="2026-12-08"' in text
    rows.expire_all()
    assert rows.get(RoomSession, world.session_id).on_date == date(2026, 12, 1)


def test_a_move_into_the_past_is_refused_with_a_clear_message_keeping_the_typed_date(client, auth, world, rows):
    auth.login()
    page = client.get(session_url(world)).get_data(as_text=True)
    response = client.post(session_url(world) + "/move", data={"csrf_token": csrf_token(page), "lock_version": lock_of(page),
                                                                "new_date": "2026-11-17", "confirm": "1"})
    text = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "過去の日付には移動できません。2026-11-22 以降の日付を選んでください。" in text
    assert 'value="2026-11-17"' in text
    rows.expire_all()
    assert rows.get(RoomSession, world.session_id).on_date == date(2026, 12, 1)


def test_the_move_refusal_is_in_english_after_the_switch(client, auth, world):
    auth.login()
    token = csrf_token(client.get("/coordinator/").get_data(as_text=True))
    client.post("/lang/en", data={"csrf_token": token, "next": "/coordinator/"})
    page = client.get(session_url(world)).get_data(as_text=True)
    response = client.post(session_url(world) + "/move", data={"csrf_token": csrf_token(page), "lock_version": lock_of(page),
                                                                "new_date": "2026-11-17"})
    assert "cannot be moved into the past" in response.get_data(as_text=True)


def test_session_forms_need_the_csrf_token(client, auth, world):
    auth.login()
    page = client.get(session_url(world)).get_data(as_text=True)
    response = client.post(session_url(world) + "/cancel", data={"lock_version": lock_of(page)})
    assert response.status_code == 400


def test_cancel_and_pin_from_the_session_page(client, auth, world, rows):
    auth.login()
    page = client.get(session_url(world)).get_data(as_text=True)
    pinned = client.post(session_url(world) + "/pin", data={"csrf_token": csrf_token(page), "lock_version": lock_of(page),
                                                             "pinned": "1"})
    assert pinned.status_code == 302
    page = client.get(session_url(world)).get_data(as_text=True)
    assert "この回の日付の固定を外す" in page
    client.post(session_url(world) + "/cancel", data={"csrf_token": csrf_token(page), "lock_version": lock_of(page),
                                                       "confirm": "1"})
    rows.expire_all()
    assert rows.get(RoomSession, world.session_id) is None


def test_publish_from_the_review_page_records_changes(client, auth, world, rows):
    auth.login()
    review = client.get(f"/coordinator/rooms/plans/{world.room_plan_id}").get_data(as_text=True)
    assert f'href="/coordinator/plans/{world.room_plan_id}/publish"' in review
    page = client.get(f"/coordinator/plans/{world.room_plan_id}/publish").get_data(as_text=True)
    assert "お知らせを送ります" in page  # the draft moves the tutor's session, so the tutor is told
    response = client.post(f"/coordinator/plans/{world.room_plan_id}/publish",
                           data={"csrf_token": csrf_token(page), "lock_version": lock_of(page)})
    assert response.status_code == 302
    rows.expire_all()
    assert rows.get(Plan, world.room_plan_id).status is PlanStatus.PUBLISHED
    changes = rows.scalars(select(PlanChange).where(PlanChange.plan_id == world.room_plan_id)).all()
    assert {c.tutor_id for c in changes if c.tutor_id} == {world.tutor_id}


def test_a_proposal_shows_its_difference_with_accept_and_discard(client, auth, world, rows):
    proposal = Plan(programme_id=world.programme_id, kind=PlanKind.ROOMS, status=PlanStatus.PROPOSED,
                    based_on_id=world.room_plan_id, report={"shortfalls": []})
    proposal.sessions = [RoomSession(site_id=world.site_id, on_date=date(2026, 12, 8), start_minute=18 * 60,
                                     end_minute=20 * 60, staff=[SessionStaff(tutor_id=world.tutor_id)])]
    rows.add(proposal)
    rows.commit()
    auth.login()
    page = client.get(f"/coordinator/rooms/plans/{proposal.id}").get_data(as_text=True)
    assert f"案 #{world.room_plan_id} からの変更" in page
    assert "2026-12-01 → 2026-12-08" in page
    assert f"/coordinator/plans/{proposal.id}/accept" in page and f"/coordinator/plans/{proposal.id}/discard" in page


def test_children_page_lists_study_room_children(client, auth, world):
    auth.login()
    response = client.get(f"/coordinator/rooms/plans/{world.room_plan_id}/children")
    assert response.status_code == 200 and "学習室の子どもはいません。" in response.get_data(as_text=True)


def test_the_schedule_button_runs_a_rooms_solve_in_the_background(app, client, auth, world, rows):
    auth.login()
    page = client.get("/coordinator/plans/rooms").get_data(as_text=True)
    assert "日程作成" in page
    response = client.post("/coordinator/plans/rooms/solve", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 302 and "/coordinator/jobs/" in response.headers["Location"]
    job_id = int(response.headers["Location"].rsplit("/", 1)[1])
    app.extensions["job_runner"].wait(job_id, timeout_s=60)
    job_page = client.get(f"/coordinator/jobs/{job_id}").get_data(as_text=True)
    assert re.search(r"開催 \d+ 回（うち講師がそろった回 \d+ 回）", job_page), job_page
    rows.expire_all()
    assert rows.get(Plan, world.room_plan_id).status is PlanStatus.DRAFT  # a re-solve only proposes


def test_a_proposal_that_drops_a_confirmed_rule_break_names_the_session(client, auth, world, rows):
    rows.get(RoomSession, world.session_id).override_codes = ["closed_date"]
    proposal = Plan(programme_id=world.programme_id, kind=PlanKind.ROOMS, status=PlanStatus.PROPOSED,
                    based_on_id=world.room_plan_id, report={"shortfalls": []})
    rows.add(proposal)
    rows.commit()
    auth.login()
    page = client.get(f"/coordinator/rooms/plans/{proposal.id}").get_data(as_text=True)
    assert 'data-lost-decision="2026-12-01"' in page
    assert "ルール違反(休館日)を確認して変更した回です" in page
