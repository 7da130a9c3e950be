"""User accounts of staff and tutors (families have no account: they use a household link)."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from matching.models.base import Base, Timestamped, enum_type
from matching.models.enums import Role


class UserAccount(Timestamped, Base):
    """Someone who logs in: an administrator, a coordinator, or a tutor linked to their Tutor row."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(200))  # argon2
    role: Mapped[Role] = mapped_column(enum_type(Role))
    tutor_id: Mapped[Optional[int]] = mapped_column(ForeignKey("tutor.id"), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    email: Mapped[str] = mapped_column(String(254), default="")  # where invitations and reset links go
    # Every signed-in session carries the version it began at; raising it ends them all at their next request.
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    tutor: Mapped[Optional["Tutor"]] = relationship()  # noqa: F821

    @property
    def password_set(self) -> bool:
        """Whether the person has chosen a password yet (an invited account has none until then)."""
        return bool(self.password_hash)
