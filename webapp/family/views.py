"""A household's page: its children's upcoming dates, confirm, ask for a change; and the short-code door.

The page opens by the secret in the URL (/h/<token>) or, after a short code was typed at /h, by the
link remembered in the signed session cookie (/h/mine). Every request re-checks the link.
"""

from __future__ import annotations

from typing import Optional

from flask import flash, redirect, render_template, request, session, url_for
from flask_limiter.errors import RateLimitExceeded

from matching.notify.family_language import FALLBACK, SUPPORTED, page_languages
from matching.services.household_links import (
    LinkExpired, LinkRefused, LinkRevoked, OpenedLink, open_link_id, open_short_code, open_token,
)
from matching.services.household_replies import MAX_MESSAGE_LENGTH, InvalidMessage, confirm_schedule, request_change
from matching.services.household_schedule import household_schedule
from matching.tokens import normalise_short_code
from webapp.clock import current_instant, today
from webapp.database import db
from webapp.extensions import limiter
from webapp.family.blueprint import bp
from webapp.family.texts import FamilyTexts, in_each
from webapp.throttling import configured, failed, hidden_key, retry_after_minutes

SESSION_KEY = "family_link"
MAX_TYPED_CODE = 40  # a code is 9 characters; more is not a code, and must not grow the limiter's keys
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


def _typed_code() -> str:
    """The short code a request tried, in its stored form: the key of the per-code limit (empty: skipped)."""
    return hidden_key(normalise_short_code(request.form.get("code", "")[:MAX_TYPED_CODE]))


def _code_page(error: Optional[str], status: int, minutes: int = 0):
    texts = [FamilyTexts(language) for language in (FALLBACK, *[c for c in SUPPORTED if c != FALLBACK])]
    return render_template("family/code.html", texts=texts, in_each=in_each, error=error, minutes=minutes), status


@bp.errorhandler(RateLimitExceeded)
def too_many_codes(_error: RateLimitExceeded):
    """Too many wrong codes from this address or for this code: say, in every family language, when to retry."""
    return _code_page("code_too_many", 429, retry_after_minutes())


@bp.route("/h", methods=["GET", "POST"])
@limiter.limit(configured("FAMILY_CODE_LIMIT_PER_ADDRESS"), methods=["POST"], deduct_when=failed)
@limiter.limit(configured("FAMILY_CODE_LIMIT_PER_CODE"), key_func=_typed_code, methods=["POST"], deduct_when=failed)
def code():
    """The door for a short code read out by phone: a right code opens the household's page (wrong ones throttled)."""
    if request.method == "GET":
        return _code_page(None, 200)
    try:
        opened = open_short_code(db(), request.form.get("code", ""), current_instant())
    except (LinkExpired, LinkRevoked):
        raise  # a code that worked once: the clear page saying it no longer does (a 410, counted as a failure)
    except LinkRefused:
        return _code_page("code_wrong", 400)
    session[SESSION_KEY] = opened.link_id
    return redirect(url_for("family.page"))
