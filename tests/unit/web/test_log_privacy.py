"""Secret link paths never reach the request log."""

from __future__ import annotations

import logging

from webapp import create_app
from webapp.log_privacy import MaskSecretPaths, mask_secrets

SECRET = "Zx81_secret-token-value-0123456789abcdefABCDEF"


def test_secret_segments_of_family_and_feed_paths_are_masked():
    assert mask_secrets(f'"GET /h/{SECRET} HTTP/1.1" 200 -') == '"GET /h/[secret] HTTP/1.1" 200 -'
    assert mask_secrets(f'"POST /h/{SECRET}/confirm HTTP/1.1"') == '"POST /h/[secret]/confirm HTTP/1.1"'
    assert mask_secrets(f"/feed/{SECRET}.ics?x=1") == "/feed/[secret]?x=1"
    assert mask_secrets("GET /h HTTP/1.1 /h/mine/change /coordinator/students/3") == (
        "GET /h HTTP/1.1 /h/mine/change /coordinator/students/3")


def test_the_werkzeug_request_log_of_a_family_page_hides_the_token(caplog, tmp_path):
    create_app({"SECRET_KEY": "x" * 32, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"})
    with caplog.at_level(logging.INFO, logger="werkzeug"):
        # What werkzeug's request handler logs for each request: a format string and the request line.
        logging.getLogger("werkzeug").info('%s - - [%s] "%s" %s %s', "127.0.0.1", "22/Nov/2026 12:00:00",
                                           f"GET /h/{SECRET} HTTP/1.1", "200", "-")
    assert SECRET not in caplog.text and "/h/[secret]" in caplog.text


def test_the_filter_is_attached_once_however_many_apps_are_made(tmp_path):
    for _ in range(3):
        create_app({"SECRET_KEY": "x" * 32, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"})
    assert sum(isinstance(f, MaskSecretPaths) for f in logging.getLogger("werkzeug").filters) == 1
