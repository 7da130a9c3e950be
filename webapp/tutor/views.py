"""A tutor's own pages: their profile as the programme holds it."""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from flask_login import current_user

from matching.access_policy import Viewer
from matching.models import Role
from matching.services.programme import current_programme
from matching.services.tutors import tutor_detail
from webapp.access import role_required
from webapp.database import db

bp = Blueprint("tutor", __name__, url_prefix="/tutor")


@bp.route("/")
@role_required(Role.TUTOR)
def home():
    """The signed-in tutor's profile: subjects, availability, limits, sites."""
    if current_user.tutor_id is None:
        abort(403)
    programme = current_programme(db())
    tutor = tutor_detail(db(), programme.id, current_user.tutor_id, Viewer.TUTOR)
    return render_template("tutor/home.html", tutor=tutor)
