"""The school calendar: national holidays imported in one click, closures, exams and intensive periods by hand."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.services.intake.calendar_intake import (
    add_calendar_entry, calendar_entries, delete_calendar_entry, fill_national_holidays,
)
from matching.services.programme import current_programme
from matching.services.sites import list_sites
from webapp.access import STAFF_ROLES, role_required
from webapp.coordinator.blueprint import bp
from webapp.coordinator.forms.calendar_form import ButtonForm, calendar_entry_form
from webapp.coordinator.saving import submit
from webapp.database import db


@bp.route("/calendar", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def calendar():
    """The programme's calendar with a form to add a period."""
    programme = current_programme(db())
    form = calendar_entry_form([(site.id, site.name) for site in list_sites(db(), programme.id)])
    response = submit(form, lambda: add_calendar_entry(db(), programme.id, form.to_input(), current_user.id),
                      lambda _entry_id: url_for(".calendar"), _("カレンダーに追加しました。"))
    return response or render_template("coordinator/calendar.html", form=form, programme=programme,
                                       entries=calendar_entries(db(), programme.id))


@bp.route("/calendar/holidays", methods=["POST"])
@role_required(*STAFF_ROLES)
def import_holidays():
    """Add the school year's national holidays that are not in the calendar yet."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    added = fill_national_holidays(db(), current_programme(db()).id, current_user.id)
    flash(_("祝日を%(n)s件取り込みました。", n=added), "success")
    return redirect(url_for(".calendar"))


@bp.route("/calendar/<int:entry_id>/delete", methods=["POST"])
@role_required(*STAFF_ROLES)
def delete_entry(entry_id: int):
    """Remove one period from the calendar."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    delete_calendar_entry(db(), current_programme(db()).id, entry_id, current_user.id)
    flash(_("カレンダーから削除しました。"), "success")
    return redirect(url_for(".calendar"))
