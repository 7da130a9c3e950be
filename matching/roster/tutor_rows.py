"""A row of the 講師 sheet as the tutor intake's input."""

from __future__ import annotations

from typing import Optional

from matching.roster import cells
from matching.roster.row_reader import RowReader
from matching.roster.vocabulary import GENDERS, LANGUAGES, TUTOR_KINDS
from matching.services.intake.tutor_intake import ExceptionInput, SubjectInput, TutorInput


def _site_ids(site_ids: dict[str, int]):
    def parse(text: str) -> tuple[int, ...]:
        if any(name not in site_ids for name in cells.items(text)):
            raise cells.CellError("unknown_site")
        return tuple(site_ids[name] for name in cells.items(text))
    return parse


def tutor_input(row: RowReader, site_ids: dict[str, int]) -> Optional[TutorInput]:
    """The tutor a row describes (sites by name), or None when a cell could not be read."""
    before = len(row.problems)
    lat, lon = row.location()
    data = TutorInput(
        family_name=row.text("family_name", 50, required=True),
        given_name=row.text("given_name", 50, required=True),
        family_name_kana=row.kana("family_name_kana", 50, required=True),
        given_name_kana=row.kana("given_name_kana", 50, required=True),
        kind=row.cell("kind", lambda v: cells.choice(v, TUTOR_KINDS), required=True),
        affiliation=row.text("affiliation", 100),
        email=row.text("email", 254),
        phone=row.text("phone", 30),
        gender=row.cell("gender", lambda v: cells.code(v, GENDERS)),
        languages=",".join(row.cell("languages", lambda v: cells.codes(v, LANGUAGES), ["ja"])),
        postal_code=row.text("postal_code", 8),
        address=row.text("address", 300),
        lat=lat, lon=lon,
        max_visits_per_week=row.cell("max_visits_per_week", lambda v: cells.whole_number(v, 0, 14), 2),
        max_sessions_per_month=row.cell("max_sessions_per_month", lambda v: cells.whole_number(v, 0, 31), 4),
        max_travel_minutes=row.cell("max_travel_minutes", lambda v: cells.whole_number(v, 5, 180), 30),
        pledge_signed_on=row.cell("pledge_signed_on", cells.day),
        active_from=row.cell("active_from", cells.day, required=True),
        active_until=row.cell("active_until", cells.day),
        notes=row.text("notes", 2000),
        subjects=tuple(SubjectInput(*item) for item in row.cell("subjects", cells.subject_ranges, [], required=True)),
        availability=row.cell("availability", cells.windows, ()),
        exceptions=tuple(ExceptionInput(*item) for item in row.cell("exceptions", cells.days_off, [])),
        sites=row.cell("sites", _site_ids(site_ids), ()),
    )
    return data if len(row.problems) == before else None
