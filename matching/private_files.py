"""Files the site writes with personal data or secrets: readable and writable by the site's own user only."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

PRIVATE_MODE = 0o600


def write_private(path: Path, data: bytes) -> None:
    """Write a new file (or replace one) with mode 0600 from its first byte, whatever the process umask."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_MODE)
    os.fchmod(descriptor, PRIVATE_MODE)  # an existing file keeps its old mode through O_CREAT
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)


def create_private(path: Path) -> None:
    """Create an empty file with mode 0600 unless it exists (so a database the site creates there starts private)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE))
    except FileExistsError:
        pass


def ensure_secret_key(path: Path) -> str:
    """The secret key kept in path, made (64 hex digits, mode 0600) the first time; an old file is made private."""
    if path.exists() and path.read_text().strip():
        os.chmod(path, PRIVATE_MODE)
        return path.read_text().strip()
    key = secrets.token_hex(32)
    write_private(path, (key + "\n").encode())
    return key
