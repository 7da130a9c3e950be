"""The child intake form: the child, their household and consents, needs by subject and the week grid."""

from __future__ import annotations

from dataclasses import asdict

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, FieldList, FormField, StringField, TextAreaField

from matching.models import Channel, Eligibility, Mode, ReferralSource
from matching.services.intake.student_intake import HouseholdInput, NeedInput, SensitiveInput, StudentInput
from webapp.coordinator.forms.fields import (
    EMAIL, KANA, PHONE, HomeFields, NameFields, WeekGridField, WholeNumberField, between, choice, grade_choices,
    label_choices, max_length, optional_code, optional_day, optional_id, required, subject_choices, typed,
)
from webapp.coordinator.forms.intake_form import IntakeForm, RowForm
from webapp.formatting import LANGUAGE_NAMES

GENDERS = ("female", "male")


class NeedRow(RowForm):
    """One subject the child needs help with."""

    subject = choice(_l("教科"), [], validators=[required()])
    level = StringField(_l("レベル"), validators=[max_length(50)])
    notes = StringField(_l("メモ"), validators=[max_length(500)])
    minutes_per_visit = WholeNumberField(_l("1回の時間(分)"), default=120, validators=[required(), between(30, 240)])
    visits_per_week = WholeNumberField(_l("週の回数"), default=1, validators=[required(), between(1, 7)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.subject.choices = subject_choices()

    def is_blank(self) -> bool:
        """No subject, level or note typed."""
        return not (typed(self.subject) or typed(self.level) or typed(self.notes))


class StudentForm(IntakeForm, NameFields, HomeFields):
    """A child with their household; eligibility and caseworker notes are removed for non-coordinators."""

    row_lists = ("needs",)

    grade = choice(_l("学年"), [], coerce=int)
    school = StringField(_l("学校"), validators=[max_length(100)])
    gender = choice(_l("性別"), [], coerce=optional_code)
    mode = choice(_l("支援の形"), [])
    home_site_id = choice(_l("会場"), [], coerce=optional_id)
    priority = WholeNumberField(_l("優先度"), default=1, validators=[required(), between(1, 9)])
    required_tutor_gender = choice(_l("講師の性別の希望"), [], coerce=optional_code)
    referral_source = choice(_l("紹介元"), [])
    waiting_since = optional_day(_l("待機開始日"))
    eligibility = choice(_l("対象区分"), [])
    caseworker_notes = TextAreaField(_l("ケースワーカーのメモ"), validators=[max_length(2000)])

    guardian_name = StringField(_l("保護者の氏名"), validators=[required(), max_length(100)])
    guardian_name_kana = StringField(_l("保護者のふりがな"), validators=[required(), max_length(100), KANA])
    phone = StringField(_l("電話"), validators=[max_length(30), PHONE])
    email = StringField(_l("メール"), validators=[max_length(254), EMAIL])
    language = choice(_l("家庭の言語"), [])
    preferred_channel = choice(_l("連絡方法"), [])
    consent_share_contact = BooleanField(_l("講師に住所と電話を伝えることに同意"))
    consent_share_contact_on = optional_day(_l("連絡先共有の同意日"))
    consent_data_use = BooleanField(_l("個人情報の利用に同意"))
    consent_data_use_on = optional_day(_l("個人情報利用の同意日"))

    needs = FieldList(FormField(NeedRow), label=_l("教科ごとのニーズ"), min_entries=1)
    availability = WeekGridField(_l("来られる・訪問できる時間"))

    @property
    def shows_sensitive(self) -> bool:
        """Whether the eligibility fields are on this form (coordinators only)."""
        return "eligibility" in self

    def to_input(self) -> StudentInput:
        """The typed values as the service's input."""
        values = {name: self[name].data for name in STUDENT_FIELDS}
        values.update(mode=Mode(values["mode"]), referral_source=ReferralSource(values["referral_source"]))
        household = {name: self[name].data for name in HOUSEHOLD_FIELDS}
        household.update(preferred_channel=Channel(household["preferred_channel"]))
        sensitive = None
        if self.shows_sensitive:
            sensitive = SensitiveInput(Eligibility(self.eligibility.data), self.caseworker_notes.data)
        needs = tuple(NeedInput(row.subject.data, row.level.data, row.notes.data, row.minutes_per_visit.data,
                                row.visits_per_week.data) for row in self.rows("needs"))
        return StudentInput(**values, household=HouseholdInput(**household), needs=needs,
                            availability=self.availability.windows, sensitive=sensitive)


STUDENT_FIELDS = ("family_name", "given_name", "family_name_kana", "given_name_kana", "grade", "school", "gender",
                  "mode", "home_site_id", "priority", "required_tutor_gender", "referral_source", "waiting_since")
HOUSEHOLD_FIELDS = tuple(HouseholdInput.__dataclass_fields__)


def student_form(sites: list[tuple[int, str]], show_sensitive: bool, loaded: StudentInput | None = None,
                 version: int | None = None, household: HouseholdInput | None = None) -> StudentForm:
    """The form with its choices, loaded with a child's values, a household's (a sibling) or the request's."""
    data = None
    if loaded is not None:
        data = {**asdict(loaded), **asdict(loaded.household), "version": version,
                "needs": [asdict(need) for need in loaded.needs]}
        data.update(asdict(loaded.sensitive) if loaded.sensitive else {})
    elif household is not None:  # a sibling: the household's values, the child's left blank
        data = asdict(household)
    form = StudentForm(data=data)
    form.grade.choices = grade_choices()
    form.gender.choices = form.required_tutor_gender.choices = label_choices(GENDERS, optional=True)
    form.mode.choices = label_choices(Mode)
    form.home_site_id.choices = [("", "—")] + sites
    form.referral_source.choices = label_choices(ReferralSource)
    form.eligibility.choices = label_choices(Eligibility)
    form.language.choices = [(language, str(name)) for language, name in LANGUAGE_NAMES.items()]
    form.preferred_channel.choices = label_choices(Channel)
    if not show_sensitive:
        del form.eligibility
        del form.caseworker_notes
    return form
