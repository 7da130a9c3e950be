"""Load benchmark: the production server (gunicorn, two processes, PostgreSQL, a queue worker solving meanwhile)
against the development server, at fixed request rates on loopback.

    python benchmarks/load_benchmark.py --database-url postgresql://user:password@127.0.0.1:5432/postgres
                                        [--rates 25,50,100] [--seconds 20] [--skip-dev]

A fresh database is created on that server (and dropped afterwards) with the demo loaded. Each server
in turn is started on it, logged-in coordinators and tutors are made through the login form, and for
each rate a solve of the home visits is started and requests are sent open-loop (at fixed times, not
waiting for answers) for --seconds: the coordinator's home, lists, a child's page and the plans page, and
the tutor's home and calendar. A request's latency counts from the moment it was due, so a server that
falls behind is charged for the queue it builds. Printed per server and rate: the throughput achieved,
p50/p95/p99 latency, errors (non-200 or no answer within 10 s), the CPU seconds used by the server's
processes (and the worker's) and the load average before and after: the machine may be shared.
The production server is `gunicorn -c deploy/gunicorn.conf.py` with WEB_CONCURRENCY=2; the development
server is `flask run` with its solves in-process, as the site ran before.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from matching.db import make_engine  # noqa: E402
from tests.production.stack import BIN, CSRF, Process, start, start_redis, wait_until  # noqa: E402
from tests.smtp_server import free_port  # noqa: E402

COORDINATOR = ("coordinator", "demo-coordinator-2026")
TUTOR = ("tutor", "demo-tutor-2026")
COORDINATOR_PAGES = ("/coordinator/", "/coordinator/students", "/coordinator/students?page=3",
                     "/coordinator/tutors", "/coordinator/students/5", "/coordinator/plans/visits",
                     "/coordinator/sites")
TUTOR_PAGES = ("/tutor/", "/tutor/calendar")
SESSIONS_PER_ROLE = 4
CLIENT_THREADS = 64
TIMEOUT_S = 10.0


@dataclass
class Step:
    """What one rate on one server gave."""

    server: str
    rate: int
    sent: int
    ok: int
    errors: int
    seconds: float
    latencies_ms: list[float]
    server_cpu_s: float
    load_before: float
    load_after: float

    def percentile(self, q: float) -> float:
        """The q-th percentile of the latencies, in ms."""
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def process_tree_cpu_s(root_pid: int) -> float:
    """User plus system CPU seconds of a process and all its living descendants, read from /proc."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    tree, frontier = {root_pid}, [root_pid]
    while frontier:
        pid = frontier.pop()
        children = [child for child, parent in parents.items() if parent == pid and child not in tree]
        tree.update(children)
        frontier.extend(children)
    return sum(times.get(pid, 0.0) for pid in tree)


class Visitor:
    """A logged-in browser session: its cookie, and a CSRF token for posting."""

    def __init__(self, port: int, login: tuple[str, str]):
        self.port = port
        self.cookie = ""
        page = self.request("GET", "/login")[1]
        body = urllib.parse.urlencode({"login": login[0], "password": login[1],
                                       "csrf_token": CSRF.search(page).group(1)})
        status, _ = self.request("POST", "/login", body)
        assert status == 302, f"login of {login[0]} failed ({status})"

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, str]:
        """One request on a fresh connection, keeping the session cookie."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": self.cookie} if self.cookie else {}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        text_body = response.read().decode(errors="replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie" and value.startswith("session="):
                self.cookie = value.split(";", 1)[0]
        connection.close()
        return response.status, text_body

    def start_solve(self) -> int:
        """Start a home-visit solve through the plans page's button; returns the job's id."""
        page = self.request("GET", "/coordinator/plans/visits")[1]
        body = urllib.parse.urlencode({"csrf_token": CSRF.search(page).group(1)})
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request("POST", "/coordinator/plans/visits/solve", body,
                           {"Cookie": self.cookie, "Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        response.read()
        location = response.getheader("Location", "")
        connection.close()
        assert "/jobs/" in location, f"the solve did not start ({response.status} {location})"
        return int(location.rstrip("/").rsplit("/", 1)[1])


def run_rate(server: str, port: int, rate: int, seconds: float, visitors: list[tuple[Visitor, tuple[str, ...]]],
             cpu_pids: list[int]) -> Step:
    """Send requests open-loop at the rate for the time given; latency counts from each request's due time."""
    due: queue.Queue = queue.Queue()
    latencies: list[float] = []
    lock = threading.Lock()
    local = threading.local()

    def connection() -> http.client.HTTPConnection:
        if getattr(local, "connection", None) is None:
            local.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT_S)
        return local.connection

    def client() -> None:
        while True:
            item = due.get()
            if item is None:
                return
            due_at, cookie, path = item
            try:
                conn = connection()
                conn.request("GET", path, headers={"Cookie": cookie})
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
                    local.connection = None
            except (OSError, http.client.HTTPException):
                ok = False
                if getattr(local, "connection", None) is not None:
                    local.connection.close()
                local.connection = None
            elapsed_ms = (time.perf_counter() - due_at) * 1000
            with lock:
                if ok:
                    latencies.append(elapsed_ms)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(CLIENT_THREADS)]
    for thread in threads:
        thread.start()
    requests = itertools.cycle([(v.cookie, page) for v, pages in visitors for page in pages])
    cpu_before = sum(process_tree_cpu_s(pid) for pid in cpu_pids)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    total = int(rate * seconds)
    for number in range(total):
        due_at = started + number / rate
        pause = due_at - time.perf_counter()
        if pause > 0:
            time.sleep(pause)
        cookie, path = next(requests)
        due.put((due_at, cookie, path))
    for _ in threads:
        due.put(None)
    for thread in threads:
        thread.join(timeout=TIMEOUT_S * 3)
    elapsed = time.perf_counter() - started
    cpu = sum(process_tree_cpu_s(pid) for pid in cpu_pids) - cpu_before
    # Errors: refused or failed answers, and requests still unanswered when the clients gave up.
    return Step(server, rate, total, len(latencies), total - len(latencies), elapsed, latencies, cpu, load_before,
                os.getloadavg()[0])


def serve_and_measure(name: str, args: list[str], env: dict[str, str], port: int, rates: list[int], seconds: float,
                      log_dir: Path, worker: Process | None) -> list[Step]:
    """Start one server, log visitors in, and run every rate with a solve started just before each."""
    server = start(name, args, env, log_dir)
    try:
        def up() -> bool:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                connection.request("GET", "/health/live")
                return connection.getresponse().status == 200
            except OSError:
                assert server.popen.poll() is None, server.output()
                return False

        wait_until(up, 60, f"the {name} server")
        visitors = ([(Visitor(port, COORDINATOR), COORDINATOR_PAGES) for _ in range(SESSIONS_PER_ROLE)]
                    + [(Visitor(port, TUTOR), TUTOR_PAGES) for _ in range(SESSIONS_PER_ROLE)])
        for cookie_visitor, pages in visitors:  # warm every process's caches and connections
            for page in pages:
                cookie_visitor.request("GET", page)
        steps = []
        for rate in rates:
            job_id = visitors[0][0].start_solve()
            cpu_pids = [server.popen.pid] + ([worker.popen.pid] if worker else [])
            steps.append(run_rate(name, port, rate, seconds, visitors, cpu_pids))
            print(format_step(steps[-1]), flush=True)
            wait_for_solve(visitors[0][0], job_id)
        return steps
    finally:
        server.stop_signal = 2  # SIGINT: both servers stop at once on it
        server.stop()


def wait_for_solve(visitor: Visitor, job_id: int) -> None:
    """Let the step's solve end before the next one starts (a second would be refused while it runs)."""
    def finished() -> bool:
        status, body = visitor.request("GET", f"/coordinator/jobs/{job_id}/status")
        return status == 200 and '"finished":true' in body.replace(" ", "")
    wait_until(finished, 180, "the solve to end", every_s=1.0)


def format_step(step: Step) -> str:
    """One line of the table."""
    return (f"{step.server:<11} {step.rate:>4} rps  sent {step.sent:>5}  ok {step.ok:>5}  errors {step.errors:>4}  "
            f"thru {step.ok / step.seconds:6.1f}/s  p50 {step.percentile(50):7.0f} ms  p95 {step.percentile(95):7.0f} ms  "
            f"p99 {step.percentile(99):7.0f} ms  server CPU {step.server_cpu_s:6.1f} s  "
            f"load {step.load_before:4.1f}->{step.load_after:4.1f}")


def main() -> int:
    """Create the database, run both servers at every rate, print the table, drop the database."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("TEST_DATABASE_URL"), required=False)
    parser.add_argument("--rates", default="25,50,100")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--skip-dev", action="store_true", help="measure the production server only")
    options = parser.parse_args()
    if not options.database_url:
        parser.error("give --database-url (a PostgreSQL server where databases may be created)")
    rates = [int(r) for r in options.rates.split(",")]
    name = f"matching_load_{uuid.uuid4().hex[:8]}"
    admin = make_engine(options.database_url).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(options.database_url).set(database=name).render_as_string(hide_password=False)
    log_dir = Path(tempfile.mkdtemp(prefix=name))
    redis, queue_url = start_redis(log_dir, "redis-server")
    worker = None
    try:
        base = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "b" * 64, "SESSION_COOKIE_SECURE": "0",
                "MATCHING_TODAY": "2026-11-22", "SOLVER_TIME_LIMIT_S": str(int(options.seconds)),
                "NOTICE_DELIVERY_INTERVAL_S": "0"}
        subprocess.run([str(BIN / "flask"), "--app", "webapp", "init-demo"], env=base, check=True,
                       capture_output=True, timeout=600)
        production = {**base, "JOB_QUEUE_URL": queue_url, "LOG_FORMAT": "json", "LOG_LEVEL": "WARNING",
                      "WEB_CONCURRENCY": "2"}
        worker = start("worker", [str(BIN / "flask"), "--app", "webapp", "worker", "--queues", "solve"],
                       production, log_dir)
        print(f"load average at start: {os.getloadavg()}  (2 cores; other work on the machine counts in it)")
        port = free_port()
        steps = serve_and_measure("gunicorn", [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py",
                                               "-b", f"127.0.0.1:{port}", "webapp:create_app()"],
                                  production, port, rates, options.seconds, log_dir, worker)
        if not options.skip_dev:
            port = free_port()
            steps += serve_and_measure("flask-dev", [str(BIN / "flask"), "--app", "webapp", "run", "--port",
                                                     str(port), "--no-reload"], base, port, rates, options.seconds,
                                       log_dir, None)
        print("\nserver       rate        sent       ok     errors   throughput     p50          p95          "
              "p99       CPU (server+worker)   load avg")
        for step in steps:
            print(format_step(step))
        print(f"medians of load average: {statistics.median([s.load_before for s in steps]):.1f}")
    finally:
        if worker is not None:
            worker.stop()
        redis.stop()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
