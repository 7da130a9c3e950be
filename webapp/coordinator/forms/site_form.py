"""The site form: where a study room is, its weekly openings and its session rules."""

from __future__ import annotations

from dataclasses import asdict

from flask_babel import lazy_gettext as _l
from wtforms import StringField, TextAreaField

from matching.services.intake.site_intake import SiteInput
from webapp.coordinator.forms.fields import PlaceFields, WeekGridField, WholeNumberField, between, max_length, required
from webapp.coordinator.forms.intake_form import IntakeForm


class SiteForm(IntakeForm, PlaceFields):
    """A site with its capacity, yearly target and staffing rules."""

    name = StringField(_l("会場名"), validators=[required(), max_length(100)])
    capacity = WholeNumberField(_l("定員"), validators=[required(), between(1, 200)])
    target_sessions = WholeNumberField(_l("年間目標回数"), default=80, validators=[required(), between(0, 366)])
    min_days_between_sessions = WholeNumberField(_l("開催の間隔(日以上)"), default=1,
                                                 validators=[required(), between(0, 30)])
    min_tutors_per_session = WholeNumberField(_l("1回の最少講師数"), default=2, validators=[required(), between(1, 50)])
    children_per_tutor = WholeNumberField(_l("講師1人あたりの子ども"), default=4, validators=[required(), between(1, 20)])
    notes = TextAreaField(_l("メモ"), validators=[max_length(2000)])
    openings = WeekGridField(_l("開催できる時間"))

    def to_input(self) -> SiteInput:
        """The typed values as the service's input."""
        names = [name for name in SiteInput.__dataclass_fields__ if name != "openings"]
        return SiteInput(**{name: self[name].data for name in names}, openings=self.openings.windows)


def site_form(loaded: SiteInput | None = None, version: str | None = None) -> SiteForm:
    """The form loaded with a site's values (or the request's)."""
    return SiteForm(data=None if loaded is None else {**asdict(loaded), "version": version})
