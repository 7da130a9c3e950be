"""What operations rely on: health checks, one log line per request without personal data, the proxy's headers."""

from __future__ import annotations

import json
import logging

import pytest

from matching.db import upgrade
from tests.smtp_server import free_port
from tests.web.family_fixtures import linked  # noqa: F401 (a fixture)
from webapp import create_app
from webapp.logs import log_json_to_stdout


def _app(app, **settings):
    return create_app({**app.config, **settings})


def test_liveness_and_readiness_answer_without_login(client):
    assert client.get("/health/live").get_json() == {"status": "ok"}
    ready = client.get("/health/ready")
    assert ready.status_code == 200
    assert ready.get_json()["checks"] == {"database": "ok", "migrations": "ok", "queue": "in-process"}


def test_a_database_behind_the_newest_migration_is_not_ready(app, tmp_path):
    old = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    upgrade(old, "0003")
    behind = _app(app, DATABASE_URL=old)
    response = behind.test_client().get("/health/ready")
    assert response.status_code == 503 and response.get_json()["checks"]["migrations"] == "behind"
    behind.extensions["engine"].dispose()


def test_an_unreachable_queue_is_not_ready(app):
    no_queue = _app(app, JOB_QUEUE_URL=f"redis://127.0.0.1:{free_port()}/0")
    response = no_queue.test_client().get("/health/ready")
    assert response.status_code == 503 and response.get_json()["checks"]["queue"].startswith("unreachable")
    no_queue.extensions["engine"].dispose()


def test_each_request_is_logged_once_with_its_id_account_and_route_but_no_personal_data(client, auth, caplog,
                                                                                          linked):  # noqa: F811
    caplog.set_level(logging.INFO, logger="webapp.requests")
    auth.login()
    response = client.get("/coordinator/students?q=%E8%8A%B1%E5%AD%90", headers={"X-Request-ID": "lb-1234"})
    client.get(f"/h/{linked.a_token}")
    lines = [r for r in caplog.records if r.name == "webapp.requests"]
    search = next(r for r in lines if r.route == "/coordinator/students")
    assert response.headers["X-Request-ID"] == "lb-1234" == search.request_id
    assert isinstance(search.account_id, int) and search.status == 200 and search.duration_ms >= 0
    family = next(r for r in lines if r.route.startswith("/h/"))
    assert family.route == "/h/<token>"
    text = json.dumps([r.__dict__ for r in lines], default=str, ensure_ascii=False)
    assert "花子" not in text and linked.a_token not in text


def test_a_request_id_that_is_not_sane_is_replaced(client):
    for insane in ("<script>alert(1)</script>", "x" * 65, ""):
        response = client.get("/health/live", headers={"X-Request-ID": insane})
        assert response.headers["X-Request-ID"] != insane and len(response.headers["X-Request-ID"]) == 32


def test_json_logs_are_one_object_per_line_on_standard_output(capsys):
    root = logging.getLogger()
    handlers = list(root.handlers)
    level = root.level
    try:
        log_json_to_stdout("INFO")
        log_json_to_stdout("INFO")  # a second app in the same process adds no second handler
        logging.getLogger("webapp.requests").info("request", extra={"route": "/h/<token>", "status": 200})
        logging.getLogger("werkzeug").info("GET /h/abcdefsecret HTTP/1.1")
    finally:
        for handler in set(root.handlers) - set(handlers):
            root.removeHandler(handler)
        root.setLevel(level)
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert out[0]["route"] == "/h/<token>" and out[0]["status"] == 200 and out[0]["levelname"] == "INFO"
    assert "abcdefsecret" not in out[1]["message"] and len(out) == 2


@pytest.mark.parametrize("count, scheme, address", [(0, "http", "127.0.0.1"), (1, "https", "203.0.113.9")])
def test_the_proxy_headers_are_trusted_for_the_configured_number_of_proxies(app, count, scheme, address):
    behind = _app(app, PROXY_COUNT=str(count))

    @behind.route("/probe")
    def probe():
        from flask import request
        return f"{request.scheme} {request.remote_addr}"

    seen = behind.test_client().get("/probe", headers={"X-Forwarded-Proto": "https",
                                                       "X-Forwarded-For": "198.51.100.1, 203.0.113.9"})
    assert seen.get_data(as_text=True) == f"{scheme} {address}"
    behind.extensions["engine"].dispose()
