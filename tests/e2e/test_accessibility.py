"""Every page each role can reach, checked by axe-core in Chromium: no serious or critical violation.

The pages are found by following the links of each role's pages from its home (one page per route, ids
aside), so a page added later is checked without being listed here.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError

from matching.models import Role
from tests.e2e.test_coordinator_login import login

pytestmark = pytest.mark.e2e

SERIOUS = {"serious", "critical"}
MAX_PAGES = 80
# Links that leave the HTML pages: files to download, calendar feeds, static assets.
NOT_A_PAGE = re.compile(r"^/(static/|feed/)|\.(ics|csv|xlsx|pdf)$|/export")


def _route(url: str) -> str:
    """The route a URL is an instance of: ids and query values aside."""
    return re.sub(r"/\d+", "/N", urlsplit(url).path)


def _check_site(page, base_url: str, start: str) -> tuple[list[str], dict[str, list[str]]]:
    """Visit one page per route reachable from start; the pages visited and the serious violations per page."""
    axe, queue, seen, visited, found = Axe(), [urljoin(base_url, start)], set(), [], {}
    while queue and len(visited) < MAX_PAGES:
        url = queue.pop(0)
        if _route(url) in seen:
            continue
        seen.add(_route(url))
        try:
            response = page.goto(url)
        except PlaywrightError as error:  # a link to a file (a template, an export) starts a download
            if "Download is starting" in str(error):
                continue
            raise
        if response is None or response.status != 200 or "text/html" not in response.headers.get("content-type", ""):
            continue
        visited.append(urlsplit(url).path)
        violations = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
                      for v in axe.run(page).response["violations"] if v["impact"] in SERIOUS]
        if violations:
            found[urlsplit(url).path] = violations
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            if href.startswith(base_url) and not NOT_A_PAGE.search(urlsplit(href).path):
                queue.append(href.split("#")[0])
    return visited, found


@pytest.mark.parametrize("role, home", [(Role.COORDINATOR, "/coordinator/"), (Role.ADMIN, "/admin/audit"),
                                        (Role.TUTOR, "/tutor/")])
def test_every_page_a_role_reaches_has_no_serious_accessibility_violation(page, live_server, role, home):
    login(page, live_server, role)
    page.wait_for_load_state()
    visited, found = _check_site(page, live_server, home)
    assert len(visited) >= 3, visited
    assert found == {}, "\n".join(f"{path}: {v}" for path, items in found.items() for v in items)


def test_the_login_and_family_code_pages_have_no_serious_accessibility_violation(page, live_server):
    for path in ("/login", "/h"):
        page.goto(f"{live_server}{path}")
        violations = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS]
        assert violations == [], (path, violations)


def test_the_week_grid_is_filled_by_keyboard(page, live_server):
    login(page, live_server, Role.COORDINATOR)
    page.wait_for_load_state()
    page.goto(f"{live_server}/coordinator/tutors/new")
    first = page.get_by_label("火 18:00", exact=True)
    first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Shift+ArrowDown")
    page.keyboard.press("Shift+ArrowDown")
    page.keyboard.press("ArrowRight")
    checked = page.eval_on_selector_all("[data-week-grid] input:checked", "cells => cells.map(c => c.value)")
    assert checked == ["1-1080", "1-1110", "1-1140"]
    assert page.evaluate("document.activeElement.value") == "2-1140"  # arrows move without changing a cell
