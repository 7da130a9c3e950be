"""The clock the rooms solver's time limit counts: CPU seconds of this process, not the wall clock.

On a shared machine (load average 20 on 2 cores) a 10-second wall limit left the solver under one
CPU second, so the same input gave a worse plan the busier the machine was. Every phase therefore
measures its budget on this clock. CP-SAT has no CPU-time limit: its deterministic-time limit
normally ends each phase first, and its wall-clock limit is WALL_CAP times the phase's budget, a
cap for a busy machine rather than the working limit.
"""

from __future__ import annotations

import time

WALL_CAP = 3.0


def cpu_now() -> float:
    """CPU seconds used by this process so far (every thread, CP-SAT's included)."""
    return time.process_time()
