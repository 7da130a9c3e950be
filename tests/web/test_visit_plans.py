"""The home-visit plan pages: review, pin, reassign with confirmation, stale saves, publish, solve jobs, audit."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select

from matching.db import make_engine, make_session_factory
from matching.models import (
    JobStatus, Plan, PlanKind, PlanStatus, Session as RoomSession, SessionStaff, SolveJob, Visit, VisitOccurrence, VisitPin,
)
from tests.web.conftest import Auth, csrf_token


def rows(database_url, query):
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        found = list(session.scalars(query))
    engine.dispose()
    return found


def plan_page(client, world, query=""):
    return client.get(f"/coordinator/visits/plans/{world.plan_id}{query}").get_data(as_text=True)


def test_review_shows_summary_matches_with_why_they_fit(client, auth, world):
    auth.login()
    page = plan_page(client, world)
    assert 'data-figure="needs">1 / 1件' in page and 'data-figure="waiting">0人' in page
    assert "試験 花子" in page and "講師 太郎" in page
    assert "数学を中1〜中3に指導" in page and "移動5分(上限30分)" in page and "家庭の言語(日本語)を話せます" in page
    assert "すべてのニーズに講師が決まっています。" in page
    assert "該当する訪問はありません。" in plan_page(client, world, "?subject=english")
    assert "試験 花子" in plan_page(client, world, f"?site={world.site_id}&grade=9&tutor={world.tutor_id}")


def test_plan_redirect_goes_to_the_visits_review(client, auth, world):
    auth.login()
    response = client.get(f"/coordinator/plans/{world.plan_id}")
    assert response.headers["Location"] == f"/coordinator/visits/plans/{world.plan_id}"


def _post_pin(client, world, version, action="pin"):
    token = csrf_token(plan_page(client, world))
    return client.post(f"/coordinator/visits/plans/{world.plan_id}/visits/{world.visit_id}/{action}",
                       data={"csrf_token": token, "lock_version": str(version)}, follow_redirects=True)


def test_pin_and_unpin(client, auth, world, database_url):
    auth.login()
    page = _post_pin(client, world, 1).get_data(as_text=True)
    assert "訪問を固定しました。" in page and "固定を外す" in page
    assert len(rows(database_url, select(VisitPin))) == 1
    page = _post_pin(client, world, 2, "unpin").get_data(as_text=True)
    assert "固定を外しました。" in page and rows(database_url, select(VisitPin)) == []


def test_second_coordinators_stale_pin_gets_a_clear_message_and_changes_nothing(app, world, database_url):
    first, second = app.test_client(), app.test_client()
    Auth(first).login()
    Auth(second).login()
    stale_token = csrf_token(plan_page(second, world))  # the second coordinator opened the page at version 1
    _post_pin(first, world, 1)
    response = second.post(f"/coordinator/visits/plans/{world.plan_id}/visits/{world.visit_id}/unpin",
                           data={"csrf_token": stale_token, "lock_version": "1"}, follow_redirects=True)
    assert "他のコーディネーターがこの案を先に更新しました" in response.get_data(as_text=True)
    assert len(rows(database_url, select(VisitPin))) == 1  # the first coordinator's pin stands


def _reassign_url(world, visit=True):
    url = f"/coordinator/visits/plans/{world.plan_id}/needs/{world.need_id}/reassign"
    return url + (f"?visit={world.visit_id}" if visit else "")


def _option(page: str, start: str) -> str:
    values = re.findall(r'name="option" value="([^"]+)"', page)
    return next(v for v in values if v.endswith(":" + start))


def test_reassign_lists_ranked_options_and_saves_one(client, auth, world, database_url):
    auth.login()
    page = client.get(_reassign_url(world)).get_data(as_text=True)
    assert "講師 太郎" in page and "現在" in page
    assert re.search(r"<h1>割り当ての変更: <a [^>]+>試験 花子\d*</a>", page)  # whose need it is, not only the subject
    unmet = client.get(_reassign_url(world, visit=False)).get_data(as_text=True)
    assert re.search(r"<h1>割り当ての変更: <a [^>]+>試験 花子\d*</a>", unmet)
    option = _option(page, str(17 * 60))
    response = client.post(_reassign_url(world), data={
        "csrf_token": csrf_token(page), "lock_version": "1", "visit": str(world.visit_id), "option": option},
        follow_redirects=True)
    assert "割り当てを変更しました。" in response.get_data(as_text=True)
    visits = rows(database_url, select(Visit).where(Visit.plan_id == world.plan_id))
    assert [(v.weekday, v.start_minute) for v in visits] == [(1, 17 * 60)]


def test_saving_an_option_that_breaks_a_rule_needs_confirmation(client, auth, world, database_url):
    auth.login()
    page = client.get(_reassign_url(world, visit=False)).get_data(as_text=True)
    # Without the visit being replaced, a second Tuesday visit overlaps the first one.
    option = _option(page, str(18 * 60))
    data = {"csrf_token": csrf_token(page), "lock_version": "1", "option": option}
    refused = client.post(_reassign_url(world, visit=False), data=data).get_data(as_text=True)
    assert "ルール違反を承知で保存する" in refused and 'id="breaks"' in refused
    assert "週1回を超えています" in refused or "重なります" in refused
    assert f'value="{option}" id' in refused and "checked" in refused  # the choice is kept
    assert len(rows(database_url, select(Visit).where(Visit.plan_id == world.plan_id))) == 1
    saved = client.post(_reassign_url(world, visit=False), data={**data, "confirm": "yes"}, follow_redirects=True)
    assert "割り当てを変更しました。" in saved.get_data(as_text=True)


def test_second_coordinators_stale_reassign_keeps_what_they_chose(app, world):
    first, second = app.test_client(), app.test_client()
    Auth(first).login()
    Auth(second).login()
    page = second.get(_reassign_url(world)).get_data(as_text=True)
    option = _option(page, str(17 * 60))
    _post_pin(first, world, 1)
    response = second.post(_reassign_url(world), data={
        "csrf_token": csrf_token(page), "lock_version": "1", "visit": str(world.visit_id), "option": option})
    body = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "他のコーディネーターがこの案を先に更新しました" in body
    assert re.search(rf'value="{option}" id="o\d+" checked', body)
    assert 'name="lock_version" value="2"' in body


def test_publish_asks_first_saying_who_will_be_told_and_changes_nothing(client, auth, world, database_url):
    auth.login()
    assert f'href="/coordinator/plans/{world.plan_id}/publish"' in plan_page(client, world)
    confirm = client.get(f"/coordinator/plans/{world.plan_id}/publish").get_data(as_text=True)
    assert "第2版として公開します" in confirm and 'name="lock_version" value="1"' in confirm
    assert "日程が変わる人はいないため、お知らせは送りません。" in confirm  # the draft keeps the published visits
    assert not rows(database_url, select(VisitOccurrence).join(Visit).where(Visit.plan_id == world.plan_id))
    assert "公開しました" not in client.get(f"/coordinator/plans/{world.plan_id}/publish").get_data(as_text=True)


def test_publish_makes_dated_visits_and_a_version(client, auth, world, database_url):
    auth.login()
    page = client.get(f"/coordinator/plans/{world.plan_id}/publish").get_data(as_text=True)
    response = client.post(f"/coordinator/plans/{world.plan_id}/publish",
                           data={"csrf_token": csrf_token(page), "lock_version": "1"}, follow_redirects=True)
    body = response.get_data(as_text=True)
    # the world already has a published version 1, so this draft becomes version 2
    assert "第2版として公開しました。" in body and 'data-figure="occurrences"' in body
    dates = [o.on_date for o in rows(database_url, select(VisitOccurrence))]
    assert min(dates).isoformat() == "2026-11-24" and all(d.weekday() == 1 for d in dates)


def test_stale_publish_is_refused(client, auth, world, database_url):
    auth.login()
    _post_pin(client, world, 1)
    page = plan_page(client, world)
    response = client.post(f"/coordinator/plans/{world.plan_id}/publish",
                           data={"csrf_token": csrf_token(page), "lock_version": "1"}, follow_redirects=True)
    assert "他のコーディネーターがこの案を更新しました" in response.get_data(as_text=True)
    assert rows(database_url, select(Plan).where(Plan.id == world.plan_id))[0].status is PlanStatus.DRAFT


def test_solve_runs_in_the_background_and_its_proposal_can_be_accepted(app, client, auth, world, database_url):
    auth.login()
    page = client.get("/coordinator/plans/visits").get_data(as_text=True)
    assert "マッチング実行" in page
    response = client.post("/coordinator/plans/visits/solve", data={"csrf_token": csrf_token(page)})
    job_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert app.extensions["job_runner"].wait(job_id, timeout_s=30) is JobStatus.SUCCEEDED
    status = client.get(f"/coordinator/jobs/{job_id}/status").get_json()
    assert status["finished"] and status["result_url"]
    assert status["status_label"] == "完了" and status["facts"]["elapsed"].endswith(" 秒")
    assert re.fullmatch(r"週 \d+ 回 / 希望 \d+ 回", status["facts"]["visits"]), status["facts"]
    job = rows(database_url, select(SolveJob).where(SolveJob.id == job_id))[0]
    proposal = client.get(status["result_url"], follow_redirects=True).get_data(as_text=True)
    assert "この案を採用する" in proposal and 'data-change="kept">1' in proposal
    accepted = client.post(f"/coordinator/plans/{job.result_plan_id}/accept",
                           data={"csrf_token": csrf_token(proposal)}, follow_redirects=True)
    assert "新しい案を作成中の案として採用しました。" in accepted.get_data(as_text=True)
    statuses = {p.id: p.status for p in rows(database_url, select(Plan).where(Plan.kind == PlanKind.VISITS))
                if p.status is not PlanStatus.PUBLISHED}
    assert statuses == {world.plan_id: PlanStatus.ARCHIVED, job.result_plan_id: PlanStatus.DRAFT}


def test_audit_page_lists_changes_with_filters(client, auth, world):
    auth.login()
    _post_pin(client, world, 1)
    auth.logout()
    auth.login("admin")
    page = client.get("/admin/audit").get_data(as_text=True)
    assert "<td>訪問の固定</td>" in page and "coordinator" in page
    assert "visit_pinned</td>" not in page and '{"' not in page  # words, not codes or JSON
    filtered = client.get("/admin/audit?action=visit_unpinned").get_data(as_text=True)
    assert "記録はありません。" in filtered
    assert "<td>訪問の固定</td>" in client.get("/admin/audit?entity=plan").get_data(as_text=True)


def test_starting_a_solve_while_one_runs_opens_the_running_one(client, auth, world, database_url):
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        running = SolveJob(programme_id=world.programme_id, kind=PlanKind.VISITS, status=JobStatus.RUNNING)
        session.add(running)
        session.commit()
        running_id = running.id
    engine.dispose()
    auth.login()
    page = client.get("/coordinator/plans/visits").get_data(as_text=True)
    response = client.post("/coordinator/plans/visits/solve", data={"csrf_token": csrf_token(page)})
    assert response.headers["Location"] == f"/coordinator/jobs/{running_id}"
    assert "計算中のジョブがあります" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_the_supply_page_is_linked_from_matching_and_lists_cells(client, auth, world):
    auth.login()
    assert 'href="/coordinator/visits/supply"' in client.get("/coordinator/plans/visits").get_data(as_text=True)
    page = client.get("/coordinator/visits/supply").get_data(as_text=True)
    assert 'id="supply"' in page and "待っているニーズ" in page


def test_a_proposal_that_drops_a_confirmed_rule_break_says_so(client, auth, world, database_url):
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        session.get(Visit, world.visit_id).override_codes = ["tutor_cap"]
        proposal = Plan(programme_id=world.programme_id, kind=PlanKind.VISITS, status=PlanStatus.PROPOSED,
                        based_on_id=world.plan_id, solver_status="optimal")
        session.add(proposal)
        session.commit()
        proposal_id = proposal.id
    engine.dispose()
    auth.login()
    page = client.get(f"/coordinator/visits/plans/{proposal_id}").get_data(as_text=True)
    assert f'data-lost-decision="{world.student_id}"' in page
    assert "ルール違反(講師の週の上限)を確認して保存した割り当てです" in page


def test_review_lists_the_dates_a_visit_meets_its_tutors_study_room_session(client, auth, world, database_url):
    auth.login()
    assert f'data-cover="{world.visit_id}"' not in plan_page(client, world)
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        published_rooms = session.get(RoomSession, world.published_session_id).plan
        published_rooms.sessions.append(RoomSession(site_id=world.site_id, on_date=date(2026, 12, 1),
                                                    start_minute=18 * 60, end_minute=20 * 60,
                                                    staff=[SessionStaff(tutor_id=world.tutor_id)]))
        session.commit()
    engine.dispose()
    page = plan_page(client, world)
    cover = page[page.index(f'data-cover="{world.visit_id}"'):]
    assert "学習室と重なる日(代わりの講師が必要)" in cover and "12月1日" in cover.split("</p>")[0]
