"""Secret link paths never reach the request log."""

from __future__ import annotations

import logging

from webapp import create_app
from webapp.log_privacy import MaskSecretPaths, mask_secrets

SECRET = "Zx81_secret-token-value-0123456789abcdefABCDEF"


def test_secret_segments_of_family_and_feed_paths_are_masked():
    assert mask_secrets(f'"GET /h/{SECRET} HTTP/1.1" 200 -') == '"GET /h/[secret] HTTP/1.1" 200 -'
    assert mask_secrets(f'"POST /h/{SECRET}/confirm HTTP/1.1"') == '"POST /h/[secret]/confirm HTTP/1.1"'
    assert mask_secrets(f"/feed/{SECRET}.ics?page=1") == "/feed/[secret]?page=1"
    assert mask_secrets("GET /h HTTP/1.1 /h/mine/change /coordinator/students/3") == (
        "GET /h HTTP/1.1 /h/mine/change /coordinator/students/3")


def test_the_werkzeug_request_log_of_a_family_page_hides_the_token(caplog, tmp_path):
    create_app({"SECRET_KEY": "x" * 32, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
                "NOTICE_DELIVERY_INTERVAL_S": 0})
    with caplog.at_level(logging.INFO, logger="werkzeug"):
        # What werkzeug's request handler logs for each request: a format string and the request line.
        logging.getLogger("werkzeug").info('%s - - [%s] "%s" %s %s', "127.0.0.1", "22/Nov/2026 12:00:00",
                                           f"GET /h/{SECRET} HTTP/1.1", "200", "-")
    assert SECRET not in caplog.text and "/h/[secret]" in caplog.text


def test_the_filter_is_attached_once_however_many_apps_are_made(tmp_path):
    for _ in range(3):
        create_app({"SECRET_KEY": "x" * 32, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
                    "NOTICE_DELIVERY_INTERVAL_S": 0})
    assert sum(isinstance(f, MaskSecretPaths) for f in logging.getLogger("werkzeug").filters) == 1


def test_account_setup_links_are_masked_in_request_lines():
    assert mask_secrets(f'"POST /account/setup/{SECRET} HTTP/1.1" 302 -') == (
        '"POST /account/setup/[secret] HTTP/1.1" 302 -')
    assert mask_secrets('"POST /account/code HTTP/1.1" 302 -') == '"POST /account/code HTTP/1.1" 302 -'


def test_query_values_that_may_be_personal_are_masked_and_filters_are_kept():
    line = '"GET /coordinator/students?q=%E5%B1%B1%E7%94%B0+%E8%8A%B1%E5%AD%90&site=2&page=3 HTTP/1.1" 200 -'
    assert mask_secrets(line) == '"GET /coordinator/students?q=[masked]&site=2&page=3 HTTP/1.1" 200 -'
    assert mask_secrets('"GET /coordinator/tutors?yamada HTTP/1.1"') == '"GET /coordinator/tutors?[masked] HTTP/1.1"'
    assert mask_secrets('"GET /login?next=/coordinator/students%3Fq%3Dyamada HTTP/1.1"') == (
        '"GET /login?next=[masked] HTTP/1.1"')


def test_a_name_searched_on_a_running_server_is_not_in_its_request_log(tmp_path):
    """A real werkzeug server answers a search; the request line it logs has the name masked."""
    import threading
    import urllib.parse
    import urllib.request

    from werkzeug.serving import make_server

    app = create_app({"SECRET_KEY": "x" * 32, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
                      "NOTICE_DELIVERY_INTERVAL_S": 0})
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append
    werkzeug_log = logging.getLogger("werkzeug")
    werkzeug_log.addHandler(handler)
    old_level = werkzeug_log.level
    werkzeug_log.setLevel(logging.INFO)
    server = make_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        query = urllib.parse.urlencode({"q": "山田 花子", "page": "2"})
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}/coordinator/students?{query}") as reply:
            assert reply.status == 200  # the login page, after the redirect
    finally:
        server.shutdown()
        thread.join()
        werkzeug_log.removeHandler(handler)
        werkzeug_log.setLevel(old_level)
        app.extensions["engine"].dispose()
    lines = [record.getMessage() for record in records]
    assert any("/coordinator/students?q=[masked]&page=2" in line for line in lines), lines
    encoded = urllib.parse.quote("山田")
    assert not any(encoded in line or "山田" in line for line in lines)
