"""Counting wrong short codes per visitor, so codes cannot be guessed by trying many."""

from __future__ import annotations

import threading
import time
from collections import deque
from typing import Callable


class AttemptLimiter:
    """At most max_failures wrong tries per key within window_s seconds (kept in memory, per process)."""

    def __init__(self, max_failures: int = 10, window_s: float = 900.0,
                 clock: Callable[[], float] = time.monotonic):
        self._max, self._window, self._clock = max_failures, window_s, clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and failures[0] <= self._clock() - self._window:
            failures.popleft()
        if not failures:
            del self._failures[key]  # forget quiet visitors so memory stays small
            return deque()
        return failures

    def blocked(self, key: str) -> bool:
        """Whether this visitor has used up their tries for now."""
        with self._lock:
            return len(self._recent(key)) >= self._max

    def failed(self, key: str) -> None:
        """Count one wrong try."""
        with self._lock:
            self._recent(key)
            self._failures.setdefault(key, deque()).append(self._clock())
