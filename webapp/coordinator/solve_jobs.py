"""Running the solvers from the site: start a solve, watch its progress, cancel it."""

from __future__ import annotations

from flask import abort, current_app, flash, jsonify, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.models import PlanKind, PlanStatus
from matching.planning.jobs import JobAlreadyRunning, job_view, queue_solve, request_cancel
from matching.planning.lifecycle import plan_with_status
from matching.services.programme import current_programme
from webapp.access import STAFF_ROLES, role_required
from webapp.coordinator.blueprint import bp
from webapp.coordinator.solve_progress import progress_facts
from webapp.formatting import label
from webapp.database import db


def _kind(value: str) -> PlanKind:
    try:
        return PlanKind(value)
    except ValueError:
        abort(404)


def runner():
    """The app's job runner: a thread of this process, or the queue's workers."""
    return current_app.extensions["job_runner"]


def heartbeat_s() -> float:
    """How often running solves stamp their job, so a stale one is recognised as dead."""
    return float(current_app.config["SOLVE_HEARTBEAT_S"])


@bp.route("/plans/<kind>/solve", methods=["POST"])
@role_required(*STAFF_ROLES)
def start_solve(kind: str):
    """Queue a solve of the draft (or, with none, of the published plan) and run it in the background."""
    plan_kind = _kind(kind)
    programme = current_programme(db())
    base = plan_with_status(db(), programme.id, plan_kind, PlanStatus.DRAFT) or plan_with_status(
        db(), programme.id, plan_kind, PlanStatus.PUBLISHED)
    try:
        job_id = queue_solve(db(), programme.id, plan_kind, current_user.id, base.id if base else None,
                             heartbeat_s())
    except JobAlreadyRunning as running:
        flash(_("計算中のジョブがあります。その進み具合を表示しています。終わってから、もう一度実行してください。"), "error")
        return redirect(url_for("coordinator.solve_job", job_id=running.job_id))
    runner().submit(job_id)
    return redirect(url_for("coordinator.solve_job", job_id=job_id))


@bp.route("/jobs/<int:job_id>")
@role_required(*STAFF_ROLES)
def solve_job(job_id: int):
    """A solve's live progress (the page polls the status), its outcome and a cancel button."""
    job = job_view(db(), job_id, heartbeat_s())
    return render_template("coordinator/solve_job.html", job=job, facts=progress_facts(job.kind, job.progress))


@bp.route("/jobs/<int:job_id>/status")
@role_required(*STAFF_ROLES)
def solve_job_status(job_id: int):
    """The job's status and progress as JSON for the polling page."""
    job = job_view(db(), job_id, heartbeat_s())
    return jsonify(status=job.status.value, status_label=label(job.status), finished=job.finished,
                   facts=progress_facts(job.kind, job.progress), error=job.error,
                   result_url=url_for("coordinator.plan", plan_id=job.result_plan_id) if job.result_plan_id else None)


@bp.route("/jobs/<int:job_id>/cancel", methods=["POST"])
@role_required(*STAFF_ROLES)
def cancel_solve_job(job_id: int):
    """Stop a running solve; the published plan and the draft stay as they were."""
    request_cancel(db(), job_id, current_user.id)
    runner().cancel(job_id)
    flash(_("計算を中止しました。公開中の計画と作成中の案はそのままです。"), "info")
    return redirect(url_for("coordinator.solve_job", job_id=job_id))
