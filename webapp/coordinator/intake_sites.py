"""Registering and editing study-room sites with their weekly openings."""

from __future__ import annotations

from flask import render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.services.intake.site_intake import create_site, site_for_edit, update_site
from matching.services.programme import current_programme
from webapp.access import STAFF_ROLES, role_required
from webapp.coordinator.blueprint import bp
from webapp.coordinator.forms.site_form import site_form
from webapp.coordinator.saving import submit
from webapp.database import db


@bp.route("/sites/new", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def new_site():
    """Register a site."""
    programme = current_programme(db())
    form = site_form()
    response = submit(form, lambda: create_site(db(), programme.id, form.to_input(), current_user.id),
                      lambda site_id: url_for(".site", site_id=site_id), _("会場を登録しました。"))
    return response or render_template("coordinator/site_form.html", form=form, site_id=None)


@bp.route("/sites/<int:site_id>/edit", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def edit_site(site_id: int):
    """Edit a site; a save after someone else's is refused with a message and the typed values kept."""
    programme = current_programme(db())
    if request.method == "GET":
        loaded = site_for_edit(db(), programme.id, site_id)
        form = site_form(loaded.data, loaded.version)
    else:
        form = site_form()
    response = submit(form, lambda: update_site(db(), programme.id, site_id, form.to_input(), form.version.data,
                                                current_user.id),
                      lambda _result: url_for(".site", site_id=site_id), _("変更を保存しました。"))
    return response or render_template("coordinator/site_form.html", form=form, site_id=site_id)
