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
# One pass over the text, so a name put in (say the site 「北会場1」) is never read again as an id.
_IDS = re.compile(
    r"^(?P<session>\d+) (?P<date>\d{4}-\d{2}-\d{2}):"    # "site date:" leading a session's message
    r"|^(?P<lead>\d+):"                                    # "id:" leading a tutor's, site's or child's
    r"|(?P<tutor_word>講師|tutor )(?P<tutor>\d+)(?![\d名人])"  # a tutor's id, never a count (講師2名)
    r"|(?P<site_word>会場|site )(?P<site>\d+)(?!\d)"
)


def violation_namer(session: Session, ctx: PlanContext) -> Callable[[Violation], Violation]:
    """A function that writes a violation's ids as the names of the plan's sites, tutors and children."""
    sites = {db_id(s.id): s.name for s in ctx.problem.sites}
    tutors = tutor_names(session, [t.id for t in ctx.problem.tutors])
    ids = [db_id(c.id) for c in ctx.problem.children]
    children = {s.id: s.full_name for s in session.scalars(select(Student).where(Student.id.in_(ids)))} if ids else {}
    names = {"site": sites, "tutor": tutors, "child": children}

    def named(text: str, code: str) -> str:
        lead = names[_LEADING.get(code, "site")]

        def name(m: re.Match) -> str:
            if m["session"]:
                return f"{sites.get(int(m['session']), m['session'])} {m['date']}:"
            if m["lead"]:
                return f"{lead.get(int(m['lead']), m['lead'])}:"
            if m["tutor"]:
                return f"{m['tutor_word']}{tutors.get(int(m['tutor']), m['tutor'])}"
            return f"{m['site_word']}{sites.get(int(m['site']), m['site'])}"

        return _IDS.sub(name, text)

    return lambda v: Violation(v.code, named(v.message_ja, v.code), named(v.message_en, v.code))
