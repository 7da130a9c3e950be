"""The administrator blueprint; its views live in the modules of this package."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")
