"""Files the site writes with personal data or secrets: readable and writable by the site's own user only."""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_MODE = 0o600


def write_private(path: Path, data: bytes) -> None:
    """Write a new file (or replace one) with mode 0600 from its first byte, whatever the process umask."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_MODE)
    os.fchmod(descriptor, PRIVATE_MODE)  # an existing file keeps its old mode through O_CREAT
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
