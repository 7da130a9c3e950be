"""A tutor changes their own weekly availability on the phone; the coordinator sees the change and the dates it touches."""

from __future__ import annotations

from tests.web.conftest import csrf_token


def test_a_tutor_narrows_their_week_and_the_coordinator_sees_the_touched_visit(client, auth, world):
    auth.login("tutor")
    page = client.get("/tutor/availability").get_data(as_text=True)
    assert 'value="1-1080" aria-label' in page and "checked" in page  # Tuesday evening is on the grid
    # Only Wednesday evening from now on: the Tuesday 18:00 visit of the published plan no longer fits.
    response = client.post("/tutor/availability", data={"csrf_token": csrf_token(page),
                                                         "availability": ["2-1080", "2-1110", "2-1140", "2-1170"]})
    assert response.status_code == 302
    page = client.get("/tutor/availability").get_data(as_text=True)
    assert "今の時間に合わない予定" in page and "2026年11月24日(火)" in page
    auth.logout()
    auth.login("coordinator")
    page = client.get("/coordinator/availability-changes").get_data(as_text=True)
    assert f'data-tutor="{world.tutor_id}"' in page and "2026年11月24日(火) 18:00–20:00" in page


def test_a_bad_cell_is_refused_with_a_message_and_nothing_saved(client, auth, world):
    auth.login("tutor")
    page = client.get("/tutor/availability").get_data(as_text=True)
    response = client.post("/tutor/availability", data={"csrf_token": csrf_token(page), "availability": ["9-1080"]})
    assert response.status_code == 200 and "時間帯の指定が正しくありません" in response.get_data(as_text=True)
    auth.logout()
    auth.login("coordinator")
    assert f'data-tutor="{world.tutor_id}"' not in client.get("/coordinator/availability-changes").get_data(
        as_text=True)
