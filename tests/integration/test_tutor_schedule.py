"""A tutor's schedule and calendar feed: only their own published dates, contact only where consented."""

from __future__ import annotations

from datetime import date, datetime, timezone

import icalendar
import pytest

from matching.ical import schedule_ics
from matching.models import OccurrenceStatus, PlanKind, PlanStatus, VisitOccurrence
from matching.services.calendar_feed import has_feed, issue_feed_token, revoke_feed, tutor_for_feed
from matching.services.errors import NotFound
from matching.services.tutor_schedule import tutor_schedule
from tests.factories import make_household, make_programme, make_site, make_student, make_tutor
from tests.plan_factories import add_session, add_visit, make_plan

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 0, 0, tzinfo=timezone.utc)
TUESDAYS = [date(2026, 11, 17), date(2026, 11, 24), date(2026, 12, 1)]


@pytest.fixture
def published(session):
    """Two tutors; a consenting and a non-consenting household; a visits plan and a rooms plan."""
    programme = make_programme(session)
    site = make_site(session, programme)
    consenting = make_student(session, make_household(session, programme, address="みどり区本町1-2-3",
                                                      phone="03-5550-1111"), given_name="花子")
    private = make_student(session, make_household(session, programme, address="みどり区北野9-9",
                                                   phone="03-5550-2222", consent_share_contact=False,
                                                   consent_share_contact_on=None), given_name="次郎")
    tutor, other = make_tutor(session, programme), make_tutor(session, programme)
    visits = make_plan(session, programme, PlanKind.VISITS)
    add_visit(session, visits, consenting, tutor, TUESDAYS)
    add_visit(session, visits, private, tutor, [date(2026, 11, 26)], start=17 * 60, end=19 * 60)
    add_visit(session, visits, consenting, other, [date(2026, 11, 25)], subject="english")
    draft = make_plan(session, programme, PlanKind.VISITS, status=PlanStatus.DRAFT)
    add_visit(session, draft, private, tutor, [date(2026, 11, 27)])  # not published: never shown
    rooms = make_plan(session, programme, PlanKind.ROOMS)
    add_session(session, rooms, site, date(2026, 11, 28), [tutor, other], start=14 * 60, end=16 * 60)
    session.commit()
    return programme, tutor, other, site


def test_tutor_sees_only_their_own_published_dates_from_today(session, published):
    programme, tutor, _, site = published
    items = tutor_schedule(session, programme.id, tutor.id, TODAY)
    assert [(i.kind, i.on_date) for i in items] == [
        ("visit", date(2026, 11, 24)), ("visit", date(2026, 11, 26)), ("session", date(2026, 11, 28)),
        ("visit", date(2026, 12, 1))]
    assert items[2].site_name == site.name


def test_address_and_phone_only_where_the_household_consented(session, published):
    programme, tutor, _, _ = published
    consenting, private = tutor_schedule(session, programme.id, tutor.id, TODAY)[:2]
    assert (consenting.child_given_name, consenting.address, consenting.guardian_phone) == (
        "花子", "みどり区本町1-2-3", "03-5550-1111")
    assert (private.child_given_name, private.address, private.guardian_phone) == ("次郎", "", "")


def test_a_substitute_sees_the_date_and_the_replaced_tutor_does_not(session, published):
    programme, tutor, other, _ = published
    item = tutor_schedule(session, programme.id, tutor.id, TODAY)[0]
    session.get(VisitOccurrence, item.item_id).substitute_tutor_id = other.id
    session.commit()
    assert date(2026, 11, 24) not in [i.on_date for i in tutor_schedule(session, programme.id, tutor.id, TODAY)]
    stand_in = [i for i in tutor_schedule(session, programme.id, other.id, TODAY) if i.on_date == date(2026, 11, 24)]
    assert len(stand_in) == 1 and stand_in[0].substitute


def test_the_ical_feed_parses_back_to_exactly_the_published_dates_in_tokyo_time(session, published):
    programme, tutor, _, _ = published
    items = tutor_schedule(session, programme.id, tutor.id, TODAY)
    parsed = icalendar.Calendar.from_ical(schedule_ics(items, "講師の予定", NOW))
    events = sorted(parsed.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    starts = [(e.decoded("dtstart").isoformat(), e.decoded("dtend").isoformat()) for e in events]
    assert starts == [
        ("2026-11-24T18:00:00+09:00", "2026-11-24T20:00:00+09:00"),
        ("2026-11-26T17:00:00+09:00", "2026-11-26T19:00:00+09:00"),
        ("2026-11-28T14:00:00+09:00", "2026-11-28T16:00:00+09:00"),
        ("2026-12-01T18:00:00+09:00", "2026-12-01T20:00:00+09:00"),
    ]
    assert str(events[0]["dtstart"].params["TZID"]) == "Asia/Tokyo"
    assert len({str(e["uid"]) for e in events}) == 4
    assert "花子" in str(events[0]["summary"]) and str(events[0]["location"]) == "みどり区本町1-2-3"
    assert "location" not in events[1]  # no consent: no address in the feed either


def test_a_cancelled_visit_stays_in_the_feed_marked_cancelled(session, published):
    programme, tutor, _, _ = published
    item = tutor_schedule(session, programme.id, tutor.id, TODAY)[0]
    session.get(VisitOccurrence, item.item_id).status = OccurrenceStatus.CANCELLED
    session.commit()
    parsed = icalendar.Calendar.from_ical(schedule_ics(tutor_schedule(session, programme.id, tutor.id, TODAY), "x", NOW))
    statuses = {e.decoded("dtstart").date(): str(e["status"]) for e in parsed.walk("VEVENT")}
    assert statuses[date(2026, 11, 24)] == "CANCELLED" and statuses[date(2026, 12, 1)] == "CONFIRMED"


def test_feed_tokens_are_revocable_and_regenerable(session, published):
    _, tutor, _, _ = published
    first = issue_feed_token(session, tutor.id, user_id=None, now=NOW)
    assert tutor_for_feed(session, first) == tutor.id
    second = issue_feed_token(session, tutor.id, user_id=None, now=NOW)
    with pytest.raises(NotFound):
        tutor_for_feed(session, first)
    assert tutor_for_feed(session, second) == tutor.id
    revoke_feed(session, tutor.id, user_id=None, now=NOW)
    assert not has_feed(session, tutor.id)
    with pytest.raises(NotFound):
        tutor_for_feed(session, second)
