"""Children the home-visit problem leaves out before solving, with the reason, for the plan's report."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from matching.planning.visits.store import need_ids
from matching.planning.visits.problem import home_visit_students
from matching.services.locations import NO_LOCATION


def left_out_needs(session: Session, programme_id: int, today: date, solved_ids: set[str]) -> list[dict]:
    """Report entries (as the report stores unmet needs) for supported children the problem did not hold."""
    students = [s for s in home_visit_students(session, programme_id, today)
                if str(s.id) not in solved_ids and not s.household.located]
    needs = need_ids(session, {s.id for s in students})
    code, reason_ja, reason_en = NO_LOCATION
    return [{"student_id": s.id, "need_id": needs.get((s.id, n.subject)), "subject": n.subject,
             "visits_wanted": n.visits_per_week, "visits_planned": 0, "reason_code": code,
             "reason_ja": reason_ja, "reason_en": reason_en}
            for s in students for n in s.needs]
