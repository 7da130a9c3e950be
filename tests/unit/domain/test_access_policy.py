"""The access policy: tutors and families see only what a visit needs; sensitive fields go to coordinators."""

from __future__ import annotations

import pytest

from matching.access_policy import POLICY, Viewer, can_see, is_sensitive, may_mark_attendance, redact, visible_fields

CHILD = {"id": 1, "given_name": "花子", "family_name": "試験", "grade": 9, "eligibility": "welfare",
         "caseworker_notes": "メモ", "school": "第一中学校", "availability": []}


@pytest.mark.parametrize("viewer", [Viewer.ADMIN, Viewer.TUTOR, Viewer.FAMILY])
def test_only_coordinators_see_eligibility_and_caseworker_notes(viewer):
    assert not can_see(viewer, "student", "eligibility")
    assert not can_see(viewer, "student", "caseworker_notes")
    assert can_see(Viewer.COORDINATOR, "student", "eligibility")


def test_tutor_sees_name_grade_and_subjects_but_not_school_or_eligibility():
    shown = redact(Viewer.TUTOR, "student", CHILD)
    assert shown == {"id": 1, "given_name": "花子", "family_name": "試験", "grade": 9}


def test_family_sees_its_child_by_given_name_only():
    assert redact(Viewer.FAMILY, "student", CHILD) == {"id": 1, "given_name": "花子", "grade": 9}


def test_tutor_sees_address_and_phone_only_for_a_consented_home_visit():
    assert not can_see(Viewer.TUTOR, "household", "address")
    assert not can_see(Viewer.TUTOR, "household", "phone")
    assert can_see(Viewer.TUTOR, "household", "address", consented_visit=True)
    assert can_see(Viewer.TUTOR, "household", "phone", consented_visit=True)
    assert not can_see(Viewer.TUTOR, "household", "email", consented_visit=True)


def test_fields_the_policy_does_not_name_are_hidden_from_everyone():
    for viewer in Viewer:
        assert not can_see(viewer, "student", "income")
        assert "income" not in redact(viewer, "student", {"income": 1})


def test_sensitive_fields_are_exactly_those_only_coordinators_see():
    coordinator_only = {(entity, field) for entity, fields in POLICY.items()
                        for field, viewers in fields.items() if viewers == {Viewer.COORDINATOR}}
    assert {pair for pair in coordinator_only if is_sensitive(*pair)} == coordinator_only
    assert visible_fields(Viewer.COORDINATOR, "student") >= {"eligibility", "caseworker_notes"}


def test_a_tutor_marks_only_their_own_items_and_staff_mark_any():
    assert may_mark_attendance(Viewer.TUTOR, own_item=True)
    assert not may_mark_attendance(Viewer.TUTOR, own_item=False)
    assert may_mark_attendance(Viewer.COORDINATOR, own_item=False) and may_mark_attendance(Viewer.ADMIN, own_item=False)
    assert not may_mark_attendance(Viewer.FAMILY, own_item=True)
