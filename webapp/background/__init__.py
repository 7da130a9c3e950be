"""Where background work runs: in this process (the embedded default) or in queue workers (production).

With JOB_QUEUE_URL unset, solves run on a thread of the web process and a delivery thread sends the
outbox. With JOB_QUEUE_URL naming a Redis server, the web process only enqueues: `flask worker`
processes run solves and deliveries, and one `flask scheduler` enqueues the periodic jobs.
"""

from __future__ import annotations

from flask import Flask

from webapp.background import commands


def init_app(app: Flask) -> None:
    """Attach app.extensions['job_runner'] and ['notice_delivery'] for the configured mode, and the commands."""
    if app.config.get("JOB_QUEUE_URL"):
        from webapp.background.queue import QueuedDelivery, QueuedSolves, connect

        connection = connect(app.config["JOB_QUEUE_URL"])
        app.extensions["job_queue"] = connection
        app.extensions["job_runner"] = QueuedSolves(connection, float(app.config["SOLVER_TIME_LIMIT_S"]))
        app.extensions["notice_delivery"] = QueuedDelivery(connection)
    else:
        from webapp.background.inprocess import start_delivery_loop, start_job_runner

        app.extensions["job_runner"] = start_job_runner(app)
        app.extensions["notice_delivery"] = start_delivery_loop(app)
    commands.init_app(app)
