"""The interface language: Japanese first, English on request, remembered in the session."""

from __future__ import annotations

from flask import session

LANGUAGES = {"ja": "日本語", "en": "English"}
DEFAULT = "ja"


def select_locale() -> str:
    """The language chosen with the switch, else Japanese (coordinators and tutors read Japanese first)."""
    chosen = session.get("lang")
    return chosen if chosen in LANGUAGES else DEFAULT
