"""A row of the 子ども sheet as the child intake's input, with the household key that groups siblings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from matching.roster import cells
from matching.roster.row_reader import RowReader
from matching.roster.vocabulary import CHANNELS, ELIGIBILITIES, GENDERS, LANGUAGES, MODES, REFERRALS
from matching.services.intake.student_intake import HouseholdInput, NeedInput, SensitiveInput, StudentInput

# The household's columns: siblings' rows must not contradict each other in these.
HOUSEHOLD_KEYS = ("guardian_name", "guardian_name_kana", "phone", "email", "postal_code", "address", "lat", "lon",
                  "language", "preferred_channel", "consent_share_contact_on", "consent_data_use_on")


@dataclass(frozen=True)
class ChildRow:
    """A child read from the sheet: the roster ids and the intake input."""

    external_id: str
    household_key: str
    data: StudentInput


def _household(row: RowReader) -> HouseholdInput:
    lat, lon = row.location()
    share_on = row.cell("consent_share_contact_on", cells.day)
    use_on = row.cell("consent_data_use_on", cells.day)
    return HouseholdInput(
        guardian_name=row.text("guardian_name", 100, required=True),
        guardian_name_kana=row.kana("guardian_name_kana", 100),
        phone=row.text("phone", 30),
        email=row.text("email", 254),
        postal_code=row.text("postal_code", 8),
        address=row.text("address", 300),
        lat=lat, lon=lon,
        language=row.cell("language", lambda v: cells.code(v, LANGUAGES), "ja"),
        preferred_channel=row.cell("preferred_channel", lambda v: cells.choice(v, CHANNELS), CHANNELS["手紙"]),
        consent_share_contact=share_on is not None, consent_share_contact_on=share_on,
        consent_data_use=use_on is not None, consent_data_use_on=use_on,
    )


def child_row(row: RowReader, site_ids: dict[str, int], sensitive_allowed: bool) -> Optional[ChildRow]:
    """The child a row describes (home site by name), or None when a cell could not be read."""
    before = len(row.problems)
    external_id = row.text("external_id", 64, required=True)
    household_key = row.text("household_key", 64, required=True)
    site_name = row.values.get("home_site", "")
    if site_name and site_name not in site_ids:
        row.problem("home_site", "unknown_site")
    eligibility = row.cell("eligibility", lambda v: cells.choice(v, ELIGIBILITIES))
    data = StudentInput(
        family_name=row.text("family_name", 50, required=True),
        given_name=row.text("given_name", 50, required=True),
        family_name_kana=row.kana("family_name_kana", 50, required=True),
        given_name_kana=row.kana("given_name_kana", 50, required=True),
        grade=row.cell("grade", cells.grade, required=True),
        school=row.text("school", 100),
        gender=row.cell("gender", lambda v: cells.code(v, GENDERS)),
        mode=row.cell("mode", lambda v: cells.choice(v, MODES), required=True),
        home_site_id=site_ids.get(site_name) if site_name else None,
        priority=row.cell("priority", lambda v: cells.whole_number(v, 1, 9), 1),
        required_tutor_gender=row.cell("required_tutor_gender", lambda v: cells.code(v, GENDERS)),
        referral_source=row.cell("referral_source", lambda v: cells.choice(v, REFERRALS), required=True),
        waiting_since=row.cell("waiting_since", cells.day),
        household=_household(row),
        needs=tuple(NeedInput(subject) for subject in row.cell("needs", cells.subjects, [])),
        availability=row.cell("availability", cells.windows, ()),
        # Only a viewer allowed to see the category may set it; for others it stays as it is.
        sensitive=SensitiveInput(eligibility, "") if eligibility is not None and sensitive_allowed else None,
    )
    if len(row.problems) > before:
        return None
    return ChildRow(external_id, household_key, data)
