"""In real Chromium, a deployment's first start from an empty database: ``create-admin`` on the command line;
the administrator invites a coordinator by e-mail; the coordinator sets a password, creates the programme,
imports the roster (after seeing every error of a bad file, with nothing written), invites the roster's tutor;
the tutor sets a password from the invitation on a phone; the coordinator solves and publishes the home
visits; the tutor sees the dates."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import e2e_app, serve
from tests.roster_files import ELDER, SITE, TUTOR, YOUNGER, workbook
from tests.smtp_server import LoopbackSmtp, running_smtp

pytestmark = pytest.mark.e2e

ADMIN_PASSWORD = "first admin password"
COORDINATOR_PASSWORD = "coordinator chose this"
TUTOR_PASSWORD = "tutor chose this one"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def smtp() -> Iterator[LoopbackSmtp]:
    """A real SMTP server on loopback: the invitations arrive here."""
    with running_smtp() as server:
        yield server


@pytest.fixture
def empty_site(tmp_path, smtp) -> Iterator[str]:
    """An empty database given its first administrator by the command line, then served; yields the base URL."""
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "first-start-secret-of-at-least-32-characters", "ADMIN_PASSWORD": ADMIN_PASSWORD}
    done = subprocess.run([sys.executable, "-m", "flask", "--app", "webapp", "create-admin", "--login", "admin",
                           "--name", "事業担当"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert ADMIN_PASSWORD not in done.stdout + done.stderr
    with serve(e2e_app(url, SMTP_HOST="127.0.0.1", SMTP_PORT=smtp.port, SOLVER_TIME_LIMIT_S=3)) as base_url:
        yield base_url


def log_in(page, base_url: str, login: str, password: str) -> None:
    page.goto(f"{base_url}/login")
    page.get_by_label("ログインID", exact=True).fill(login)
    page.get_by_label("パスワード", exact=True).fill(password)
    page.get_by_role("button", name="ログイン").click()


def invite(page, base_url: str, role: str, login: str, name: str, email: str, tutor: str = "") -> None:
    page.goto(f"{base_url}/coordinator/accounts")
    page.get_by_role("link", name="アカウントを招待").click()
    page.get_by_label("役割", exact=True).select_option(label=role)
    if tutor:
        page.get_by_label("講師", exact=True).select_option(label=tutor)
    page.get_by_label("ログインID", exact=True).fill(login)
    page.get_by_label("表示名", exact=True).fill(name)
    page.get_by_label("メールアドレス", exact=True).fill(email)
    page.get_by_label("メールでリンクを送る").check()
    page.get_by_role("button", name="招待する").click()
    expect(page.get_by_text("リンクをメールで送りました。")).to_be_visible()


def mailed_link(smtp: LoopbackSmtp, to: str) -> str:
    message = next(m for m in reversed(smtp.inbox) if m["To"] == to)
    return re.search(r"http://\S+/account/setup/\S+", message.get_content()).group(0)


def set_password(page, link: str, password: str) -> None:
    page.goto(link)
    page.get_by_label("新しいパスワード", exact=True).fill(password)
    page.get_by_label("新しいパスワード(確認)", exact=True).fill(password)
    page.get_by_role("button", name="パスワードを設定する").click()
    expect(page.get_by_text("パスワードを設定しました。")).to_be_visible()


def create_programme(page) -> None:
    page.get_by_role("link", name="事業を登録する").click()
    page.get_by_label("自治体", exact=True).fill("あおば区")
    page.get_by_label("事業名", exact=True).fill("あおば区 学習支援事業")
    page.get_by_label("年度(4月始まりの西暦年)", exact=True).fill("2026")
    page.get_by_label("事務局の名前", exact=True).fill("あおば区 学習支援事務局")
    page.get_by_label("事務局の電話番号", exact=True).fill("03-5555-0100")
    page.get_by_label("受付時間", exact=True).fill("平日 9:00〜17:00")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("事業を登録しました。")).to_be_visible()
    expect(page.get_by_role("heading", name="あおば区 学習支援事業")).to_be_visible()


def import_roster(page, base_url: str, folder) -> None:
    """The roster workbook: first a file with three bad rows (every problem listed, nothing written), then the
    good one with a site, a tutor and a pair of siblings."""
    bad, good = folder / "bad.xlsx", folder / "roster.xlsx"
    bad.write_bytes(workbook([SITE], [TUTOR], [{**ELDER, "学年": "中9"}, {**YOUNGER, "名": ""},
                                                {**YOUNGER, "子どもID": "C0003", "都合のよい時間": "夕方"}]))
    good.write_bytes(workbook([SITE], [TUTOR], [ELDER, YOUNGER]))
    page.goto(f"{base_url}/coordinator/")
    page.get_by_role("link", name="名簿").click()
    page.set_input_files("input[type=file]", str(bad))
    page.get_by_role("button", name="取り込む").click()
    expect(page.locator("#import-problems tbody tr")).to_have_count(3)
    expect(page.locator(".problems")).to_contain_text("何も登録していません")
    page.set_input_files("input[type=file]", str(good))
    page.get_by_role("button", name="取り込む").click()
    expect(page.locator(".flash.success")).to_contain_text("新規 4 件")


def solve_and_publish_visits(page, base_url: str) -> None:
    """マッチング実行, wait for the result, then publish it after reading who will be told."""
    page.goto(f"{base_url}/coordinator/plans/visits")
    page.get_by_role("button", name="マッチング実行").click()
    result = page.get_by_role("link", name="結果を見る")
    expect(result).to_be_visible(timeout=120_000)
    result.click()
    page.wait_for_url(re.compile(r"/coordinator/visits/plans/\d+$"))
    expect(page.locator("#matches tbody tr").filter(has_text="佐藤 花子").first).to_contain_text("山田 太郎")
    page.get_by_role("link", name="公開する…").click()
    expect(page.locator("#publish-preview")).to_contain_text("第1版として公開します")
    page.get_by_role("button", name=re.compile("^公開")).click()
    expect(page.get_by_text("第1版として公開しました。")).to_be_visible()


def test_a_new_deployment_gets_its_accounts_and_programme_through_the_site(browser, empty_site, smtp, tmp_path):
    office = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
    page = office.new_page()
    page.set_default_timeout(15_000)
    log_in(page, empty_site, "admin", ADMIN_PASSWORD)
    expect(page.get_by_text("事業が未登録です").first).to_be_visible()
    invite(page, empty_site, "コーディネーター", "sato", "佐藤 花", "sato@example.jp")
    office.close()

    desk = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
    page = desk.new_page()
    page.set_default_timeout(15_000)
    set_password(page, mailed_link(smtp, "sato@example.jp"), COORDINATOR_PASSWORD)
    log_in(page, empty_site, "sato", COORDINATOR_PASSWORD)
    create_programme(page)
    import_roster(page, empty_site, tmp_path)
    invite(page, empty_site, "講師", "yamada", "山田 太郎", "yamada@example.jp", tutor="山田 太郎")

    phone = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo", viewport=PHONE, is_mobile=True,
                                has_touch=True)
    tutor_page = phone.new_page()
    tutor_page.set_default_timeout(15_000)
    link = mailed_link(smtp, "yamada@example.jp")
    set_password(tutor_page, link, TUTOR_PASSWORD)
    log_in(tutor_page, empty_site, "yamada", TUTOR_PASSWORD)
    tutor_page.wait_for_url(f"{empty_site}/tutor/")
    expect(tutor_page.get_by_text("これからの予定")).to_be_visible()
    assert tutor_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
    tutor_page.goto(link)
    expect(tutor_page.get_by_text("このリンクは使えません").first).to_be_visible()  # the invitation worked once

    page.goto(f"{empty_site}/coordinator/accounts")
    row = page.get_by_role("row").filter(has_text="yamada")
    expect(row).to_contain_text("講師")
    expect(row).to_contain_text("山田 太郎")
    expect(row).to_contain_text("有効")

    solve_and_publish_visits(page, empty_site)
    desk.close()
    # The tutor's phone now shows the published Tuesday visits to 花子, from the next Tuesday on.
    tutor_page.goto(f"{empty_site}/tutor/")
    expect(tutor_page.get_by_text("花子").first).to_be_visible()
    expect(tutor_page.get_by_text("11月24日").first).to_be_visible()
    phone.close()
