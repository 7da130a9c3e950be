"""Roster cells: what a coordinator types in Excel is read, refused with a code, and written back the same way."""

from __future__ import annotations

from datetime import date

import pytest

from matching.roster import cells
from matching.roster.cells import CellError


def test_weekly_windows_are_read_in_several_spellings_and_written_back():
    assert cells.windows("火 17:00-21:00; 土 9:30〜12:00") == ((1, 1020, 1260), (5, 570, 720))
    assert cells.windows("火１７：００－２１：００") == ((1, 1020, 1260),)  # full-width, as Japanese input often is
    assert cells.format_windows([(1, 1020, 1260), (5, 570, 720)]) == "火 17:00-21:00; 土 9:30-12:00"


def test_subject_ranges_default_to_every_grade_and_round_trip():
    assert cells.subject_ranges("数学 中1-中3; 英語") == [("math", 7, 9), ("english", 1, 12)]
    assert cells.format_subject_ranges([("math", 7, 9)]) == "数学 中1-中3"
    assert cells.subject_ranges(cells.format_subject_ranges([("japanese", 4, 6)])) == [("japanese", 4, 6)]


def test_days_off_take_a_range_a_single_day_and_a_reason():
    rows = cells.days_off("2026-08-10~2026-08-16 (帰省); 2026/9/1")
    assert rows == [(date(2026, 8, 10), date(2026, 8, 16), "帰省"), (date(2026, 9, 1), date(2026, 9, 1), "")]
    assert cells.days_off(cells.format_days_off(rows)) == rows


def test_grades_numbers_and_choices():
    assert (cells.grade("中3"), cells.grade("12"), cells.whole_number("２０", 1, 200), cells.whole_number("3.0", 1, 9)
            ) == (9, 12, 20, 3)
    assert cells.subjects("算数、国語") == ["math", "japanese"]
    assert cells.codes("日本語; en", {"日本語": "ja", "英語": "en"}) == ["ja", "en"]


@pytest.mark.parametrize("parse, text, code", [
    (cells.windows, "火曜の夕方", "bad_windows"),
    (cells.windows, "金 17:75-19:00", "bad_windows"),  # hours out of 6:00-23:00 are the domain's
    (cells.subject_ranges, "数学 中1-中9", "bad_subject_ranges"),
    (cells.subjects, "体育", "unknown_subject"),
    (cells.days_off, "来週", "bad_days_off"),
    (cells.day, "2026-02-30", "not_a_date"),
    (cells.grade, "中4", "unknown_grade"),
    (lambda text: cells.whole_number(text, 1, 9), "十", "not_a_whole_number"),
    (lambda text: cells.whole_number(text, 1, 9), "10", "out_of_range"),
    (lambda text: cells.code(text, {"女": "female"}), "不明", "not_a_choice"),
])
def test_unreadable_cells_raise_their_code(parse, text, code):
    with pytest.raises(CellError) as error:
        parse(text)
    assert error.value.code == code
