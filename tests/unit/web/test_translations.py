"""The English catalogue translates every message of the interface and is compiled from its latest text."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[3]
CATALOGUE = ROOT / "webapp" / "translations" / "en" / "LC_MESSAGES"
KEYWORDS = {"_": None, "gettext": None, "_l": None, "lazy_gettext": None}


def source_messages() -> set[str]:
    """Every message id marked for translation in the app's Python code and templates."""
    method_map = [("**.py", "python"), ("templates/**.html", "jinja2")]
    found = extract_from_dir(str(ROOT / "webapp"), method_map=method_map, keywords=KEYWORDS)
    return {message if isinstance(message, str) else message[0] for _, _, message, _, _ in found}


def catalogue(path: Path, reader) -> dict[str, str]:
    with path.open("rb") as handle:
        return {m.id: m.string for m in reader(handle) if m.id}


def test_every_interface_message_has_an_english_translation():
    english = catalogue(CATALOGUE / "messages.po", read_po)
    untranslated = sorted(m for m in source_messages() if not english.get(m))
    assert untranslated == [], "run pybabel extract/update and translate these"


def test_the_compiled_catalogue_matches_its_source():
    assert catalogue(CATALOGUE / "messages.mo", read_mo) == catalogue(CATALOGUE / "messages.po", read_po)
