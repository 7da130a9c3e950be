"""National holidays as the school calendar reads them."""

from datetime import date

from matching.holidays import national_holidays

SCHOOL_YEAR_2026 = (date(2026, 4, 1), date(2027, 3, 31))


def test_school_year_holds_its_national_holidays_with_japanese_names():
    holidays = dict(national_holidays(*SCHOOL_YEAR_2026))
    assert holidays[date(2026, 11, 3)] == "文化の日"
    assert holidays[date(2027, 1, 11)] == "成人の日"
    assert holidays[date(2027, 1, 1)] == "元日"


def test_substitute_holidays_are_included():
    holidays = dict(national_holidays(*SCHOOL_YEAR_2026))
    assert "振替休日" in holidays[date(2026, 5, 6)]


def test_nothing_outside_the_range_is_returned():
    holidays = national_holidays(date(2026, 11, 4), date(2026, 11, 22))
    assert holidays == []
    days = [day for day, _ in national_holidays(*SCHOOL_YEAR_2026)]
    assert all(SCHOOL_YEAR_2026[0] <= day <= SCHOOL_YEAR_2026[1] for day in days)
    assert date(2026, 3, 20) not in days and date(2027, 4, 29) not in days


def test_range_bounds_are_inclusive_and_sorted():
    holidays = national_holidays(date(2026, 11, 3), date(2026, 11, 23))
    assert holidays == [(date(2026, 11, 3), "文化の日"), (date(2026, 11, 23), "勤労感謝の日")]


def test_an_inverted_range_is_empty():
    assert national_holidays(date(2027, 3, 31), date(2026, 4, 1)) == []
