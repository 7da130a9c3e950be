"""School grades 1-12 and how they are written: 小1..小6, 中1..中3, 高1..高3 (solver, domain and web alike)."""

from __future__ import annotations

MIN_GRADE = 1
MAX_GRADE = 12


def grade_label(grade: int, locale: str = "ja") -> str:
    """A grade as written in Japanese schools (中3) or in English (Grade 9 (JHS 3))."""
    if not MIN_GRADE <= grade <= MAX_GRADE:
        raise ValueError(f"grade must be between {MIN_GRADE} and {MAX_GRADE}, got {grade}")
    if grade <= 6:
        stage_ja, stage_en, year = "小", "ES", grade
    elif grade <= 9:
        stage_ja, stage_en, year = "中", "JHS", grade - 6
    else:
        stage_ja, stage_en, year = "高", "HS", grade - 9
    if locale == "en":
        return f"{stage_en} {year}"
    return f"{stage_ja}{year}"
