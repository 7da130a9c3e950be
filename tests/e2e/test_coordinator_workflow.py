"""In real Chromium, a coordinator's whole home-visit round: register a child and a tutor, match, pin, reassign,
re-solve, see the difference, publish; the published visit's dates skip a national holiday."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from matching.db import make_engine, make_session_factory, upgrade
from matching.models import (
    CalendarKind, ChangeKind, Plan, PlanChange, PlanKind, PlanStatus, Role, Student, Tutor, TutorAvailability,
    TutorSubject, Visit, VisitOccurrence, VisitPin,
)
from tests.e2e.conftest import TODAY, e2e_app, serve
from tests.factories import make_account, make_calendar_entry, make_household, make_programme, make_student, make_tutor
from tests.plan_factories import add_visit, make_plan

pytestmark = pytest.mark.e2e

PASSWORD = "coordinator-e2e-password"
HOLIDAY = date(2027, 1, 11)  # 成人の日, a Monday: the weekday of the new child's visits
LABOUR_DAY = date(2026, 11, 23)  # 勤労感謝の日, the first Monday after TODAY
SOLVE_WAIT_MS = 60_000


@dataclass(frozen=True)
class Office:
    """The served app and its database, with the ids of the rows built before the browser starts."""

    base_url: str
    database_url: str
    programme_id: int
    hanako: int  # 中3, math, Tuesday evenings; visited by 太郎 in the published plan
    kenta: int  # 中1, math, Thursday evenings; visited by 太郎 in the published plan
    taro: int
    jiro: int  # teaches math on Tuesday evenings too, lives a little farther away, has no visit yet
    solve_gate: threading.Semaphore  # each release lets one queued solve start


def gate_solves(app) -> threading.Semaphore:
    """Hold each solve job until the test releases it, so the browser sees the job page while the job is queued."""
    runner, gate = app.extensions["job_runner"], threading.Semaphore(0)
    run = runner._run

    def gated(job_id, cancel):
        gate.acquire(timeout=SOLVE_WAIT_MS / 1000)
        return run(job_id, cancel)

    runner._run = gated
    return gate


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> Iterator[Office]:
    """A fresh database with a published plan of two children and two tutors, and a server with a short solve."""
    url = f"sqlite:///{tmp_path_factory.mktemp('coordinator') / 'office.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        programme = make_programme(session)
        make_account(session, "coordinator", PASSWORD, Role.COORDINATOR)
        make_calendar_entry(session, programme, CalendarKind.HOLIDAY, LABOUR_DAY, name="勤労感謝の日")
        make_calendar_entry(session, programme, CalendarKind.HOLIDAY, HOLIDAY, name="成人の日")
        hanako = make_student(session, make_household(session, programme), family_name="試験", given_name="花子",
                              family_name_kana="しけん", given_name_kana="はなこ")
        kenta = make_student(session, make_household(session, programme), family_name="佐藤", given_name="健太",
                             family_name_kana="さとう", given_name_kana="けんた", grade=7)
        kenta.availability[0].weekday = 3
        taro = make_tutor(session, programme, given_name="太郎", given_name_kana="たろう",
                          availability=[TutorAvailability(weekday=day, start_minute=17 * 60, end_minute=21 * 60)
                                        for day in (1, 3)])
        jiro = make_tutor(session, programme, given_name="次郎", given_name_kana="じろう", lat=35.745, lon=139.66,
                          subjects=[TutorSubject(subject="math", min_grade=7, max_grade=9)])
        published = make_plan(session, programme, PlanKind.VISITS)
        add_visit(session, published, hanako, taro, [date(2026, 11, 17)])
        add_visit(session, published, kenta, taro, [date(2026, 11, 19)])
        session.commit()
        ids = dict(programme_id=programme.id, hanako=hanako.id, kenta=kenta.id, taro=taro.id, jiro=jiro.id)
    engine.dispose()
    app = e2e_app(url, SOLVER_TIME_LIMIT_S=3)
    gate = gate_solves(app)
    with serve(app) as base_url:
        yield Office(base_url, url, solve_gate=gate, **ids)
        gate.release(10)  # a solve a failed test left queued need not wait out its timeout


def query(database_url: str, statement) -> list:
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        found = list(session.scalars(statement))
        session.expunge_all()
    engine.dispose()
    return found


def registered(database_url: str, student_id: int, tutor_id: int) -> tuple:
    """What the two forms saved: the child's needs, window and household; the tutor's subjects, window and languages."""
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        child, tutor = session.get(Student, student_id), session.get(Tutor, tutor_id)
        saved = (
            [(n.subject, n.minutes_per_visit, n.visits_per_week) for n in child.needs],
            [(a.weekday, a.start_minute, a.end_minute) for a in child.availability],
            (child.grade, child.household.language, child.household.consent_share_contact),
            [(s.subject, s.min_grade, s.max_grade) for s in tutor.subjects],
            [(a.weekday, a.start_minute, a.end_minute) for a in tutor.availability],
            (tutor.language_list, tutor.max_visits_per_week, tutor.active_from, tutor.active_until),
        )
    engine.dispose()
    return saved


def log_in(page, base_url: str) -> None:
    page.goto(f"{base_url}/login")
    page.get_by_label("ログインID", exact=True).fill("coordinator")
    page.get_by_label("パスワード", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="ログイン").click()
    page.wait_for_url(f"{base_url}/coordinator/")


def click_cells(page, weekday: str, times: list[str]) -> None:
    """Click the week grid's 30-minute cells one by one, as a coordinator would."""
    for time in times:
        cell = page.get_by_label(f"{weekday} {time}", exact=True)
        cell.click()
        expect(cell).to_be_checked()


def register_child(page, base_url: str) -> int:
    page.goto(f"{base_url}/coordinator/students/new")
    page.get_by_label("姓", exact=True).fill("グエン")
    page.get_by_label("名", exact=True).fill("アン")
    page.get_by_label("せい(ふりがな)", exact=True).fill("ぐえん")
    page.get_by_label("めい(ふりがな)", exact=True).fill("あん")
    page.get_by_label("学年", exact=True).select_option(label="中2")
    page.get_by_label("学校", exact=True).fill("みどり中学校")
    page.get_by_label("支援の形", exact=True).select_option(label="個別訪問")
    page.get_by_label("保護者の氏名", exact=True).fill("グエン ティ ラン")
    page.get_by_label("保護者のふりがな", exact=True).fill("ぐえん てぃ らん")
    page.get_by_label("電話", exact=True).fill("03-5550-1234")
    page.get_by_label("住所", exact=True).fill("テスト区3-1")
    page.get_by_label("緯度", exact=True).fill("35.737")
    page.get_by_label("経度", exact=True).fill("139.652")
    page.get_by_label("家庭の言語", exact=True).select_option(label="ベトナム語")
    page.get_by_label("講師に住所と電話を伝えることに同意", exact=True).check()
    page.get_by_label("連絡先共有の同意日", exact=True).fill("2026-11-20")
    page.get_by_label("個人情報の利用に同意", exact=True).check()
    page.get_by_label("個人情報利用の同意日", exact=True).fill("2026-11-20")
    page.get_by_label("教科", exact=True).first.select_option(label="英語")
    page.get_by_label("レベル", exact=True).first.fill("中1の復習から")
    click_cells(page, "月", ["18:00", "18:30", "19:00", "19:30"])
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("子どもを登録しました。")).to_be_visible()
    return int(re.search(r"/students/(\d+)$", page.url).group(1))


def register_tutor(page, base_url: str) -> int:
    page.goto(f"{base_url}/coordinator/tutors/new")
    page.get_by_label("姓", exact=True).fill("山本")
    page.get_by_label("名", exact=True).fill("さくら")
    page.get_by_label("せい(ふりがな)", exact=True).fill("やまもと")
    page.get_by_label("めい(ふりがな)", exact=True).fill("さくら")
    page.get_by_label("所属", exact=True).fill("みどり大学")
    page.get_by_label("メール", exact=True).fill("sakura@example.jp")
    page.get_by_label("ベトナム語", exact=True).check()
    page.get_by_label("住所", exact=True).fill("テスト区3-5")
    page.get_by_label("緯度", exact=True).fill("35.738")
    page.get_by_label("経度", exact=True).fill("139.653")
    page.get_by_label("訪問の上限(週)", exact=True).fill("1")
    page.get_by_label("移動時間の上限(分)", exact=True).fill("30")
    page.get_by_label("誓約書の提出日", exact=True).fill("2026-11-01")
    page.get_by_label("活動開始日", exact=True).fill("2026-11-01")
    page.get_by_label("活動終了日", exact=True).fill("2027-03-31")
    page.get_by_label("教科", exact=True).first.select_option(label="英語")
    page.get_by_label("学年(から)", exact=True).first.select_option(label="中1")
    page.get_by_label("学年(まで)", exact=True).first.select_option(label="中3")
    click_cells(page, "月", ["17:30", "18:00", "18:30", "19:00", "19:30", "20:00"])
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("講師を登録しました。")).to_be_visible()
    return int(re.search(r"/tutors/(\d+)$", page.url).group(1))


def run_matching(page, office: Office) -> None:
    """Press 「マッチング実行」, watch the live progress until the job ends and open the result."""
    page.goto(f"{office.base_url}/coordinator/plans/visits")
    page.get_by_role("button", name="マッチング実行").click()
    page.wait_for_url(re.compile(r"/coordinator/jobs/\d+$"))
    job_url = page.url
    expect(page.locator("#job-status")).to_have_attribute("data-status", "queued")
    expect(page.get_by_role("button", name="中止")).to_be_visible()
    result = page.get_by_role("link", name="結果を見る")
    expect(result).to_be_hidden()
    office.solve_gate.release()  # the solve starts; the page polls and reloads itself when it ends
    expect(result).to_be_visible(timeout=SOLVE_WAIT_MS)
    assert page.url == job_url
    expect(page.locator("#job-status")).to_have_attribute("data-status", "succeeded")
    expect(page.locator('#job-progress [data-key="visits"]')).to_have_text(re.compile(r"^週 \d+ 回 / 希望 \d+ 回$"))
    expect(page.locator('#job-progress [data-key="elapsed"]')).to_have_text(re.compile(r"^\d+\.\d 秒$"))
    expect(page.get_by_role("button", name="中止")).to_have_count(0)
    result.click()
    page.wait_for_url(re.compile(r"/coordinator/visits/plans/\d+$"))


def match_row(page, child: str):
    return page.locator("#matches tbody tr").filter(has_text=child)


def test_coordinator_registers_matches_adjusts_resolves_and_publishes(page, office):
    base = office.base_url
    log_in(page, base)
    an = register_child(page, base)
    sakura = register_tutor(page, base)
    assert registered(office.database_url, an, sakura) == (
        [("english", 120, 1)], [(0, 18 * 60, 20 * 60)], (8, "vi", True),
        [("english", 7, 9)], [(0, 17 * 60 + 30, 20 * 60 + 30)], (["vi"], 1, date(2026, 11, 1), date(2027, 3, 31)))

    # The first solve: a draft, compared with the published plan.
    run_matching(page, office)
    expect(page.locator("h1")).to_contain_text("作成中")
    new_match = match_row(page, "グエン アン")
    expect(new_match).to_have_count(1)
    expect(new_match).to_contain_text("山本 さくら")
    expect(new_match).to_contain_text("月 18:00–20:00")
    reasons = new_match.locator(".reasons")
    expect(reasons).to_contain_text("英語を中1〜中3に指導")
    expect(reasons).to_contain_text("双方の空き時間内")
    draft_visit = query(office.database_url, select(Visit).join(Plan).where(
        Plan.status == PlanStatus.DRAFT, Visit.student_id == an))[0]
    expect(reasons).to_contain_text(f"移動{draft_visit.travel_minutes}分(上限30分)")
    expect(reasons).to_contain_text("家庭の言語(ベトナム語)を話せます")
    expect(page.locator('[data-figure="needs"]')).to_have_text("3 / 3件")
    expect(page.locator('#diff [data-change="new"]')).to_have_text("1")
    expect(page.locator('#diff [data-change="kept"]')).to_have_text("2")
    draft_url = page.url

    # Pin the new match.
    new_match.get_by_role("button", name="固定する").click()
    expect(page.get_by_text("訪問を固定しました。")).to_be_visible()
    expect(match_row(page, "グエン アン").get_by_role("button", name="固定を外す")).to_be_visible()
    assert [pin.tutor_id for pin in query(office.database_url, select(VisitPin))] == [sakura]

    # Reassign 花子's math from 太郎 to 次郎, picked from the ranked options.
    hanako = match_row(page, "試験 花子")
    expect(hanako).to_contain_text("講師 太郎")
    hanako.get_by_role("link", name="変更").click()
    expect(page.get_by_role("heading", name=re.compile("割り当ての変更"))).to_contain_text("数学 (中3)")
    option = page.locator("#options tbody tr").filter(has_text="講師 次郎").filter(has_text="火 18:00–20:00")
    expect(option).to_have_count(1)
    expect(option).to_contain_text("なし")  # breaks no rule
    option.get_by_role("radio").check()
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("割り当てを変更しました。")).to_be_visible()
    assert page.url == draft_url
    expect(match_row(page, "試験 花子")).to_contain_text("講師 次郎")

    # Re-solve: a proposal shown against the draft; the pin and the hand-made change hold.
    run_matching(page, office)
    expect(page.locator("h1")).to_contain_text("採用待ち")
    expect(page.locator('#diff h2')).to_contain_text("作成中")
    for kind, count in {"kept": "3", "moved": "0", "new": "0", "dropped": "0"}.items():
        expect(page.locator(f'#diff [data-change="{kind}"]')).to_have_text(count)
    expect(page.locator("#diff tbody")).to_have_text("変更はありません。")
    expect(match_row(page, "グエン アン")).to_contain_text("山本 さくら")
    expect(match_row(page, "試験 花子")).to_contain_text("講師 次郎")
    page.get_by_role("button", name="この案を採用する").click()
    expect(page.get_by_text("新しい案を作成中の案として採用しました。")).to_be_visible()

    # The accepted draft against the published plan: アン new, 花子 moved to 次郎, 健太 kept.
    for kind, count in {"kept": "1", "moved": "1", "new": "1", "dropped": "0"}.items():
        expect(page.locator(f'#diff [data-change="{kind}"]')).to_have_text(count)
    changes = page.locator("#diff tbody tr")
    expect(changes.filter(has_text="試験 花子")).to_contain_text("講師 太郎 火 18:00–20:00")
    expect(changes.filter(has_text="試験 花子")).to_contain_text("講師 次郎 火 18:00–20:00")
    expect(changes.filter(has_text="グエン アン")).to_contain_text("山本 さくら 月 18:00–20:00")

    page.get_by_role("link", name="公開する…").click()
    # Nothing goes out before the coordinator has read who will be told (アン's and 花子's families and tutors).
    expect(page.locator("#publish-preview")).to_contain_text("第2版として公開します")
    expect(page.locator("#publish-preview")).to_contain_text("お知らせを送ります")
    assert query(office.database_url, select(Plan).where(Plan.status == PlanStatus.PUBLISHED))[0].version == 1
    page.get_by_role("button", name="公開してお知らせを送る").click()
    expect(page.get_by_text("第2版として公開しました。")).to_be_visible()
    expect(page.locator("h1")).to_contain_text("公開中")

    # The published visit of アン: every Monday from today to the year's end but the two holidays.
    plan = query(office.database_url, select(Plan).where(Plan.status == PlanStatus.PUBLISHED))
    assert [p.version for p in plan] == [2]
    visit = query(office.database_url, select(Visit).where(Visit.plan_id == plan[0].id, Visit.student_id == an))[0]
    assert (visit.tutor_id, visit.subject, visit.weekday, visit.start_minute) == (sakura, "english", 0, 18 * 60)
    dates = [o.on_date for o in query(office.database_url, select(VisitOccurrence)
                                      .where(VisitOccurrence.visit_id == visit.id).order_by(VisitOccurrence.on_date))]
    today = date.fromisoformat(TODAY)
    mondays = [today + timedelta(days=d) for d in range((date(2027, 3, 31) - today).days + 1)
               if (today + timedelta(days=d)).weekday() == 0]
    assert HOLIDAY not in dates and LABOUR_DAY not in dates
    assert dates == [d for d in mondays if d not in (LABOUR_DAY, HOLIDAY)]
    assert {HOLIDAY - timedelta(days=7), HOLIDAY + timedelta(days=7)} <= set(dates)
    moved = query(office.database_url, select(Visit).where(Visit.plan_id == plan[0].id,
                                                           Visit.student_id == office.hanako))[0]
    assert moved.tutor_id == office.jiro
    changes = query(office.database_url, select(PlanChange).where(PlanChange.plan_id == plan[0].id))
    assert {(c.kind, c.student_id, c.tutor_id) for c in changes if c.student_id} == {
        (ChangeKind.NEW, an, sakura), (ChangeKind.MOVED, office.hanako, office.jiro),
        (ChangeKind.KEPT, office.kenta, office.taro)}

    # The household's letter, printed from the coordinator's pages, lists the same Mondays without 成人の日.
    household_id = query(office.database_url, select(Student).where(Student.id == an))[0].household_id
    page.goto(f"{base}/coordinator/letters/household/{household_id}")
    shown = page.locator('section[data-language="ja"] table.dates td.day').all_inner_texts()
    assert shown == [f"{d.year}年{d.month}月{d.day}日(月)" for d in dates]
    assert "2027年1月4日(月)" in shown and "2027年1月18日(月)" in shown and "2027年1月11日(月)" not in shown
