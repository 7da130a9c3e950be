"""The coordinator's side of the site (administrators see it too).

Importing this package registers every view module on the blueprint.
"""

from webapp.coordinator import (  # noqa: F401  (registers views)
    absences, accounts, calendar, directory, disclosure, family_messages, household_links, intake_sites, intake_students,
    intake_tutors, letters, outbox, plans, programmes, progression, report, room_edits, room_plans, roster,
    solve_jobs, supply, support_end, visit_plans, waitlist,
)
from webapp.coordinator.blueprint import bp

__all__ = ["bp"]
