"""Shared fixtures: fresh databases on SQLite and on a real PostgreSQL server, and the web app."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from matching.db import make_engine, make_session_factory, upgrade
from matching.models import Base

# .ci/run starts a PostgreSQL server and exports its URL here; without it the PostgreSQL
# variants are skipped on a developer machine, and fail under CI so that nothing is silently untested.
POSTGRES_ENV = "TEST_DATABASE_URL"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def missing(what: str) -> None:
    """Skip a test for lack of a real server or browser, or fail it under CI, where everything must run."""
    if IN_CI:
        pytest.fail(f"{what} is required under CI")
    pytest.skip(f"{what} is not available here")


def create_postgres_database() -> str:
    """Create an empty, uniquely named database on the test server and return its URL."""
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        missing(f"PostgreSQL ({POSTGRES_ENV})")
    name = f"matching_test_{uuid.uuid4().hex[:12]}"
    admin = make_engine(base).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(base).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(url: str) -> None:
    """Drop a database made by create_postgres_database."""
    name = make_url(url).database
    admin = make_engine(os.environ[POSTGRES_ENV]).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


# .ci/run starts a Redis server and exports its URL here: the shared store of the login and short-code limits.
REDIS_ENV = "TEST_REDIS_URL"


@pytest.fixture
def redis_url() -> str:
    """The test Redis server's URL (skipped without it, failing under CI); each test counts under its own prefix."""
    url = os.environ.get(REDIS_ENV)
    if not url:
        missing(f"Redis ({REDIS_ENV})")
    return url


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A migrated PostgreSQL database for the whole test run (tables emptied between tests)."""
    url = create_postgres_database()
    upgrade(url)
    yield url
    drop_postgres_database(url)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> str:
    """A SQLite file migrated once by Alembic; each test works on a copy of it."""
    path = tmp_path_factory.mktemp("template") / "migrated.sqlite3"
    upgrade(f"sqlite:///{path}")
    return str(path)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path) -> Iterator[str]:
    """A migrated, empty database: a SQLite file, then the real PostgreSQL server."""
    if request.param == "sqlite":
        path = tmp_path / "test.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    url = request.getfixturevalue("postgres_url")
    yield url
    engine = make_engine(url)
    with engine.begin() as connection:
        names = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture
def session(database_url) -> Iterator[Session]:
    """A session on the fresh database."""
    engine = make_engine(database_url)
    with make_session_factory(engine)() as db_session:
        yield db_session
    engine.dispose()
