"""Letters for the post: one household's dates, or one print run for every household a publish affects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.models import ChangeKind, Household, Plan, PlanChange, PlanStatus, Student
from matching.notify.family_language import letter_languages
from matching.services.errors import NotFound
from matching.services.household_schedule import HouseholdSchedule, household_schedule


@dataclass(frozen=True)
class Letter:
    """One household's letter: its schedule and the languages to write it in, own language first."""

    schedule: HouseholdSchedule
    languages: tuple[str, ...]
    issued_on: date


def household_letter(session: Session, programme_id: int, household_id: int, today: date) -> Letter:
    """The letter for one household of the programme, with its dates from today on."""
    household = session.get(Household, household_id)
    if household is None or household.programme_id != programme_id:
        raise NotFound(f"household {household_id}")
    return Letter(schedule=household_schedule(session, household_id, today),
                  languages=letter_languages(household.language), issued_on=today)


def households_affected(session: Session, programme_id: int, plan_id: int) -> list[int]:
    """Households whose children a published plan changed (new, moved or dropped), in id order."""
    plan = session.get(Plan, plan_id)
    if plan is None or plan.programme_id != programme_id or plan.status not in (PlanStatus.PUBLISHED,
                                                                                PlanStatus.ARCHIVED):
        raise NotFound(f"plan {plan_id}")
    ids = session.scalars(
        select(Student.household_id).join(PlanChange, PlanChange.student_id == Student.id)
        .where(PlanChange.plan_id == plan_id, PlanChange.kind != ChangeKind.KEPT).distinct()
    )
    return sorted(ids)


def print_run(session: Session, programme_id: int, plan_id: int, today: date) -> list[Letter]:
    """One letter per household affected by a publish, for a single print run."""
    return [household_letter(session, programme_id, household_id, today)
            for household_id in households_affected(session, programme_id, plan_id)]
