"""Login, logout and the language switch."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_limiter.errors import RateLimitExceeded
from flask_login import current_user, login_required

from matching.models import Role
from matching.services.accounts import authenticate, load_account, sign_out_everywhere
from webapp.auth.forms import LoginForm
from webapp.auth.session_limits import end_session, start_session
from webapp.auth.user import SignedInUser, parse_session_id
from webapp.clock import now
from webapp.database import db
from webapp.extensions import limiter, login_manager
from webapp.i18n import LANGUAGES
from webapp.throttling import (
    TooBusy, configured, failed, hashing_slot, hidden_key, retry_after_minutes, retry_at_text,
)

bp = Blueprint("auth", __name__)
MAX_NEXT_LENGTH = 2000

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
    """Only same-site paths may be followed after login, so the link cannot send users elsewhere.

    Control characters and spaces (a line break would split the Location header), backslashes (browsers
    read "/\\host" as "//host") and overlong values are refused.
    """
    if not target or len(target) > MAX_NEXT_LENGTH or "\\" in target or any(c <= " " or c == "\x7f" for c in target):
        return None
    if target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return None


def _typed_login() -> str:
    """The login ID a request tried, the key of the per-account limit (empty: that limit is skipped)."""
    return hidden_key(request.form.get("login", "").strip()[:100])


@bp.errorhandler(RateLimitExceeded)
def too_many_logins(_error: RateLimitExceeded):
    """Too many failed logins for this account or from this address: say when to try again, keep the login ID."""
    minutes = retry_after_minutes()
    form = LoginForm()
    form.form_errors.append(_("ログインの失敗が続いたため、しばらくログインできません。%(minutes)s 分後(%(time)s 以降)に"
                              "もう一度お試しください。", minutes=minutes, time=retry_at_text(minutes)))
    return render_template("auth/login.html", form=form), 429


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(configured("LOGIN_LIMIT_PER_ACCOUNT"), key_func=_typed_login, methods=["POST"], deduct_when=failed)
@limiter.limit(configured("LOGIN_LIMIT_PER_ADDRESS"), methods=["POST"], deduct_when=failed)
def login():
    """Show the login form and sign the user in; failures are throttled per account and per client address."""
    if current_user.is_authenticated:
        return redirect(_home_for(current_user.role))
    form = LoginForm()
    if form.validate_on_submit():
        try:
            with hashing_slot():
                account = authenticate(db(), form.login.data, form.password.data, now())
        except TooBusy:
            form.form_errors.append(_("ただいま混み合っています。少し待ってから、もう一度お試しください。"))
            return render_template("auth/login.html", form=form), 503
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

