"""No page a coordinator, administrator or tutor reaches shows a raw code, identifier or placeholder.

Pages are found by following links from each role's home (one page per route), so new pages are covered.
Visible text only: tags, attribute values, scripts and styles are left out before looking.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import pytest

SKIP = re.compile(r"^/(static/|feed/|logout)|\.(ics|csv|xlsx|pdf)$|/export")
INVISIBLE = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S)
# What leaks when a template or message shows an internal value: snake_case codes, format placeholders,
# Python's None/NaN, Jinja delimiters, and enum reprs.
# Japanese letters count as word characters, so ASCII edges are spelled out instead of \b.
EDGE_BEFORE, EDGE_AFTER = r"(?<![A-Za-z0-9_])", r"(?![A-Za-z0-9_])"
RAW = re.compile(EDGE_BEFORE + r"(?:[a-z]+(?:_[a-z0-9]+)+|None|nan|NaN)" + EDGE_AFTER
                 + r"|%\(\w+\)s|\{\{|\}\}|\{%|<[A-Z]\w+\.[A-Z_]+:")


def visible_text(page: str) -> str:
    """The text a person reads on a page."""
    return html.unescape(INVISIBLE.sub(" ", page))


def crawl(client, start: str, limit: int = 60) -> dict[str, str]:
    """One page per route reachable by links from start: path -> visible text."""
    queue, seen, pages = [start], set(), {}
    while queue and len(pages) < limit:
        path = queue.pop(0)
        route = re.sub(r"/\d+", "/N", urlsplit(path).path)
        if route in seen:
            continue
        seen.add(route)
        response = client.get(path)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        body = response.get_data(as_text=True)
        pages[path] = visible_text(body)
        links = [html.unescape(link) for link in re.findall(r'href="(/[^"#]*)"', body)]
        queue += [link for link in links if not SKIP.search(urlsplit(link).path)]
    return pages


def test_the_check_sees_what_leaked_before():
    leaked = ["高1にstudy_habitsを教えられる講師", "上界 None", "講師%(n)s名", "{{ name }}", "<PlanStatus.DRAFT: 'draft'>"]
    assert all(RAW.search(visible_text(f"<p>{html.escape(text)}</p>")) for text in leaked)
    assert not RAW.search(visible_text('<p class="no_such">山田 花子 (yamada@example.jp) 数学</p>'))


@pytest.mark.parametrize("role, home", [("coordinator", "/coordinator/"), ("admin", "/admin/audit"),
                                        ("tutor", "/tutor/")])
def test_no_page_shows_a_raw_code_or_placeholder(client, auth, world, role, home):
    auth.login(role)
    pages = crawl(client, home)
    assert len(pages) >= 3, sorted(pages)
    leaks = {path: sorted(set(RAW.findall(text))) for path, text in pages.items() if RAW.search(text)}
    assert leaks == {}
