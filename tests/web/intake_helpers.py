"""Helpers for the intake form tests: reading a page's form fields and posting them back changed."""

from __future__ import annotations

import html
import re

from sqlalchemy import select

from matching.db import make_engine, make_session_factory
from matching.models import AuditEntry


def form_values(page: str) -> dict[str, list[str]]:
    """The values a browser would submit from the page's first intake form (checked boxes, selected options)."""
    body = page[page.index('class="intake"'):]
    body = body[:body.index("</form>")]
    values: dict[str, list[str]] = {}
    for tag in re.findall(r"<input[^>]*>", body):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        kind = re.search(r'type="([^"]+)"', tag)
        if not name:
            continue
        if kind and kind.group(1) == "checkbox" and "checked" not in tag:
            continue
        default = "y" if kind and kind.group(1) == "checkbox" else ""
        values.setdefault(name.group(1), []).append(html.unescape(value.group(1)) if value else default)
    for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', body, re.S):
        tags = re.findall(r"<option([^>]*)>", options)
        chosen = [tag for tag in tags if re.search(r"\bselected\b", tag)] or tags[:1]  # a browser sends the first
        if chosen:
            values[name] = [html.unescape(re.search(r'value="([^"]*)"', chosen[0]).group(1))]
    for name, text in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', body, re.S):
        values[name] = [html.unescape(text.lstrip("\r\n"))]
    return values


def post_form(client, url: str, changes: dict[str, object], start: dict[str, list[str]] | None = None):
    """Load url's form, apply changes (a list sets several values, None removes the field) and submit it."""
    values = start if start is not None else form_values(client.get(url).get_data(as_text=True))
    for name, value in changes.items():
        if value is None:
            values.pop(name, None)
        else:
            values[name] = value if isinstance(value, list) else [str(value)]
    return client.post(url, data=values)


def error_after(page: str, field_id: str) -> str:
    """The error list shown next to a field (by its id), or "" when there is none."""
    match = re.search(rf'<ul class="errors" id="{re.escape(field_id)}-errors">(.*?)</ul>', page, re.S)
    return html.unescape(match.group(1)) if match else ""


def audit_entries(database_url, action: str | None = None) -> list[AuditEntry]:
    """The audit log, optionally only one action."""
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        query = select(AuditEntry).order_by(AuditEntry.id)
        if action:
            query = query.where(AuditEntry.action == action)
        entries = list(session.scalars(query))
    engine.dispose()
    return entries


def fetch(database_url, model: type, row_id: int, *relations: str):
    """One row read in its own session, with the named relationships loaded, detached."""
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        row = session.get(model, row_id)
        for relation in relations:
            getattr(row, relation)
        session.expunge(row)
    engine.dispose()
    return row


def two_editors_save(app, login, url: str, first: dict, second: dict) -> str:
    """Two coordinators load url's form, the first saves first, then the second; returns the second's page."""
    editors = [app.test_client(), app.test_client()]
    for editor in editors:
        login(editor)
    loaded = [form_values(editor.get(url).get_data(as_text=True)) for editor in editors]
    assert post_form(editors[0], url, first, loaded[0]).status_code == 302
    response = post_form(editors[1], url, second, loaded[1])
    assert response.status_code == 200
    return response.get_data(as_text=True)
