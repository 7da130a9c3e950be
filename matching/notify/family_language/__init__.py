"""The families' languages: wording for their page, letters and e-mail, and dates written their way.

Each language is one data module (TEXTS, DATE_PATTERN, WEEKDAYS, MONTHS, SUBJECTS, NAME). Japanese texts
mark furigana as ``[漢字|かんじ]``; ``text`` turns them into <ruby> markup and ``plain`` into 漢字(かんじ).
Languages we have no wording for fall back to やさしい日本語, with the Japanese letter beside it.
"""

from __future__ import annotations

import re
from datetime import date
from types import ModuleType

from markupsafe import Markup, escape

from matching.notify.family_language import en, ja, ja_easy, vi, zh_hans
from solver.clock import format_time

LANGUAGES: dict[str, ModuleType] = {"ja": ja, "ja-easy": ja_easy, "en": en, "zh-Hans": zh_hans, "vi": vi}
SUPPORTED = tuple(LANGUAGES)
FALLBACK = "ja-easy"
# BCP 47 tags people store for Chinese written in simplified characters.
_SIMPLIFIED_CHINESE = {"zh", "zh-hans", "zh-cn", "zh-sg", "zh-hans-cn"}
_RUBY = re.compile(r"\[([^\[\]|]+)\|([^\[\]|]+)\]")


def family_language(code: str) -> str:
    """The language we write to a household in: its own where we have it, else やさしい日本語."""
    tag = (code or "").strip().replace("_", "-")
    if tag in LANGUAGES:
        return tag
    lowered = tag.lower()
    if lowered in _SIMPLIFIED_CHINESE:
        return "zh-Hans"
    primary = lowered.split("-")[0]
    if primary in ("ja", "en", "vi"):
        return primary
    return FALLBACK


def letter_languages(code: str) -> tuple[str, ...]:
    """The languages of a household's letter: its language, then Japanese (only Japanese for ja)."""
    own = family_language(code)
    return (own,) if own == "ja" else (own, "ja")


def page_languages(code: str) -> tuple[str, ...]:
    """Every language a household's page offers: its own first, then Japanese and やさしい日本語, then the rest.

    A family may read another language better than the one on file (a Nepali family English, a Japanese
    one やさしい日本語), so the page offers them all; the first is the one it opens in.
    """
    own = family_language(code)
    return tuple(dict.fromkeys((own, "ja", "ja-easy", *SUPPORTED)))


def text(language: str, key: str, **values: object) -> Markup:
    """A family text as HTML: furigana as <ruby>, values escaped."""
    template = LANGUAGES[language].TEXTS[key]
    html = _RUBY.sub(r"<ruby>\1<rt>\2</rt></ruby>", str(escape(template)))
    return Markup(html).format(**values)


def plain(language: str, key: str, **values: object) -> str:
    """A family text as plain text (e-mail): furigana in brackets after the word."""
    return _RUBY.sub(r"\1(\2)", LANGUAGES[language].TEXTS[key]).format(**values)


def ruby_name(name: str, kana: str) -> Markup:
    """A name with its stored reading as furigana (just the name when there is no reading)."""
    if not kana or kana == name:
        return escape(name)
    return Markup("<ruby>{}<rt>{}</rt></ruby>").format(name, kana)


def subject_name(language: str, code: str) -> Markup:
    """A subject's name in the language (with furigana in Japanese)."""
    names = LANGUAGES[language].SUBJECTS
    if code not in names:
        return escape(code)
    return Markup(_RUBY.sub(r"<ruby>\1<rt>\2</rt></ruby>", str(escape(names[code]))))


def plain_subject(language: str, code: str) -> str:
    """A subject's name in the language as plain text (furigana in brackets in Japanese)."""
    names = LANGUAGES[language].SUBJECTS
    return _RUBY.sub(r"\1(\2)", names[code]) if code in names else code


def language_name(language: str) -> str:
    """A language's name written in itself, for the switch."""
    return LANGUAGES[language].NAME


def format_date(language: str, day: date) -> str:
    """A date as the language writes it, e.g. 2026年12月1日(火) or Tuesday 1 December 2026."""
    module = LANGUAGES[language]
    month = module.MONTHS[day.month - 1] if module.MONTHS else ""
    return module.DATE_PATTERN.format(y=day.year, m=day.month, d=day.day, mm=f"{day.month:02d}",
                                      dd=f"{day.day:02d}", wd=module.WEEKDAYS[day.weekday()], month=month)


def format_times(start: int, end: int) -> str:
    """A time range in minutes after midnight as 18:00–20:00 (the same in every language)."""
    return f"{format_time(start)}–{format_time(end)}"
