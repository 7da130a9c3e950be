"""Importing a roster file: every row of every sheet checked first, then all of it written in one transaction.

Sheets go in the order 会場, 講師, 子ども so that tutors and children can name the sites of the same file.
A row whose external id (会場ID, 講師ID, 子どもID) is known updates that row instead of adding one; children
with the same 世帯キー share one household (siblings). Any problem anywhere rolls everything back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Eligibility, Household, Site, Student, Tutor
from matching.roster.child_rows import HOUSEHOLD_KEYS, ChildRow, child_row
from matching.roster.problems import ImportRejected, Problem
from matching.roster.row_reader import RowReader
from matching.roster.site_rows import site_input
from matching.roster.table import RawSheet, read_roster
from matching.roster.tutor_rows import tutor_input
from matching.services.audit import record
from matching.services.errors import ValidationFailed
from matching.services.intake.site_intake import apply_site, check_site
from matching.services.intake.student_intake import NeedInput, apply_student, check_student
from matching.services.intake.tutor_intake import apply_tutor, check_tutor

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportSummary:
    """How many rows of each sheet were added and updated."""

    created: dict[str, int]
    updated: dict[str, int]


class _Run:
    """One import in progress: the problems so far and the counts, within one session transaction."""

    def __init__(self, session: Session, programme_id: int, sensitive_allowed: bool):
        self.session, self.programme_id, self.sensitive_allowed = session, programme_id, sensitive_allowed
        self.problems: list[Problem] = []
        self.created: dict[str, int] = {}
        self.updated: dict[str, int] = {}

    def site_ids(self) -> dict[str, int]:
        """The programme's sites by name, those of this file included once written."""
        query = select(Site.name, Site.id).where(Site.programme_id == self.programme_id)
        return {name: site_id for name, site_id in self.session.execute(query)}

    def domain_check(self, sheet: RawSheet, number: int, check: Callable[[], None]) -> None:
        """Run a service's check; each field it refuses becomes a problem in that field's column."""
        try:
            check()
        except ValidationFailed as failure:
            for key, code in failure.field_errors.items():
                column_key = key.split("-")[0]
                column_key = {"home_site_id": "home_site"}.get(column_key, column_key)
                header = next((c.header for c in sheet.spec.columns if c.key == column_key), "")
                self.problems.append(Problem(sheet.spec.title, number, header, code))

    def unique_ids(self, sheet: RawSheet, key: str) -> None:
        """An external id may appear once per sheet."""
        seen: set[str] = set()
        for number, values in sheet.rows:
            value = values.get(key, "")
            if value and value in seen:
                self.problems.append(Problem(sheet.spec.title, number, sheet.spec.header_of(key), "duplicate_id"))
            seen.add(value)

    def count(self, kind: str, created: bool) -> None:
        """Count a written row."""
        counts = self.created if created else self.updated
        counts[kind] = counts.get(kind, 0) + 1


def _sites(run: _Run, sheet: RawSheet) -> None:
    run.unique_ids(sheet, "external_id")
    existing = {s.external_id: s for s in run.session.scalars(
        select(Site).where(Site.programme_id == run.programme_id, Site.external_id.is_not(None)))}
    names: set[str] = set()
    for number, values in sheet.rows:
        reader = RowReader(sheet.spec, number, values, run.problems)
        data = site_input(reader)
        if data is None:
            continue
        if data.name in names:
            reader.problem("name", "duplicate_site_name")
        names.add(data.name)
        site = existing.get(values["external_id"])
        run.domain_check(sheet, number, lambda: check_site(run.session, run.programme_id, data,
                                                           site.id if site else None))
        if not run.problems:
            if site is None:
                site = Site(programme_id=run.programme_id, external_id=values["external_id"])
                run.session.add(site)
            apply_site(site, data)
            run.count("sites", site.id is None)
            run.session.flush()  # later rows check names against this one; a later problem rolls it back


def _tutors(run: _Run, sheet: RawSheet) -> None:
    run.unique_ids(sheet, "external_id")
    site_ids = run.site_ids()
    existing = {t.external_id: t for t in run.session.scalars(
        select(Tutor).where(Tutor.programme_id == run.programme_id, Tutor.external_id.is_not(None)))}
    emails: set[str] = set()
    for number, values in sheet.rows:
        reader = RowReader(sheet.spec, number, values, run.problems)
        data = tutor_input(reader, site_ids)
        if data is None:
            continue
        if data.email and data.email in emails:
            reader.problem("email", "duplicate_email")
        emails.add(data.email)
        tutor = existing.get(values["external_id"])
        run.domain_check(sheet, number, lambda: check_tutor(run.session, run.programme_id, data,
                                                            tutor.id if tutor else None))
        if not run.problems:
            if tutor is None:
                tutor = Tutor(programme_id=run.programme_id, external_id=values["external_id"])
                run.session.add(tutor)
            run.count("tutors", tutor.id is None)
            apply_tutor(tutor, data)
            run.session.flush()


def _siblings_agree(run: _Run, sheet: RawSheet) -> None:
    """Rows of one household key must not give the household two different values."""
    first: dict[str, dict[str, str]] = {}
    for number, values in sheet.rows:
        key = values.get("household_key", "")
        if not key:
            continue
        seen = first.setdefault(key, values)
        for column in HOUSEHOLD_KEYS:
            if values.get(column, "") != seen.get(column, ""):
                run.problems.append(Problem(sheet.spec.title, number, sheet.spec.header_of(column),
                                            "household_mismatch"))


def _with_kept_details(student: Optional[Student], row: ChildRow) -> ChildRow:
    """On re-import keep what the sheet does not carry: need details and the caseworker notes."""
    if student is None:
        return row
    details = {n.subject: n for n in student.needs}
    needs = tuple(NeedInput(n.subject, details[n.subject].level, details[n.subject].notes,
                            details[n.subject].minutes_per_visit, details[n.subject].visits_per_week)
                  if n.subject in details else n for n in row.data.needs)
    sensitive = row.data.sensitive
    if sensitive is not None:
        sensitive = replace(sensitive, caseworker_notes=student.caseworker_notes)
    return replace(row, data=replace(row.data, needs=needs, sensitive=sensitive))


def _children(run: _Run, sheet: RawSheet) -> None:
    run.unique_ids(sheet, "external_id")
    _siblings_agree(run, sheet)
    site_ids = run.site_ids()
    students = {s.external_id: s for s in run.session.scalars(
        select(Student).join(Household).where(Household.programme_id == run.programme_id,
                                              Student.external_id.is_not(None)))}
    households = {h.external_key: h for h in run.session.scalars(
        select(Household).where(Household.programme_id == run.programme_id, Household.external_key.is_not(None)))}
    for number, values in sheet.rows:
        row = child_row(RowReader(sheet.spec, number, values, run.problems), site_ids, run.sensitive_allowed)
        if row is None:
            continue
        student = students.get(row.external_id)
        row = _with_kept_details(student, row)
        run.domain_check(sheet, number, lambda: check_student(run.session, run.programme_id, row.data))
        if run.problems:
            continue
        household = households.get(row.household_key)
        if household is None:
            household = Household(programme_id=run.programme_id, external_key=row.household_key)
            households[row.household_key] = household
        if student is None:
            student = Student(external_id=row.external_id, eligibility=Eligibility.OTHER, caseworker_notes="")
            run.session.add(student)
        run.count("children", student.id is None)
        student.household = household
        apply_student(run.session, student, row.data)
        run.session.flush()


_SHEETS = {"sites": _sites, "tutors": _tutors, "children": _children}


def import_roster(session: Session, programme_id: int, filename: str, content: bytes, kind: Optional[str],
                  user_id: Optional[int], sensitive_allowed: bool) -> ImportSummary:
    """Check every row, then write the whole file in one transaction; ImportRejected lists every problem."""
    sheets = read_roster(filename, content, kind)
    run = _Run(session, programme_id, sensitive_allowed)
    try:
        with session.no_autoflush:
            for sheet in sheets:
                run.problems.extend(sheet.problems)
                if not sheet.problems:
                    _SHEETS[sheet.spec.kind](run, sheet)
        if run.problems:
            raise ImportRejected(run.problems)
        record(session, user_id, "import", "roster", None, created=run.created, updated=run.updated)
        session.commit()
    except Exception:
        session.rollback()
        raise
    log.info("roster imported: created %s, updated %s", run.created, run.updated)
    return ImportSummary(created=run.created, updated=run.updated)
