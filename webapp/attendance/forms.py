"""The visit-outcome form and the roll-call form (checkboxes of the children and tutors on the roll)."""

from __future__ import annotations

from datetime import time
from typing import Optional as Maybe

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectMultipleField, StringField, TimeField
from wtforms.validators import InputRequired, Length, Optional
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget

from matching.models import VisitOutcome
from matching.services.errors import ValidationFailed

NOTE = Length(max=200, message=_l("200文字以内で入力してください"))

NOT_ON_ROLL = _l("名簿にない人が選ばれています")

# What the domain's error codes say, per field.
ATTENDANCE_ERRORS = {
    ("on_date", "future"): _l("まだ行われていない予定には記録できません"),
    ("note", "too_long"): _l("200文字以内で入力してください"),
    ("cancel_reason", "required"): _l("中止の理由を入力してください"),
    ("actual_end", "order"): _l("開始と終了の両方を、開始が先になるように入力してください"),
    ("children", "unknown"): NOT_ON_ROLL,
}


class AttendanceForm(FlaskForm):
    """A form whose domain errors are shown next to their fields (a date error on the form itself)."""

    def show_domain_errors(self, failure: ValidationFailed) -> None:
        """Put each of the domain's verdicts next to the field it concerns."""
        for name, code in failure.field_errors.items():
            message = ATTENDANCE_ERRORS[(name, code)]
            target = getattr(self, name, None)
            if target is None:
                self.form_errors.append(message)
            else:
                target.errors = [*target.errors, message]


def minutes(value: Maybe[time]) -> Maybe[int]:
    """A time of day as minutes after midnight (None stays None)."""
    return None if value is None else value.hour * 60 + value.minute


def as_time(value: Maybe[int]) -> Maybe[time]:
    """Minutes after midnight as a time of day for the form (None stays None)."""
    return None if value is None else time(value // 60, value % 60)


class VisitAttendanceForm(AttendanceForm):
    """What happened on the visit, and a short note."""

    outcome = RadioField(_l("結果"), choices=[
        SelectChoice(VisitOutcome.DONE.value, _l("実施")), SelectChoice(VisitOutcome.CHILD_ABSENT.value, _l("欠席(子ども)")),
        SelectChoice(VisitOutcome.TUTOR_ABSENT.value, _l("欠席(講師)")), SelectChoice(VisitOutcome.CANCELLED.value, _l("中止"))],
        validators=[InputRequired(_l("結果を選んでください"))])
    note = StringField(_l("メモ(任意)"), validators=[Optional(), NOTE])


class RollCallForm(AttendanceForm):
    """Held or not (and why), the children who came, the tutors who worked, the actual times, a note."""

    held = RadioField(_l("実施"), choices=[SelectChoice("yes", _l("実施した")), SelectChoice("no", _l("中止した"))], default="yes",
                      validators=[InputRequired(_l("選んでください"))])
    cancel_reason = StringField(_l("中止の理由"), validators=[Optional(), NOTE])
    children = SelectMultipleField(_l("来た子ども"), coerce=int, choices=[], widget=ListWidget(prefix_label=False),
                                   option_widget=CheckboxInput(), invalid_value_message=NOT_ON_ROLL,
                                   invalid_choice_message=NOT_ON_ROLL)
    tutors = SelectMultipleField(_l("担当した講師"), coerce=int, choices=[], widget=ListWidget(prefix_label=False),
                                 option_widget=CheckboxInput(), invalid_value_message=NOT_ON_ROLL,
                                 invalid_choice_message=NOT_ON_ROLL)
    actual_start = TimeField(_l("実際の開始(予定と違うとき)"), validators=[Optional()])
    actual_end = TimeField(_l("実際の終了(予定と違うとき)"), validators=[Optional()])
    note = StringField(_l("メモ(任意)"), validators=[Optional(), NOTE])
