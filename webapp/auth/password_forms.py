"""Forms for one's own password: change it, or set it from an invitation link or a printed code."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import PasswordField, StringField
from wtforms.validators import EqualTo, Length

from matching.services.accounts import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH
from webapp.coordinator.forms.fields import required
from webapp.coordinator.forms.intake_form import IntakeForm

PASSWORD_LENGTH = Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH,
                         message=_l("パスワードは%(min)d〜%(max)d文字にしてください"))


class NewPasswordFields(IntakeForm):
    """A new password typed twice."""

    new_password = PasswordField(_l("新しいパスワード"), validators=[required(), PASSWORD_LENGTH])
    confirm = PasswordField(_l("新しいパスワード(確認)"),
                            validators=[required(), EqualTo("new_password", message=_l("2回の入力が一致しません"))])


class ChangePasswordForm(NewPasswordFields):
    """One's current password and the new one."""

    current_password = PasswordField(_l("現在のパスワード"), validators=[required()])


class PrintedCodeForm(NewPasswordFields):
    """The code printed on the invitation sheet and the new password."""

    code = StringField(_l("招待コード"), validators=[required(), Length(max=40)])
