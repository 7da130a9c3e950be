"""Solves and mail in queue workers behind two gunicorn servers: run once, seen everywhere, failed when killed."""

from __future__ import annotations

import hashlib
import os
import re
import signal

import pytest
from sqlalchemy import select, text

from matching.db import make_engine, make_session_factory
from matching.models import Channel, Notification, NotificationStatus
from matching.notify.outbox import enqueue
from tests.production.stack import BIN, Browser, start, start_worker, wait_until

# One stack for the whole module: with xdist's loadgroup its tests stay in one test process.
pytestmark = [pytest.mark.postgres, pytest.mark.production, pytest.mark.slow, pytest.mark.xdist_group("stack")]
COORDINATOR = ("coordinator", "demo-coordinator-2026")


def _start_solve(browser: Browser) -> int:
    url, _page = browser.post("/coordinator/plans/visits/solve", {}, token_from="/coordinator/plans/visits")
    return int(re.search(r"/coordinator/jobs/(\d+)", url).group(1))


def _plans_fingerprint(database_url: str) -> str:
    """A digest of every plan and every row that hangs off one, to prove that none changed."""
    engine = make_engine(database_url)
    with engine.connect() as connection:
        rows = [connection.execute(text(f'SELECT * FROM "{table}" ORDER BY 1')).all()
                for table in ("plan", "plan_change", "visit", "visit_occurrence", "visit_pin", "session",
                              "session_staff", "room_pin")]
    engine.dispose()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_a_solve_queued_from_one_web_process_runs_in_the_worker_and_is_seen_from_the_other(stack):
    worker = start_worker("worker-solve", stack.env, stack.log_dir)
    try:
        job_id = _start_solve(Browser(stack.web_a).login(*COORDINATOR))
        other = Browser(stack.web_b).login(*COORDINATOR)
        status = wait_until(lambda: (s := other.json(f"/coordinator/jobs/{job_id}/status"))["finished"] and s,
                            120, "the solve to finish")
        assert status["status"] == "succeeded", status
        _url, plan_page = other.get(status["result_url"])
        assert "結果" in plan_page or "計画" in plan_page
        assert f"solve job {job_id} ended: succeeded" in worker.output()
    finally:
        worker.stop()


def test_a_hundred_notices_sent_by_two_workers_at_once_reach_the_mail_server_once_each(stack):
    engine = make_engine(stack.database_url)
    factory = make_session_factory(engine)
    with factory() as session:
        ours = [enqueue(session, kind="plan_change", channel=Channel.EMAIL, address=f"family{number}@example.jp",
                        subject="訪問日のお知らせ", body=f"お知らせ {number}") for number in range(100)]
        session.commit()
        ids = [notice.id for notice in ours]  # the demo's own notices (its year so far) are already sent
    stack.smtp.inbox.clear()
    workers = [start_worker(f"worker-mail-{n}", stack.env, stack.log_dir, queues="mail") for n in (1, 2)]
    try:
        # Rounds asked for from both web processes at once, several times: both workers take some.
        for base in (stack.web_a, stack.web_b) * 3:
            Browser(base).login(*COORDINATOR).post("/coordinator/outbox/deliver", {}, token_from="/coordinator/outbox")

        def all_out() -> bool:
            with factory() as session:
                waiting = session.scalar(select(Notification.id).where(
                    Notification.channel == Channel.EMAIL, Notification.status != NotificationStatus.SENT).limit(1))
            return waiting is None

        wait_until(all_out, 120, "every notice to be sent")
        with factory() as session:
            attempts = set(session.scalars(select(Notification.attempts).where(Notification.id.in_(ids))))
    finally:
        for worker in workers:
            worker.stop()
        engine.dispose()
    addresses = sorted(str(message["To"]) for message in stack.smtp.inbox)
    assert addresses == sorted(f"family{n}@example.jp" for n in range(100))
    assert attempts == {1}
    assert all("delivery round" in worker.output() for worker in workers)


def test_killing_the_worker_mid_solve_leaves_the_job_failed_and_every_plan_unchanged(stack):
    before = _plans_fingerprint(stack.database_url)
    # A long solve, so it is surely still running when the worker dies.
    env = {**stack.env, "SOLVER_TIME_LIMIT_S": "120"}
    worker = start_worker("worker-killed", env, stack.log_dir, queues="solve")
    browser = Browser(stack.web_a).login(*COORDINATOR)
    try:
        job_id = _start_solve(browser)
        wait_until(lambda: browser.json(f"/coordinator/jobs/{job_id}/status")["facts"]["elapsed"] != "—", 60,
                   "the solve to report progress")
        horses = worker.children()
        assert horses, "the worker runs the solve in a forked work horse"
        worker.kill(signal.SIGKILL)  # the machine's OOM killer or a power cut: no cleanup at all
        for pid in horses:
            os.kill(pid, signal.SIGKILL)
        other = Browser(stack.web_b).login(*COORDINATOR)
        status = wait_until(lambda: (s := other.json(f"/coordinator/jobs/{job_id}/status"))["finished"] and s,
                            60, "the dead solve to be failed")
    finally:
        worker.stop()
    assert status["status"] == "failed" and "interrupted" in status["error"]
    assert _plans_fingerprint(stack.database_url) == before
    # ... and a new solve may start at once (cancelled again: no worker is left to run it).
    next_job = _start_solve(browser)
    assert next_job != job_id
    browser.post(f"/coordinator/jobs/{next_job}/cancel", {}, token_from=f"/coordinator/jobs/{next_job}")
    assert browser.json(f"/coordinator/jobs/{next_job}/status")["status"] == "cancelled"


def test_a_solve_cancelled_from_the_other_web_process_stops_in_the_worker_and_stores_nothing(stack):
    before = _plans_fingerprint(stack.database_url)
    worker = start_worker("worker-cancelled", {**stack.env, "SOLVER_TIME_LIMIT_S": "120"}, stack.log_dir,
                          queues="solve")
    try:
        browser = Browser(stack.web_a).login(*COORDINATOR)
        job_id = _start_solve(browser)
        wait_until(lambda: browser.json(f"/coordinator/jobs/{job_id}/status")["status"] == "running", 60,
                   "the solve to start")
        other = Browser(stack.web_b).login(*COORDINATOR)
        other.post(f"/coordinator/jobs/{job_id}/cancel", {}, token_from=f"/coordinator/jobs/{job_id}")
        status = wait_until(lambda: (s := other.json(f"/coordinator/jobs/{job_id}/status"))["finished"] and s,
                            90, "the cancelled solve to stop")
    finally:
        worker.stop()
    assert status["status"] == "cancelled"
    assert _plans_fingerprint(stack.database_url) == before


def test_the_scheduler_has_a_worker_deliver_waiting_notices_without_anyone_asking(stack):
    engine = make_engine(stack.database_url)
    with make_session_factory(engine)() as session:
        enqueue(session, kind="plan_change", channel=Channel.EMAIL, address="scheduled@example.jp",
                subject="訪問日のお知らせ", body="お知らせ")
        session.commit()
    engine.dispose()
    env = {**stack.env, "NOTICE_DELIVERY_INTERVAL_S": "1"}
    scheduler = start("scheduler", [str(BIN / "flask"), "--app", "webapp", "scheduler"], env, stack.log_dir)
    worker = start_worker("worker-scheduled", env, stack.log_dir, queues="mail")
    try:
        wait_until(lambda: any(str(m["To"]) == "scheduled@example.jp" for m in stack.smtp.inbox), 60,
                   "the scheduled round to send the notice")
    finally:
        scheduler.stop()
        worker.stop()
    assert [str(m["To"]) for m in stack.smtp.inbox].count("scheduled@example.jp") == 1
    assert "sweep" in scheduler.output()
