"""A solve started from the plan page says why a need waits, with counts, and the change that would serve it."""

from __future__ import annotations

from datetime import date

from matching.db import make_engine, make_session_factory
from matching.models import JobStatus, Programme, SolveJob, Tutor
from matching.planning.visits.review import visit_plan_review
from tests.factories import make_household, make_student
from tests.web.conftest import csrf_token


def _second_child_and_a_full_tutor(database_url, world) -> str:
    """A second child wanting the same Tuesday evening, and the one tutor limited to one visit a week; its name."""
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        programme = session.get(Programme, world.programme_id)
        make_student(session, make_household(session, programme), home_site_id=world.site_id,
                     waiting_since=date(2026, 11, 1))
        tutor = session.get(Tutor, world.tutor_id)
        tutor.max_visits_per_week = 1
        name = tutor.full_name
        session.commit()
    engine.dispose()
    return name


def test_plan_page_shows_counts_and_the_checked_change(app, client, auth, world, database_url):
    name = _second_child_and_a_full_tutor(database_url, world)
    auth.login()
    page = client.get("/coordinator/plans/visits").get_data(as_text=True)
    response = client.post("/coordinator/plans/visits/solve", data={"csrf_token": csrf_token(page)})
    job_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert app.extensions["job_runner"].wait(job_id, timeout_s=30) is JobStatus.SUCCEEDED
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        plan_id = session.get(SolveJob, job_id).result_plan_id
        (unmet,) = visit_plan_review(session, world.programme_id, plan_id, date(2026, 11, 22)).unmet
    engine.dispose()
    assert unmet.counts_ja == "数学・中3を教える講師1人: 1人は週の上限まで埋まっています"
    assert unmet.suggestion.kind == "tutor_cap" and unmet.suggestion.tutor_name == name
    html = client.get(f"/coordinator/visits/plans/{plan_id}").get_data(as_text=True)
    assert "数学・中3を教える講師1人: 1人は週の上限まで埋まっています" in html
    assert f"こうすれば入ります: {name}さんが週の訪問を1回増やす (ほかの訪問1件が動きます)" in " ".join(html.split())
    client.post("/lang/en", data={"csrf_token": csrf_token(html), "next": f"/coordinator/visits/plans/{plan_id}"})
    english = " ".join(client.get(f"/coordinator/visits/plans/{plan_id}").get_data(as_text=True).split())
    assert "1 tutor(s) teach Mathematics to JHS 3: 1 at their weekly visit limit." in english
    # The child's visit at 18:00 moves so that both fit the tutor's evening.
    assert f"Would be served if: {name} takes one more visit a week (1 other visit(s) move)" in english
