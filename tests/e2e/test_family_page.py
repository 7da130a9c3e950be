"""In a real phone-sized browser, a family opens its link, sees the new tutor's name and confirms; letters print to PDF."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from matching.db import make_engine, make_session_factory, upgrade
from matching.models import Role, VisitOccurrence
from matching.services.household_links import issue_link
from tests.e2e.conftest import e2e_app, serve
from tests.factories import make_account
from tests.household_factories import Families, make_families

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
SUBSTITUTED_ON = date(2026, 11, 24)
PASSWORD = "family-e2e-password"


@dataclass(frozen=True)
class FamilySite:
    """The served app, its database and household A's link."""

    base_url: str
    database_url: str
    families: Families
    a_token: str


@pytest.fixture(scope="module")
def family_site(tmp_path_factory) -> Iterator[FamilySite]:
    """A server on a fresh database: households A (Vietnamese) and B, A's first visit taken by a substitute."""
    url = f"sqlite:///{tmp_path_factory.mktemp('family') / 'family.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        families = make_families(session)
        make_account(session, "coordinator", PASSWORD, Role.COORDINATOR)
        # The coordinator's substitution (built elsewhere): 大輝 stands in for 翔太 on 24 November.
        occurrence = session.scalars(select(VisitOccurrence).where(VisitOccurrence.on_date == SUBSTITUTED_ON)).one()
        occurrence.substitute_tutor_id = families.substitute
        session.commit()
        token = issue_link(session, families.programme_id, families.a, None,
                           datetime(2026, 11, 20, tzinfo=timezone.utc)).token
    engine.dispose()
    with serve(e2e_app(url)) as base_url:
        yield FamilySite(base_url, url, families, token)


@pytest.fixture
def phone(browser):
    """A fresh phone-sized browser context."""
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Tokyo", viewport=PHONE, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def confirmed_dates(database_url: str) -> set[date]:
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        found = {o.on_date for o in session.scalars(select(VisitOccurrence)) if o.household_confirmed_at}
    engine.dispose()
    return found


def test_the_family_sees_the_new_tutors_name_and_confirms(phone, family_site):
    phone.goto(f"{family_site.base_url}/h/{family_site.a_token}")
    assert phone.locator("html").get_attribute("lang") == "vi"
    cards = phone.locator("#visits-heading + ul .date-card")
    assert cards.count() == 2
    first, second = cards.nth(0), cards.nth(1)
    assert "Thứ Ba, 24/11/2026" in first.locator(".when").inner_text()
    assert "18:00–20:00" in first.locator(".when").inner_text()
    assert first.locator(".tutor ruby").first.evaluate("r => r.firstChild.textContent") == "大輝"
    assert "giáo viên thay thế" in first.locator(".tutor").inner_text()
    assert second.locator(".tutor ruby").first.evaluate("r => r.firstChild.textContent") == "翔太"
    assert "Thứ Ba, 01/12/2026" in second.locator(".when").inner_text()
    assert "結衣" not in phone.content()
    button = phone.get_by_role("button", name="Lịch này phù hợp")
    box = button.bounding_box()
    assert box["width"] <= PHONE["width"] and box["height"] >= 40  # fits the phone, easy to tap
    button.click()
    phone.wait_for_url(re.compile(r"/h/[^/]+\?lang=vi$"))
    assert "Xin cảm ơn" in phone.get_by_role("status").inner_text()
    assert phone.locator("[data-confirmed]").count() == 2
    assert confirmed_dates(family_site.database_url) == {date(2026, 11, 24), date(2026, 12, 1)}


def test_the_family_can_switch_to_japanese_with_furigana(phone, family_site):
    phone.goto(f"{family_site.base_url}/h/{family_site.a_token}")
    phone.get_by_role("link", name="日本語").click()
    assert phone.locator("html").get_attribute("lang") == "ja"
    assert "2026年11月24日(火)" in phone.locator(".date-card .when").first.inner_text()
    assert phone.locator("h1 ruby rt").first.inner_text() == "がくしゅう"


def test_a_households_letter_prints_to_an_a4_pdf(browser, family_site):
    context = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
    page = context.new_page()
    page.goto(f"{family_site.base_url}/login")
    page.get_by_label("ログインID").fill("coordinator")
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="ログイン").click()
    page.wait_for_url(f"{family_site.base_url}/coordinator/")
    page.goto(f"{family_site.base_url}/coordinator/letters/household/{family_site.families.a}")
    assert page.locator('section[data-language="ja"] rt').count() > 10
    pdf = page.pdf(prefer_css_page_size=True)
    context.close()
    assert pdf.startswith(b"%PDF")
    pages = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert len(pages) >= 2  # Vietnamese, then Japanese on its own page
    assert all(abs(float(w) - 595.92) < 2 and abs(float(h) - 842.88) < 2 for w, h in pages)  # A4 in points
