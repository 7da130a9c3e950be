"""The web side of the queue (RQ on Redis): put solves and delivery rounds on it for the workers."""

from __future__ import annotations

from redis import Redis
from rq import Queue

SOLVE_QUEUE = "solve"
MAIL_QUEUE = "mail"
QUEUES = (SOLVE_QUEUE, MAIL_QUEUE)
# A solve may build its problem and store its plan besides the solver's own time limit; past this RQ kills it.
SOLVE_MARGIN_S = 120
MAIL_TIMEOUT_S = 600
# Finished queue entries are only bookkeeping (the database holds every outcome): keep them an hour.
RESULT_TTL_S = 3600


def connect(url: str) -> Redis:
    """A Redis connection for the queue (nothing is sent until first use)."""
    return Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)


class QueuedSolves:
    """Solve jobs for the workers: submit puts the job's id on the solve queue; cancel goes through the database."""

    def __init__(self, connection: Redis, time_limit_s: float):
        self._queue = Queue(SOLVE_QUEUE, connection=connection)
        self._timeout_s = int(time_limit_s) + SOLVE_MARGIN_S

    def submit(self, job_id: int) -> None:
        """Enqueue a queued job; one worker runs it."""
        self._queue.enqueue("webapp.background.tasks.solve", job_id, job_timeout=self._timeout_s,
                            result_ttl=RESULT_TTL_S, failure_ttl=RESULT_TTL_S, description=f"solve job {job_id}")

    def cancel(self, job_id: int) -> None:
        """Nothing to do here: the job row's cancel flag reaches the worker's solve within a second."""

    def shutdown(self) -> None:
        """Nothing runs in this process."""


class QueuedDelivery:
    """Delivery rounds for the workers: 「今すぐ送信」 enqueues one and returns at once."""

    def __init__(self, connection: Redis):
        self._queue = Queue(MAIL_QUEUE, connection=connection)

    def wake(self) -> None:
        """Enqueue a delivery round (two at once are harmless: each notice is claimed by one sender)."""
        self._queue.enqueue("webapp.background.tasks.deliver_notices", job_timeout=MAIL_TIMEOUT_S,
                            result_ttl=RESULT_TTL_S, failure_ttl=RESULT_TTL_S, description="deliver notices")
