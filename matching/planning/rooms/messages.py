"""The solver checker's messages with names instead of ids, for the coordinator's screen.

The checker writes ids ("3 2026-06-02: 講師12の空き時間外です"); coordinators read names. Only ids are
replaced; the rule and its wording stay the checker's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import Student
from matching.planning.rooms.context import PlanContext, tutor_names
from matching.planning.rooms.problem import db_id
from solver.rooms.check import Violation

# Which kind of id a message starts with, by the checker's code (the rest start with "site date:").
_LEADING = {"monthly_cap": "tutor", "load_mismatch": "tutor", "over_target": "site", "min_gap": "site",
            "unknown_child": "child", "child_shortfall": "child", "child_twice": "child", "child_not_allowed": "child", "pin_child": "child",
            "over_capacity": "site", "child_unseated": "child"}
_TUTOR = re.compile(r"(講師|tutor )(\d+)")
_SESSION = re.compile(r"^(\d+) (\d{4}-\d{2}-\d{2}):")
_LEAD = re.compile(r"^(\d+):")
_SITE = re.compile(r"(会場|site )(\d+)")


def violation_namer(session: Session, ctx: PlanContext) -> Callable[[Violation], Violation]:
    """A function that writes a violation's ids as the names of the plan's sites, tutors and children."""
    sites = {db_id(s.id): s.name for s in ctx.problem.sites}
    tutors = tutor_names(session, [t.id for t in ctx.problem.tutors])
    ids = [db_id(c.id) for c in ctx.problem.children]
    children = {s.id: s.full_name for s in session.scalars(select(Student).where(Student.id.in_(ids)))} if ids else {}
    names = {"site": sites, "tutor": tutors, "child": children}

    def named(text: str, code: str) -> str:
        lead = names[_LEADING.get(code, "site")]
        text = _SESSION.sub(lambda m: f"{sites.get(int(m[1]), m[1])} {m[2]}:", text)
        text = _LEAD.sub(lambda m: f"{lead.get(int(m[1]), m[1])}:", text)
        text = _TUTOR.sub(lambda m: f"{m[1]}{tutors.get(int(m[2]), m[2])}", text)
        return _SITE.sub(lambda m: f"{m[1]}{sites.get(int(m[2]), m[2])}", text)

    return lambda v: Violation(v.code, named(v.message_ja, v.code), named(v.message_en, v.code))
