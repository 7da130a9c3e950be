"""The in-process job runner (the embedded default): solves one job at a time on a background thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import date
from concurrent.futures import Future, ThreadPoolExecutor

from sqlalchemy.orm import sessionmaker

from matching.planning.heartbeat import HEARTBEAT_S
from matching.planning.jobs import run_solve

log = logging.getLogger(__name__)


class JobRunner:
    """Runs queued solve jobs in order on one worker thread (the solver itself uses both cores)."""

    def __init__(self, session_factory: sessionmaker, today: Callable[[], date], time_limit_s: float = 10.0,
                 seed: int = 0, heartbeat_s: float = HEARTBEAT_S):
        self._factory = session_factory
        self._today = today  # the day the site works on, read when each job starts
        self._time_limit_s = time_limit_s
        self._seed = seed
        self._heartbeat_s = heartbeat_s
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="solve")
        self._cancels: dict[int, threading.Event] = {}
        self._futures: dict[int, Future] = {}
        self._lock = threading.Lock()

    def submit(self, job_id: int) -> Future:
        """Start a queued job in the background; the returned future resolves to its final status."""
        with self._lock:
            cancel = self._cancels.setdefault(job_id, threading.Event())
            future = self._executor.submit(self._run, job_id, cancel)
            self._futures[job_id] = future
        return future

    def wait(self, job_id: int, timeout_s: float | None = None):
        """Block until a submitted job ends and return its final status (for the command line and tests)."""
        with self._lock:
            future = self._futures.get(job_id)
        if future is None:
            return None
        status = future.result(timeout=timeout_s)
        with self._lock:
            self._futures.pop(job_id, None)
        return status

    def cancel(self, job_id: int) -> None:
        """Tell a running job to stop now (the database flag reaches it too, a moment later)."""
        with self._lock:
            event = self._cancels.get(job_id)
        if event is not None:
            event.set()

    def shutdown(self) -> None:
        """Stop every job and wait for the worker to finish."""
        with self._lock:
            for event in self._cancels.values():
                event.set()
        self._executor.shutdown(wait=True)

    def _run(self, job_id: int, cancel: threading.Event):
        try:
            return run_solve(self._factory, job_id, self._time_limit_s, self._today(), self._seed, cancel,
                             heartbeat_s=self._heartbeat_s)
        finally:
            with self._lock:
                self._cancels.pop(job_id, None)
