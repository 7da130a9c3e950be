"""Letters for the post: one household's, or one print run for every household a publish affects."""

from __future__ import annotations

from flask import render_template

from matching.services.household_letters import household_letter, print_run
from matching.services.programme import current_programme
from webapp.access import STAFF_ROLES, role_required
from webapp.clock import today
from webapp.coordinator.blueprint import bp
from webapp.database import db
from webapp.family.texts import FamilyTexts


def _render(letters: list, title: str):
    return render_template("coordinator/letters.html", letters=letters, title=title, texts=FamilyTexts)


@bp.route("/letters/household/<int:household_id>")
@role_required(*STAFF_ROLES)
def household_letter_page(household_id: int):
    """One household's A4 letter: its dates in its language and in Japanese with furigana, ready to print."""
    programme = current_programme(db())
    return _render([household_letter(db(), programme.id, household_id, today())], "letter")


@bp.route("/letters/plan/<int:plan_id>")
@role_required(*STAFF_ROLES)
def plan_letters(plan_id: int):
    """The letters of every household a published plan changed, one per A4 page, in one print run."""
    programme = current_programme(db())
    return _render(print_run(db(), programme.id, plan_id, today()), "print_run")
