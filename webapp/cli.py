"""Flask commands: migrate, make the first administrator, load the demo, notices, retention (``flask --app webapp ...``)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, timedelta

import os

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from sqlalchemy import func, select

from matching.db import upgrade
from matching.models import Programme
from matching.notify.outbox import deliver_due
from matching.notify.reminders import queue_reminders
from matching.services.errors import ValidationFailed
from matching.services.first_admin import create_admin
from matching.services.programme import current_programme
from matching.services.retention import apply_retention
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
    from seed_data.demo_history import load_demo_history

    upgrade(current_app.config["DATABASE_URL"])
    with current_app.extensions["session_factory"]() as session:
        if session.scalar(select(func.count(Programme.id))):
            click.echo("demo data already loaded")
        else:
            summary = load_demo(session)
            click.echo(f"loaded demo: {summary.sites} sites, {summary.students} children, {summary.tutors} tutors")
            click.echo("solving and publishing the year's plans as of 1 April, marking attendance (about 20 s) ...")
            history = load_demo_history(session)
            click.echo(f"history: {history.attendance.visits} visits and {history.attendance.sessions} sessions "
                       f"marked, {history.attendance.child_attendances} child attendances")
    click.echo(f"\nOpen {url} and log in with one of these demo accounts:")
    for account in DEMO_ACCOUNTS:
        click.echo(f"  {account.role.value:<12} login: {account.login:<14} password: {account.password}")


ADMIN_PASSWORD_ENV = "ADMIN_PASSWORD"
ADMIN_PROBLEMS = {"duplicate_login": "an account with this login already exists",
                  "login_required": "give a login",
                  "password_too_short": "the password needs at least 10 characters",
                  "password_too_long": "the password may have at most 200 characters"}


@click.command("create-admin")
@click.option("--login", required=True, help="The administrator's login ID.")
@click.option("--name", default="", help="The name shown on the pages (the login when empty).")
@click.option("--email", default="", help="Where password-reset links for this account go.")
@with_appcontext
def create_admin_command(login: str, name: str, email: str) -> None:
    """Migrate, then make an administrator; the password comes from $ADMIN_PASSWORD or a prompt, never a default."""
    password = os.environ.get(ADMIN_PASSWORD_ENV) or click.prompt("password", hide_input=True,
                                                                  confirmation_prompt=True)
    upgrade(current_app.config["DATABASE_URL"])
    with current_app.extensions["session_factory"]() as session:
        try:
            account_id = create_admin(session, login, name, password, email)
        except ValidationFailed as failure:
            raise click.ClickException("; ".join(ADMIN_PROBLEMS.get(code, code)
                                                 for code in failure.field_errors.values())) from failure
    click.echo(f"administrator {login!r} created (account {account_id}); log in and create the coordinators")


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


@click.command("apply-retention")
@with_appcontext
@click.option("--years", type=int, default=None, help="Keep this many years after support ended (RETENTION_YEARS, 5).")
@click.option("--apply", "apply_changes", is_flag=True, help="Change the data; without it this is a dry run.")
def apply_retention_command(years: int | None, apply_changes: bool) -> None:
    """Anonymise children whose support ended long ago and purge old notices and messages (dry run by default)."""
    years = years if years is not None else int(current_app.config["RETENTION_YEARS"])
    with current_app.extensions["session_factory"]() as session:
        counts = apply_retention(session, today(), years, dry_run=not apply_changes)
    click.echo(("applied" if apply_changes else "dry run (nothing changed; add --apply)")
               + f": support ended before {counts.cutoff}")
    for name, value in asdict(counts).items():
        if isinstance(value, int) and not isinstance(value, bool):
            click.echo(f"  {name}: {value}")


def init_app(app: Flask) -> None:
    """Register the commands."""
    app.cli.add_command(db_upgrade_command)
    app.cli.add_command(init_demo_command)
    app.cli.add_command(create_admin_command)
    app.cli.add_command(queue_reminders_command)
    app.cli.add_command(deliver_notices_command)
    app.cli.add_command(apply_retention_command)
