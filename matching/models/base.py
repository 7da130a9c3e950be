"""The declarative base and column helpers shared by every model."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from sqlalchemy import DateTime, MetaData, String, event
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from matching.kana import fold_kana

# Stable constraint names so Alembic migrations are the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time in UTC, timezone-aware (the one clock for created/updated stamps)."""
    return datetime.now(timezone.utc)


def new_calendar_uid() -> str:
    """A fresh calendar id for a dated visit or session; a new plan version hands it on while the item is unchanged."""
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    """Base class of every table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Timestamped:
    """Mixin: when a row was created and last changed."""

    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class PersonName:
    """Mixin: a person's name as written and its reading (furigana), family name first."""

    family_name: Mapped[str] = mapped_column(String(50), index=True)
    given_name: Mapped[str] = mapped_column(String(50))
    family_name_kana: Mapped[str] = mapped_column(String(50))  # indexed with the list order by each table
    given_name_kana: Mapped[str] = mapped_column(String(50))
    # The four parts folded by fold_kana, kept by _keep_name_key; what name search reads (indexed per table).
    name_key: Mapped[str] = mapped_column(String(210), default="")

    @property
    def full_name(self) -> str:
        """Family name then given name, as written in Japanese."""
        return f"{self.family_name} {self.given_name}"

    @property
    def full_name_kana(self) -> str:
        """The reading of the full name in hiragana."""
        return f"{self.family_name_kana} {self.given_name_kana}"


def name_key_of(family_name: str, given_name: str, family_name_kana: str, given_name_kana: str) -> str:
    """The search spelling of a name and its reading, space separated (so a word never spans two parts)."""
    return fold_kana(" ".join((family_name or "", given_name or "", family_name_kana or "", given_name_kana or "")))


@event.listens_for(PersonName, "before_insert", propagate=True)
@event.listens_for(PersonName, "before_update", propagate=True)
def _keep_name_key(_mapper, _connection, target: PersonName) -> None:
    """Recompute the search spelling whenever a person row is written."""
    target.name_key = name_key_of(target.family_name, target.given_name, target.family_name_kana,
                                  target.given_name_kana)


def enum_type(enum_class: type) -> SAEnum:
    """A portable column type storing an enum's string values (a CHECK, not a native enum)."""
    return SAEnum(
        enum_class,
        native_enum=False,
        length=32,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )
