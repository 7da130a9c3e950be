"""Who may see which field: the one access policy every page, export and notice follows.

A viewer is a role (administrator, coordinator, tutor) or a family holding a household link.
Tutors see only what a visit needs (DESIGN: the child's name, grade, subjects, and the address
and guardian phone for a home visit where the household consented); eligibility, income and
caseworker notes are 要配慮個人情報 and visible to coordinators alone, each read logged.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any


class Viewer(str, enum.Enum):
    """Who is looking: the account roles plus a family on its household link."""

    ADMIN = "admin"
    COORDINATOR = "coordinator"
    TUTOR = "tutor"
    FAMILY = "family"


A, C, T, F = Viewer.ADMIN, Viewer.COORDINATOR, Viewer.TUTOR, Viewer.FAMILY
STAFF = frozenset({A, C})

# entity -> field -> viewers that always see it.
POLICY: dict[str, dict[str, frozenset[Viewer]]] = {
    "student": {
        "id": STAFF | {T, F},
        "external_id": STAFF,
        "family_name": STAFF | {T},
        "given_name": STAFF | {T, F},
        "family_name_kana": STAFF | {T},
        "given_name_kana": STAFF | {T, F},
        "grade": STAFF | {T, F},
        "school": STAFF,
        "gender": STAFF,
        "mode": STAFF | {T},
        "home_site": STAFF | {T, F},
        "needs": STAFF | {T},
        "availability": STAFF,
        "priority": STAFF,
        "required_tutor_gender": STAFF,
        "referral_source": STAFF,
        "waiting_since": STAFF,
        "support_ended": STAFF,
        "eligibility": frozenset({C}),
        "caseworker_notes": frozenset({C}),
    },
    "household": {
        "external_key": STAFF,
        "guardian_name": STAFF | {F},
        "guardian_name_kana": STAFF | {F},
        "phone": STAFF | {F},
        "email": STAFF | {F},
        "postal_code": STAFF | {F},
        "address": STAFF | {F},
        "language": STAFF | {F},
        "preferred_channel": STAFF | {F},
        "consent_share_contact": STAFF | {F},
        "consent_data_use": STAFF | {F},
    },
    "tutor": {
        "id": STAFF | {T, F},
        "external_id": STAFF,
        "family_name": STAFF | {T},
        "given_name": STAFF | {T, F},
        "family_name_kana": STAFF | {T},
        "given_name_kana": STAFF | {T, F},
        "kind": STAFF | {T},
        "affiliation": STAFF | {T},
        "email": STAFF | {T},
        "phone": STAFF | {T},
        "gender": STAFF | {T},
        "languages": STAFF | {T},
        "postal_code": STAFF | {T},
        "address": STAFF | {T},
        "subjects": STAFF | {T},
        "sites": STAFF | {T},
        "availability": STAFF | {T},
        "limits": STAFF | {T},
        "pledge_signed_on": STAFF | {T},
        "active_period": STAFF | {T},
        "notes": STAFF,
    },
}

# Fields a tutor sees only for a home visit of theirs, and only where the household consented.
CONSENTED_FOR_VISITING_TUTOR = frozenset({("household", "address"), ("household", "phone"), ("household", "guardian_name")})

# 要配慮個人情報: every read by staff is written to the audit log.
SENSITIVE_FIELDS = frozenset({("student", "eligibility"), ("student", "caseworker_notes")})


def may_mark_attendance(viewer: Viewer, own_item: bool) -> bool:
    """Whether a viewer may mark a dated visit or session: staff any, a tutor only the ones they work."""
    return viewer in STAFF or (viewer is T and own_item)


def can_see(viewer: Viewer, entity: str, field: str, *, consented_visit: bool = False) -> bool:
    """Whether a viewer may see a field; consented_visit: the tutor visits this home and it consented."""
    viewers = POLICY.get(entity, {}).get(field)
    if viewers is None:
        return False  # a field the policy does not name is hidden from everyone
    if viewer in viewers:
        return True
    return viewer is T and consented_visit and (entity, field) in CONSENTED_FOR_VISITING_TUTOR


def visible_fields(viewer: Viewer, entity: str, *, consented_visit: bool = False) -> frozenset[str]:
    """Every field of an entity the viewer may see."""
    return frozenset(
        field for field in POLICY.get(entity, {}) if can_see(viewer, entity, field, consented_visit=consented_visit)
    )


def redact(viewer: Viewer, entity: str, record: Mapping[str, Any], *, consented_visit: bool = False) -> dict[str, Any]:
    """A copy of record holding only the fields the viewer may see (for pages, exports and notices)."""
    allowed = visible_fields(viewer, entity, consented_visit=consented_visit)
    return {field: value for field, value in record.items() if field in allowed}


def is_sensitive(entity: str, field: str) -> bool:
    """Whether reading this field must be logged (要配慮個人情報)."""
    return (entity, field) in SENSITIVE_FIELDS
