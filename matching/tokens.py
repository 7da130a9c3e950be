"""Secret link tokens: made with the OS's randomness, stored only as their SHA-256."""

from __future__ import annotations

import hashlib
import secrets

# Letters and digits that cannot be confused when read out by phone (no 0/O, 1/I/L, 2/Z, 5/S, 8/B).
SHORT_CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"


def new_token() -> str:
    """A URL-safe secret of 256 bits."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """The SHA-256 hex digest under which a token is stored and looked up."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _grouped(letters: str) -> str:
    return "-".join(letters[start:start + 4] for start in range(0, len(letters), 4))


def new_short_code(length: int = 8) -> str:
    """A code to read out or print, in groups of 4, e.g. "K7QM-3XTA" (8 characters from 25: about 37 bits)."""
    return _grouped("".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(length)))


def normalise_short_code(text: str) -> str:
    """A typed short code in the stored form: upper case, a dash every 4 characters, spaces ignored."""
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    return _grouped(letters) if letters and len(letters) % 4 == 0 else letters
