"""Flask commands: migrate the database and load the demo (``flask --app webapp init-demo``)."""

from __future__ import annotations

from datetime import date, timedelta

import click
from flask import Flask, current_app
from sqlalchemy import func, select

from matching.db import upgrade
from matching.models import Programme
from matching.notify.outbox import deliver_due
from matching.notify.reminders import queue_reminders
from matching.services.programme import current_programme
from webapp.clock import now, today


@click.command("db-upgrade")
def db_upgrade_command() -> None:
    """Create or migrate the schema to the newest revision."""
    upgrade(current_app.config["DATABASE_URL"])
    click.echo("database is up to date")


@click.command("init-demo")
@click.option("--url", default="http://127.0.0.1:5000", help="Where the site will be served, for the message.")
def init_demo_command(url: str) -> None:
    """Migrate, load the demo data into an empty database, and print where and how to log in."""
    from seed_data.demo import DEMO_ACCOUNTS, load_demo

    upgrade(current_app.config["DATABASE_URL"])
    with current_app.extensions["session_factory"]() as session:
        if session.scalar(select(func.count(Programme.id))):
            click.echo("demo data already loaded")
        else:
            summary = load_demo(session)
            click.echo(f"loaded demo: {summary.sites} sites, {summary.students} children, {summary.tutors} tutors")
    click.echo(f"\nOpen {url} and log in with one of these demo accounts:")
    for account in DEMO_ACCOUNTS:
        click.echo(f"  {account.role.value:<12} login: {account.login:<14} password: {account.password}")


@click.command("queue-reminders")
@click.option("--day", default=None, help="The visits' date (YYYY-MM-DD); tomorrow by default.")
def queue_reminders_command(day: str | None) -> None:
    """Queue reminders for one day's visits (for a daily cron job when the delivery loop is off)."""
    with current_app.extensions["session_factory"]() as session:
        when = date.fromisoformat(day) if day else today() + timedelta(days=1)
        added = queue_reminders(session, current_programme(session).id, when)
    click.echo(f"queued {added} reminders for {when.isoformat()}")


@click.command("deliver-notices")
def deliver_notices_command() -> None:
    """Send every due e-mail in the outbox now (failed ones are retried later)."""
    with current_app.extensions["session_factory"]() as session:
        report = deliver_due(session, current_app.extensions["mail_sender"], now())
    click.echo(f"sent {report.sent}, written to files (not sent) {report.filed}, failed {report.failed}")


def init_app(app: Flask) -> None:
    """Register the commands."""
    app.cli.add_command(db_upgrade_command)
    app.cli.add_command(init_demo_command)
    app.cli.add_command(queue_reminders_command)
    app.cli.add_command(deliver_notices_command)
