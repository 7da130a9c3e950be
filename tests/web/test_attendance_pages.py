"""Attendance pages: a tutor marks their own past visits and sessions only; a coordinator takes any roll call."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from matching.db import make_engine, make_session_factory
from matching.models import (
    AuditEntry, Plan, Programme, Role, RollCall, Site, Student, StudentSiteAssignment, Tutor, VisitAttendance,
    VisitOutcome,
)
from tests.factories import make_account, make_tutor
from tests.plan_factories import add_session, add_visit
from tests.web.conftest import PASSWORD, csrf_token


@pytest.fixture
def past(database_url, world):
    """A past visit of the tutor's (17 Nov), another tutor's past visit, and a past session the tutor staffs."""
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        programme = session.get(Programme, world.programme_id)
        student, tutor = session.get(Student, world.student_id), session.get(Tutor, world.tutor_id)
        other = make_tutor(session, programme)
        make_account(session, "other-tutor", PASSWORD, Role.TUTOR, tutor=other)
        visits_plan = session.get(Plan, world.published_plan_id)
        own = add_visit(session, visits_plan, student, tutor, [date(2026, 11, 17)])
        theirs = add_visit(session, visits_plan, student, other, [date(2026, 11, 18)])
        rooms_plan = session.scalar(select(Plan).where(Plan.id != world.room_plan_id, Plan.kind == "rooms"))
        room_session = add_session(session, rooms_plan, session.get(Site, world.site_id), date(2026, 11, 19), [tutor])
        session.add(StudentSiteAssignment(plan_id=rooms_plan.id, student_id=student.id, site_id=world.site_id))
        session.commit()
        ids = {"own": own.occurrences[0].id, "theirs": theirs.occurrences[0].id, "session": room_session.id}
    engine.dispose()
    return ids


def _rows(database_url, model):
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        rows = session.scalars(select(model)).all()
    engine.dispose()
    return rows


def test_tutor_marks_their_own_past_visit_done_and_it_is_audited(client, auth, past, database_url):
    auth.login("tutor")
    listing = client.get("/attendance/").get_data(as_text=True)
    assert f'data-item="visit-{past["own"]}"' in listing and f'data-item="visit-{past["theirs"]}"' not in listing
    page = client.get(f"/attendance/visits/{past['own']}").get_data(as_text=True)
    response = client.post(f"/attendance/visits/{past['own']}",
                           data={"outcome": "done", "note": "", "csrf_token": csrf_token(page)})
    assert response.status_code == 302
    [attendance] = _rows(database_url, VisitAttendance)
    assert (attendance.occurrence_id, attendance.outcome) == (past["own"], VisitOutcome.DONE)
    [entry] = [e for e in _rows(database_url, AuditEntry) if e.action == "visit_attendance"]
    assert entry.detail == {"outcome": "done", "previous": None, "by_tutor": True}


def test_tutor_cannot_see_or_mark_another_tutors_visit(client, auth, past, database_url):
    auth.login("tutor")
    assert client.get(f"/attendance/visits/{past['theirs']}").status_code == 404
    token = csrf_token(client.get(f"/attendance/visits/{past['own']}").get_data(as_text=True))
    assert client.post(f"/attendance/visits/{past['theirs']}", data={"outcome": "done", "csrf_token": token}
                       ).status_code == 404
    assert _rows(database_url, VisitAttendance) == []


def test_a_visit_still_to_come_cannot_be_marked_and_the_note_stays(client, auth, world, past, database_url):
    auth.login("tutor")
    page = client.get(f"/attendance/visits/{world.occurrence_id}").get_data(as_text=True)
    html = client.post(f"/attendance/visits/{world.occurrence_id}",
                       data={"outcome": "done", "note": "教科書を持参", "csrf_token": csrf_token(page)}
                       ).get_data(as_text=True)
    assert "まだ行われていない予定には記録できません" in html and "教科書を持参" in html
    assert _rows(database_url, VisitAttendance) == []


def test_coordinator_corrects_a_visit_the_tutor_marked(client, auth, past, database_url):
    auth.login("tutor")
    token = csrf_token(client.get(f"/attendance/visits/{past['own']}").get_data(as_text=True))
    client.post(f"/attendance/visits/{past['own']}", data={"outcome": "done", "csrf_token": token})
    client.post("/logout", data={"csrf_token": token})
    auth.login("coordinator")
    token = csrf_token(client.get(f"/attendance/visits/{past['own']}").get_data(as_text=True))
    client.post(f"/attendance/visits/{past['own']}", data={"outcome": "child_absent", "csrf_token": token})
    [attendance] = _rows(database_url, VisitAttendance)
    assert attendance.outcome is VisitOutcome.CHILD_ABSENT
    entries = [e.detail for e in _rows(database_url, AuditEntry) if e.action == "visit_attendance"]
    assert entries[-1] == {"outcome": "child_absent", "previous": "done", "by_tutor": False}


def test_roll_call_records_who_came_and_who_worked(client, auth, world, past, database_url):
    auth.login("tutor")
    page = client.get(f"/attendance/sessions/{past['session']}").get_data(as_text=True)
    assert "試験 花子" in page
    response = client.post(f"/attendance/sessions/{past['session']}", data={
        "held": "yes", "children": [str(world.student_id)], "tutors": [str(world.tutor_id)],
        "actual_start": "18:15", "actual_end": "20:00", "note": "", "csrf_token": csrf_token(page)})
    assert response.status_code == 302
    [roll] = _rows(database_url, RollCall)
    assert roll.held and (roll.actual_start_minute, roll.actual_end_minute) == (18 * 60 + 15, 20 * 60)


def test_a_session_not_held_needs_a_reason_and_keeps_what_was_typed(client, auth, past, database_url):
    auth.login("coordinator")
    page = client.get(f"/attendance/sessions/{past['session']}").get_data(as_text=True)
    html = client.post(f"/attendance/sessions/{past['session']}", data={
        "held": "no", "cancel_reason": "", "note": "会場の鍵が届かず", "csrf_token": csrf_token(page)}
    ).get_data(as_text=True)
    assert "中止の理由を入力してください" in html and "会場の鍵が届かず" in html
    assert _rows(database_url, RollCall) == []


def test_a_tutor_cannot_take_the_roll_of_a_session_they_do_not_staff(client, auth, past):
    auth.login("other-tutor")
    assert client.get(f"/attendance/sessions/{past['session']}").status_code == 404


def test_coordinator_sees_one_days_items(client, auth, past):
    auth.login("coordinator")
    html = client.get("/attendance/?on=2026-11-19").get_data(as_text=True)
    assert f'data-item="session-{past["session"]}"' in html and f'data-item="visit-{past["own"]}"' not in html


def test_a_child_not_on_the_roll_is_refused_in_japanese(client, auth, past, database_url):
    auth.login("coordinator")
    page = client.get(f"/attendance/sessions/{past['session']}").get_data(as_text=True)
    html = client.post(f"/attendance/sessions/{past['session']}", data={
        "held": "yes", "children": ["99999"], "csrf_token": csrf_token(page)}).get_data(as_text=True)
    assert "名簿にない人が選ばれています" in html
    assert _rows(database_url, RollCall) == []
