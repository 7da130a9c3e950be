"""One's own password: change it when signed in, or set it from an invitation or reset (link or printed code)."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from matching.services.account_links import EMAIL, PRINTED, AccountLinkRefused, open_account_link, use_account_link
from matching.services.accounts import change_password
from matching.services.errors import ValidationFailed
from webapp.auth.password_forms import ChangePasswordForm, NewPasswordFields, PrintedCodeForm
from webapp.auth.session_limits import end_session, renew_session_version
from webapp.auth.views import bp
from webapp.clock import current_instant
from webapp.coordinator.saving import submit
from webapp.database import db

REFUSED = 410


@bp.errorhandler(AccountLinkRefused)
def link_refused(_error: AccountLinkRefused):
    """A used, expired, replaced or unknown link: say so and who can issue a new one."""
    return render_template("auth/link_refused.html"), REFUSED


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_own_password():
    """Change one's own password; every other session of the account ends, this one stays signed in."""
    form = ChangePasswordForm()
    response = submit(form, lambda: renew_session_version(
        change_password(db(), current_user.id, form.current_password.data, form.new_password.data)),
        lambda _result: url_for("auth.index"), _("パスワードを変更しました。ほかの端末ではログアウトされました。"))
    return response or render_template("auth/change_password.html", form=form)


def _set_password(form: NewPasswordFields, delivery: str, secret: str):
    """Set the password with the link or code; the person then logs in with it."""
    try:
        use_account_link(db(), delivery, secret, form.new_password.data, current_instant())
    except ValidationFailed as failure:
        form.show_domain_errors(failure)
        return None
    end_session()
    flash(_("パスワードを設定しました。新しいパスワードでログインしてください。"), "success")
    return redirect(url_for("auth.login"))


@bp.route("/account/setup/<token>", methods=["GET", "POST"])
def setup_account(token: str):
    """The page an invitation or reset e-mail links to: choose one's own password."""
    opened = open_account_link(db(), EMAIL, token, current_instant())
    form = NewPasswordFields()
    response = form.validate_on_submit() and _set_password(form, EMAIL, token)
    return response or render_template("auth/set_password.html", form=form, opened=opened)


@bp.route("/account/code", methods=["GET", "POST"])
def setup_with_code():
    """For people without e-mail: type the printed code and choose one's own password."""
    form = PrintedCodeForm()
    if form.validate_on_submit():
        try:
            response = _set_password(form, PRINTED, form.code.data)
        except AccountLinkRefused:
            form.code.errors = [_("このコードは使えません。期限切れか使用済みです。発行した担当者に連絡してください。")]
            response = None
        if response:
            return response
    return render_template("auth/set_password.html", form=form, opened=None)
