"""Subjects taught in the programme: a code in data, Japanese and English names on screen (solver, domain and web alike)."""

from __future__ import annotations

# Code -> (Japanese, English). Elementary 算数 is taught as math.
SUBJECTS: dict[str, tuple[str, str]] = {
    "math": ("数学", "Mathematics"),
    "english": ("英語", "English"),
    "japanese": ("国語", "Japanese"),
    "science": ("理科", "Science"),
    "social": ("社会", "Social studies"),
    "study_habits": ("学習習慣", "Study habits"),
}


def subject_label(code: str, locale: str = "ja") -> str:
    """The name of a subject in the given locale ("ja" or "en"); unknown codes are shown as they are."""
    names = SUBJECTS.get(code)
    if names is None:
        return code
    return names[1] if locale == "en" else names[0]
