"""The tutor intake form: subjects by grade, the week grid, dates off, limits, pledge and active period."""

from __future__ import annotations

from dataclasses import asdict

from flask_babel import lazy_gettext as _l
from wtforms import FieldList, FormField, StringField, TextAreaField

from matching.models import TutorKind
from matching.services.intake.tutor_intake import ExceptionInput, SubjectInput, TutorInput
from webapp.coordinator.forms.fields import (
    EMAIL, PHONE, DayField, HomeFields, NameFields, WeekGridField, WholeNumberField, between, checkboxes, choice,
    grade_choices, label_choices, max_length, optional_code, optional_day, required, subject_choices, typed,
)
from webapp.coordinator.forms.intake_form import IntakeForm, RowForm
from webapp.coordinator.forms.student_form import GENDERS
from webapp.formatting import LANGUAGE_NAMES


class SubjectRow(RowForm):
    """A subject and the grades the tutor teaches it to."""

    subject = choice(_l("教科"), [], validators=[required()])
    min_grade = choice(_l("学年(から)"), [], coerce=int)
    max_grade = choice(_l("学年(まで)"), [], coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.subject.choices = subject_choices()
        self.min_grade.choices = self.max_grade.choices = grade_choices()

    def is_blank(self) -> bool:
        """No subject chosen (the grade selects always hold a value)."""
        return not typed(self.subject)


class ExceptionRow(RowForm):
    """Dates the tutor cannot come."""

    starts_on = DayField(_l("開始日"), validators=[required()])
    ends_on = DayField(_l("終了日"), validators=[required()])
    reason = StringField(_l("理由"), validators=[max_length(200)])

    def is_blank(self) -> bool:
        """No date or reason typed."""
        return not (typed(self.starts_on) or typed(self.ends_on) or typed(self.reason))


class TutorForm(IntakeForm, NameFields, HomeFields):
    """A tutor with what they teach, when they are free and how much they take on."""

    row_lists = ("subjects", "exceptions")

    kind = choice(_l("区分"), [])
    affiliation = StringField(_l("所属"), validators=[max_length(100)])
    email = StringField(_l("メール"), validators=[max_length(254), EMAIL])
    phone = StringField(_l("電話"), validators=[max_length(30), PHONE])
    gender = choice(_l("性別"), [], coerce=optional_code)
    languages = checkboxes(_l("話せる言語"), [])
    max_visits_per_week = WholeNumberField(_l("訪問の上限(週)"), default=2, validators=[required(), between(0, 14)])
    max_sessions_per_month = WholeNumberField(_l("学習室の上限(月)"), default=4,
                                              validators=[required(), between(0, 31)])
    max_travel_minutes = WholeNumberField(_l("移動時間の上限(分)"), default=30, validators=[required(), between(5, 180)])
    pledge_signed_on = optional_day(_l("誓約書の提出日"))
    active_from = DayField(_l("活動開始日"), validators=[required()])
    active_until = optional_day(_l("活動終了日"))
    notes = TextAreaField(_l("コーディネーターのメモ"), validators=[max_length(2000)])
    subjects = FieldList(FormField(SubjectRow), label=_l("教えられる教科"), min_entries=1)
    availability = WeekGridField(_l("活動できる時間"))
    exceptions = FieldList(FormField(ExceptionRow), label=_l("活動できない日"), min_entries=1)
    sites = checkboxes(_l("通える会場"), [])

    def to_input(self) -> TutorInput:
        """The typed values as the service's input."""
        values = {name: self[name].data for name in SCALAR_FIELDS}
        values.update(kind=TutorKind(values["kind"]), languages=",".join(self.languages.data or []))
        return TutorInput(
            **values,
            subjects=tuple(SubjectInput(r.subject.data, r.min_grade.data, r.max_grade.data)
                           for r in self.rows("subjects")),
            availability=self.availability.windows,
            exceptions=tuple(ExceptionInput(r.starts_on.data, r.ends_on.data, r.reason.data)
                             for r in self.rows("exceptions")),
            sites=tuple(int(site_id) for site_id in self.sites.data or []),
        )


SCALAR_FIELDS = tuple(name for name in TutorInput.__dataclass_fields__
                      if name not in ("languages", "subjects", "availability", "exceptions", "sites"))


def tutor_form(sites: list[tuple[int, str]], loaded: TutorInput | None = None,
               version: int | None = None) -> TutorForm:
    """The form with its choices (sites: the programme's (id, name)), loaded with a tutor's values (or the request's)."""
    data = None
    if loaded is not None:
        data = {**asdict(loaded), "version": version, "languages": [c for c in loaded.languages.split(",") if c],
                "sites": [str(site_id) for site_id in loaded.sites]}
    form = TutorForm(data=data)
    form.kind.choices = label_choices(TutorKind)
    form.gender.choices = label_choices(GENDERS, optional=True)
    form.languages.choices = [(language, str(name)) for language, name in LANGUAGE_NAMES.items()]
    form.sites.choices = [(str(site_id), name) for site_id, name in sites]
    return form
