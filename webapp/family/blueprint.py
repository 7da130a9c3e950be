"""The family blueprint; no login: a household link or short code opens its page."""

from flask import Blueprint

bp = Blueprint("family", __name__)
