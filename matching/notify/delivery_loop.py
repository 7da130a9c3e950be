"""A background loop that delivers due e-mail notices every so often, so failed sends are retried."""

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
    """Calls deliver_due on a daemon thread every interval until stopped (after before_round, if given)."""

    def __init__(self, session_factory: sessionmaker, sender: Sender, interval_s: float,
                 clock: Callable[[], datetime], before_round: Optional[Callable[[Session], None]] = None):
        self._factory, self._sender, self._interval, self._clock = session_factory, sender, interval_s, clock
        self._before_round = before_round
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="notice-delivery", daemon=True)

    def start(self) -> None:
        """Begin delivering in the background."""
        self._thread.start()

    def stop(self) -> None:
        """Stop after the current round."""
        self._stop.set()
        self._thread.join(timeout=self._interval + 5)

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                with self._factory() as session:
                    if self._before_round is not None:
                        self._before_round(session)
                    deliver_due(session, self._sender, self._clock())
            except Exception:  # keep the loop alive: the outbox keeps every notice for the next round
                log.exception("notice delivery round failed")
