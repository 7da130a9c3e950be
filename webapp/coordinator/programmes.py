"""The programme and its school years: create it from nothing, edit its office, read a year, start the next."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.services.errors import ValidationFailed
from matching.services.new_school_year import new_year_preview, start_next_year
from matching.services.programme import current_programme
from matching.services.programme_setup import create_programme, programme_for_edit, update_programme
from matching.services.school_years import list_years, year_detail
from webapp.access import STAFF_ROLES, role_required
from webapp.clock import today
from webapp.coordinator.blueprint import bp
from webapp.coordinator.forms.programme_form import programme_form
from webapp.coordinator.saving import submit
from webapp.database import db


@bp.route("/programmes")
@role_required(*STAFF_ROLES)
def programmes():
    """Every school year, the current one first; earlier years open read-only."""
    return render_template("coordinator/programmes.html", years=list_years(db()))


@bp.route("/programmes/new", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def new_programme():
    """Create the programme on a new deployment (later years come from 「新年度へ」)."""
    form = programme_form()
    response = submit(form, lambda: create_programme(db(), form.to_input(), current_user.id),
                      lambda _id: url_for(".home"), _("事業を登録しました。次に会場を登録してください。"))
    return response or render_template("coordinator/programme_form.html", form=form, editing=False)


@bp.route("/programmes/current/edit", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def edit_programme():
    """Edit the current programme's name and office contact."""
    programme = current_programme(db())
    form = programme_form(programme_for_edit(db(), programme.id) if request.method == "GET" else None)
    response = submit(form, lambda: update_programme(db(), programme.id, form.to_input(), current_user.id),
                      lambda _result: url_for(".programmes"), _("変更を保存しました。"))
    return response or render_template("coordinator/programme_form.html", form=form, editing=True)


@bp.route("/programmes/<int:programme_id>")
@role_required(*STAFF_ROLES)
def school_year(programme_id: int):
    """One school year's records to read; a closed year cannot be changed."""
    return render_template("coordinator/school_year.html", year=year_detail(db(), programme_id))


@bp.route("/programmes/next-year", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def next_school_year():
    """Start the next school year: see what moves, choose which 中3 children stay, then confirm."""
    programme = current_programme(db())
    if request.method == "POST":
        keep = {int(value) for value in request.form.getlist("keep") if value.isdigit()}
        try:
            result = start_next_year(db(), programme.id, keep, current_user.id, today())
        except ValidationFailed:
            flash(_("新年度を作成できませんでした。次の年度がすでにあります。"), "error")
            return redirect(url_for(".programmes"))
        flash(_("%(year)s年度を作成しました: 子ども%(children)s人、講師%(tutors)s人、会場%(sites)s か所。"
                "卒業などで%(left)s人が終了しました。", year=programme.school_year + 1, children=result.children,
                tutors=result.tutors, sites=result.sites, left=result.left), "success")
        return redirect(url_for(".home"))
    return render_template("coordinator/next_year.html", preview=new_year_preview(db(), programme.id),
                           programme=programme)
