"""The app's e-mail sender, from configuration: SMTP when SMTP_HOST is set, else a folder of files (not sent)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from flask import Flask
from sqlalchemy.orm import Session

from matching.notify.outbox import Sender
from matching.notify.reminders import queue_reminders
from matching.notify.senders import FolderSender, SmtpSender
from matching.services.programme import current_programme
from webapp.clock import today_in


def make_sender(app: Flask) -> Sender:
    """An SMTP sender for production, or the demo's folder of .eml files in the instance folder."""
    config = app.config
    if config.get("SMTP_HOST"):
        return SmtpSender(config["SMTP_HOST"], int(config["SMTP_PORT"]), config["MAIL_FROM"],
                          username=config.get("SMTP_USERNAME", ""), password=config.get("SMTP_PASSWORD", ""),
                          starttls=bool(config.get("SMTP_STARTTLS")))
    return FolderSender(Path(app.instance_path) / "mail", config["MAIL_FROM"])


def queue_tomorrows_reminders(app: Flask) -> Callable[[Session], None]:
    """A delivery-round step that queues reminders for tomorrow's visits (each goes out once)."""
    def step(session: Session) -> None:
        queue_reminders(session, current_programme(session).id, today_in(app) + timedelta(days=1))
    return step


def init_app(app: Flask) -> None:
    """Attach the sender (whoever delivers, in this process or in a worker, uses it)."""
    app.extensions["mail_sender"] = make_sender(app)
