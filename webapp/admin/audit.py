"""The audit log page: who changed what and when, for administrators only."""

from __future__ import annotations

from flask import render_template, request

from matching.models import Role
from matching.services.audit_log import audit_choices, list_audit
from webapp.access import role_required
from webapp.admin.audit_labels import action_label, detail_items, entity_label
from webapp.admin.blueprint import bp
from webapp.database import db
from webapp.requests import int_arg


@bp.route("/audit")
@role_required(Role.ADMIN)
def audit():
    """Audit entries, newest first, filtered by user, action and entity, paginated."""
    action, entity = request.args.get("action", ""), request.args.get("entity", "")
    page = list_audit(db(), int_arg("page") or 1, int_arg("user"), action, entity)
    return render_template("admin/audit.html", page=page, choices=audit_choices(db()), user_id=int_arg("user"),
                           action=action, entity=entity, action_label=action_label, entity_label=entity_label,
                           detail_items=detail_items)
