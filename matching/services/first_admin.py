"""The first administrator of a new deployment, made from the command line by whoever runs the server."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Role, UserAccount
from matching.passwords import hash_password
from matching.services.accounts import password_problem
from matching.services.audit import record
from matching.services.errors import ValidationFailed


def create_admin(session: Session, login: str, display_name: str, password: str, email: str = "") -> int:
    """An active administrator with the password its operator chose; returns its id."""
    errors = {}
    if not login.strip():
        errors["login"] = "login_required"
    elif session.scalar(select(UserAccount.id).where(UserAccount.login == login.strip())) is not None:
        errors["login"] = "duplicate_login"
    problem = password_problem(password)
    if problem:
        errors["password"] = problem
    if errors:
        raise ValidationFailed(errors)
    account = UserAccount(login=login.strip(), display_name=display_name.strip() or login.strip(), role=Role.ADMIN,
                          email=email, password_hash=hash_password(password), active=True)
    session.add(account)
    session.flush()
    record(session, None, "create_admin", "user_account", account.id)
    session.commit()
    return account.id
