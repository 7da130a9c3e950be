"""The tutor's portal: own schedule only, confirmations, the private calendar feed, absences."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

import icalendar
import pytest

from matching.db import make_engine, make_session_factory
from matching.models import PlanKind, Programme, Student, Tutor, TutorException, Visit
from tests.factories import make_household, make_student, make_tutor
from tests.plan_factories import add_visit, make_plan
from tests.web.conftest import csrf_token


@pytest.fixture
def visits(database_url, world):
    """A published plan: the world's tutor visits the world's child on two Tuesdays; another tutor visits another child."""
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        programme = session.get(Programme, world.programme_id)
        plan = make_plan(session, programme, PlanKind.VISITS)
        own = add_visit(session, plan, session.get(Student, world.student_id), session.get(Tutor, world.tutor_id),
                        [date(2026, 11, 24), date(2026, 12, 1)])
        other_child = make_student(session, make_household(session, programme), given_name="秘密")
        foreign = add_visit(session, plan, other_child, make_tutor(session, programme), [date(2026, 11, 25)])
        session.commit()
        ids = (own.id, foreign.id)
    engine.dispose()
    return ids


def test_tutor_sees_their_own_visits_with_the_childs_given_name_only(client, auth, visits):
    auth.login("tutor")
    page = client.get("/tutor/").get_data(as_text=True)
    assert page.count('data-kind="visit"') == 2
    assert "花子" in page and "2026年11月24日(火)" in page and "18:00–20:00" in page
    assert "秘密" not in page and "試験" not in page  # no other child; no family name
    assert "テスト用メモ" not in page and "生活保護" not in page


def test_tutor_confirms_their_assignment_but_not_anyone_elses(client, auth, visits, database_url):
    own, foreign = visits
    auth.login("tutor")
    token = csrf_token(client.get("/tutor/").get_data(as_text=True))
    assert client.post(f"/tutor/assignments/visit/{foreign}/confirm", data={"csrf_token": token}).status_code == 404
    assert client.post(f"/tutor/assignments/visit/{own}/confirm", data={"csrf_token": token}).status_code == 302
    assert f"/tutor/assignments/visit/{own}/confirm" not in client.get("/tutor/").get_data(as_text=True)
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        assert session.get(Visit, own).confirmed_at is not None
        assert session.get(Visit, foreign).confirmed_at is None
    engine.dispose()


def test_confirming_needs_a_csrf_token(client, auth, visits):
    auth.login("tutor")
    assert client.post(f"/tutor/assignments/visit/{visits[0]}/confirm").status_code == 400


def test_the_calendar_feed_url_works_until_revoked(client, auth, visits):
    auth.login("tutor")
    token = csrf_token(client.get("/tutor/calendar").get_data(as_text=True))
    page = client.post("/tutor/calendar/new", data={"csrf_token": token}).get_data(as_text=True)
    feed_url = re.search(r'value="(http://[^"]+\.ics)"', page).group(1)
    path = urlsplit(feed_url).path
    client.post("/logout", data={"csrf_token": csrf_token(page)})
    response = client.get(path)  # calendar apps have no login: the secret URL is enough
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    events = icalendar.Calendar.from_ical(response.data).walk("VEVENT")
    assert sorted(e.decoded("dtstart").isoformat() for e in events) == [  # two visits and the world's session
        "2026-11-24T18:00:00+09:00", "2026-11-26T18:00:00+09:00", "2026-12-01T18:00:00+09:00"]
    auth.login("tutor")
    token = csrf_token(client.get("/tutor/calendar").get_data(as_text=True))
    client.post("/tutor/calendar/revoke", data={"csrf_token": token})
    assert client.get(path).status_code == 404


def test_an_unknown_feed_secret_is_404(client):
    assert client.get("/tutor/feed/not-a-real-secret.ics").status_code == 404


def test_absence_form_shows_a_message_per_field_and_keeps_what_was_typed(client, auth, visits):
    auth.login("tutor")
    token = csrf_token(client.get("/tutor/absences").get_data(as_text=True))
    page = client.post("/tutor/absences", data={"csrf_token": token, "starts_on": "2026-11-20",
                                                 "ends_on": "2026-11-19", "reason": "試験期間のため"}
                       ).get_data(as_text=True)
    assert "今日以降の日付を入力してください" in page
    assert "終了日は開始日以降にしてください" in page
    assert 'value="2026-11-20"' in page and 'value="2026-11-19"' in page and "試験期間のため" in page
    page = client.post("/tutor/absences", data={"csrf_token": token, "starts_on": "", "reason": ""}
                       ).get_data(as_text=True)
    assert "日付を入力してください" in page and "理由を入力してください" in page


def test_a_reported_absence_is_listed_with_the_visits_it_touches(client, auth, visits, database_url):
    auth.login("tutor")
    token = csrf_token(client.get("/tutor/absences").get_data(as_text=True))
    response = client.post("/tutor/absences", data={"csrf_token": token, "starts_on": "2026-11-24",
                                                     "ends_on": "", "reason": "大学の試験"})
    assert response.status_code == 302
    page = client.get("/tutor/absences").get_data(as_text=True)
    assert "2026年11月24日(火)" in page and "対象の予定: 1件" in page
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        (row,) = session.query(TutorException).all()
        assert (row.starts_on, row.ends_on, row.reported_by_tutor) == (date(2026, 11, 24), date(2026, 11, 24), True)
    engine.dispose()


def test_the_same_dates_reported_twice_are_refused_and_a_withdrawn_absence_can_be_reported_again(
        client, auth, visits, database_url):
    auth.login("tutor")
    token = csrf_token(client.get("/tutor/absences").get_data(as_text=True))
    data = {"csrf_token": token, "starts_on": "2026-11-24", "ends_on": "", "reason": "大学の試験"}
    assert client.post("/tutor/absences", data=data).status_code == 302
    page = client.post("/tutor/absences", data=data).get_data(as_text=True)
    assert "この日付の欠席はすでに連絡済みです" in page and 'value="2026-11-24"' in page
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        (row,) = session.query(TutorException).all()
        absence_id = row.id
    engine.dispose()
    page = client.get("/tutor/absences").get_data(as_text=True)
    withdrawn = client.post(f"/tutor/absences/{absence_id}/withdraw", data={"csrf_token": csrf_token(page)},
                            follow_redirects=True).get_data(as_text=True)
    assert "欠席を取り消しました" in withdrawn and "対象の予定" not in withdrawn
    assert client.post("/tutor/absences", data=data).status_code == 302


@pytest.mark.parametrize("path", ["/tutor/", "/tutor/profile", "/tutor/calendar", "/tutor/absences"])
def test_coordinators_get_403_on_tutor_pages(client, auth, path):
    auth.login("coordinator")
    assert client.get(path).status_code == 403
