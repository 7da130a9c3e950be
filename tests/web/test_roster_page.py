"""The roster page: every problem of a bad file listed with nothing written, a good file imported, template and
exports downloaded within the access policy, each export audited."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from sqlalchemy import func, select

from matching.db import make_engine, make_session_factory
from matching.models import Student
from tests.roster_files import ELDER, SITE, TUTOR, YOUNGER, workbook
from tests.web.conftest import csrf_token
from tests.web.intake_helpers import audit_entries

PAGE = "/coordinator/roster"


def upload(client, content: bytes, filename: str, kind: str = "children"):
    token = csrf_token(client.get(PAGE).get_data(as_text=True))
    return client.post(PAGE, data={"csrf_token": token, "kind": kind, "file": (io.BytesIO(content), filename)},
                       content_type="multipart/form-data")


def children(database_url) -> int:
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        count = session.scalar(select(func.count()).select_from(Student))
    engine.dispose()
    return count


def test_a_file_with_three_bad_rows_lists_all_three_and_writes_nothing(client, auth, database_url):
    auth.login()
    before = children(database_url)
    bad = [{**ELDER, "学年": "中9"}, {**YOUNGER, "名": ""}, {**YOUNGER, "子どもID": "C0003", "支援形態": "塾"}]
    page = upload(client, workbook([SITE], [TUTOR], bad), "roster.xlsx").get_data(as_text=True)
    assert "3 件の問題があるため、何も登録していません" in page
    assert "学年は小1〜高3の形で入力してください" in page and "入力してください" in page
    assert "決められた言葉から選んでください" in page
    assert page.count("<tr><td>子ども</td>") == 3
    assert children(database_url) == before


def test_a_good_workbook_is_imported_and_reported(client, auth, database_url):
    auth.login()
    before = children(database_url)
    response = upload(client, workbook([SITE], [TUTOR], [ELDER, YOUNGER]), "roster.xlsx")
    assert response.status_code == 302
    assert "新規 4 件" in client.get(PAGE).get_data(as_text=True)
    assert children(database_url) == before + 2
    assert [e.entity for e in audit_entries(database_url, "import")] == ["roster"]


def test_a_file_that_is_not_a_spreadsheet_gets_a_message(client, auth):
    auth.login()
    page = upload(client, b"PK not really", "roster.xlsx").get_data(as_text=True)
    assert "ファイルを読めませんでした" in page
    page = upload(client, b"a,b", "roster.txt").get_data(as_text=True)
    assert ".xlsx か .csv のファイルを選んでください" in page


def test_the_template_has_japanese_headers_and_an_example_row(client, auth):
    auth.login()
    book = load_workbook(io.BytesIO(client.get(f"{PAGE}/template").data))
    assert book.sheetnames == ["会場", "講師", "子ども"]
    rows = list(book["子ども"].iter_rows(values_only=True))
    assert rows[0][:3] == ("子どもID", "世帯キー", "姓") and rows[1][0] == "C0001"
    csv_text = client.get(f"{PAGE}/template?kind=tutors").data.decode("utf-8-sig")
    assert csv_text.startswith("講師ID,姓,名")


def _export_headers(client, what: str) -> list[str]:
    book = load_workbook(io.BytesIO(client.get(f"{PAGE}/export?what={what}&format=xlsx").data))
    return list(next(book.active.iter_rows(values_only=True)))


def test_exports_follow_the_access_policy_and_are_audited(client, auth, database_url):
    auth.login("coordinator")
    assert "対象区分" in _export_headers(client, "children")
    auth.logout()
    auth.login("admin")
    assert "対象区分" not in _export_headers(client, "children")  # 要配慮: coordinators only
    assert "講師ID" in _export_headers(client, "tutors")
    plans = load_workbook(io.BytesIO(client.get(f"{PAGE}/export?what=plans&format=xlsx").data))
    assert plans.sheetnames == ["訪問(子ども別)", "訪問(講師別)", "学習室"]
    assert len(list(plans["訪問(子ども別)"].iter_rows())) == 2  # the header and the world's one dated visit
    csv_text = client.get(f"{PAGE}/export?what=sessions&format=csv").data.decode("utf-8-sig")
    assert csv_text.startswith("日付,曜日,開始,終了,会場,講師,子ども,状態")
    exports = audit_entries(database_url, "export")
    assert [e.entity for e in exports] == ["children", "children", "tutors", "plans", "plans"]
    assert exports[0].detail["sensitive"] == ["eligibility"] and exports[1].detail["sensitive"] == []


def test_an_exported_children_sheet_imports_again_without_changes(client, auth, database_url):
    auth.login()
    upload(client, workbook([SITE], [TUTOR], [ELDER, YOUNGER]), "roster.xlsx")
    before = children(database_url)
    exported = client.get(f"{PAGE}/export?what=children&format=csv").data
    # The world's own child has no 子どもID or 世帯キー; keep only the imported rows to import again.
    lines = exported.decode("utf-8-sig").splitlines()
    content = "\r\n".join([lines[0]] + [line for line in lines[1:] if line.startswith("C000")]).encode("cp932")
    assert upload(client, content, "children.csv").status_code == 302
    assert children(database_url) == before
