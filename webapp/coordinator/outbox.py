"""The outbox page: every notice to tutors and families and whether it went out; send now; letters printed."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.models import NotificationStatus
from matching.notify.outbox import deliver_due
from matching.notify.outbox_view import list_notices, mark_printed
from webapp.access import STAFF_ROLES, role_required
from webapp.clock import now
from webapp.coordinator.blueprint import bp
from webapp.database import db
from webapp.requests import int_arg


@bp.route("/outbox")
@role_required(*STAFF_ROLES)
def outbox():
    """Notices newest first, filterable by status."""
    try:
        status = NotificationStatus(request.args.get("status", ""))
    except ValueError:
        status = None
    page = list_notices(db(), status, int_arg("page") or 1)
    return render_template("coordinator/outbox.html", page=page, status=status, statuses=list(NotificationStatus))


@bp.route("/outbox/deliver", methods=["POST"])
@role_required(*STAFF_ROLES)
def deliver_outbox():
    """Send every due e-mail now (failed ones are kept and retried later)."""
    report = deliver_due(db(), current_app.extensions["mail_sender"], now())
    flash(_("送信 %(sent)s 件、失敗 %(failed)s 件(失敗したものは後で再送します)。", sent=report.sent, failed=report.failed),
          "info" if not report.failed else "error")
    return redirect(url_for("coordinator.outbox"))


@bp.route("/outbox/<int:notice_id>/printed", methods=["POST"])
@role_required(*STAFF_ROLES)
def letter_printed(notice_id: int):
    """Mark a letter as printed and posted."""
    mark_printed(db(), notice_id, current_user.id, now())
    flash(_("郵送済みにしました。"), "info")
    return redirect(url_for("coordinator.outbox", status=request.form.get("status") or None))
