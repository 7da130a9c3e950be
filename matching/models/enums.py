"""The closed vocabularies of the domain, stored as their string values."""

from __future__ import annotations

import enum


class Role(str, enum.Enum):
    """What a user account may do."""

    ADMIN = "admin"
    COORDINATOR = "coordinator"
    TUTOR = "tutor"


class Mode(str, enum.Enum):
    """How a student is supported: home visits (個別訪問) or a study room (学習室)."""

    HOME_VISIT = "home_visit"
    STUDY_ROOM = "study_room"


class Channel(str, enum.Enum):
    """How a household prefers to receive notices."""

    EMAIL = "email"
    LETTER = "letter"
    PHONE = "phone"


class CalendarKind(str, enum.Enum):
    """What a calendar entry means for sessions and visits."""

    HOLIDAY = "holiday"  # national holiday: no visits or sessions
    CLOSURE = "closure"  # 年末年始, site closure: nothing runs
    SCHOOL_HOLIDAY = "school_holiday"  # 夏休み etc.: school is out, support may go on
    EXAM = "exam"  # 定期テスト: sites may pause
    INTENSIVE = "intensive"  # before entrance exams: more sessions wanted


class PlanStatus(str, enum.Enum):
    """Life of a plan: a re-solve proposes, the coordinator accepts it as the draft, edits and publishes it.

    One draft and one published plan per kind at a time; replaced ones are archived, kept for viewing.
    """

    PROPOSED = "proposed"  # a re-solve's result, shown against the draft it would replace
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class OccurrenceStatus(str, enum.Enum):
    """A dated visit: planned, confirmed by the tutor, or cancelled."""

    PLANNED = "planned"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"


class TutorKind(str, enum.Enum):
    """Who a tutor is: university student volunteer, retired teacher, paid 学習支援員, other."""

    STUDENT_VOLUNTEER = "student_volunteer"
    RETIRED_TEACHER = "retired_teacher"
    PAID_STAFF = "paid_staff"
    OTHER = "other"


class ReferralSource(str, enum.Enum):
    """Who referred a child: a caseworker, a school, the guardian, or another body."""

    CASEWORKER = "caseworker"
    SCHOOL = "school"
    GUARDIAN = "guardian"
    OTHER = "other"


class Eligibility(str, enum.Enum):
    """Why a household is eligible (要配慮個人情報: coordinators only, every read logged)."""

    WELFARE = "welfare"  # 生活保護
    LOW_INCOME = "low_income"  # 就学援助 / 生活困窮
    SINGLE_PARENT = "single_parent"  # ひとり親 (児童扶養手当)
    OTHER = "other"


class NotificationStatus(str, enum.Enum):
    """Where a notice is in the outbox."""

    PENDING = "pending"
    SENDING = "sending"  # claimed by one sender, so no other sends it too
    SENT = "sent"
    FAILED = "failed"  # will be retried
    ATTENTION = "attention"  # retries used up, or a send that may or may not have gone out: a person decides
    FILED = "filed"  # written to a file because no mail server is configured: not sent
    PRINTED = "printed"  # a letter that went out on paper


class JobStatus(str, enum.Enum):
    """Where a background solve is."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


class PlanKind(str, enum.Enum):
    """Which service a plan schedules: home visits (マッチング) or study rooms (日程)."""

    VISITS = "visits"
    ROOMS = "rooms"


class ChangeKind(str, enum.Enum):
    """How a plan differs from the one it replaces, per child and tutor."""

    KEPT = "kept"
    MOVED = "moved"
    NEW = "new"
    DROPPED = "dropped"


class RoomPinKind(str, enum.Enum):
    """What a study-room pin fixes: a session date, a tutor on a session, or a child's site."""

    SESSION = "session"
    STAFF = "staff"
    CHILD_SITE = "child_site"


class VisitOutcome(str, enum.Enum):
    """What happened on a dated home visit, marked by its tutor after the visit (or by a coordinator)."""

    DONE = "done"
    CHILD_ABSENT = "child_absent"  # missed: the child was not there
    TUTOR_ABSENT = "tutor_absent"  # missed: the tutor could not come
    CANCELLED = "cancelled"


class Progression(str, enum.Enum):
    """A 中3's year-end 進路 as the coordinator records it: the kind of high school passed, or other."""

    PUBLIC_FULL_TIME = "public_full_time"  # 公立高校 全日制
    PUBLIC_PART_TIME = "public_part_time"  # 公立高校 定時制
    CORRESPONDENCE = "correspondence"  # 通信制高校
    PRIVATE = "private"  # 私立高校
    TECHNICAL_COLLEGE = "technical_college"  # 高等専門学校
    OTHER = "other"  # 就職・その他
    UNDECIDED = "undecided"  # 未定

    @property
    def passed_high_school(self) -> bool:
        """Whether this outcome counts as 高校合格 in the municipal report."""
        return self not in (Progression.OTHER, Progression.UNDECIDED)
class SupportEndReason(str, enum.Enum):
    """Why a child's support ended: 卒業 (graduated), 転居 (moved away), 辞退 (declined), other."""

    GRADUATED = "graduated"
    MOVED = "moved"
    DECLINED = "declined"
    OTHER = "other"
