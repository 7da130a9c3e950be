"""The outbox page: every notice to tutors and families and whether it went out; send now; letters printed."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matching.models import NotificationStatus
from matching.notify.outbox_view import list_notices, mark_printed, send_again
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
    return render_template("coordinator/outbox.html", page=page, status=status, statuses=list(NotificationStatus),
                           mail_configured=current_app.extensions["mail_sender"].delivers)


@bp.route("/outbox/deliver", methods=["POST"])
@role_required(*STAFF_ROLES)
def deliver_outbox():
    """Start a delivery round in the background and return at once (a hanging mail server never holds the page)."""
    current_app.extensions["notice_delivery"].wake()
    flash(_("送信を始めました。結果はしばらくしてからこの画面を再読み込みして確かめてください。"), "info")
    return redirect(url_for("coordinator.outbox"))


@bp.route("/outbox/<int:notice_id>/send-again", methods=["POST"])
@role_required(*STAFF_ROLES)
def notice_send_again(notice_id: int):
    """A person has checked a notice left for them: try it once more in the next round."""
    send_again(db(), notice_id, current_user.id)
    flash(_("もう一度送ります。"), "info")
    return redirect(url_for("coordinator.outbox", status=request.form.get("status") or None))


@bp.route("/outbox/<int:notice_id>/printed", methods=["POST"])
@role_required(*STAFF_ROLES)
def letter_printed(notice_id: int):
    """Mark a letter as printed and posted."""
    mark_printed(db(), notice_id, current_user.id, now())
    flash(_("郵送済みにしました。"), "info")
    return redirect(url_for("coordinator.outbox", status=request.form.get("status") or None))
