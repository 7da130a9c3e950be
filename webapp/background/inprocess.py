"""The embedded default: solves on a thread of the web process, and a thread that delivers the outbox."""

from __future__ import annotations

from flask import Flask

from matching.notify.delivery_loop import DeliveryLoop
from matching.planning.runner import JobRunner
from webapp.clock import now, today_in
from webapp.mail import queue_tomorrows_reminders


def start_job_runner(app: Flask) -> JobRunner:
    """Solve jobs run in this process on a background thread, one at a time."""
    return JobRunner(app.extensions["session_factory"], lambda: today_in(app),
                     time_limit_s=float(app.config["SOLVER_TIME_LIMIT_S"]),
                     heartbeat_s=float(app.config["SOLVE_HEARTBEAT_S"]))


def start_delivery_loop(app: Flask) -> DeliveryLoop:
    """A delivery thread: a round every NOTICE_DELIVERY_INTERVAL_S (0: only when 「今すぐ送信」 wakes it)."""
    before_round = queue_tomorrows_reminders(app) if app.config.get("REMINDERS_ENABLED") else None
    loop = DeliveryLoop(app.extensions["session_factory"], app.extensions["mail_sender"],
                        float(app.config["NOTICE_DELIVERY_INTERVAL_S"]), now, before_round)
    loop.start()
    return loop
