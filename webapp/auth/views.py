"""Login, logout and the language switch."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from matching.models import Role
from matching.services.accounts import authenticate, load_account, sign_out_everywhere
from webapp.auth.forms import LoginForm
from webapp.auth.session_limits import end_session, start_session
from webapp.auth.user import SignedInUser, parse_session_id
from webapp.clock import now
from webapp.database import db
from webapp.extensions import login_manager
from webapp.i18n import LANGUAGES

bp = Blueprint("auth", __name__)

login_manager.login_view = "auth.login"
login_manager.login_message = None  # the login page speaks for itself
login_manager.session_protection = "strong"


@login_manager.user_loader
def _load_user(user_id: str):
    parsed = parse_session_id(user_id)
    account = load_account(db(), *parsed) if parsed else None
    return SignedInUser.from_account(account) if account is not None else None


def _home_for(role: Role) -> str:
    return url_for("coordinator.home") if role in (Role.ADMIN, Role.COORDINATOR) else url_for("tutor.home")


def _safe_next(target: str | None) -> str | None:
    """Only same-site paths may be followed after login, so the link cannot send users elsewhere."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return None


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Show the login form and sign the user in."""
    if current_user.is_authenticated:
        return redirect(_home_for(current_user.role))
    form = LoginForm()
    if form.validate_on_submit():
        account = authenticate(db(), form.login.data, form.password.data, now())
        if account is not None:
            start_session(SignedInUser.from_account(account))
            return redirect(_safe_next(request.args.get("next")) or _home_for(account.role))
        form.form_errors.append(_("ログインIDまたはパスワードが正しくありません。"))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    """Sign the user out: the account's sessions end on the server, so a copied cookie stops working too."""
    sign_out_everywhere(db(), current_user.id)
    end_session()
    flash(_("ログアウトしました。"), "info")
    return redirect(url_for("auth.login"))


@bp.route("/lang/<code>", methods=["POST"])
def switch_language(code: str):
    """Remember the chosen interface language and go back to the page."""
    if code in LANGUAGES:
        session["lang"] = code
    return redirect(_safe_next(request.form.get("next")) or url_for("auth.login"))


@bp.route("/")
def index():
    """Send the visitor to their home page, or to the login page."""
    if current_user.is_authenticated:
        return redirect(_home_for(current_user.role))
    return redirect(url_for("auth.login"))

