"""Letters for the post: every published date and time in each supported language, furigana, one print run per publish."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select

from matching.db import make_engine, make_session_factory
from matching.models import Household, PlanKind, Student, Visit, VisitOccurrence
from matching.services.published import published_plan_id
from tests.household_factories import A_SESSION_DATE
from tests.web.conftest import csrf_token
from tests.web.family_fixtures import linked  # noqa: F401  (fixture)

TODAY = date(2026, 11, 22)
# Each language's writing of household A's upcoming dates, spelled out here independently of the code.
EXPECTED_DATES = {
    "ja": {date(2026, 11, 24): "2026年11月24日(火)", date(2026, 12, 1): "2026年12月1日(火)",
           date(2026, 11, 28): "2026年11月28日(土)"},
    "ja-easy": {date(2026, 11, 24): "11がつ24にち(かようび)", date(2026, 12, 1): "12がつ1にち(かようび)",
                date(2026, 11, 28): "11がつ28にち(どようび)"},
    "en": {date(2026, 11, 24): "Tuesday 24 November 2026", date(2026, 12, 1): "Tuesday 1 December 2026",
           date(2026, 11, 28): "Saturday 28 November 2026"},
    "zh-Hans": {date(2026, 11, 24): "2026年11月24日(星期二)", date(2026, 12, 1): "2026年12月1日(星期二)",
                date(2026, 11, 28): "2026年11月28日(星期六)"},
    "vi": {date(2026, 11, 24): "Thứ Ba, 24/11/2026", date(2026, 12, 1): "Thứ Ba, 01/12/2026",
           date(2026, 11, 28): "Thứ Bảy, 28/11/2026"},
}
RUBY = re.compile(r"<ruby>[^<]+<rt>[^<]+</rt></ruby>")


def set_language(database_url, household_id: int, language: str) -> list[tuple[date, str]]:
    """Give the household a language; return its upcoming published visit dates and times from the plan."""
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        household = session.get(Household, household_id)
        household.language = language
        plan_id = published_plan_id(session, household.programme_id, PlanKind.VISITS)
        occurrences = session.scalars(
            select(VisitOccurrence).join(Visit).join(Student, Visit.student_id == Student.id)
            .where(Visit.plan_id == plan_id, Student.household_id == household_id, VisitOccurrence.on_date >= TODAY)
        ).all()
        planned = [(o.on_date, f"{o.start_minute // 60:02d}:{o.start_minute % 60:02d}–"
                               f"{o.end_minute // 60:02d}:{o.end_minute % 60:02d}") for o in occurrences]
        session.commit()
    engine.dispose()
    return planned


def sections(html: str) -> dict[str, str]:
    """The letter's sections by language."""
    return dict(re.findall(r'<section class="letter-language"[^>]*data-language="([^"]+)">(.*?)</section>', html, re.S))


@pytest.mark.parametrize("language", list(EXPECTED_DATES))
def test_a_letter_shows_every_published_date_and_time_in_the_households_language(client, auth, linked,
                                                                                database_url, language):
    planned = set_language(database_url, linked.families.a, language)
    assert {day for day, _ in planned} == {date(2026, 11, 24), date(2026, 12, 1)}
    auth.login()
    response = client.get(f"/coordinator/letters/household/{linked.families.a}")
    assert response.status_code == 200
    letter = sections(response.get_data(as_text=True))
    assert list(letter) == ([language] if language == "ja" else [language, "ja"])
    own = letter[language]
    for day, times in planned:
        assert re.search(rf"{re.escape(EXPECTED_DATES[language][day])}</td><td class=\"time\">{times}</td>", own)
    assert EXPECTED_DATES[language][A_SESSION_DATE] in own and "14:00–16:00" in own
    assert "2026-11-17" not in own and EXPECTED_DATES["ja"].get(date(2026, 11, 17), "17日") not in own
    japanese = letter["ja"]
    for day, times in planned:
        assert EXPECTED_DATES["ja"][day] in japanese and times in japanese
    assert "<ruby>学習<rt>がくしゅう</rt></ruby>" in japanese
    assert "<ruby>翔太<rt>しょうた</rt></ruby>" in japanese and "<ruby>陽菜<rt>ひな</rt></ruby>" in japanese
    if language == "ja-easy":
        assert len(RUBY.findall(own)) >= 5


def test_households_speaking_a_language_we_lack_get_easy_japanese_and_japanese(client, auth, linked, database_url):
    set_language(database_url, linked.families.a, "ne")
    auth.login()
    letter = sections(client.get(f"/coordinator/letters/household/{linked.families.a}").get_data(as_text=True))
    assert list(letter) == ["ja-easy", "ja"]


def test_a_letter_is_an_a4_print_page_with_page_breaks(client, auth, linked):
    auth.login()
    html = client.get(f"/coordinator/letters/household/{linked.families.a}").get_data(as_text=True)
    assert "letters.css" in html and "〒176-0001" in html and "Nguyen Thi Lan 様" in html
    with client.get("/static/letters.css") as response:
        css = response.get_data(as_text=True)
    assert "@page { size: A4" in css and "break-after: page" in css


def test_the_print_run_holds_exactly_the_households_a_publish_changed(client, auth, linked):
    auth.login()
    html = client.get(f"/coordinator/letters/plan/{linked.families.visits_plan}").get_data(as_text=True)
    households = [int(h) for h in re.findall(r'<article class="letter" data-household="(\d+)"', html)]
    assert households == [linked.families.a, linked.families.c]  # A moved, C new; B kept: no letter
    assert "結衣" not in html


def test_a_plan_with_no_changes_prints_nothing_and_unknown_plans_are_404(client, auth, linked, world):
    auth.login()
    assert 'class="letter"' not in client.get(f"/coordinator/letters/plan/{world.plan_id}").get_data(as_text=True)
    assert client.get("/coordinator/letters/plan/999999").status_code == 404
    assert client.get("/coordinator/letters/household/999999").status_code == 404


def test_printing_a_letter_puts_a_new_family_link_and_code_on_it_that_opens_the_page(client, auth, linked):
    auth.login()
    draft = client.get(f"/coordinator/letters/household/{linked.families.a}").get_data(as_text=True)
    assert 'class="access"' not in draft and "リンクとコードを発行して印刷用に表示する" in draft
    printed = client.post(f"/coordinator/letters/household/{linked.families.a}",
                          data={"csrf_token": csrf_token(draft)}).get_data(as_text=True)
    access = re.findall(r'<p class="access">(.*?)</p>', printed, re.S)
    assert len(access) == 2  # in the household's language and in Japanese
    url = re.search(r"http://127\.0\.0\.1:5000(/h/[\w-]+)", access[0]).group(1)  # under BASE_URL
    code = re.search(r"コード ([A-Z0-9]{4}-[A-Z0-9]{4})", re.sub(r"<rt>.*?</rt>|<[^>]+>", "", access[1])).group(1)
    auth.logout()
    assert client.get(url).status_code == 200  # the printed link opens the family's page
    page = client.get("/h").get_data(as_text=True)
    opened = client.post("/h", data={"code": code, "csrf_token": csrf_token(page)})
    assert opened.status_code == 302 and opened.headers["Location"] == "/h/mine"
    assert client.get(f"/h/{linked.a_token}").status_code == 410  # the link printed before stops working
