"""The report's figures equal counts made here from what was marked, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from matching.models import Mode, Progression, TutorKind, VisitOutcome
from matching.services.report.build import ATTENDANCE_BUCKETS, WAITING_BUCKETS, bucket_of, build_report
from tests.integration.report_world import AS_OF, build_report_world

YEAR = (date(2026, 4, 1), date(2027, 3, 31))
MAY = (date(2026, 5, 1), date(2026, 5, 31))


@pytest.fixture
def truth(session):
    """The marked world (committed) and what was marked."""
    return build_report_world(session)


@pytest.mark.parametrize("period", [YEAR, MAY], ids=["year", "may"])
def test_sessions_per_site_equal_the_marked_roll_calls(session, truth, period):
    report = build_report(session, truth.programme.id, *period, AS_OF)
    for site_id, figures in zip(truth.site_ids, report.sites):
        marked = [s for s in truth.sessions if s["site"] == site_id and period[0] <= s["date"] <= period[1]]
        fates = Counter(s["fate"] for s in marked)
        assert figures.held == fates["held"]
        assert figures.cancelled == fates["not_held"] + fates["plan_cancelled"]
        assert figures.planned == len(marked) - fates["plan_cancelled"]
        assert figures.unrecorded == sum(1 for s in marked if s["fate"] == "none" and s["date"] <= AS_OF)
        assert figures.attendances == sum(len(s["came"]) for s in marked)
        assert figures.expected == sum(s["expected"] for s in marked if s["fate"] == "held")
    assert report.total.held == sum(s.held for s in report.sites)
    assert len(report.cancellations) == report.total.cancelled
    assert {c.reason for c in report.cancellations} <= {"台風", ""}


def test_months_count_held_sessions_and_done_visits(session, truth):
    report = build_report(session, truth.programme.id, *YEAR, AS_OF)
    assert [m.month for m in report.months][:3] == [date(2026, 4, 1), date(2026, 5, 1), date(2026, 6, 1)]
    assert len(report.months) == 12
    for month in report.months:
        in_month = lambda d: (d.year, d.month) == (month.month.year, month.month.month)  # noqa: E731
        assert month.sessions_held == sum(1 for s in truth.sessions if in_month(s["date"]) and s["fate"] == "held")
        assert month.session_attendances == sum(len(s["came"]) for s in truth.sessions if in_month(s["date"]))
        assert month.visits_done == sum(1 for v in truth.visits if in_month(v["date"]) and v["fate"] is VisitOutcome.DONE)
    assert sum(m.sessions_target for m in report.months) == pytest.approx(120, abs=6)


def test_home_visits_by_outcome_up_to_the_report_date(session, truth):
    visits = build_report(session, truth.programme.id, *YEAR, AS_OF).visits
    past = [v for v in truth.visits if v["date"] <= AS_OF]
    fates = Counter(v["fate"] for v in past)
    assert (visits.done, visits.child_absent, visits.tutor_absent) == (
        fates[VisitOutcome.DONE], fates[VisitOutcome.CHILD_ABSENT], fates[VisitOutcome.TUTOR_ABSENT])
    assert visits.cancelled == fates[VisitOutcome.CANCELLED] + fates["plan_cancelled"]
    assert visits.unrecorded == fates["none"]
    assert visits.planned == len(past) - fates["plan_cancelled"]


def test_children_served_by_grade_service_and_language(session, truth):
    report = build_report(session, truth.programme.id, *YEAR, AS_OF)
    on_register = {i: c for i, c in truth.children.items() if c["on_register"]}
    came = {i for s in truth.sessions for i in s["came"]} | {
        v["student"] for v in truth.visits if v["fate"] is VisitOutcome.DONE}
    for breakdown, key in (("grade", lambda c: str(c["grade"])), ("service", lambda c: c["mode"].value),
                           ("language", lambda c: c["language"])):
        rows = {s.value: (s.registered, s.attended) for s in report.served if s.breakdown == breakdown}
        expected_registered = Counter(key(c) for c in on_register.values())
        expected_attended = Counter(key(c) for i, c in on_register.items() if i in came)
        assert rows == {k: (expected_registered[k], expected_attended[k]) for k in expected_registered}


def test_attendance_distribution_waiting_hours_and_progression(session, truth):
    report = build_report(session, truth.programme.id, *YEAR, AS_OF)
    per_child = Counter(i for s in truth.sessions for i in s["came"])
    room_children = [i for i, c in truth.children.items() if c["on_register"] and c["mode"] is Mode.STUDY_ROOM]
    buckets = Counter(bucket_of(per_child[i], ATTENDANCE_BUCKETS) for i in room_children)
    assert {b.label: b.children for b in report.attendance_distribution} == {
        key: buckets[key] for _lower, key in ATTENDANCE_BUCKETS}
    waiting = [c for c in truth.children.values() if c["on_register"] and not c["placed"]]
    assert sum(b.children for b in report.waiting) == len(waiting) == 1
    assert report.waiting_mean_days == (AS_OF - waiting[0]["waiting_since"]).days
    assert [b.label for b in report.waiting if b.children] == [bucket_of(report.waiting_mean_days, WAITING_BUCKETS)]
    minutes: Counter = Counter()
    for v in truth.visits:
        if v["fate"] is VisitOutcome.DONE:
            minutes[(truth.tutor_kinds[v["tutor"]], "visit")] += v["minutes"]
    for s in truth.sessions:
        for tutor_id in s["worked"]:
            minutes[(truth.tutor_kinds[tutor_id], "session")] += s["minutes"]
    for hours in report.hours:
        assert hours.visit_hours * 60 == pytest.approx(minutes[(hours.kind, "visit")])
        assert hours.session_hours * 60 == pytest.approx(minutes[(hours.kind, "session")])
    assert [h.paid for h in report.hours if h.kind is TutorKind.PAID_STAFF] == [True]
    progression = {p.outcome: p.children for p in report.progression}
    ninth = [c for c in truth.children.values() if c["on_register"] and c["grade"] == 9]
    assert progression[Progression.PRIVATE] == 1 and progression[Progression.PUBLIC_FULL_TIME] == 1
    assert progression[None] == len(ninth) - 2
