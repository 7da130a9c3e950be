"""Letters for the post: one household's, or one print run for every household a publish affects.

Opening a letter shows it; printing it (a POST) first issues each household a new family link and short code
and prints them on the letter, since a link's secret exists only when it is issued. Earlier links stop working.
"""

from __future__ import annotations

from flask import render_template, request
from flask_login import current_user

from matching.services.household_letters import Letter, household_letter, print_run
from matching.services.household_links import issue_link
from matching.services.programme import current_programme
from webapp.access import STAFF_ROLES, role_required
from webapp.clock import current_instant, today
from webapp.coordinator.blueprint import bp
from webapp.database import db
from webapp.family.texts import FamilyTexts
from webapp.public_urls import family_access


def _access(letters: list[Letter]) -> dict[int, dict[str, str]]:
    """A new link and short code for each letter's household: household id -> url, code, entry url."""
    programme_id = current_programme(db()).id
    access = {}
    for letter in letters:
        issued = issue_link(db(), programme_id, letter.schedule.household_id, current_user.id, current_instant())
        access[letter.schedule.household_id] = family_access(issued)
    return access


def _render(letters: list[Letter], title: str, printing: bool):
    return render_template("coordinator/letters.html", letters=letters, title=title, texts=FamilyTexts,
                           access=_access(letters) if printing else None)


@bp.route("/letters/household/<int:household_id>", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def household_letter_page(household_id: int):
    """One household's A4 letter in its language and in Japanese with furigana; POST prints it with a new link."""
    programme = current_programme(db())
    letters = [household_letter(db(), programme.id, household_id, today())]
    return _render(letters, "letter", printing=request.method == "POST")


@bp.route("/letters/plan/<int:plan_id>", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def plan_letters(plan_id: int):
    """The letters of every household a published plan changed, one per A4 page; POST prints them with links."""
    programme = current_programme(db())
    return _render(print_run(db(), programme.id, plan_id, today()), "print_run", printing=request.method == "POST")
