"""The login form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    """Login ID and password."""

    login = StringField(_l("ログインID"), validators=[DataRequired(_l("ログインIDを入力してください")), Length(max=100)])
    password = PasswordField(_l("パスワード"), validators=[DataRequired(_l("パスワードを入力してください"))])
