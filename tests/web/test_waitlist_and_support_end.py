"""The waitlist, the missing-locations list, ending support from the child's page, siblings and the tutor page."""

from __future__ import annotations

from datetime import date

from matching.db import make_engine, make_session_factory
from matching.models import Household, Student, Tutor
from tests.factories import make_household, make_student
from tests.web.conftest import csrf_token
from tests.web.intake_helpers import form_values, post_form


def _edit(database_url, change) -> None:
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        change(session)
        session.commit()
    engine.dispose()


def test_waitlist_puts_a_9th_grader_first_then_the_longest_wait(client, auth, world, database_url):
    ids = {}

    def add(session):
        household = session.get(Household, world.household_id)
        programme = household.programme_id
        from matching.models import Programme
        p = session.get(Programme, programme)
        ids["long"] = make_student(session, make_household(session, p), grade=8, waiting_since=date(2026, 4, 1)).id
        ids["short"] = make_student(session, make_household(session, p), grade=8, waiting_since=date(2026, 10, 1)).id
        ids["ninth"] = make_student(session, make_household(session, p), grade=9, waiting_since=date(2026, 11, 1)).id

    _edit(database_url, add)
    auth.login()
    page = client.get("/coordinator/waitlist").get_data(as_text=True)
    order = [int(part.split('"')[0]) for part in page.split('data-student="')[1:]]
    waiting = [i for i in order if i in ids.values()]
    assert waiting == [ids["ninth"], ids["long"], ids["short"]]
    assert "235日" in page  # 2026-04-01 to the test's today, 2026-11-22


def test_a_child_saved_without_a_location_is_listed_until_placed(client, auth, world, database_url):
    auth.login()
    url = f"/coordinator/students/{world.student_id}/edit"
    kana = {"given_name_kana": "はなこ", "guardian_name_kana": "ほごしゃ"}  # the factory's readings carry digits
    response = post_form(client, url, {**kana, "lat": "", "lon": ""})
    assert response.status_code == 302
    page = client.get("/coordinator/missing-locations").get_data(as_text=True)
    assert f'data-student="{world.student_id}"' in page
    assert "位置が未登録" in client.get(f"/coordinator/students/{world.student_id}").get_data(as_text=True)
    post_form(client, url, {**kana, "lat": "35.7", "lon": "139.6"})
    assert f'data-student="{world.student_id}"' not in client.get("/coordinator/missing-locations").get_data(
        as_text=True)


def test_ending_support_is_recorded_and_can_be_undone(client, auth, world, database_url):
    auth.login()
    page_url = f"/coordinator/students/{world.student_id}"
    token = csrf_token(client.get(page_url).get_data(as_text=True))
    client.post(f"{page_url}/end-support", data={"csrf_token": token, "ends_on": "2026-12-01", "reason": "moved"})
    page = client.get(page_url).get_data(as_text=True)
    assert "支援終了: 2026年12月1日(火)(転居)" in page
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        assert session.get(Student, world.student_id).support_ended_on == date(2026, 12, 1)
    engine.dispose()
    token = csrf_token(page)
    client.post(f"{page_url}/resume-support", data={"csrf_token": token})
    assert "支援終了" not in client.get(page_url).get_data(as_text=True)


def test_a_sibling_joins_the_household_of_the_child(client, auth, world, database_url):
    auth.login()
    url = f"/coordinator/households/{world.household_id}/students/new"
    start = form_values(client.get(url).get_data(as_text=True))
    assert start["guardian_name"] != [""]  # the household's values are filled in
    response = post_form(client, url, {"family_name": "試験", "given_name": "次郎", "family_name_kana": "しけん",
                                       "given_name_kana": "じろう", "grade": "5", "mode": "home_visit",
                                       "referral_source": "school", "needs-0-subject": "math",
                                       "guardian_name_kana": "ほごしゃ"}, start)
    assert response.status_code == 302
    sibling_id = int(response.headers["Location"].rsplit("/", 1)[1])
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        assert session.get(Student, sibling_id).household_id == world.household_id
    engine.dispose()
    page = client.get(f"/coordinator/students/{world.student_id}").get_data(as_text=True)
    assert "試験 次郎" in page


def test_the_tutor_page_shows_the_schedule_account_and_records_a_last_day(client, auth, world, database_url):
    auth.login()
    page_url = f"/coordinator/tutors/{world.tutor_id}"
    page = client.get(page_url).get_data(as_text=True)
    assert "2026年11月24日(火)" in page and "ログインID" in page
    client.post(f"{page_url}/leave", data={"csrf_token": csrf_token(page), "last_day": "2026-03-01"})
    assert "終わりの日は始まりの日と同じか後にしてください" in client.get(page_url).get_data(as_text=True)
    client.post(f"{page_url}/leave", data={"csrf_token": csrf_token(page), "last_day": "2027-01-31"})
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        assert session.get(Tutor, world.tutor_id).active_until == date(2027, 1, 31)
    engine.dispose()
