"""The coordinator sees tutors' absences at once, picks a ranked substitute, or cancels the date."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select

from matching.db import make_engine, make_session_factory
from matching.models import OccurrenceStatus, Programme, Tutor, VisitOccurrence
from tests.factories import make_tutor, make_tutor_exception
from tests.web.conftest import csrf_token


@pytest.fixture
def away(database_url, world):
    """The world's tutor is away on Tuesday 24 November; a second tutor could stand in."""
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        tutor = session.get(Tutor, world.tutor_id)
        exception = make_tutor_exception(session, tutor, date(2026, 11, 24))
        exception.reported_by_tutor = True
        exception.reason = "大学の試験"
        stand_in = make_tutor(session, session.get(Programme, world.programme_id), given_name="代理")
        session.commit()
        stand_in_id = stand_in.id
    engine.dispose()
    return stand_in_id


def _occurrence(database_url, occurrence_id) -> VisitOccurrence:
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        occurrence = session.scalars(select(VisitOccurrence).where(VisitOccurrence.id == occurrence_id)).one()
    engine.dispose()
    return occurrence


def test_the_absence_is_listed_with_the_visit_it_leaves_without_a_tutor(client, auth, world, away):
    auth.login()
    page = client.get("/coordinator/absences").get_data(as_text=True)
    assert "大学の試験" in page and "2026年11月24日(火)" in page
    assert f"/coordinator/substitutes/visit/{world.occurrence_id}" in page


def test_the_absent_date_is_flagged_on_the_absence_list_and_counted_on_the_home_page(client, auth, world, away):
    auth.login()
    page = client.get("/coordinator/absences").get_data(as_text=True)
    assert page.count("data-needs-substitute") == 1 and "代わりが必要" in page
    home = client.get("/coordinator/").get_data(as_text=True)
    assert re.search(r'data-count="needing-substitute">\s*<span class="number">1</span>', home)
    assert "欠席で代わりが必要な予定" in home


def test_the_coordinator_picks_a_ranked_substitute(client, auth, world, away, database_url):
    auth.login()
    page = client.get(f"/coordinator/substitutes/visit/{world.occurrence_id}").get_data(as_text=True)
    assert f'data-substitute="{away}"' in page and f'data-substitute="{world.tutor_id}"' not in page
    response = client.post(f"/coordinator/substitutes/visit/{world.occurrence_id}",
                           data={"csrf_token": csrf_token(page), "tutor_id": str(away)})
    assert response.status_code == 302
    assert _occurrence(database_url, world.occurrence_id).substitute_tutor_id == away


def test_a_tutor_not_offered_cannot_be_forced_in(client, auth, world, away, database_url):
    auth.login()
    page = client.get(f"/coordinator/substitutes/visit/{world.occurrence_id}").get_data(as_text=True)
    response = client.post(f"/coordinator/substitutes/visit/{world.occurrence_id}",
                           data={"csrf_token": csrf_token(page), "tutor_id": str(world.tutor_id)},
                           follow_redirects=True)
    assert "この講師はこの日の代わりを担当できません" in response.get_data(as_text=True)
    assert _occurrence(database_url, world.occurrence_id).substitute_tutor_id is None


def test_the_date_can_be_cancelled(client, auth, world, away, database_url):
    auth.login()
    page = client.get(f"/coordinator/substitutes/visit/{world.occurrence_id}").get_data(as_text=True)
    # The cancel button only opens a statement of who will be told; the form inside it does the cancelling.
    confirm = page[page.index('<details class="confirm">'):page.index("</details>")]
    assert "<summary class=\"button\">この日の訪問を中止する…</summary>" in confirm
    assert "子どもの家庭と担当の講師" in confirm and "中止してお知らせを送る" in confirm
    assert f'action="/coordinator/substitutes/visit/{world.occurrence_id}/cancel"' in confirm
    client.post(f"/coordinator/substitutes/visit/{world.occurrence_id}/cancel", data={"csrf_token": csrf_token(page)})
    assert _occurrence(database_url, world.occurrence_id).status is OccurrenceStatus.CANCELLED


def test_a_date_before_today_is_history_and_cannot_be_covered_or_cancelled(client, auth, world, database_url):
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        visit = session.get(VisitOccurrence, world.occurrence_id).visit
        past = VisitOccurrence(on_date=date(2026, 11, 17), start_minute=18 * 60, end_minute=20 * 60)
        visit.occurrences.append(past)
        session.commit()
        past_id = past.id
    engine.dispose()
    auth.login()
    page = client.get(f"/coordinator/substitutes/visit/{past_id}")
    assert page.status_code == 422 and "今日より前の日付は記録として残すため、変更できません" in page.get_data(as_text=True)
    token = csrf_token(client.get("/coordinator/absences").get_data(as_text=True))
    assert client.post(f"/coordinator/substitutes/visit/{past_id}/cancel", data={"csrf_token": token}).status_code == 422
    assert _occurrence(database_url, past_id).status is OccurrenceStatus.PLANNED
