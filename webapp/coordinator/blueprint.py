"""The coordinator blueprint; its views live in the modules of this package, one feature each."""

from flask import Blueprint

bp = Blueprint("coordinator", __name__, url_prefix="/coordinator")
