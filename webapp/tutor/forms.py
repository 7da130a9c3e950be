"""The tutor's forms: an absence, and their own weekly availability."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from webapp.coordinator.forms.fields import WeekGridField

# What the domain's error codes say to the tutor, per field.
ABSENCE_ERRORS = {
    ("starts_on", "past"): _l("今日以降の日付を入力してください"),
    ("starts_on", "overlap"): _l("この日付の欠席はすでに連絡済みです。変える場合は、連絡済みの欠席を取り消してから連絡し直してください"),
    ("ends_on", "before_start"): _l("終了日は開始日以降にしてください"),
    ("reason", "required"): _l("理由を入力してください"),
    ("reason", "too_long"): _l("理由は200文字以内で入力してください"),
}


class AbsenceForm(FlaskForm):
    """One date, or a period, and a reason."""

    starts_on = DateField(_l("休む日(開始)"), validators=[DataRequired(_l("日付を入力してください"))])
    ends_on = DateField(_l("終了日(期間のとき)"), validators=[Optional()])
    reason = TextAreaField(_l("理由"), validators=[DataRequired(_l("理由を入力してください")),
                                                Length(max=200, message=_l("理由は200文字以内で入力してください"))])

    def show_domain_errors(self, field_errors: dict[str, str]) -> None:
        """Put the domain's verdict next to the fields it concerns."""
        for field, code in field_errors.items():
            getattr(self, field).errors = [*getattr(self, field).errors, ABSENCE_ERRORS[(field, code)]]


class OwnAvailabilityForm(FlaskForm):
    """The tutor's weekly availability as a grid of 30-minute cells."""

    availability = WeekGridField(_l("活動できる時間"))
