"""A backup with scripts/backup.sh, the database dropped, scripts/restore.sh: the site serves the same data."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from matching.db import make_engine, make_session_factory, upgrade
from matching.models import Base
from seed_data.demo import load_demo
from tests.conftest import POSTGRES_ENV, create_postgres_database, drop_postgres_database, missing
from tests.production.stack import ROOT, CSRF
from webapp import create_app

pytestmark = [pytest.mark.postgres, pytest.mark.production]
PAGES = ("/coordinator/students", "/coordinator/tutors", "/coordinator/sites", "/coordinator/plans/visits")


def _what_the_site_serves(database_url: str) -> dict[str, str]:
    """The coordinator's list pages and every table's row count, as the site reads them."""
    app = create_app({"DATABASE_URL": database_url, "SECRET_KEY": "k" * 64, "NOTICE_DELIVERY_INTERVAL_S": 0,
                      "SESSION_COOKIE_SECURE": False, "TODAY": "2026-11-22", "WTF_CSRF_ENABLED": True})
    client = app.test_client()
    token = CSRF.search(client.get("/login").get_data(as_text=True)).group(1)
    client.post("/login", data={"login": "coordinator", "password": "demo-coordinator-2026", "csrf_token": token})
    served = {}
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        # The CSRF token differs per session; everything else must match.
        served[path] = CSRF.sub("", response.get_data(as_text=True))
    with app.extensions["session_factory"]() as session:
        for table in Base.metadata.sorted_tables:
            served[table.name] = str(session.scalar(select(func.count()).select_from(table)))
    app.extensions["job_runner"].shutdown()
    app.extensions["engine"].dispose()
    return served


def test_backup_drop_restore_serves_the_same_data(tmp_path):
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        missing("pg_dump and pg_restore")
    url = create_postgres_database()
    try:
        upgrade(url)
        engine = make_engine(url)
        with make_session_factory(engine)() as session:
            load_demo(session)
        engine.dispose()
        before = _what_the_site_serves(url)
        backup = tmp_path / "matching.dump"
        env = {**os.environ, "DATABASE_URL": url}
        subprocess.run(["bash", "scripts/backup.sh", str(backup)], cwd=ROOT, env=env, check=True, timeout=300)
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600  # it holds every child's record

        drop_postgres_database(url)
        admin = make_engine(os.environ[POSTGRES_ENV]).execution_options(isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{make_url(url).database}"'))
        admin.dispose()
        assert _count_tables(url) == 0  # really gone

        subprocess.run(["bash", "scripts/restore.sh", str(backup)], cwd=ROOT, env=env, check=True, timeout=300)
        assert _what_the_site_serves(url) == before
    finally:
        drop_postgres_database(url)


def _count_tables(url: str) -> int:
    engine = make_engine(url)
    with engine.connect() as connection:
        count = connection.scalar(text("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
    engine.dispose()
    return count
