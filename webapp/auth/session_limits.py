"""How long a signed-in session lasts: ended on the server, staff signed out when idle, a limit from sign-in.

The session cookie is signed, not stored, so a copy of it would work until it expires. Each session therefore
carries its account's session version (see SignedInUser.get_id): logging out, a password change or a
deactivation raises the version and every older cookie stops working at its next request.
"""

from __future__ import annotations

from dataclasses import replace

from flask import Flask, current_app, flash, request, session
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from webapp.access import STAFF_ROLES
from webapp.auth.user import SignedInUser
from webapp.clock import now


def end_session() -> None:
    """Forget the signed-in user and everything else in this session except the chosen language."""
    lang = session.get("lang")
    logout_user()
    session.clear()
    if lang:
        session["lang"] = lang


def start_session(user: SignedInUser) -> None:
    """Sign the user in on a fresh session: nothing from before sign-in carries over but the language."""
    end_session()
    login_user(user)
    session["signed_in_at"] = session["seen_at"] = int(now().timestamp())


def renew_session_version(version: int) -> None:
    """Keep this session signed in after its account's version moved on (one's own password change)."""
    login_user(replace(current_user._get_current_object(), session_version=version))


def _limits_passed(moment: float) -> bool:
    lifetime = current_app.permanent_session_lifetime.total_seconds()
    if moment - session.get("signed_in_at", 0) > lifetime:
        return True
    idle_limit = float(current_app.config["STAFF_IDLE_MINUTES"]) * 60
    return current_user.role in STAFF_ROLES and moment - session.get("seen_at", 0) > idle_limit


def check_session() -> None:
    """Before each request: end a session the server ended, or one past its idle or absolute limit."""
    if request.endpoint == "static" or "_user_id" not in session:
        return
    moment = now().timestamp()
    if not current_user.is_authenticated:  # ended on the server: logged out, password changed, deactivated
        end_session()
    elif _limits_passed(moment):
        end_session()
        flash(_("一定の時間が過ぎたため、ログアウトしました。もう一度ログインしてください。"), "info")
    else:
        session["seen_at"] = int(moment)


def init_app(app: Flask) -> None:
    """Check every request's session."""
    app.before_request(check_session)
