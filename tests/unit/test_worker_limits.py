"""A solve in a worker runs under a memory limit: past it, allocation fails in that process and nowhere else."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
from webapp.background.tasks import limit_memory
limit_memory(300)
try:
    hog = bytearray(600 * 1024 * 1024)
except MemoryError:
    print("refused")
else:
    print("allowed")
"""


def test_a_process_over_its_memory_limit_gets_memory_error():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "refused", result.stderr


def test_no_limit_when_it_is_zero():
    result = subprocess.run([sys.executable, "-c", PROBE.replace("limit_memory(300)", "limit_memory(0)")],
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "allowed", result.stderr
