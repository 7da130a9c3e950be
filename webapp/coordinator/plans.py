"""Plans of each kind: the draft, proposals, the published version and history; accept, discard, publish."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.models import PlanKind, PlanStatus
from matching.planning.lifecycle import (
    accept_proposal, discard_proposal, load_plan, plan_history, preview_publish, publish,
)
from matching.services.errors import InvalidState, StaleEdit
from matching.services.programme import current_programme
from webapp.access import STAFF_ROLES, role_required
from webapp.clock import today
from webapp.coordinator.blueprint import bp
from webapp.database import db
from webapp.requests import form_int

# Each kind's review page: the endpoint that shows one plan of that kind.
REVIEW_ENDPOINTS = {PlanKind.VISITS: "coordinator.visit_plan", PlanKind.ROOMS: "coordinator.room_plan"}


@bp.route("/plans/<kind>")
@role_required(*STAFF_ROLES)
def plans(kind: str):
    """The plans of one kind, newest first, with the button that runs the solver."""
    try:
        plan_kind = PlanKind(kind)
    except ValueError:
        abort(404)
    programme = current_programme(db())
    history = plan_history(db(), programme.id, plan_kind)
    return render_template("coordinator/plans.html", kind=plan_kind, history=history,
                           draft=next((p for p in history if p.status is PlanStatus.DRAFT), None),
                           published=next((p for p in history if p.status is PlanStatus.PUBLISHED), None),
                           proposals=[p for p in history if p.status is PlanStatus.PROPOSED])


@bp.route("/plans/<int:plan_id>")
@role_required(*STAFF_ROLES)
def plan(plan_id: int):
    """Send the visitor to the review page of the plan's kind."""
    found = load_plan(db(), current_programme(db()).id, plan_id)
    return redirect(url_for(REVIEW_ENDPOINTS[found.kind], plan_id=plan_id))


@bp.route("/plans/<int:plan_id>/accept", methods=["POST"])
@role_required(*STAFF_ROLES)
def accept_plan(plan_id: int):
    """Make a proposal the draft (the old draft is kept in the history)."""
    programme = current_programme(db())
    try:
        accepted = accept_proposal(db(), programme.id, plan_id, current_user.id)
    except InvalidState:
        flash(_("この案はすでに採用または破棄されています。"), "error")
        return redirect(url_for("coordinator.plan", plan_id=plan_id))
    flash(_("新しい案を作成中の案として採用しました。"), "info")
    return redirect(url_for("coordinator.plan", plan_id=accepted.id))


@bp.route("/plans/<int:plan_id>/discard", methods=["POST"])
@role_required(*STAFF_ROLES)
def discard_plan(plan_id: int):
    """Throw away a proposal; the draft stays as it was."""
    programme = current_programme(db())
    plan_kind = load_plan(db(), programme.id, plan_id).kind
    try:
        discard_proposal(db(), programme.id, plan_id, current_user.id)
    except InvalidState:
        flash(_("この案はすでに採用または破棄されています。"), "error")
    else:
        flash(_("再計算の案を破棄しました。作成中の案はそのままです。"), "info")
    return redirect(url_for("coordinator.plans", kind=plan_kind.value))


@bp.route("/plans/<int:plan_id>/publish")
@role_required(*STAFF_ROLES)
def confirm_publish(plan_id: int):
    """Say what publishing the draft will do and to whom (worked out by a publish that is rolled back), then ask."""
    programme = current_programme(db())
    draft = load_plan(db(), programme.id, plan_id)
    lock_version = draft.lock_version
    try:
        preview = preview_publish(db(), programme.id, plan_id, lock_version, today())
    except InvalidState:
        flash(_("公開できるのは作成中の案だけです。"), "error")
        return redirect(url_for("coordinator.plan", plan_id=plan_id))
    return render_template("coordinator/publish_confirm.html", plan_id=plan_id, kind=draft.kind,
                           lock_version=lock_version, preview=preview)


@bp.route("/plans/<int:plan_id>/publish", methods=["POST"])
@role_required(*STAFF_ROLES)
def publish_plan(plan_id: int):
    """Publish the draft as the next version; dated visits are made and what changed is recorded."""
    programme = current_programme(db())
    try:
        published = publish(db(), programme.id, plan_id, form_int("lock_version"), current_user.id, today())
    except StaleEdit:
        db().rollback()
        flash(_("他のコーディネーターがこの案を更新しました。最新の内容を確認してから公開してください。"), "error")
        return redirect(url_for("coordinator.plan", plan_id=plan_id))
    except InvalidState:
        db().rollback()
        flash(_("公開できるのは作成中の案だけです。"), "error")
        return redirect(url_for("coordinator.plan", plan_id=plan_id))
    flash(_("第%(version)s版として公開しました。", version=published.version), "info")
    return redirect(url_for("coordinator.plan", plan_id=published.id))
