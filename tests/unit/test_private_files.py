"""Files the site writes with personal data or secrets are readable by the site's user only (0600)."""

from __future__ import annotations

import os
import stat

from matching.private_files import ensure_secret_key, write_private
from webapp import create_app


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_secret_key_is_made_private_and_kept(tmp_path):
    path = tmp_path / "secret_key"
    key = ensure_secret_key(path)
    assert len(key) == 64 and _mode(path) == 0o600
    assert ensure_secret_key(path) == key


def test_an_old_world_readable_secret_key_is_made_private(tmp_path):
    path = tmp_path / "secret_key"
    path.write_text("an-old-key\n")
    os.chmod(path, 0o644)
    assert ensure_secret_key(path) == "an-old-key" and _mode(path) == 0o600


def test_write_private_tightens_an_existing_file(tmp_path):
    path = tmp_path / "letter.eml"
    path.write_bytes(b"old")
    os.chmod(path, 0o644)
    write_private(path, b"new")
    assert path.read_bytes() == b"new" and _mode(path) == 0o600


def test_the_demo_database_the_site_creates_is_private(tmp_path):
    database = tmp_path / "instance" / "matching.sqlite3"
    database.parent.mkdir()
    app = create_app({"DATABASE_URL": f"sqlite:///{database}", "SECRET_KEY": "k" * 64, "NOTICE_DELIVERY_INTERVAL_S": 0})
    with app.extensions["engine"].connect() as connection:
        connection.exec_driver_sql("CREATE TABLE probe (id INTEGER)")
    app.extensions["engine"].dispose()
    assert _mode(database) == 0o600
