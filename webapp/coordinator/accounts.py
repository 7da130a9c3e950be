"""Accounts: the list, inviting a new account, a reset link, deactivating and reactivating."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import current_user

from matching.services.account_admin import (
    Delivery, LinkOutcome, invite_account, reset_account, roles_to_invite, set_account_active,
)
from matching.services.account_links import EMAIL, PRINTED
from matching.services.account_list import list_accounts, tutors_without_account
from matching.services.errors import ValidationFailed
from matching.services.programme import current_programme_id
from matching.services.tutors import tutor_detail
from webapp.access import STAFF_ROLES, current_viewer, role_required
from webapp.clock import current_instant
from webapp.coordinator.blueprint import bp
from webapp.coordinator.forms.account_form import InviteForm, ResetForm
from webapp.database import db
from webapp.formatting import local_datetime
from webapp.requests import int_arg


def _delivery() -> Delivery:
    return Delivery(sender=current_app.extensions["mail_sender"],
                    link_for=lambda secret: url_for("auth.setup_account", token=secret, _external=True),
                    expiry_text=local_datetime,
                    valid_for=timedelta(hours=float(current_app.config["ACCOUNT_LINK_HOURS"])))


def _fill_from_tutor(form: InviteForm, tutor: dict) -> None:
    """Start an invitation from a tutor's page with their name and e-mail (a printed code when they have none)."""
    form.role.data, form.tutor_id.data = "tutor", tutor["id"]
    form.display_name.data = f"{tutor['family_name']} {tutor['given_name']}"
    form.email.data = tutor.get("email", "")
    form.delivery.data = EMAIL if form.email.data else PRINTED


def _told(outcome: LinkOutcome):
    """The printed sheet for a code, or back to the list with whether the e-mail went."""
    if outcome.printed_code:
        return render_template("coordinator/account_code.html", outcome=outcome,
                               entry_url=url_for("auth.setup_with_code", _external=True))
    if outcome.mailed:
        flash(_("招待・再設定のリンクをメールで送りました。"), "success")
    else:
        flash(_("メールを送れませんでした。メールの設定を確認するか、コードを印刷して渡してください。"), "error")
    return redirect(url_for(".accounts"))


@bp.route("/accounts")
@role_required(*STAFF_ROLES)
def accounts():
    """Every account with role, linked tutor, last login and status."""
    return render_template("coordinator/accounts.html", rows=list_accounts(db(), current_user.id, current_user.role),
                           reset_form=ResetForm())


@bp.route("/accounts/new", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def new_account():
    """Invite a new account: an administrator any role, a coordinator tutors; the owner sets the password."""
    programme_id = current_programme_id(db())  # None before the first programme: staff can be invited already
    form = InviteForm()
    form.set_choices(roles_to_invite(current_user.role), tutors_without_account(db(), programme_id))
    if request.method == "GET" and int_arg("tutor") and programme_id is not None:
        _fill_from_tutor(form, tutor_detail(db(), programme_id, int_arg("tutor"), current_viewer()))
    if form.validate_on_submit():
        try:
            outcome = invite_account(db(), programme_id, current_user.id, current_user.role, form.to_input(),
                                     _delivery(), current_instant())
        except ValidationFailed as failure:
            form.show_domain_errors(failure)
        else:
            return _told(outcome)
    return render_template("coordinator/account_form.html", form=form)


@bp.route("/accounts/<int:account_id>/reset", methods=["POST"])
@role_required(*STAFF_ROLES)
def reset_account_view(account_id: int):
    """Issue a new one-time link for the account (earlier ones stop working)."""
    form = ResetForm()
    if not form.validate_on_submit():
        flash(_("届け方を選んでください。"), "error")
        return redirect(url_for(".accounts"))
    try:
        outcome = reset_account(db(), current_user.id, current_user.role, account_id, form.delivery.data,
                                _delivery(), current_instant())
    except ValidationFailed:
        flash(_("このアカウントにはメールアドレスがありません。コードを印刷して渡してください。"), "error")
        return redirect(url_for(".accounts"))
    return _told(outcome)


MESSAGES = {False: _l("アカウントを無効にしました。ログイン中の画面もすぐに使えなくなります。"),
            True: _l("アカウントを有効にしました。")}


@bp.route("/accounts/<int:account_id>/deactivate", methods=["POST"], defaults={"active": False})
@bp.route("/accounts/<int:account_id>/activate", methods=["POST"], defaults={"active": True})
@role_required(*STAFF_ROLES)
def set_account_state(account_id: int, active: bool):
    """Deactivate an account (signed out everywhere at once, cannot log in) or make it active again."""
    set_account_active(db(), current_user.id, current_user.role, account_id, active, current_instant())
    flash(str(MESSAGES[active]), "success")
    return redirect(url_for(".accounts"))
