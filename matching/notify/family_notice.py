"""The e-mail notice a household gets when its dates are published: its language, then Japanese."""

from __future__ import annotations

from dataclasses import dataclass

from matching.notify.family_language import letter_languages, plain


@dataclass(frozen=True)
class FamilyNotice:
    """A plain-text e-mail to a household."""

    subject: str
    body: str


def family_notice(household_language: str, url: str) -> FamilyNotice:
    """The notice pointing a household to its page, written in its language and in Japanese."""
    languages = letter_languages(household_language)
    subject = " / ".join(plain(language, "notice_subject") for language in languages)
    body = "\n\n".join(plain(language, "notice_body", url=url) for language in languages)
    return FamilyNotice(subject=subject, body=body + "\n")
