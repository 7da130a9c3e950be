"""One database session per request, from the engine the app was configured with."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app, g
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from matching.db import make_engine, make_session_factory
from matching.private_files import create_private


def init_app(app: Flask) -> None:
    """Create the engine and session factory for the app and close the session after each request."""
    url = make_url(app.config["DATABASE_URL"])
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        # The demo's database holds children's records: SQLite would create it readable by everyone.
        create_private(Path(url.database))
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["engine"] = engine
    app.extensions["session_factory"] = make_session_factory(engine)
    app.teardown_appcontext(_close_session)


def db() -> Session:
    """The current request's database session, opened on first use."""
    if "db" not in g:
        g.db = current_app.extensions["session_factory"]()
    return g.db


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db", None)
    if session is not None:
        session.close()
