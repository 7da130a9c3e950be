"""Importing a roster: CP932 and UTF-8 CSV, workbooks, every bad row listed with nothing written, re-import by id."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from matching.models import AuditEntry, Eligibility, Household, Mode, Site, Student, Tutor
from matching.roster.columns import CHILDREN, SITES
from matching.roster.importer import import_roster
from matching.roster.problems import ImportRejected, Problem
from matching.roster.table import UnreadableFile
from tests.factories import make_programme
from tests.roster_files import ELDER, SITE, TUTOR, YOUNGER, csv_file, workbook


@pytest.fixture
def programme_id(session) -> int:
    programme = make_programme(session)
    session.commit()
    return programme.id


def run(session, programme_id, filename, content, kind=None):
    return import_roster(session, programme_id, filename, content, kind, None, sensitive_allowed=True)


def counts(session) -> tuple[int, int, int, int]:
    return tuple(session.scalar(select(func.count()).select_from(model)) for model in (Site, Tutor, Household, Student))


def test_cp932_csv_puts_siblings_with_one_household_key_in_one_household(session, programme_id):
    run(session, programme_id, "sites.csv", csv_file(SITES, [SITE], "cp932"), "sites")
    summary = run(session, programme_id, "子ども.csv", csv_file(CHILDREN, [ELDER, YOUNGER], "cp932"), "children")
    assert summary.created == {"children": 2}
    elder, younger = session.scalars(select(Student).order_by(Student.external_id)).all()
    assert elder.household_id == younger.household_id
    assert (elder.full_name, elder.grade, elder.mode, elder.eligibility) == ("佐藤 花子", 9, Mode.HOME_VISIT,
                                                                             Eligibility.WELFARE)
    assert [n.subject for n in elder.needs] == ["math", "english"]
    assert [(w.weekday, w.start_minute, w.end_minute) for w in elder.availability] == [(1, 1020, 1260)]
    assert (younger.grade, younger.home_site.name, [n.subject for n in younger.needs]) == (5, "みどり区民センター",
                                                                                           ["math"])
    household = elder.household
    assert (household.external_key, household.guardian_name, household.lat, household.consent_share_contact) == (
        "H001", "佐藤 由美", 35.736, True)


def test_utf8_csv_with_or_without_bom_reads_the_same(session, programme_id):
    run(session, programme_id, "a.csv", csv_file(SITES, [SITE], "utf-8-sig"), "sites")
    summary = run(session, programme_id, "b.csv", csv_file(SITES, [SITE], "utf-8"), "sites")
    assert summary.updated == {"sites": 1} and counts(session)[0] == 1


def test_workbook_imports_sites_then_tutors_and_children_that_name_them(session, programme_id):
    summary = run(session, programme_id, "roster.xlsx", workbook([SITE], [TUTOR], [ELDER, YOUNGER]))
    assert summary.created == {"sites": 1, "tutors": 1, "children": 2}
    tutor = session.scalars(select(Tutor)).one()
    assert [(s.subject, s.min_grade, s.max_grade) for s in tutor.subjects] == [("math", 7, 9), ("english", 7, 9)]
    assert [ts.site.name for ts in tutor.sites] == ["みどり区民センター"]
    assert [(e.starts_on.isoformat(), e.ends_on.isoformat(), e.reason) for e in tutor.exceptions] == [
        ("2026-08-10", "2026-08-16", "帰省")]
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "import")).one()
    assert entry.detail == {"created": {"sites": 1, "tutors": 1, "children": 2}, "updated": {}}


def test_every_bad_row_is_listed_at_once_and_nothing_is_written(session, programme_id):
    bad_grade = {**YOUNGER, "子どもID": "C0003", "学年": "中9"}
    no_name = {**YOUNGER, "子どもID": "C0004", "名": ""}
    bad_time = {**YOUNGER, "子どもID": "C0005", "都合のよい時間": "火曜の夕方"}
    content = workbook([SITE], [TUTOR], [ELDER, bad_grade, no_name, bad_time])
    with pytest.raises(ImportRejected) as rejected:
        run(session, programme_id, "roster.xlsx", content)
    assert rejected.value.problems == [Problem("子ども", 3, "学年", "unknown_grade"),
                                       Problem("子ども", 4, "名", "required"),
                                       Problem("子ども", 5, "都合のよい時間", "bad_windows")]
    assert counts(session) == (0, 0, 0, 0)  # the valid site, tutor and child were not written either
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_the_services_own_rules_are_checked_and_named_by_column(session, programme_id):
    room_without_site = {**YOUNGER, "会場": ""}
    unknown_site = {**ELDER, "子どもID": "C0009", "会場": "どこか"}
    late_window = {**ELDER, "子どもID": "C0010", "都合のよい時間": "火 22:00-23:30"}
    with pytest.raises(ImportRejected) as rejected:
        run(session, programme_id, "c.csv", csv_file(CHILDREN, [room_without_site, unknown_site, late_window],
                                                     "cp932"), "children")
    assert rejected.value.problems == [Problem("子ども", 2, "会場", "home_site_required"),
                                       Problem("子ども", 3, "会場", "unknown_site"),
                                       Problem("子ども", 4, "都合のよい時間", "window_out_of_hours")]


def test_duplicate_ids_and_siblings_that_disagree_are_problems(session, programme_id):
    twin = {**ELDER, "名": "花"}  # the same 子どもID again
    other_phone = {**YOUNGER, "電話": "03-9999-9999"}
    with pytest.raises(ImportRejected) as rejected:
        run(session, programme_id, "roster.xlsx", workbook([SITE], [], [ELDER, twin, other_phone]))
    assert Problem("子ども", 3, "子どもID", "duplicate_id") in rejected.value.problems
    assert Problem("子ども", 4, "電話", "household_mismatch") in rejected.value.problems


def test_importing_the_same_file_again_updates_by_external_id(session, programme_id):
    content = workbook([SITE], [TUTOR], [ELDER, YOUNGER])
    run(session, programme_id, "roster.xlsx", content)
    before = counts(session)
    again = run(session, programme_id, "roster.xlsx", content)
    assert again.created == {} and again.updated == {"sites": 1, "tutors": 1, "children": 2}
    assert counts(session) == before == (1, 1, 1, 2)
    renamed = workbook([SITE], [{**TUTOR, "名": "太一"}], [{**ELDER, "学年": "高1"}, YOUNGER])
    run(session, programme_id, "roster.xlsx", renamed)
    assert counts(session) == before
    assert session.scalars(select(Tutor.given_name)).one() == "太一"
    assert session.scalar(select(Student.grade).where(Student.external_id == "C0001")) == 10


def test_missing_required_column_and_unreadable_files_are_refused(session, programme_id):
    without_name = csv_file(SITES, [SITE], "utf-8").decode().replace("会場名", "名称").encode()
    with pytest.raises(ImportRejected) as rejected:
        run(session, programme_id, "sites.csv", without_name, "sites")
    assert rejected.value.problems == [Problem("会場", 1, "会場名", "missing_column")]
    with pytest.raises(UnreadableFile):
        run(session, programme_id, "roster.xlsx", b"not a zip file")
    with pytest.raises(UnreadableFile):
        run(session, programme_id, "sites.csv", b"\x81\x20", "sites")  # neither UTF-8 nor CP932
