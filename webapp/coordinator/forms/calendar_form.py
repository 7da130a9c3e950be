"""The form that adds a period to the school calendar (closures, exams, intensive periods)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField

from matching.models import CalendarKind
from matching.services.intake.calendar_intake import CalendarEntryInput
from webapp.coordinator.forms.fields import DayField, choice, label_choices, max_length, optional_id, required
from webapp.coordinator.forms.intake_form import IntakeForm


class CalendarEntryForm(IntakeForm):
    """A named period for the whole programme or one site."""

    kind = choice(_l("種類"), [])
    name = StringField(_l("名前"), validators=[required(), max_length(100)])
    starts_on = DayField(_l("開始日"), validators=[required()])
    ends_on = DayField(_l("終了日"), validators=[required()])
    site_id = choice(_l("対象"), [], coerce=optional_id)

    def to_input(self) -> CalendarEntryInput:
        """The typed values as the service's input."""
        return CalendarEntryInput(CalendarKind(self.kind.data), self.name.data, self.starts_on.data,
                                  self.ends_on.data, self.site_id.data)


class ButtonForm(FlaskForm):
    """A bare form for one-click actions (import holidays, delete an entry): only the CSRF token."""


def calendar_entry_form(sites: list[tuple[int, str]]) -> CalendarEntryForm:
    """The form with kinds and sites to choose from."""
    form = CalendarEntryForm()
    form.kind.choices = label_choices(CalendarKind)
    form.site_id.choices = [("", _l("全体"))] + sites
    return form
