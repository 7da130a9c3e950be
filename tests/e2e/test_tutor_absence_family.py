"""In real Chromium, the whole absence story: tutor (phone) -> coordinator (desktop) -> family (phone).

A tutor on a phone sees the week, confirms the assignment and reports an absence; the coordinator picks a
ranked substitute; the family link then shows the new tutor's name and the family confirms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from matching.db import make_engine, make_session_factory, upgrade
from matching.models import PlanKind, Role, Visit, VisitOccurrence
from matching.services.household_links import issue_link
from tests.e2e.conftest import e2e_app, serve
from tests.factories import make_account, make_household, make_programme, make_student, make_tutor
from tests.plan_factories import add_visit, make_plan

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
VISIT_DATES = [date(2026, 11, 24), date(2026, 12, 1), date(2026, 12, 8)]  # Tuesdays, 18:00-20:00
ABSENT_ON = VISIT_DATES[0]
PASSWORD = "absence-e2e-password"
REASON = "大学の期末試験のため"


@dataclass(frozen=True)
class AbsenceSite:
    """The served app, its database, the ids the story touches and the family's secret link."""

    base_url: str
    database_url: str
    tutor_a: int
    tutor_b: int
    visit: int
    household_token: str


@pytest.fixture(scope="module")
def absence_site(tmp_path_factory) -> Iterator[AbsenceSite]:
    """A fresh database: 翔太 (A) visits 陽菜 of an English-reading household on Tuesdays; 大輝 (B) could stand in."""
    url = f"sqlite:///{tmp_path_factory.mktemp('absence') / 'absence.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        programme = make_programme(session)
        household = make_household(session, programme, language="en", guardian_name="John Smith",
                                   guardian_name_kana="ジョン スミス")
        child = make_student(session, household, given_name="陽菜", given_name_kana="ひな", family_name="スミス",
                             family_name_kana="すみす")
        # Both tutors teach math to 中1-中3 on Tuesday evenings and live a few minutes from the child.
        tutor_a = make_tutor(session, programme, given_name="翔太", given_name_kana="しょうた", family_name="佐藤",
                             family_name_kana="さとう")
        tutor_b = make_tutor(session, programme, given_name="大輝", given_name_kana="だいき", family_name="高橋",
                             family_name_kana="たかはし")
        make_account(session, "tutor-a", PASSWORD, Role.TUTOR, tutor=tutor_a)
        make_account(session, "coordinator", PASSWORD, Role.COORDINATOR)
        plan = make_plan(session, programme, PlanKind.VISITS)
        visit = add_visit(session, plan, child, tutor_a, VISIT_DATES)
        session.commit()
        token = issue_link(session, programme.id, household.id, None,
                           datetime(2026, 11, 20, tzinfo=timezone.utc)).token
        ids = (tutor_a.id, tutor_b.id, visit.id)
    engine.dispose()
    with serve(e2e_app(url)) as base_url:
        yield AbsenceSite(base_url, url, *ids, token)


def _context(browser, locale: str, viewport: dict[str, int], phone: bool):
    context = browser.new_context(locale=locale, timezone_id="Asia/Tokyo", viewport=viewport, is_mobile=phone,
                                  has_touch=phone)
    context.set_default_timeout(15_000)
    return context


@pytest.fixture
def contexts(browser) -> Iterator[list]:
    """Browser contexts opened by the test (one per person, no shared cookies), all closed at the end."""
    opened: list = []
    yield opened
    for context in opened:
        context.close()


def login(page, base_url: str, login_id: str) -> None:
    page.goto(f"{base_url}/login")
    page.get_by_label("ログインID").fill(login_id)
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="ログイン").click()


def assert_fits_the_phone(locator) -> None:
    box = locator.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def the_occurrence(database_url: str, visit_id: int, on_date: date) -> VisitOccurrence:
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        occurrence = session.scalars(select(VisitOccurrence).where(
            VisitOccurrence.visit_id == visit_id, VisitOccurrence.on_date == on_date)).one()
        session.expunge(occurrence)
    engine.dispose()
    return occurrence


def visit_confirmed_at(database_url: str, visit_id: int):
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        confirmed_at = session.get(Visit, visit_id).confirmed_at
    engine.dispose()
    return confirmed_at


def tutor_confirms_and_reports_the_absence(page, site: AbsenceSite) -> None:
    """翔太 on a phone: the coming week's visit, the confirm button, then the absence form and its list."""
    login(page, site.base_url, "tutor-a")
    page.wait_for_url(f"{site.base_url}/tutor/")
    assert page.get_by_role("status").inner_text() == "確認が必要な新しい担当が1件あります。"
    week = page.locator('.schedule-item[data-date="2026-11-24"]')
    assert "2026年11月24日(火)" in week.locator(".when").inner_text()
    assert "18:00–20:00" in week.locator(".when").inner_text()
    assert "陽菜さん" in week.locator(".what").inner_text()
    assert page.locator('.schedule-item[data-kind="visit"]').count() == len(VISIT_DATES)
    assert "スミス" not in page.locator("body").inner_text()  # the child's given name only
    confirm = week.get_by_role("button", name="この担当を確認しました")
    assert_fits_the_phone(confirm)
    with page.expect_navigation(url=f"{site.base_url}/tutor/"):
        confirm.tap()
    assert "確認しました。ありがとうございます。" in page.get_by_role("status").first.inner_text()
    assert page.get_by_role("button", name="この担当を確認しました").count() == 0
    assert visit_confirmed_at(site.database_url, site.visit) is not None

    page.get_by_role("navigation", name="メニュー").get_by_role("link", name="欠席の連絡").click()
    page.wait_for_url(f"{site.base_url}/tutor/absences")
    page.get_by_label("休む日(開始)").fill(ABSENT_ON.isoformat())
    page.get_by_label("理由").fill(REASON)
    send = page.get_by_role("button", name="連絡する")
    assert_fits_the_phone(send)
    with page.expect_navigation(url=f"{site.base_url}/tutor/absences"):
        send.tap()
    assert "欠席を連絡しました。" in page.get_by_role("status").first.inner_text()
    assert "(対象 1 件)" in page.get_by_role("status").first.inner_text()
    reported = page.locator("section.card", has_text=REASON)
    assert "2026年11月24日(火)" in reported.inner_text()
    assert "対象の予定: 1件" in reported.inner_text()


def coordinator_picks_the_substitute(page, site: AbsenceSite) -> None:
    """The coordinator on a desktop: the absence, the visit it leaves, the ranked list, 大輝 asked."""
    login(page, site.base_url, "coordinator")
    page.wait_for_url(f"{site.base_url}/coordinator/")
    page.get_by_role("navigation", name="メニュー").get_by_role("link", name="欠席連絡").click()
    page.wait_for_url(f"{site.base_url}/coordinator/absences")
    absence = page.locator("section.card[data-absence]")
    assert absence.count() == 1
    assert "翔太" in absence.get_by_role("heading").inner_text()
    assert "2026年11月24日(火)" in absence.get_by_role("heading").inner_text()
    assert REASON in absence.inner_text()
    affected = absence.get_by_role("row").filter(has_text="個別訪問")
    assert affected.count() == 1
    assert "陽菜" in affected.inner_text() and "18:00–20:00" in affected.inner_text()
    affected.get_by_role("link", name="代わりの講師を選ぶ").click()
    page.wait_for_url(re.compile(r"/coordinator/substitutes/visit/\d+$"))
    assert "2026年11月24日(火) 18:00–20:00" in page.locator("section.card").first.inner_text()
    ranked = page.locator("tr[data-substitute]")
    assert [int(r) for r in ranked.evaluate_all("rows => rows.map(r => r.dataset.substitute)")] == [site.tutor_b]
    choice = page.get_by_role("row").filter(has_text="大輝")
    assert "翔太" not in page.locator("tbody").inner_text()  # the absent tutor is never offered
    choice.get_by_role("button", name="この講師に頼む").click()
    page.wait_for_url(f"{site.base_url}/coordinator/absences")
    assert "代わりの講師を決めました。" in page.get_by_role("status").first.inner_text()
    assert "対象の予定はありません。" in page.locator("section.card[data-absence]").inner_text()  # nothing left uncovered
    assert the_occurrence(site.database_url, site.visit, ABSENT_ON).substitute_tutor_id == site.tutor_b


def family_sees_the_new_tutor_and_confirms(page, site: AbsenceSite) -> None:
    """The family on a phone, in English: 24 November with 大輝 as the substitute tutor, then confirm."""
    page.goto(f"{site.base_url}/h/{site.household_token}")
    assert page.locator("html").get_attribute("lang") == "en"
    visits = page.get_by_role("region", name="Home visits").locator(".date-card")
    assert visits.count() == len(VISIT_DATES)
    first = visits.nth(0)
    assert first.locator(".when").inner_text() == "Tuesday 24 November 2026 18:00–20:00"
    tutor = first.locator(".tutor")
    assert tutor.locator("ruby").first.evaluate("r => r.firstChild.textContent") == "大輝"
    assert tutor.locator("ruby rt").first.inner_text() == "だいき"
    assert "substitute tutor" in tutor.inner_text()
    second = visits.nth(1)
    assert second.locator(".when").inner_text() == "Tuesday 1 December 2026 18:00–20:00"
    assert second.locator(".tutor ruby").first.evaluate("r => r.firstChild.textContent") == "翔太"
    assert "substitute" not in second.locator(".tutor").inner_text()
    assert "高橋" not in page.content() and "佐藤" not in page.content()  # tutors' family names stay private
    button = page.get_by_role("button", name="These dates are fine")
    assert_fits_the_phone(button)
    button.tap()
    page.wait_for_url(re.compile(r"/h/[^/]+\?lang=en$"))
    assert page.get_by_role("status").inner_text() == "Thank you. We have received your confirmation."
    assert page.locator("[data-confirmed]").count() == len(VISIT_DATES)


def test_tutor_reports_an_absence_coordinator_sends_a_substitute_family_confirms(browser, contexts, absence_site):
    tutor = _context(browser, "ja-JP", PHONE, phone=True)
    coordinator = _context(browser, "ja-JP", DESKTOP, phone=False)
    family = _context(browser, "en-GB", PHONE, phone=True)
    contexts.extend([tutor, coordinator, family])

    tutor_page = tutor.new_page()
    tutor_confirms_and_reports_the_absence(tutor_page, absence_site)
    coordinator_picks_the_substitute(coordinator.new_page(), absence_site)
    tutor_page.get_by_role("navigation", name="メニュー").get_by_role("link", name="予定").click()
    tutor_page.wait_for_url(f"{absence_site.base_url}/tutor/")
    assert [d.isoformat() for d in VISIT_DATES[1:]] == tutor_page.locator(".schedule-item").evaluate_all(
        "items => items.map(i => i.dataset.date)")  # 翔太 no longer goes on the 24th
    family_sees_the_new_tutor_and_confirms(family.new_page(), absence_site)

    occurrence = the_occurrence(absence_site.database_url, absence_site.visit, ABSENT_ON)
    assert occurrence.substitute_tutor_id == absence_site.tutor_b
    assert occurrence.household_confirmed_at is not None
