"""Every table of the service, importable from one place (Alembic reads Base.metadata here)."""

from matching.models.access_token import CalendarFeedToken, HouseholdMessage, HouseholdToken
from matching.models.account import UserAccount
from matching.models.account_token import AccountToken
from matching.models.attendance import RollCall, RollCallChild, RollCallTutor, VisitAttendance
from matching.models.audit import AuditEntry
from matching.models.base import Base
from matching.models.decisions import ForbiddenPair, RoomPin, VisitPin
from matching.models.enums import (
    CalendarKind,
    ChangeKind,
    Channel,
    Eligibility,
    JobStatus,
    Mode,
    NotificationStatus,
    OccurrenceStatus,
    PlanKind,
    PlanStatus,
    Progression,
    ReferralSource,
    Role,
    RoomPinKind,
    SupportEndReason,
    TutorKind,
    VisitOutcome,
)
from matching.models.household import Household, Student, StudentAvailability, StudentNeed
from matching.models.outbox import Notification
from matching.models.plan import Plan, PlanChange
from matching.models.progression import StudentProgression
from matching.models.programme import CalendarEntry, Programme, Site, SiteOpening
from matching.models.room import Session, SessionStaff, StudentSiteAssignment
from matching.models.solve_job import SolveJob
from matching.models.tutor import Tutor, TutorAvailability, TutorException, TutorSite, TutorSubject
from matching.models.visit import Visit, VisitOccurrence

__all__ = [
    "AccountToken", "AuditEntry", "Base", "CalendarEntry", "CalendarFeedToken", "CalendarKind", "ChangeKind",
    "Channel", "Eligibility", "ForbiddenPair", "Household", "HouseholdMessage", "HouseholdToken", "JobStatus",
    "Mode", "Notification", "NotificationStatus", "OccurrenceStatus", "Plan", "PlanChange", "PlanKind",
    "PlanStatus", "Programme", "Progression", "ReferralSource", "Role", "RollCall", "RollCallChild",
    "RollCallTutor", "RoomPin", "RoomPinKind", "Session", "SessionStaff", "Site", "SiteOpening", "SolveJob",
    "Student", "StudentAvailability", "StudentNeed", "StudentProgression", "StudentSiteAssignment",
    "SupportEndReason", "Tutor", "TutorAvailability", "TutorException", "TutorKind", "TutorSite", "TutorSubject",
    "UserAccount", "Visit", "VisitAttendance", "VisitOccurrence", "VisitOutcome", "VisitPin",
]
