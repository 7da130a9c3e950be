"""The production setup started for real: PostgreSQL, a Redis server, gunicorn web processes and queue workers.

Each part is a separate operating-system process started the way the deployment guide starts it
(`gunicorn -c deploy/gunicorn.conf.py`, `flask --app webapp worker`), so the tests see what a
deployment sees: separate memory, the queue between them, and processes that can be killed.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from tests.smtp_server import free_port

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CSRF = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')


def wait_until(condition, timeout_s: float, what: str, every_s: float = 0.2):
    """Poll condition until it returns something true, or fail saying what did not happen."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(every_s)
    raise AssertionError(f"timed out after {timeout_s} s waiting for {what}")


@dataclass
class Process:
    """A started child process in its own process group, with its output in a file."""

    name: str
    popen: subprocess.Popen
    log_path: Path
    stop_signal: int = signal.SIGTERM
    grace_s: float = 15.0  # how long it may take to stop before it is killed

    def output(self) -> str:
        """What the process printed so far."""
        return self.log_path.read_text(errors="replace")

    def children(self) -> list[int]:
        """The ids of the process's direct children (an RQ worker's forked work horse)."""
        path = Path(f"/proc/{self.popen.pid}/task/{self.popen.pid}/children")
        return [int(pid) for pid in path.read_text().split()] if path.exists() else []

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Signal the process alone (not its group), as an operator or the kernel would."""
        if self.popen.poll() is None:
            os.kill(self.popen.pid, sig)

    def stop(self) -> None:
        """End the process and everything it started (a work horse sits in a group of its own)."""
        if self.popen.poll() is None:
            horses = self.children()
            os.killpg(self.popen.pid, self.stop_signal)
            try:
                self.popen.wait(timeout=self.grace_s)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=5)
            for pid in horses:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass


def start(name: str, args: list[str], env: dict[str, str], log_dir: Path) -> Process:
    """Start a process from the project folder in a new session, its output to log_dir/name.log."""
    log_path = log_dir / f"{name}.log"
    with log_path.open("wb") as log:
        popen = subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    return Process(name, popen, log_path)


def start_redis(log_dir: Path, redis_server: str) -> tuple[Process, str]:
    """A throwaway Redis server on a free loopback port, keeping nothing on disk; returns it and its URL."""
    port = free_port()
    process = start("redis", [redis_server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                              "--appendonly", "no", "--dir", str(log_dir)], dict(os.environ), log_dir)
    url = f"redis://127.0.0.1:{port}/0"
    from redis import Redis
    client = Redis.from_url(url)

    def answers() -> bool:
        try:
            return bool(client.ping())
        except Exception:
            return False

    wait_until(answers, 20, "the Redis server")
    client.close()
    return process, url


def start_web(name: str, env: dict[str, str], log_dir: Path) -> tuple[Process, str]:
    """One gunicorn server (one process, its threads) on a free port, ready when /health/ready says so."""
    port = free_port()
    process = start(name, [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "-b", f"127.0.0.1:{port}",
                           "--workers", "1", "webapp:create_app()"], env, log_dir)
    process.stop_signal = signal.SIGINT  # gunicorn's quick shutdown: no waiting out idle keep-alive connections
    process.grace_s = 5.0
    base = f"http://127.0.0.1:{port}"

    def ready() -> bool:
        try:
            with urllib.request.urlopen(f"{base}/health/ready", timeout=5) as response:
                return response.status == 200
        except (urllib.error.URLError, ConnectionError, OSError):
            assert process.popen.poll() is None, process.output()
            return False

    wait_until(ready, 60, f"{name} to be ready")
    return process, base


def start_worker(name: str, env: dict[str, str], log_dir: Path, queues: str = "mail,solve") -> Process:
    """One queue worker (`flask --app webapp worker`), started as the deployment guide starts it."""
    return start(name, [str(BIN / "flask"), "--app", "webapp", "worker", "--queues", queues], env, log_dir)


@dataclass
class Browser:
    """A logged-in visitor of one web process: cookies, CSRF tokens, redirects followed."""

    base: str
    jar: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)

    def __post_init__(self):
        self._opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> tuple[str, str]:
        """GET a page; returns the final URL and the body."""
        with self._opener.open(self.base + path, timeout=30) as response:
            return response.geturl(), response.read().decode()

    def post(self, path: str, data: dict[str, str], token_from: Optional[str] = None) -> tuple[str, str]:
        """POST a form with the CSRF token of the page at token_from (default: the same path)."""
        _url, page = self.get(token_from or path)
        body = urllib.parse.urlencode({**data, "csrf_token": CSRF.search(page).group(1)}).encode()
        with self._opener.open(self.base + path, data=body, timeout=30) as response:
            return response.geturl(), response.read().decode()

    def json(self, path: str) -> dict:
        """GET a JSON endpoint."""
        return json.loads(self.get(path)[1])

    def login(self, login: str, password: str) -> "Browser":
        """Log in through the real form."""
        url, _page = self.post("/login", {"login": login, "password": password})
        assert "/login" not in url, "the login was refused"
        return self
