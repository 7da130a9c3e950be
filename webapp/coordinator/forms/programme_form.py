"""The programme form: municipality, name, school year, and the office (事務局) letters and family pages name."""

from __future__ import annotations

from dataclasses import asdict

from flask_babel import lazy_gettext as _l
from wtforms import StringField

from matching.services.programme_setup import ProgrammeInput
from webapp.coordinator.forms.fields import EMAIL, PHONE, WholeNumberField, between, max_length, required
from webapp.coordinator.forms.intake_form import IntakeForm


class ProgrammeForm(IntakeForm):
    """A programme for one school year and its office contact."""

    municipality = StringField(_l("自治体"), validators=[required(), max_length(100)])
    name = StringField(_l("事業名"), validators=[required(), max_length(200)])
    school_year = WholeNumberField(_l("年度(4月始まりの西暦年)"), validators=[required(), between(2000, 2100)])
    office_name = StringField(_l("事務局の名前"), validators=[required(), max_length(100)])
    office_phone = StringField(_l("事務局の電話番号"), validators=[required(), max_length(30), PHONE])
    office_email = StringField(_l("事務局のメールアドレス"), validators=[max_length(254), EMAIL])
    office_hours = StringField(_l("受付時間"), validators=[max_length(100)])

    def to_input(self) -> ProgrammeInput:
        """The typed values as the service's input."""
        return ProgrammeInput(**{name: self[name].data for name in ProgrammeInput.__dataclass_fields__})


def programme_form(loaded: ProgrammeInput | None = None) -> ProgrammeForm:
    """The form loaded with a programme's values (or the request's)."""
    return ProgrammeForm(data=None if loaded is None else asdict(loaded))
