"""A household's page: its children's upcoming dates, confirm, ask for a change; and the short-code door.

The page opens by the secret in the URL (/h/<token>) or, after a short code was typed at /h, by the
link remembered in the signed session cookie (/h/mine). Every request re-checks the link.
"""

from __future__ import annotations

from typing import Optional

from flask import current_app, flash, redirect, render_template, request, session, url_for

from matching.notify.family_language import FALLBACK, SUPPORTED, page_languages
from matching.services.household_links import (
    LinkExpired, LinkRefused, LinkRevoked, OpenedLink, open_link_id, open_short_code, open_token,
)
from matching.services.household_replies import MAX_MESSAGE_LENGTH, InvalidMessage, confirm_schedule, request_change
from matching.services.household_schedule import household_schedule
from webapp.clock import current_instant, today
from webapp.database import db
from webapp.family.attempts import AttemptLimiter
from webapp.family.blueprint import bp
from webapp.family.texts import FamilyTexts, in_each

SESSION_KEY = "family_link"
MINE = {"token": None}  # the defaults that make a rule the session-opened variant (/h/mine)


def _open(token: Optional[str]) -> OpenedLink:
    if token is not None:
        return open_token(db(), token, current_instant())
    link_id = session.get(SESSION_KEY)
    if not isinstance(link_id, int):
        raise LinkRefused()
    return open_link_id(db(), link_id, current_instant())


def _language(household_language: str) -> str:
    choices = page_languages(household_language)
    chosen = request.values.get("lang", "")
    return chosen if chosen in choices else choices[0]


def _back(token: Optional[str], language: str):
    return redirect(url_for("family.page", token=token, lang=language))


@bp.errorhandler(LinkRefused)
def refused(error: LinkRefused):
    """A link or code that does not open a page: a friendly page in Japanese and English, 410 or 404."""
    key = ("link_expired" if isinstance(error, LinkExpired) else
           "link_revoked" if isinstance(error, LinkRevoked) else "link_unknown")
    gone = isinstance(error, (LinkExpired, LinkRevoked))
    texts = [FamilyTexts(language) for language in ("ja", "en")]
    return render_template("family/refused.html", key=key, texts=texts), 410 if gone else 404


@bp.route("/h/<token>")
@bp.route("/h/mine", defaults=MINE)
def page(token: Optional[str]):
    """The household's upcoming dates and tutors, in its language or Japanese, with confirm and change forms."""
    opened = _open(token)
    schedule = household_schedule(db(), opened.household_id, today())
    language = _language(schedule.language)
    return render_template("family/page.html", schedule=schedule, t=FamilyTexts(language), token=token,
                           languages=[FamilyTexts(code) for code in page_languages(schedule.language)],
                           max_length=MAX_MESSAGE_LENGTH)


@bp.route("/h/<token>/confirm", methods=["POST"])
@bp.route("/h/mine/confirm", methods=["POST"], defaults=MINE)
def confirm(token: Optional[str]):
    """The family confirms its upcoming dates."""
    opened = _open(token)
    confirm_schedule(db(), opened.household_id, today(), current_instant())
    flash("confirm_done", "family")
    return _back(token, request.form.get("lang", ""))


@bp.route("/h/<token>/change", methods=["POST"])
@bp.route("/h/mine/change", methods=["POST"], defaults=MINE)
def change(token: Optional[str]):
    """The family asks the coordinator for a change, in its own words."""
    opened = _open(token)
    try:
        request_change(db(), opened.household_id, request.form.get("message", ""), current_instant())
    except InvalidMessage as refused_message:
        flash("change_empty" if refused_message.reason == "empty" else "change_too_long", "family-error")
    else:
        flash("change_done", "family")
    return _back(token, request.form.get("lang", ""))


def _limiter() -> AttemptLimiter:
    return current_app.extensions.setdefault(
        "family_code_attempts", AttemptLimiter(int(current_app.config.get("FAMILY_CODE_MAX_FAILURES", 10))))


@bp.route("/h", methods=["GET", "POST"])
def code():
    """The door for a short code read out by phone: a right code opens the household's page."""
    error, status = None, 200
    visitor = request.remote_addr or "unknown"
    if request.method == "POST":
        if _limiter().blocked(visitor):
            error, status = "code_too_many", 429
        else:
            try:
                opened = open_short_code(db(), request.form.get("code", ""), current_instant())
            except (LinkExpired, LinkRevoked):
                _limiter().failed(visitor)
                raise  # a code that worked once: the clear page saying it no longer does
            except LinkRefused:
                _limiter().failed(visitor)
                error, status = "code_wrong", 400
            else:
                session[SESSION_KEY] = opened.link_id
                return redirect(url_for("family.page"))
    texts = [FamilyTexts(language) for language in (FALLBACK, *[c for c in SUPPORTED if c != FALLBACK])]
    return render_template("family/code.html", texts=texts, in_each=in_each, error=error), status
