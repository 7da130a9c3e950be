"""Engines, sessions and migrations: the one place that knows how to reach the database."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"


def _enable_sqlite_foreign_keys(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Create an engine for a database URL; SQLite gets foreign keys enforced like PostgreSQL."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """A session factory whose objects stay readable after commit, refusing writes into a closed school year."""
    from matching.closed_years import guard_closed_years  # the guard imports the models, which import nothing here

    factory = sessionmaker(bind=engine, expire_on_commit=False)
    guard_closed_years(factory)
    return factory


def alembic_config(url: str) -> Config:
    """An Alembic configuration for this package's migrations against a database URL."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the schema of the database at url up to a revision (the newest by default)."""
    command.upgrade(alembic_config(url), revision)
