"""Households with published plans, for tests of what families see: two families that must never see each other."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from matching.models import ChangeKind, Mode, PlanChange, PlanKind, Programme, StudentSiteAssignment
from tests.factories import make_household, make_programme, make_site, make_student, make_tutor
from tests.plan_factories import add_session, add_visit, make_plan

# Published dates of household A's child 陽菜 (Tuesdays 18:00-20:00) around TODAY = 2026-11-22.
A_VISIT_DATES = [date(2026, 11, 17), date(2026, 11, 24), date(2026, 12, 1)]
A_SESSION_DATE = date(2026, 11, 28)  # A's 蓮 at the study room, 14:00-16:00
B_VISIT_DATES = [date(2026, 11, 26), date(2026, 12, 3)]  # Thursdays 17:00-19:00


@dataclass(frozen=True)
class Families:
    """Ids of two (three) households and of what their pages show."""

    programme_id: int
    site_id: int
    a: int  # household A (Vietnamese): 陽菜 visited by 翔太, 蓮 at the study room
    b: int  # household B (English): 結衣 visited by 美咲
    c: int  # household C (Japanese): さくら, new in the plan
    a_visit_child: int
    a_room_child: int
    b_child: int
    tutor: int  # 翔太
    other_tutor: int  # 美咲
    substitute: int  # 大輝
    visits_plan: int
    rooms_plan: int


def make_families(session: Session, programme: Programme | None = None, a_language: str = "vi") -> Families:
    """Households A, B and C with a published visits plan (A moved, B kept, C new) and a rooms plan."""
    programme = programme or make_programme(session)
    site = make_site(session, programme, name="みどり会館")
    a = make_household(session, programme, language=a_language, guardian_name="Nguyen Thi Lan",
                       guardian_name_kana="グエン ティ ラン", postal_code="176-0001")
    b = make_household(session, programme, language="en", guardian_name="John Smith", guardian_name_kana="ジョン スミス")
    c = make_household(session, programme, language="ja", guardian_name="山田 花", guardian_name_kana="やまだ はな")
    hina = make_student(session, a, given_name="陽菜", given_name_kana="ひな", family_name="グエン",
                        family_name_kana="ぐえん")
    ren = make_student(session, a, given_name="蓮", given_name_kana="れん", family_name="グエン",
                       family_name_kana="ぐえん", mode=Mode.STUDY_ROOM, home_site_id=site.id)
    yui = make_student(session, b, given_name="結衣", given_name_kana="ゆい", family_name="スミス",
                       family_name_kana="すみす")
    sakura = make_student(session, c, given_name="さくら", given_name_kana="さくら", family_name="山田",
                          family_name_kana="やまだ")
    shota = make_tutor(session, programme, given_name="翔太", given_name_kana="しょうた")
    misaki = make_tutor(session, programme, given_name="美咲", given_name_kana="みさき")
    daiki = make_tutor(session, programme, given_name="大輝", given_name_kana="だいき")
    visits = make_plan(session, programme, PlanKind.VISITS)
    add_visit(session, visits, hina, shota, A_VISIT_DATES)
    add_visit(session, visits, yui, misaki, B_VISIT_DATES, start=17 * 60, end=19 * 60, subject="english")
    add_visit(session, visits, sakura, misaki, [date(2026, 11, 25)])
    visits.changes = [PlanChange(kind=ChangeKind.MOVED, student_id=hina.id, tutor_id=shota.id),
                      PlanChange(kind=ChangeKind.KEPT, student_id=yui.id, tutor_id=misaki.id),
                      PlanChange(kind=ChangeKind.NEW, student_id=sakura.id, tutor_id=misaki.id),
                      PlanChange(kind=ChangeKind.MOVED, tutor_id=daiki.id)]
    rooms = make_plan(session, programme, PlanKind.ROOMS)
    add_session(session, rooms, site, A_SESSION_DATE, [misaki], start=14 * 60, end=16 * 60)
    session.add(StudentSiteAssignment(plan_id=rooms.id, student_id=ren.id, site_id=site.id))
    session.commit()
    return Families(programme_id=programme.id, site_id=site.id, a=a.id, b=b.id, c=c.id, a_visit_child=hina.id,
                    a_room_child=ren.id, b_child=yui.id, tutor=shota.id, other_tutor=misaki.id,
                    substitute=daiki.id, visits_plan=visits.id, rooms_plan=rooms.id)
