"""Form fields that speak Japanese when input cannot be read, and the validators every intake form uses."""

from __future__ import annotations

import math
from typing import Any

from flask_babel import get_locale, lazy_gettext as _l
from wtforms import DateField, Field, FloatField, IntegerField, SelectField, SelectMultipleField, StringField
from wtforms.validators import InputRequired, Length, NumberRange, Optional, Regexp, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from matching.grades import MAX_GRADE, MIN_GRADE, grade_label
from matching.services.intake.windows import EARLIEST, LATEST, STEP, cells_to_windows, windows_to_cells
from matching.subjects import SUBJECTS, subject_label
from webapp.formatting import label
from webapp.requests import parse_int

NOT_A_CHOICE = _l("一覧から選んでください")
KANA = Regexp(r"^[\u3041-\u309F\u30A0-\u30FF\u3000 ]+$", message=_l("ひらがなかカタカナで入力してください"))
PHONE = Regexp(r"^[0-9+()\- ]*$", message=_l("電話番号は半角の数字とハイフンで入力してください"))
EMAIL = Regexp(r"^([^@\s]+@[^@\s]+\.[^@\s]+)?$", message=_l("メールアドレスの形が正しくありません"))


def required() -> InputRequired:
    """The message for an empty required field."""
    return InputRequired(_l("入力してください"))


def max_length(limit: int) -> Length:
    """At most limit characters (the column's size)."""
    return Length(max=limit, message=_l("%(max)d文字以内で入力してください"))


def between(low: float, high: float) -> NumberRange:
    """A number from low to high inclusive."""
    return NumberRange(low, high, message=_l("%(min)s〜%(max)sの範囲で入力してください"))


def code(value: Any) -> Any:
    """An enum's stored value (select options hold the value, the domain may hand over the enum)."""
    return getattr(value, "value", value)


def optional_code(value: Any) -> Any:
    """Like code, but the empty option means None."""
    return None if value in ("", None) else code(value)


def optional_id(value: Any) -> Any:
    """A row id from a select, None for the empty option; anything else is kept so the choice check fails."""
    if value in ("", None):
        return None
    number = parse_int(str(value))
    return value if number is None else number


def choice(label, choices, coerce=code, validators=()) -> SelectField:
    """A select whose wrong values get the Japanese message."""
    return SelectField(label, validators=list(validators), choices=choices, coerce=coerce,
                       invalid_value_message=NOT_A_CHOICE, invalid_choice_message=NOT_A_CHOICE)


def checkboxes(label, choices) -> SelectMultipleField:
    """A row of checkboxes for choosing several codes."""
    return SelectMultipleField(label, choices=choices, widget=ListWidget(prefix_label=False),
                               option_widget=CheckboxInput(), invalid_choice_message=NOT_A_CHOICE)


def _reworded(field_class: type, message) -> type:
    """A field class whose unreadable input gets message instead of WTForms' English text."""

    def process_formdata(self, valuelist):
        try:
            field_class.process_formdata(self, valuelist)
        except ValueError as error:
            raise ValueError(message) from error

    return type(f"Japanese{field_class.__name__}", (field_class,), {"process_formdata": process_formdata})


WholeNumberField = _reworded(IntegerField, _l("半角の整数で入力してください"))
NOT_A_NUMBER = _l("半角の数値で入力してください")


class NumberField(_reworded(FloatField, NOT_A_NUMBER)):
    """A decimal number; "nan", "inf" and overflowing exponents are refused like any other non-number."""

    def process_formdata(self, valuelist):
        """Parse as a float, then refuse values that are not finite (ranges cannot judge them)."""
        super().process_formdata(valuelist)
        if self.data is not None and not math.isfinite(self.data):
            self.data = None
            raise ValueError(NOT_A_NUMBER)

DayField = _reworded(DateField, _l("日付を正しく入力してください(例: 2026-04-01)"))


def optional_day(label) -> DayField:
    """A date that may be left empty."""
    return DayField(label, validators=[Optional()])


class WeekGridField(Field):
    """Weekly availability as the checked 30-minute cells of a week grid; windows merges them."""

    times = range(EARLIEST, LATEST, STEP)

    def process_data(self, value):
        """Windows from the domain become the grid's cells."""
        self.data = windows_to_cells(value or ())

    def process_formdata(self, valuelist):
        """Each checked box sends "weekday-minute"; a value that is not a cell of the grid is an error."""
        cells = set()
        for item in valuelist:
            day_text, _, minute_text = item.partition("-")
            weekday, minute = parse_int(day_text), parse_int(minute_text)
            if weekday is None or minute is None or weekday >= 7 or minute not in self.times:
                self.data = cells
                raise ValueError(_l("時間帯の指定が正しくありません"))
            cells.add((weekday, minute))
        self.data = cells

    @property
    def windows(self) -> tuple[tuple[int, int, int], ...]:
        """The checked cells merged into (weekday, start, end) windows."""
        return tuple(cells_to_windows(self.data or ()))


def _locale() -> str:
    return str(get_locale() or "ja")


def subject_choices() -> list[tuple[str, str]]:
    """Subjects for a select, with an empty first option, in the interface language."""
    return [("", "—")] + [(subject, subject_label(subject, _locale())) for subject in SUBJECTS]


def grade_choices() -> list[tuple[int, str]]:
    """Grades 小1..高3 for a select."""
    return [(grade, grade_label(grade, _locale())) for grade in range(MIN_GRADE, MAX_GRADE + 1)]


def label_choices(codes, optional: bool = False) -> list[tuple[str, str]]:
    """Codes (enum members or strings) with their interface labels; optional adds an empty first option."""
    return [("", "—")] * optional + [(code(item), label(item)) for item in codes]


class NameFields:
    """A person's name and its reading, as children and tutors are registered."""

    family_name = StringField(_l("姓"), validators=[required(), max_length(50)])
    given_name = StringField(_l("名"), validators=[required(), max_length(50)])
    family_name_kana = StringField(_l("せい(ふりがな)"), validators=[required(), max_length(50), KANA])
    given_name_kana = StringField(_l("めい(ふりがな)"), validators=[required(), max_length(50), KANA])


POSTAL_CODE = Regexp(r"^(\d{3}-?\d{4})?$", message=_l("郵便番号は123-4567の形で入力してください"))


class PlaceFields:
    """An address and its coordinates (travel times are estimated from them)."""

    address = StringField(_l("住所"), validators=[max_length(300)])
    lat = NumberField(_l("緯度"), validators=[required(), between(20, 46)])
    lon = NumberField(_l("経度"), validators=[required(), between(122, 154)])


PAIR_MESSAGE = _l("地図をクリックするか、緯度と経度を両方入力してください")


class HomeFields:
    """A home: postal code, address, and coordinates set by clicking the map (or typed); may be left for later."""

    postal_code = StringField(_l("郵便番号"), validators=[POSTAL_CODE])
    address = StringField(_l("住所"), validators=[max_length(300)])
    lat = NumberField(_l("緯度"), validators=[Optional(), between(20, 46)])
    lon = NumberField(_l("経度"), validators=[Optional(), between(122, 154)])

    def validate_lat(self, field) -> None:
        """Both coordinates or neither (an empty field stops its own checks, so the filled one complains)."""
        if not typed(self.lon):
            raise ValidationError(PAIR_MESSAGE)

    def validate_lon(self, field) -> None:
        """Both coordinates or neither."""
        if not typed(self.lat):
            raise ValidationError(PAIR_MESSAGE)


def typed(field: Field) -> bool:
    """Whether a field holds a value or something was typed into it (even something unreadable)."""
    return bool(field.data) or bool(field.raw_data and str(field.raw_data[0]).strip())
