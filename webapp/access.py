"""Page access by role: who is signed in, and a decorator that refuses everyone else with 403."""

from __future__ import annotations

from functools import wraps
from typing import Callable

from flask import abort
from flask_login import current_user, login_required

from matching.access_policy import Viewer
from matching.models import Role

STAFF_ROLES = (Role.ADMIN, Role.COORDINATOR)


def current_viewer() -> Viewer:
    """The signed-in user's role as a viewer of the access policy."""
    return Viewer(current_user.role.value)


def role_required(*roles: Role) -> Callable:
    """Let through only signed-in users with one of the roles; others get 403, anonymous users the login page."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorate
