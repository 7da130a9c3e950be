"""The coordinator issues and revokes family links and handles families' messages."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.web.conftest import csrf_token
from tests.web.family_fixtures import linked  # noqa: F401  (fixture)

POSTS = ["/coordinator/households/{h}/link/issue", "/coordinator/households/{h}/link/revoke",
         "/coordinator/family-messages/1/handled"]


def issue(client, household_id: int):
    page = client.get(f"/coordinator/households/{household_id}/link").get_data(as_text=True)
    return client.post(f"/coordinator/households/{household_id}/link/issue", data={"csrf_token": csrf_token(page)})


def test_an_issued_link_is_shown_once_and_opens_the_family_page(client, auth, world):
    auth.login()
    html = issue(client, world.household_id).get_data(as_text=True)
    url = re.search(r"<code data-family-url>([^<]+)</code>", html).group(1)
    code = re.search(r"<code data-short-code>([^<]+)</code>", html).group(1)
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}", code)
    later = client.get(f"/coordinator/households/{world.household_id}/link").get_data(as_text=True)
    assert url not in later and code not in later and 'data-link-status="active"' in later
    auth.logout()
    assert client.get(urlsplit(url).path).status_code == 200


def test_a_revoked_link_gets_the_clear_page(client, auth, world):
    auth.login()
    html = issue(client, world.household_id).get_data(as_text=True)
    path = re.search(r"<code data-family-url>http://127.0.0.1:5000([^<]+)</code>", html).group(1)
    page = client.get(f"/coordinator/households/{world.household_id}/link").get_data(as_text=True)
    client.post(f"/coordinator/households/{world.household_id}/link/revoke", data={"csrf_token": csrf_token(page)})
    assert client.get(path).status_code == 410


def test_the_child_page_links_to_the_family_link_and_the_letter(client, auth, world):
    auth.login()
    html = client.get(f"/coordinator/students/{world.student_id}").get_data(as_text=True)
    assert f"/coordinator/households/{world.household_id}/link" in html
    assert f"/coordinator/letters/household/{world.household_id}" in html


def test_a_familys_change_request_is_listed_until_handled(client, auth, linked):
    page = client.get(f"/h/{linked.b_token}").get_data(as_text=True)
    client.post(f"/h/{linked.b_token}/change", data={"message": "Please call after 6pm", "csrf_token": csrf_token(page)})
    auth.login()
    html = client.get("/coordinator/family-messages").get_data(as_text=True)
    assert "Please call after 6pm" in html and "John Smith" in html
    message_id = re.search(r'data-message="(\d+)"', html).group(1)
    client.post(f"/coordinator/family-messages/{message_id}/handled", data={"csrf_token": csrf_token(html)})
    assert "Please call after 6pm" not in client.get("/coordinator/family-messages").get_data(as_text=True)


@pytest.mark.parametrize("path", POSTS)
def test_tutors_cannot_use_the_coordinators_family_actions(client, auth, world, path):
    auth.login("tutor")
    token = csrf_token(client.get("/h").get_data(as_text=True))
    assert client.post(path.format(h=world.household_id), data={"csrf_token": token}).status_code == 403


def test_households_of_another_programme_are_not_found(client, auth, world):
    auth.login()
    page = client.get(f"/coordinator/households/{world.household_id}/link").get_data(as_text=True)
    response = client.post("/coordinator/households/999999/link/issue", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 404
