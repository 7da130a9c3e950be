"""The interface language: Japanese first, English on request, remembered in the session."""

from __future__ import annotations

from flask import session
from flask_babel import get_locale

LANGUAGES = {"ja": "日本語", "en": "English"}
DEFAULT = "ja"


def select_locale() -> str:
    """The language chosen with the switch, else Japanese (coordinators and tutors read Japanese first)."""
    chosen = session.get("lang")
    return chosen if chosen in LANGUAGES else DEFAULT


def current_locale() -> str:
    """The language of the page being rendered: "ja" or "en"."""
    return str(get_locale() or DEFAULT)
