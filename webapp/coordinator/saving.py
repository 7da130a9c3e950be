"""Submitting an intake form: validate, call the service, and turn its domain errors into messages."""

from __future__ import annotations

from typing import Any, Callable, Optional

from flask import flash, redirect
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response

from matching.services.errors import StaleEdit, ValidationFailed
from webapp.coordinator.forms.intake_form import IntakeForm

STALE_MESSAGE = _l("他の人が先にこの記録を更新したため、保存しませんでした。入力した内容はこの画面に残っています。"
                   "最新の内容を確認してから、必要な変更をもう一度保存してください。")


def submit(form: IntakeForm, save: Callable[[], Any], done: Callable[[Any], str],
           message: str | Callable[[Any], str]) -> Optional[Response]:
    """Save a valid form and redirect to done(result) with message (or message(result)); None shows the form again."""
    if not form.validate_on_submit():
        return None
    try:
        result = save()
    except ValidationFailed as failure:
        form.show_domain_errors(failure)
        return None
    except StaleEdit:
        form.form_errors.append(STALE_MESSAGE)
        return None
    flash(message(result) if callable(message) else message, "success")
    return redirect(done(result))
