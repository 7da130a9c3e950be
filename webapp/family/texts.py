"""The family wording bound to one language, for templates (the family pages do not use the UI catalogue)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from matching.notify import family_language as fl

# The lang attribute of each family language (やさしい日本語 is Japanese).
HTML_LANG = {"ja": "ja", "ja-easy": "ja", "en": "en", "zh-Hans": "zh-Hans", "vi": "vi"}


@dataclass(frozen=True)
class FamilyTexts:
    """A language's texts, dates, subjects and names, as one object a template calls."""

    language: str

    @property
    def html_lang(self) -> str:
        """The value of the lang attribute for this language."""
        return HTML_LANG[self.language]

    @property
    def name(self) -> str:
        """The language's name in itself."""
        return fl.language_name(self.language)

    def __call__(self, key: str, **values: object) -> Markup:
        """A text of this language as HTML with furigana."""
        return fl.text(self.language, key, **values)

    def date(self, day: date) -> str:
        """A date written this language's way."""
        return fl.format_date(self.language, day)

    def subject(self, code: str) -> Markup:
        """A subject's name in this language."""
        return fl.subject_name(self.language, code)

    @staticmethod
    def times(start: int, end: int) -> str:
        """A time range, e.g. 18:00–20:00."""
        return fl.format_times(start, end)

    @staticmethod
    def name_ruby(name: str, kana: str) -> Markup:
        """A name with its reading as furigana."""
        return fl.ruby_name(name, kana)


def in_each(texts: list[FamilyTexts], key: str) -> Markup:
    """A short text in each given language, joined by " / ", each wording once (ja and やさしい日本語 may agree)."""
    seen: list[Markup] = []
    for t in texts:
        wording = t(key)
        if wording.striptags() not in {w.striptags() for w in seen}:
            seen.append(wording)
    return Markup(" / ").join(seen)
