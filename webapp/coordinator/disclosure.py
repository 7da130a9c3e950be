"""Disclosure requests (開示請求): a coordinator downloads everything held about one child, audited.

Everything includes the 要配慮 fields, which the access policy shows to coordinators only: so the download is
a coordinator's, not an administrator's (who would otherwise read through an export what no page shows them)."""

from __future__ import annotations

import json

from flask import Response
from flask_login import current_user

from matching.models import Role
from matching.services.disclosure import child_disclosure
from matching.services.programme import current_programme
from webapp.access import role_required
from webapp.coordinator.blueprint import bp
from webapp.database import db


@bp.route("/students/<int:student_id>/disclosure.json")
@role_required(Role.COORDINATOR)
def disclosure(student_id: int):
    """The child's data as a JSON file for the requester (the download itself is recorded in the audit log)."""
    export = child_disclosure(db(), current_programme(db()).id, student_id, current_user.id)
    body = json.dumps(export, ensure_ascii=False, indent=2)
    return Response(body, mimetype="application/json", headers={
        "Content-Disposition": f'attachment; filename="disclosure-student-{student_id}.json"',
        "Cache-Control": "no-store"})
