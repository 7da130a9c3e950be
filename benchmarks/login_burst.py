"""Benchmark of a burst of parallel logins: peak memory of the server process with and without the hash bound.

    python benchmarks/login_burst.py [--logins 20] [--concurrency 2,20]

For each PASSWORD_HASH_CONCURRENCY value a fresh process serves the real app with werkzeug's threaded
server on a loopback port (a migrated SQLite file with one coordinator account) and receives --logins
login posts at once, from as many client threads, each with a different login ID and a wrong password
(the limits are raised so none is refused before its hash). Every argon2 check takes 64 MiB, so the
peak resident memory grows with the checks that run at the same time. The table shows the resident
memory before the burst, the peak during it (VmHWM), the wall-clock time of the burst and the server
process's CPU seconds, and how many answers were 200 (checked), 503 (no hashing slot in time) or else.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SERVER = r"""
import json, re, sys, threading, time, urllib.parse, urllib.request, http.cookiejar
from concurrent.futures import ThreadPoolExecutor
from werkzeug.serving import make_server
sys.path.insert(0, sys.argv[4])
from matching.db import make_engine, make_session_factory, upgrade
from matching.models import Role, UserAccount
from matching.passwords import hash_password
from webapp import create_app

url, logins, concurrency = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
upgrade(url)
engine = make_engine(url)
with make_session_factory(engine)() as session:
    session.add(UserAccount(login="coordinator", password_hash=hash_password("right password"),
                            role=Role.COORDINATOR, display_name="coordinator"))
    session.commit()
engine.dispose()
lots = "100000 per minute"
app = create_app({"DATABASE_URL": url, "SECRET_KEY": "b" * 40, "NOTICE_DELIVERY_INTERVAL_S": 0,
                  "WTF_CSRF_ENABLED": False, "PASSWORD_HASH_CONCURRENCY": concurrency, "PASSWORD_HASH_WAIT_S": 30,
                  "LOGIN_LIMIT_PER_ACCOUNT": lots, "LOGIN_LIMIT_PER_ADDRESS": lots})
server = make_server("127.0.0.1", 0, app, threaded=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_port}"

def rss(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) / 1024

def login(n):
    data = urllib.parse.urlencode({"login": f"user{n}", "password": "wrong"}).encode()
    try:
        return urllib.request.urlopen(base + "/login", data=data, timeout=120).status
    except urllib.error.HTTPError as error:
        return error.code

urllib.request.urlopen(base + "/login").read()
before = rss("VmRSS:")
cpu, wall = time.process_time(), time.perf_counter()
with ThreadPoolExecutor(logins) as pool:
    statuses = list(pool.map(login, range(logins)))
print(json.dumps({"before_mb": before, "peak_mb": rss("VmHWM:"), "wall_s": time.perf_counter() - wall,
                  "cpu_s": time.process_time() - cpu, "statuses": statuses}))
server.shutdown()
"""


def burst(logins: int, concurrency: int) -> dict:
    """Run one burst in a fresh process and return its figures."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'burst.sqlite3'}"
        root = str(Path(__file__).resolve().parent.parent)
        done = subprocess.run([sys.executable, "-c", SERVER, url, str(logins), str(concurrency), root],
                              capture_output=True, text=True, check=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    """Print one row per concurrency bound."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logins", type=int, default=20)
    parser.add_argument("--concurrency", default="2,20", help="PASSWORD_HASH_CONCURRENCY values, comma-separated")
    args = parser.parse_args()
    print(f"{args.logins} parallel logins with a wrong password, one server process per row")
    print("hash slots | RSS before MB | peak RSS MB | burst wall s | server CPU s | 200 | 503 | other")
    for concurrency in (int(value) for value in args.concurrency.split(",")):
        started = time.perf_counter()
        row = burst(args.logins, concurrency)
        statuses = row["statuses"]
        print(f"{concurrency:10d} | {row['before_mb']:13.0f} | {row['peak_mb']:11.0f} | {row['wall_s']:12.1f} | "
              f"{row['cpu_s']:12.1f} | {statuses.count(200):3d} | {statuses.count(503):3d} | "
              f"{len(statuses) - statuses.count(200) - statuses.count(503):5d}"
              f"   ({time.perf_counter() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
