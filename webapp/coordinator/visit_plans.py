"""A home-visit plan: review with filters and diff, pin and unpin, reassign a need from ranked options."""

from __future__ import annotations

import functools

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.planning.visits.adjust import (
    UnconfirmedBreaks, UnpinnableVisit, pin_visit, reassign_options, save_reassignment, unpin_visit,
)
from matching.planning.visits.review import ReviewFilters, visit_plan_review
from matching.services.errors import InvalidState, StaleEdit
from matching.services.programme import current_programme
from webapp.access import STAFF_ROLES, role_required
from webapp.clock import today
from webapp.coordinator.blueprint import bp
from webapp.database import db
from webapp.i18n import current_locale
from webapp.requests import form_int, int_arg, parse_int



def _stale() -> str:
    """The message for a save made on an older view of the plan."""
    return _("他のコーディネーターがこの案を先に更新しました。最新の内容を表示しています。入力内容は残してあるので、確認してからもう一度保存してください。")


@bp.route("/visits/plans/<int:plan_id>")
@role_required(*STAFF_ROLES)
def visit_plan(plan_id: int):
    """A home-visit plan: summary, matches and why they fit, unmet needs with reasons, and what changes."""
    filters = ReviewFilters(site_id=int_arg("site"), grade=int_arg("grade"),
                            subject=request.args.get("subject") or None, tutor_id=int_arg("tutor"))
    review = visit_plan_review(db(), current_programme(db()).id, plan_id, today(), filters)
    return render_template("coordinator/visit_plan.html", review=review, filters=filters)


def _pin_action(plan_id: int, visit_id: int, action, done: str):
    try:
        action(db(), current_programme(db()).id, plan_id, visit_id, form_int("lock_version"), current_user.id)
    except UnpinnableVisit as refused:
        db().rollback()
        flash(_("この訪問は条件を満たしていないため固定できません: %(breaks)s",
                breaks=" / ".join(b.message_ja if current_locale() == "ja" else b.message_en for b in refused.breaks)),
              "error")
    except StaleEdit:
        db().rollback()
        flash(_stale(), "error")
    except InvalidState:
        db().rollback()
        flash(_("固定できるのは作成中の案だけです。"), "error")
    else:
        flash(done, "info")
    return redirect(url_for("coordinator.visit_plan", plan_id=plan_id))


@bp.route("/visits/plans/<int:plan_id>/visits/<int:visit_id>/pin", methods=["POST"])
@role_required(*STAFF_ROLES)
def pin_plan_visit(plan_id: int, visit_id: int):
    """Pin a visit so re-solves keep it."""
    pin = functools.partial(pin_visit, today=today(), locale=current_locale())
    return _pin_action(plan_id, visit_id, pin, _("訪問を固定しました。"))


@bp.route("/visits/plans/<int:plan_id>/visits/<int:visit_id>/unpin", methods=["POST"])
@role_required(*STAFF_ROLES)
def unpin_plan_visit(plan_id: int, visit_id: int):
    """Remove a visit's pin."""
    return _pin_action(plan_id, visit_id, unpin_visit, _("固定を外しました。"))


def _chosen() -> tuple[int, int, int] | None:
    parts = [parse_int(part) for part in request.form.get("option", "").split(":")]
    return tuple(parts) if len(parts) == 3 and None not in parts else None


@bp.route("/visits/plans/<int:plan_id>/needs/<int:need_id>/reassign", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def reassign_need(plan_id: int, need_id: int):
    """Move a need to another tutor or time from options ranked by fit; rule breaks need confirming."""
    programme_id, locale = current_programme(db()).id, current_locale()
    visit_id = int_arg("visit") if request.method == "GET" else (form_int("visit") if request.form.get("visit") else None)
    chosen, breaks, status = None, (), 200
    if request.method == "POST":
        chosen = _chosen()
        if chosen is None:
            flash(_("候補を一つ選んでください。"), "error")
        else:
            try:
                save_reassignment(db(), programme_id, plan_id, need_id, visit_id, *chosen, form_int("lock_version"),
                                  request.form.get("confirm") == "yes", current_user.id, today(), locale)
            except UnconfirmedBreaks as refused:
                db().rollback()
                breaks = refused.breaks
                flash(_("この候補はルールに反します。内容を確認し、「ルール違反を承知で保存する」にチェックしてから保存してください。"), "error")
            except StaleEdit:
                db().rollback()
                flash(_stale(), "error")
                status = 409
            except InvalidState:
                db().rollback()
                flash(_("変更できるのは作成中の案だけです。"), "error")
                return redirect(url_for("coordinator.visit_plan", plan_id=plan_id))
            else:
                flash(_("割り当てを変更しました。"), "info")
                return redirect(url_for("coordinator.visit_plan", plan_id=plan_id))
    try:
        choice = reassign_options(db(), programme_id, plan_id, need_id, visit_id, today(), locale)
    except InvalidState:
        flash(_("変更できるのは作成中の案だけです。"), "error")
        return redirect(url_for("coordinator.visit_plan", plan_id=plan_id))
    return render_template("coordinator/visit_reassign.html", choice=choice, chosen=chosen, breaks=breaks,
                           confirm=request.form.get("confirm") == "yes"), status
