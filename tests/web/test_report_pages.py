"""The report page, its A4 print copy and the .xlsx export: figures shown, small cells hidden where it leaves."""

from __future__ import annotations

from datetime import date, datetime, timezone
from io import BytesIO

import pytest
from openpyxl import load_workbook

from matching.db import make_engine, make_session_factory
from matching.models import Plan, Session as RoomSession, Site, Student, Tutor, VisitOutcome
from matching.services.attendance.marker import Marker
from matching.services.attendance.roll_call import RollCallInput, take_roll_call
from matching.services.attendance.visits import mark_visit
from matching.services.report.small_cells import SMALL_CELL
from tests.plan_factories import add_session, add_visit
from tests.web.conftest import csrf_token

SHEETS = ["実施回数", "月別", "中止", "利用児童", "出席率", "出席回数の分布", "個別訪問", "講師の活動時間", "待機児童",
          "中3の進路"]


@pytest.fixture
def marked(database_url, world):
    """One done visit on 17 Nov and one held session on 19 Nov that the world's child came to."""
    engine = make_engine(database_url)
    at = datetime(2026, 11, 20, tzinfo=timezone.utc)
    with make_session_factory(engine)() as session:
        student, tutor = session.get(Student, world.student_id), session.get(Tutor, world.tutor_id)
        visit = add_visit(session, session.get(Plan, world.published_plan_id), student, tutor, [date(2026, 11, 17)])
        room_plan = session.get(Plan, session.get(RoomSession, world.published_session_id).plan_id)
        room_session = add_session(session, room_plan, session.get(Site, world.site_id), date(2026, 11, 19), [tutor])
        session.commit()
        mark_visit(session, world.programme_id, visit.occurrences[0].id, VisitOutcome.DONE, "", Marker(None),
                   date(2026, 11, 22), at)
        take_roll_call(session, world.programme_id, room_session.id,
                       RollCallInput(held=True, child_ids=set(), tutor_ids={tutor.id}), Marker(None),
                       date(2026, 11, 22), at)
    engine.dispose()


def test_report_page_shows_held_sessions_and_done_visits_with_charts(client, auth, marked):
    auth.login("coordinator")
    html = client.get("/coordinator/report").get_data(as_text=True)
    assert 'data-figure="held">1<' in html and 'data-figure="visits-done">1<' in html
    assert html.count("<svg") == 2 and "cdn" not in html.lower()


def test_month_report_and_an_unreadable_period_falls_back_to_the_year(client, auth, marked):
    auth.login("coordinator")
    assert 'data-figure="held">0<' in client.get("/coordinator/report?period=2026-10").get_data(as_text=True)
    html = client.get("/coordinator/report?period=2031-99").get_data(as_text=True)
    assert "年度の報告を表示しています" in html and 'data-figure="held">1<' in html


def test_the_export_has_a_sheet_per_table_with_headers_and_hides_one_child(client, auth, marked):
    auth.login("coordinator")
    response = client.get("/coordinator/report.xlsx")
    assert response.mimetype.endswith("spreadsheetml.sheet")
    workbook = load_workbook(BytesIO(response.data))
    assert workbook.sheetnames == SHEETS
    served = workbook["利用児童"]
    assert [c.value for c in served[2]] == ["区分", "内訳", "登録", "1回以上出席"]
    # The world has one child: every children's count of 1 leaves as "≤2", never as 1.
    counts = [row[2:] for row in served.iter_rows(min_row=3, values_only=True)]
    assert counts and all(value in (SMALL_CELL, 0) for row in counts for value in row)
    assert [c.value for c in workbook["実施回数"][2]][:4] == ["会場", "目標", "計画", "実施"]


def test_print_copy_hides_small_cells_but_the_page_does_not(client, auth, marked):
    auth.login("coordinator")
    assert SMALL_CELL not in client.get("/coordinator/report").get_data(as_text=True).split("<section class=\"summary\"")[1]
    assert SMALL_CELL in client.get("/coordinator/report?print=1").get_data(as_text=True)


def test_tutors_cannot_open_the_report(client, auth, marked):
    auth.login("tutor")
    assert client.get("/coordinator/report").status_code == 403
    assert client.get("/coordinator/report.xlsx").status_code == 403


def test_coordinator_records_a_ninth_graders_progression(client, auth, world):
    auth.login("coordinator")
    page = client.get("/coordinator/progression").get_data(as_text=True)
    assert "試験 花子" in page
    client.post(f"/coordinator/progression/{world.student_id}", data={"outcome": "private",
                                                                      "csrf_token": csrf_token(page)})
    html = client.get("/coordinator/report").get_data(as_text=True)
    assert "<td>高校合格(私立)</td><td class=\"num\">1</td>" in html
    refused = client.post(f"/coordinator/progression/{world.student_id}", data={"outcome": "pass",
                                                                                "csrf_token": csrf_token(page)},
                          follow_redirects=True).get_data(as_text=True)
    assert "進路を一覧から選んでください" in refused
