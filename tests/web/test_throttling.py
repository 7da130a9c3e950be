"""Throttled logins and short codes (issue 11 items 3 and 4): failures are counted per account, per client
address behind the configured proxies and per code, in a store every server process shares; the user is
told in Japanese when to try again; argon2 checks run at most PASSWORD_HASH_CONCURRENCY at a time."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import uuid

from tests.web.conftest import PASSWORD, csrf_token
from webapp import create_app


def _login(client, login: str, password: str, **headers):
    token = csrf_token(client.get("/login").get_data(as_text=True))
    return client.post("/login", data={"login": login, "password": password, "csrf_token": token}, headers=headers)


def test_after_ten_wrong_passwords_even_the_right_one_waits_and_the_page_says_until_when(client):
    for _ in range(10):
        assert _login(client, "coordinator", "wrong").status_code == 200
    response = _login(client, "coordinator", PASSWORD)
    page = response.get_data(as_text=True)
    assert response.status_code == 429 and "Location" not in response.headers
    assert "ログインの失敗が続いたため" in page and "分後" in page and "以降)に" in page
    assert 'value="coordinator"' in page  # the typed login ID is kept
    assert int(response.headers["Retry-After"]) > 0
    assert client.get("/coordinator/").status_code == 302  # not signed in


def test_the_account_limit_does_not_stop_other_accounts_and_successes_are_not_counted(app, client):
    for _ in range(10):
        _login(client, "coordinator", "wrong")
    assert _login(app.test_client(), "admin", PASSWORD).status_code == 302
    for _ in range(12):
        assert _login(app.test_client(), "tutor", PASSWORD).status_code == 302


def test_many_accounts_tried_from_one_address_are_throttled_by_address(app, client):
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "5 per 15 minutes"
    for n in range(5):
        assert _login(client, f"guess{n}", "wrong").status_code == 200
    assert _login(client, "admin", PASSWORD).status_code == 429


def test_a_login_waits_for_a_free_hashing_slot_and_is_told_to_retry_when_none_frees(app, client):
    app.config["PASSWORD_HASH_WAIT_S"] = 0
    slots = app.extensions["password_hash_slots"]
    held = [slots.acquire(blocking=False) for _ in range(app.config["PASSWORD_HASH_CONCURRENCY"])]
    assert all(held)
    try:
        response = _login(client, "coordinator", PASSWORD)
    finally:
        for _ in held:
            slots.release()
    assert response.status_code == 503 and "混み合っています" in response.get_data(as_text=True)
    assert _login(client, "coordinator", PASSWORD).status_code == 302  # not counted as a failure


def _code(client, code: str, address: str):
    token = csrf_token(client.get("/h").get_data(as_text=True))
    return client.post("/h", data={"code": code, "csrf_token": token}, headers={"X-Forwarded-For": address})


def test_behind_a_proxy_one_visitor_guessing_codes_does_not_lock_out_another(database_url, world):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "test-secret",
                      "NOTICE_DELIVERY_INTERVAL_S": 0, "PROXY_COUNT": 1,
                      "FAMILY_CODE_LIMIT_PER_ADDRESS": "3 per 15 minutes"})
    client = app.test_client()
    for code in ("AAAA-AAAA", "BBBB-BBBB", "CCCC-CCCC"):
        assert _code(client, code, "203.0.113.7").status_code == 400
    refused = _code(client, "DDDD-DDDD", "203.0.113.7")
    assert refused.status_code == 429
    assert re.search(r"\d+ふん まってから", refused.get_data(as_text=True))  # やさしい日本語 first, then each language
    assert _code(client, "DDDD-DDDD", "198.51.100.20").status_code == 400  # another family, same proxy
    app.extensions["engine"].dispose()


def test_one_code_tried_from_many_addresses_is_throttled_per_code(database_url, world):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "test-secret",
                      "NOTICE_DELIVERY_INTERVAL_S": 0, "PROXY_COUNT": 1, "FAMILY_CODE_LIMIT_PER_CODE": "2 per 15 minutes"})
    client = app.test_client()
    assert _code(client, "eeee eeee", "192.0.2.1").status_code == 400
    assert _code(client, "EEEE-EEEE", "192.0.2.2").status_code == 400
    assert _code(client, "EEEEEEEE", "192.0.2.3").status_code == 429  # the same code however it is typed
    assert _code(client, "FFFF-FFFF", "192.0.2.3").status_code == 400
    app.extensions["engine"].dispose()


OTHER_PROCESS = textwrap.dedent("""
    import sys
    from webapp import create_app
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "DATABASE_URL": sys.argv[1],
                      "SECRET_KEY": "test-secret", "NOTICE_DELIVERY_INTERVAL_S": 0,
                      "RATELIMIT_STORAGE_URI": sys.argv[2], "RATELIMIT_KEY_PREFIX": sys.argv[3]})
    client = app.test_client()
    codes = [client.post("/login", data={"login": "coordinator", "password": "wrong"}).status_code
             for _ in range(10)]
    app.extensions["engine"].dispose()
    print(codes)
""")


def test_failures_counted_by_another_server_process_stop_this_one(database_url, world, redis_url):
    prefix = f"test-{uuid.uuid4().hex}"
    done = subprocess.run([sys.executable, "-c", OTHER_PROCESS, database_url, redis_url, prefix],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONHASHSEED": "0"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str([200] * 10)
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "test-secret",
                      "NOTICE_DELIVERY_INTERVAL_S": 0, "RATELIMIT_STORAGE_URI": redis_url,
                      "RATELIMIT_KEY_PREFIX": prefix})
    try:
        assert _login(app.test_client(), "coordinator", PASSWORD).status_code == 429
    finally:
        app.extensions["engine"].dispose()
