"""A background thread that delivers due e-mail notices every so often (so failed sends are retried) or when woken."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Optional

from sqlalchemy.orm import Session, sessionmaker

from matching.notify.outbox import Sender, deliver_due

log = logging.getLogger(__name__)


class DeliveryLoop:
    """Calls deliver_due on a daemon thread every interval, and at once when woken (interval 0: only when woken)."""

    def __init__(self, session_factory: sessionmaker, sender: Sender, interval_s: float,
                 clock: Callable[[], datetime], before_round: Optional[Callable[[Session], None]] = None):
        self._factory, self._sender, self._interval, self._clock = session_factory, sender, interval_s, clock
        self._before_round = before_round
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._thread = threading.Thread(target=self._run, name="notice-delivery", daemon=True)

    def start(self) -> None:
        """Begin delivering in the background."""
        self._thread.start()

    def wake(self) -> None:
        """Start a round now without waiting for it (the outbox's 「今すぐ送信」)."""
        self._idle.clear()
        self._wake.set()

    def wait_idle(self, timeout_s: float) -> bool:
        """Block until no round is asked for or running (for the command line and tests); False on timeout."""
        return self._idle.wait(timeout_s)

    def stop(self) -> None:
        """Stop after the current round."""
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=(self._interval or 0) + 5)

    def _run(self) -> None:
        while True:
            self._wake.wait(self._interval or None)
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                with self._factory() as session:
                    if self._before_round is not None:
                        self._before_round(session)
                    deliver_due(session, self._sender, self._clock())
            except Exception:  # keep the loop alive: the outbox keeps every notice for the next round
                log.exception("notice delivery round failed")
            if not self._wake.is_set():
                self._idle.set()
