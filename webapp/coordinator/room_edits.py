"""Editing a draft rooms plan: move, cancel, staff and pin a session; pin a child's site.

A save that would break a rule shows the breaks and asks to confirm; a save on a stale view of the plan
(another coordinator saved first) is refused with a clear message, keeping what was typed.
"""

from __future__ import annotations

from datetime import date

from flask import flash, redirect, request, url_for
from flask_babel import get_locale, gettext as _
from flask_login import current_user

from matching.planning.rooms import adjust
from matching.planning.rooms import pins
from matching.services.errors import InThePast, InvalidState, StaleEdit
from matching.services.programme import current_programme
from webapp.access import STAFF_ROLES, role_required
from webapp.clock import today
from webapp.coordinator.blueprint import bp
from webapp.coordinator.room_plans import Refused, render_session
from webapp.database import db
from webapp.requests import form_int


def _edit(plan_id: int, session_id: int, action: str, call, done: str):
    """Run one edit with the form's lock version and confirmation; turn refusals into the session page."""
    values = {k: v for k, v in request.form.items() if k not in ("csrf_token", "lock_version", "confirm")}
    try:
        result = call(current_programme(db()).id, form_int("lock_version"), current_user.id,
                      request.form.get("confirm") == "1")
    except StaleEdit:
        db().rollback()
        return render_session(plan_id, session_id, 409, Refused(action, values, stale=True))
    except InThePast as past:
        db().rollback()
        return render_session(plan_id, session_id, 422, Refused(action, values, past_from=past.today))
    except InvalidState:
        db().rollback()
        flash(_("作成中の案だけを変更できます。内容が変わっていないか確認してください。"), "error")
        return redirect(url_for("coordinator.room_session", plan_id=plan_id, session_id=session_id))
    if not result.saved:
        return render_session(plan_id, session_id, 200, Refused(action, values, result.violations))
    flash(done, "info")
    if action == "cancel":
        return redirect(url_for("coordinator.room_plan", plan_id=plan_id))
    return redirect(url_for("coordinator.room_session", plan_id=plan_id, session_id=session_id))


@bp.route("/rooms/plans/<int:plan_id>/sessions/<int:session_id>/move", methods=["POST"])
@role_required(*STAFF_ROLES)
def room_session_move(plan_id: int, session_id: int):
    """Move a session to another date."""
    try:
        new_date = date.fromisoformat(request.form.get("new_date", ""))
    except ValueError:
        flash(_("日付を YYYY-MM-DD の形で入力してください。"), "error")
        return redirect(url_for("coordinator.room_session", plan_id=plan_id, session_id=session_id))
    return _edit(plan_id, session_id, "move", lambda p, lock, user, confirm: adjust.move_session(
        db(), p, plan_id, session_id, new_date, lock, user, confirm, today=today()), _("回の日付を変更しました。"))


@bp.route("/rooms/plans/<int:plan_id>/sessions/<int:session_id>/cancel", methods=["POST"])
@role_required(*STAFF_ROLES)
def room_session_cancel(plan_id: int, session_id: int):
    """Cancel a session (remove it from the draft)."""
    return _edit(plan_id, session_id, "cancel", lambda p, lock, user, confirm: adjust.cancel_session(
        db(), p, plan_id, session_id, lock, user, confirm, today=today()), _("回を中止しました。"))


@bp.route("/rooms/plans/<int:plan_id>/sessions/<int:session_id>/staff", methods=["POST"])
@role_required(*STAFF_ROLES)
def room_session_staff(plan_id: int, session_id: int):
    """Add a tutor to a session or remove one."""
    add = request.form.get("change") == "add"
    return _edit(plan_id, session_id, "staff", lambda p, lock, user, confirm: adjust.change_staff(
        db(), p, plan_id, session_id, form_int("tutor_id"), add, lock, user, confirm, today=today()),
        _("講師を追加しました。") if add else _("講師を外しました。"))


@bp.route("/rooms/plans/<int:plan_id>/sessions/<int:session_id>/pin", methods=["POST"])
@role_required(*STAFF_ROLES)
def room_session_pin(plan_id: int, session_id: int):
    """Pin or unpin the session's date or one of its tutors, so re-solves keep them."""
    tutor_id = form_int("tutor_id")
    pinned = request.form.get("pinned") == "1"
    return _edit(plan_id, session_id, "pin", lambda p, lock, user, _confirm: pins.set_session_pin(
        db(), p, plan_id, session_id, tutor_id if tutor_id > 0 else None, pinned, lock, user, today=today()),
        _("固定しました。") if pinned else _("固定を外しました。"))


@bp.route("/rooms/plans/<int:plan_id>/children/<int:student_id>/pin", methods=["POST"])
@role_required(*STAFF_ROLES)
def room_child_pin(plan_id: int, student_id: int):
    """Pin a child to a site (or unpin them); breaks of the rules are shown and need confirming."""
    site_id = form_int("site_id")
    try:
        result = pins.set_child_site(db(), current_programme(db()).id, plan_id, student_id,
                                       site_id if site_id > 0 else None, form_int("lock_version"), current_user.id,
                                       request.form.get("confirm") == "1", today=today())
    except StaleEdit:
        db().rollback()
        flash(_("他のコーディネーターがこの案を更新しました。最新の内容を確認してからもう一度保存してください。"), "error")
        return redirect(url_for("coordinator.room_children", plan_id=plan_id))
    except InvalidState:
        db().rollback()
        flash(_("作成中の案だけを変更できます。内容が変わっていないか確認してください。"), "error")
        return redirect(url_for("coordinator.room_children", plan_id=plan_id))
    if not result.saved:
        flash(_("保存しませんでした。この変更はルールに反します: %(breaks)s",
                breaks=" / ".join(v.message_ja if _lang_ja() else v.message_en for v in result.violations)), "error")
    else:
        flash(_("子どもの会場を固定しました。") if site_id > 0 else _("固定を外しました。"), "info")
    return redirect(url_for("coordinator.room_children", plan_id=plan_id))


def _lang_ja() -> bool:
    return str(get_locale() or "ja") == "ja"
