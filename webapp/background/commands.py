"""`flask worker` runs queued jobs; `flask scheduler` enqueues the periodic ones (RQ's cron scheduler)."""

from __future__ import annotations

import click
from flask import Flask, current_app

from webapp.background.queue import MAIL_QUEUE, MAIL_TIMEOUT_S, QUEUES

SWEEP_INTERVAL_S = 30


def _connection():
    connection = current_app.extensions.get("job_queue")
    if connection is None:
        raise click.ClickException("JOB_QUEUE_URL is not set: without a queue, jobs run inside the web process")
    return connection


@click.command("worker")
@click.option("--queues", default=",".join((MAIL_QUEUE,) + tuple(q for q in QUEUES if q != MAIL_QUEUE)),
              show_default=True, help="Queues to take jobs from, the first first.")
@click.option("--burst", is_flag=True, help="Stop when the queues are empty.")
def worker_command(queues: str, burst: bool) -> None:
    """Run queued jobs (solves, delivery rounds, reminders) until stopped; each job in a forked process."""
    from rq import Queue, Worker

    connection = _connection()
    current_app.extensions["engine"].dispose()
    worker = Worker([Queue(name, connection=connection) for name in queues.split(",")], connection=connection)
    worker.work(burst=burst, logging_level=current_app.config["LOG_LEVEL"])


@click.command("scheduler")
def scheduler_command() -> None:
    """Enqueue delivery rounds, the dead-job sweep and (when on) the daily reminders; run one per deployment."""
    from rq.cron import CronScheduler

    from webapp.background import tasks

    config = current_app.config
    cron = CronScheduler(connection=_connection(), logging_level=config["LOG_LEVEL"])
    interval = int(float(config["NOTICE_DELIVERY_INTERVAL_S"]))
    if interval > 0:
        cron.register(tasks.deliver_notices, queue_name=MAIL_QUEUE, interval=interval, job_timeout=MAIL_TIMEOUT_S)
    cron.register(tasks.sweep, queue_name=MAIL_QUEUE, interval=SWEEP_INTERVAL_S)
    if config.get("REMINDERS_ENABLED"):
        cron.register(tasks.queue_reminders, queue_name=MAIL_QUEUE, cron=config["REMINDERS_CRON"])
    cron.start()


def init_app(app: Flask) -> None:
    """Register the commands."""
    app.cli.add_command(worker_command)
    app.cli.add_command(scheduler_command)
