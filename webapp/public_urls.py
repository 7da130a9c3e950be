"""Links that leave the site (family links, tutors' calendar feeds) start with the configured BASE_URL.

A link built from the request's Host header could be made to point at another site by whoever sends the
request; the base URL is the operator's, from the environment.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, url_for


def public_url(endpoint: str, **values: Any) -> str:
    """The absolute URL of an endpoint under BASE_URL."""
    return current_app.config["BASE_URL"].rstrip("/") + url_for(endpoint, **values)


def family_access(issued) -> dict[str, str]:
    """A just-issued family link as a family is given it: the page's URL, the short code, and where to enter it."""
    return {"url": public_url("family.page", token=issued.token), "short_code": issued.short_code,
            "entry_url": public_url("family.code")}
