"""Ending support: the date and reason a child's support ends, and a tutor's last day."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from matching.models import SupportEndReason
from webapp.coordinator.forms.fields import DayField, choice, required
from webapp.formatting import END_REASON_LABELS


class EndSupportForm(FlaskForm):
    """When a child's support ends (no dates from that day on) and why."""

    ends_on = DayField(_l("支援の終了日"), validators=[required()])
    reason = choice(_l("理由"), [])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reason.choices = [(reason.value, str(END_REASON_LABELS[reason.value])) for reason in SupportEndReason]


class TutorLeaveForm(FlaskForm):
    """A tutor's last day of activity."""

    last_day = DayField(_l("最後の活動日"), validators=[required()])
