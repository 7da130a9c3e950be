"""One database session per request, from the engine the app was configured with."""

from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy.orm import Session

from matching.db import make_engine, make_session_factory


def init_app(app: Flask) -> None:
    """Create the engine and session factory for the app and close the session after each request."""
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
