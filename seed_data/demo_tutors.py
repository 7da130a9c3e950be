"""The demo's 70 tutors: university students, retired teachers and paid 学習支援員."""

from __future__ import annotations

import random
from datetime import date, timedelta

from matching.models import (
    Programme, Site, Tutor, TutorAvailability, TutorException, TutorKind, TutorSite, TutorSubject,
)
from seed_data.names import BOY_NAMES, FAMILY_NAMES, GIRL_NAMES, MEN_NAMES, WOMEN_NAMES
from seed_data.ward import random_point, town_at
from solver.geo import Coordinates, travel_minutes

# Fixed shares (60% / 20% / 20%) rather than draws, so the demo always has these counts.
TUTOR_KINDS = (TutorKind.STUDENT_VOLUNTEER,) * 42 + (TutorKind.RETIRED_TEACHER,) * 14 + (TutorKind.PAID_STAFF,) * 14
UNIVERSITIES = ("東都大学 教育学部", "東都大学 理工学部", "みどり学園大学 文学部", "みどり学園大学 国際学部",
                "桜台工科大学", "若葉女子大学 人間科学部")
TEACHER_SUBJECTS = {"math": "数学", "english": "英語", "japanese": "国語", "science": "理科", "social": "社会"}
# Exam weeks of the made-up universities: their students ask not to be scheduled then.
UNIVERSITY_EXAMS = (("大学の前期試験", date(2026, 7, 21), date(2026, 8, 1)),
                    ("大学の後期試験", date(2027, 1, 25), date(2027, 2, 6)))
OTHER_ABSENCES = ("家庭の事情", "旅行", "通院", "研修への参加")


def _subjects(rng: random.Random, kind: TutorKind, speciality: str) -> list[TutorSubject]:
    """What a tutor teaches and to which grades."""
    if kind is TutorKind.RETIRED_TEACHER:
        if speciality == "elementary":  # a former 小学校 teacher teaches every subject there
            return [TutorSubject(subject=code, min_grade=1, max_grade=rng.choice((6, 7)))
                    for code in ("math", "japanese", "study_habits")]
        return [TutorSubject(subject=speciality, min_grade=7, max_grade=rng.choice((9, 11, 12)))]
    if kind is TutorKind.PAID_STAFF:
        return [TutorSubject(subject=code, min_grade=4, max_grade=9)
                for code in ("math", "english", "japanese", "study_habits")]
    codes = ["math", "english"] if rng.random() < 0.6 else [rng.choice(("math", "english"))]
    codes += rng.sample(["japanese", "science", "social", "study_habits"], rng.randint(0, 2))
    low, high = rng.choice(((4, 9), (7, 9), (7, 11), (7, 12), (5, 9)))
    return [TutorSubject(subject=code, min_grade=low, max_grade=high) for code in codes]


def _availability(rng: random.Random, kind: TutorKind) -> list[TutorAvailability]:
    """Evening windows on some weekdays (retired teachers from the afternoon) and often Saturday."""
    counts = {TutorKind.STUDENT_VOLUNTEER: (1, 3), TutorKind.RETIRED_TEACHER: (2, 4), TutorKind.PAID_STAFF: (3, 5)}
    days = sorted(rng.sample(range(5), rng.randint(*counts[kind])))
    earliest = {TutorKind.STUDENT_VOLUNTEER: (17, 18), TutorKind.RETIRED_TEACHER: (15, 16),
                TutorKind.PAID_STAFF: (15, 16)}
    windows = []
    for day in days:
        start = rng.choice(earliest[kind]) * 60
        windows.append(TutorAvailability(weekday=day, start_minute=start, end_minute=rng.choice((20, 21)) * 60))
    if rng.random() < 0.5:
        start, end = rng.choice(((10, 13), (13, 18), (10, 18)))
        windows.append(TutorAvailability(weekday=5, start_minute=start * 60, end_minute=end * 60))
    return windows


def _exceptions(rng: random.Random, kind: TutorKind) -> list[TutorException]:
    """A few dates a tutor said at intake that they cannot come."""
    exceptions = []
    if kind is TutorKind.STUDENT_VOLUNTEER and rng.random() < 0.35:
        exceptions += [TutorException(starts_on=first, ends_on=last, reason=reason)
                       for reason, first, last in UNIVERSITY_EXAMS]
    if rng.random() < 0.12:
        first = date(2026, 4, 1) + timedelta(days=rng.randint(0, 350))
        exceptions.append(TutorException(starts_on=first, ends_on=first + timedelta(days=rng.randint(0, 6)),
                                         reason=rng.choice(OTHER_ABSENCES), reported_by_tutor=rng.random() < 0.5))
    return exceptions


def _sites(rng: random.Random, lat: float, lon: float, limit: int, sites: list[Site]) -> list[TutorSite]:
    """The sites within the tutor's travel limit; the nearest is often preferred."""
    home = Coordinates(lat, lon)
    by_time = sorted(sites, key=lambda site: (travel_minutes(home, Coordinates(site.lat, site.lon)), site.name))
    reachable = [site for site in by_time if travel_minutes(home, Coordinates(site.lat, site.lon)) <= limit]
    return [TutorSite(site=site, preferred=index == 0 and rng.random() < 0.6)
            for index, site in enumerate(reachable or by_time[:1])]


def build_tutors(rng: random.Random, programme: Programme, sites: list[Site],
                 first_name: tuple[str, str, str, str], tutor_kinds: tuple[TutorKind, ...] = TUTOR_KINDS) -> list[Tutor]:
    """Tutors of the given kinds (the demo's 70 unless told); the first is named first_name for the tutor account."""
    kinds = list(tutor_kinds)
    rng.shuffle(kinds)
    kinds.sort(key=lambda kind: kind is not TutorKind.STUDENT_VOLUNTEER)  # the demo login is a student
    specialities = ["elementary", *TEACHER_SUBJECTS]
    tutors = []
    for number, kind in enumerate(kinds, start=1):
        gender = rng.choice(("female", "male"))
        family, family_kana = rng.choice(FAMILY_NAMES)
        if kind is TutorKind.STUDENT_VOLUNTEER:
            given, given_kana = rng.choice(GIRL_NAMES if gender == "female" else BOY_NAMES)
        else:
            given, given_kana = rng.choice(WOMEN_NAMES if gender == "female" else MEN_NAMES)
        if number == 1:
            family, family_kana, given, given_kana = first_name
            gender = "female"
        speciality = rng.choice(specialities)
        affiliation = {
            TutorKind.STUDENT_VOLUNTEER: rng.choice(UNIVERSITIES) + f" {rng.randint(1, 4)}年",
            TutorKind.RETIRED_TEACHER: "元 区立" + ("小学校" if speciality == "elementary" else "中学校 ")
            + TEACHER_SUBJECTS.get(speciality, "") + "教諭",
            TutorKind.PAID_STAFF: "みどり区 学習支援員（会計年度任用職員）",
        }[kind]
        lat, lon = random_point(rng)
        limit = rng.choice((20, 25, 30, 35, 40, 45))
        pledge = date(2024, 4, 1) + timedelta(days=rng.randint(0, 940))
        languages = ["ja"] + ([rng.choice(("en", "en", "zh-Hans", "vi"))] if rng.random() < 0.15 else [])
        graduating = kind is TutorKind.STUDENT_VOLUNTEER and affiliation.endswith("4年")
        tutors.append(Tutor(
            programme_id=programme.id,
            family_name=family, family_name_kana=family_kana, given_name=given, given_name_kana=given_kana,
            kind=kind,
            affiliation=affiliation.strip(),
            # example.com and 03-555x numbers are reserved for fiction and documentation.
            email=f"tutor{number:03d}@example.com",
            phone=f"03-5559-{2000 + number:04d}",
            gender=gender,
            languages=",".join(languages),
            address=f"東京都みどり区{town_at(lon)}",  # the town is enough to plan travel
            lat=lat,
            lon=lon,
            max_visits_per_week=rng.randint(1, 4),
            max_sessions_per_month=rng.randint(2, 8),
            max_travel_minutes=limit,
            # Two newcomers have not yet handed in the 誓約書 and start next month.
            pledge_signed_on=None if number in (69, 70) else pledge,
            active_from=date(2026, 12, 1) if number in (69, 70) else pledge,
            active_until=date(2027, 3, 31) if graduating else None,
            notes="4年生のため年度末で卒業予定" if graduating else "",
            subjects=_subjects(rng, kind, speciality),
            availability=_availability(rng, kind),
            exceptions=_exceptions(rng, kind),
            sites=_sites(rng, lat, lon, limit, sites),
        ))
    return tutors
