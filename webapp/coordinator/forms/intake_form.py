"""The base of every intake form: repeated rows that may be left blank, and the domain's messages per field."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Form, HiddenField

from matching.services.errors import ValidationFailed
from webapp.requests import parse_int

# The message for each code a service puts in ValidationFailed.
DOMAIN_MESSAGES = {
    "unknown_subject": _l("一覧から教科を選んでください"),
    "duplicate_subject": _l("同じ教科がほかの行にもあります"),
    "unknown_site": _l("一覧から会場を選んでください"),
    "home_site_required": _l("学習室に通う子どもは会場を選んでください"),
    "window_end_before_start": _l("終わりの時刻は始まりより後にしてください"),
    "window_out_of_hours": _l("6:00〜23:00の間で選んでください"),
    "window_overlap": _l("時間帯が重なっています"),
    "bad_weekday": _l("曜日が正しくありません"),
    "consent_date_required": _l("同意した日を入力してください"),
    "grade_range": _l("「まで」の学年は「から」と同じか後にしてください"),
    "period_end_before_start": _l("終わりの日は始まりの日と同じか後にしてください"),
    "duplicate_email": _l("このメールアドレスはほかの講師が使っています"),
    "duplicate_site_name": _l("同じ名前の会場がすでにあります"),
    "outside_school_year": _l("事業の年度内の日付にしてください"),
    "duplicate_login": _l("このログインIDはすでに使われています"),
    "role_not_allowed": _l("この役割のアカウントは作成できません"),
    "email_required": _l("メールで送るにはメールアドレスが必要です"),
    "tutor_required": _l("講師を一覧から選んでください"),
    "tutor_has_account": _l("この講師にはすでにアカウントがあります"),
    "password_too_short": _l("パスワードは10文字以上にしてください"),
    "password_too_long": _l("パスワードは200文字以内にしてください"),
    "wrong_password": _l("現在のパスワードが正しくありません"),
    "programme_exists": _l("事業はすでに登録されています。次の年度は「新年度へ」から作成してください"),
    "year_not_current": _l("いまの年度からだけ新年度を作成できます"),
    "next_year_exists": _l("次の年度はすでにあります"),
}
UNKNOWN_PROBLEM = _l("入力内容を確認してください")


class RowForm(Form):
    """One repeated row (a need, a subject, a date off); a row with nothing typed is skipped."""

    def is_blank(self) -> bool:
        """Whether nothing that matters was typed into the row."""
        raise NotImplementedError

    def validate(self, extra_validators=None) -> bool:
        """Blank rows pass (they are ignored); others are checked field by field."""
        return self.is_blank() or super().validate(extra_validators)


class IntakeForm(FlaskForm):
    """A form that keeps the version it was loaded at and shows the domain's errors next to the fields."""

    version = HiddenField()
    row_lists: tuple[str, ...] = ()  # names of the FieldLists of RowForms

    @property
    def version_number(self) -> int | None:
        """The version the record was loaded at, or None when the hidden field is missing or tampered with."""
        return parse_int(self.version.data or "")

    def rows(self, name: str) -> list:
        """The rows of a FieldList that were filled in, in order (the domain numbers them the same way)."""
        return [entry.form for entry in self[name] if not entry.form.is_blank()]

    def add_blank_rows(self, count: int = 2) -> None:
        """End every row list with count empty rows to type into."""
        for name in self.row_lists:
            entries = self[name].entries
            blank = 0
            while blank < len(entries) and entries[-1 - blank].form.is_blank():
                blank += 1
            for _ in range(count - blank):
                self[name].append_entry()

    def show_domain_errors(self, failure: ValidationFailed) -> None:
        """Put each message of the domain next to its field ("needs-0-subject" is the first filled need row)."""
        for key, message_code in failure.field_errors.items():
            message = DOMAIN_MESSAGES.get(message_code, UNKNOWN_PROBLEM)
            field = self._field(key)
            if field is None:
                self.form_errors.append(message)
            else:
                field.errors = [*field.errors, message]

    def _field(self, key: str):
        name, _, rest = key.partition("-")
        if not rest:
            return self._fields.get(name)
        index, _, subfield = rest.partition("-")
        rows = self.rows(name) if name in self.row_lists else []
        number = parse_int(index)
        if number is not None and number < len(rows):
            return rows[number]._fields.get(subfield)
        return None
