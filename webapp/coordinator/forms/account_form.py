"""The invitation form (a new account and how its one-time link reaches its owner) and the reset form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, StringField
from wtforms.validators import Regexp

from matching.models import Role
from matching.services.account_admin import AccountInput
from matching.services.account_links import EMAIL, PRINTED
from webapp.coordinator.forms.fields import EMAIL as EMAIL_FORMAT, NOT_A_CHOICE, choice, label_choices, max_length
from webapp.coordinator.forms.fields import optional_id, required
from webapp.coordinator.forms.intake_form import IntakeForm

LOGIN_FORMAT = Regexp(r"^[A-Za-z0-9._@-]{3,100}$",
                      message=_l("3〜100文字の半角英数字と . _ @ - で入力してください"))
DELIVERIES = [(EMAIL, _l("メールでリンクを送る")), (PRINTED, _l("コードを印刷して渡す(メールのない方)"))]


class ResetForm(IntakeForm):
    """How a one-time link reaches the account's owner: by e-mail or as a printed code."""

    delivery = RadioField(_l("届け方"), choices=[], default=EMAIL, validators=[required()],
                          invalid_choice_message=NOT_A_CHOICE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.delivery.choices = list(DELIVERIES)


class InviteForm(ResetForm):
    """A new account: role, login ID, name, e-mail, the tutor it belongs to, and how the invitation goes."""

    role = choice(_l("役割"), [], validators=[required()])
    login = StringField(_l("ログインID"), validators=[required(), LOGIN_FORMAT])
    display_name = StringField(_l("表示名"), validators=[required(), max_length(100)])
    email = StringField(_l("メールアドレス"), validators=[max_length(254), EMAIL_FORMAT])
    tutor_id = choice(_l("講師"), [], coerce=optional_id)

    def set_choices(self, roles: list[Role], tutors: list[tuple[int, str]]) -> None:
        """The roles the viewer may create and the tutors who have no account yet."""
        self.role.choices = label_choices(roles)
        self.tutor_id.choices = [("", "—")] + tutors

    def to_input(self) -> AccountInput:
        """The typed values as the service's input."""
        return AccountInput(login=self.login.data.strip(), display_name=self.display_name.data.strip(),
                            role=Role(self.role.data), email=(self.email.data or "").strip(),
                            delivery=self.delivery.data, tutor_id=self.tutor_id.data)
