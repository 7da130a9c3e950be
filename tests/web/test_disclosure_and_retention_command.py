"""The disclosure download is for coordinators (who may see every field) and audited; the retention command is a dry run unless --apply."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from matching.db import make_engine, make_session_factory
from matching.models import AuditEntry, Student


def _student(database_url, student_id):
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        student = session.get(Student, student_id)
        entries = session.scalars(select(AuditEntry.action)).all()
    engine.dispose()
    return student, entries


def test_a_coordinator_downloads_a_childs_data_and_it_is_audited(client, auth, world, database_url):
    auth.login("coordinator")
    response = client.get(f"/coordinator/students/{world.student_id}/disclosure.json")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    export = json.loads(response.data)
    assert export["child"]["id"] == world.student_id and export["household"]["id"] == world.household_id
    assert "disclosure_export" in _student(database_url, world.student_id)[1]


@pytest.mark.parametrize("login", ["admin", "tutor"])
def test_administrators_and_tutors_cannot_download_a_disclosure(client, auth, world, login):
    auth.login(login)
    assert client.get(f"/coordinator/students/{world.student_id}/disclosure.json").status_code == 403


def test_retention_command_is_a_dry_run_until_apply(app, world, database_url):
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        session.get(Student, world.student_id).support_ended_on = date(2020, 3, 31)
        session.commit()
    engine.dispose()
    runner = app.test_cli_runner()
    dry = runner.invoke(args=["apply-retention"])
    assert "dry run" in dry.output and "children_anonymised: 1" in dry.output
    assert _student(database_url, world.student_id)[0].anonymised_on is None
    applied = runner.invoke(args=["apply-retention", "--apply"])
    assert "applied" in applied.output and "試験" not in applied.output
    student, actions = _student(database_url, world.student_id)
    assert student.anonymised_on == date(2026, 11, 22) and "retention" in actions
