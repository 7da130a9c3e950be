"""A row of the 会場 sheet as the site intake's input."""

from __future__ import annotations

from typing import Optional

from matching.roster import cells
from matching.roster.row_reader import RowReader
from matching.services.intake.site_intake import SiteInput


def site_input(row: RowReader) -> Optional[SiteInput]:
    """The site a row describes, or None when a cell could not be read (its problems are recorded)."""
    before = len(row.problems)
    lat, lon = row.location()
    if row.values.get("lat", "") == "" and row.values.get("lon", "") == "":
        row.problem("lat", "required")  # sessions are placed by travel from a site: it needs its coordinates
    data = SiteInput(
        name=row.text("name", 100, required=True),
        address=row.text("address", 300, required=True),
        lat=lat, lon=lon,
        capacity=row.cell("capacity", lambda v: cells.whole_number(v, 1, 200), required=True),
        target_sessions=row.cell("target_sessions", lambda v: cells.whole_number(v, 0, 366), 80),
        min_days_between_sessions=row.cell("min_days_between_sessions", lambda v: cells.whole_number(v, 0, 30), 1),
        min_tutors_per_session=row.cell("min_tutors_per_session", lambda v: cells.whole_number(v, 1, 20), 2),
        children_per_tutor=row.cell("children_per_tutor", lambda v: cells.whole_number(v, 1, 20), 4),
        notes=row.text("notes", 2000),
        openings=row.cell("openings", cells.windows, ()),
    )
    return data if len(row.problems) == before else None
