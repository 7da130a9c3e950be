"""A real server with the demo data, and a real headless Chromium driven by Playwright."""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from collections.abc import Iterator

import pytest
from flask import Flask
from werkzeug.serving import make_server

from matching.db import make_engine, make_session_factory, upgrade
from seed_data.demo import load_demo
from tests.conftest import missing
from webapp import create_app

CHROMIUM = "/usr/bin/chromium"
# Without these, Chromium reaches for Google's services, which this closed network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TODAY = "2026-11-22"


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory) -> str:
    """A SQLite database migrated by Alembic and loaded with the demo."""
    url = f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'demo.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        load_demo(session)
    engine.dispose()
    return url


def e2e_app(database_url: str, **settings) -> Flask:
    """The app on a database, over plain http on loopback, on the fixed TODAY, without the mail loop."""
    return create_app({"DATABASE_URL": database_url, "SECRET_KEY": "e2e-secret-" + "x" * 32,
                       "SESSION_COOKIE_SECURE": False,
                       "REMEMBER_COOKIE_SECURE": False, "NOTICE_DELIVERY_INTERVAL_S": 0, "TODAY": TODAY,
                       **settings})


@contextmanager
def serve(app: Flask) -> Iterator[str]:
    """Serve the app over HTTP on a free loopback port in a thread; yields its base URL, then stops it."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)
        app.extensions["engine"].dispose()


@pytest.fixture(scope="session")
def live_server(demo_database) -> Iterator[str]:
    """The demo served over HTTP on a free loopback port; yields its base URL."""
    with serve(e2e_app(demo_database)) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, through Playwright."""
    if not os.path.exists(CHROMIUM):
        missing(f"Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page (no cookies from other tests)."""
    context = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
