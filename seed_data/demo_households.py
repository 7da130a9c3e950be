"""The demo's households and children: 120 families, 150 children, a fifth speaking another language."""

from __future__ import annotations

import random
from datetime import date, timedelta

from matching.grades import grade_label
from matching.models import (
    Channel, Eligibility, Household, Mode, Programme, ReferralSource, Site, Student, StudentAvailability,
    StudentNeed,
)
from seed_data.names import (
    BOY_NAMES, FAMILY_NAMES, FOREIGN_NAMES, GIRL_NAMES, MEN_NAMES, WOMEN_NAMES, katakana_reading,
)
from seed_data.ward import ELEMENTARY_SCHOOLS, HIGH_SCHOOLS, JUNIOR_HIGH_SCHOOLS, random_point, street_address

# Fixed shares rather than draws, so the demo always has exactly these counts.
CHILDREN_PER_HOUSEHOLD = (1,) * 92 + (2,) * 26 + (3,) * 2  # 120 households, 150 children
HOUSEHOLD_LANGUAGES = (
    ("ja",) * 96 + ("zh-Hans",) * 7 + ("vi",) * 5 + ("ne",) * 4 + ("tl",) * 4 + ("en",) + ("ko",) + ("pt",) * 2
)
# 中3 is the largest group: they come first when places are short.
GRADE_WEIGHTS = {4: 3, 5: 4, 6: 6, 7: 17, 8: 22, 9: 36, 10: 8, 11: 4}
LEVELS = {"basic": "基礎から", "textbook": "教科書レベル", "exam": "受験対策", "review": "小学校範囲の学び直し"}
NEED_NOTES = {
    "math": ("分数・小数でつまずいている", "文章題が苦手", "計算は速いが途中式を書かない", "関数の単元から不安"),
    "english": ("英単語の暗記が苦手", "be動詞と一般動詞の区別から", "長文読解を伸ばしたい", "リスニングは得意"),
    "japanese": ("読解問題で時間が足りない", "漢字の練習を習慣にしたい", "作文が苦手"),
    "science": ("計算問題（電流・密度）が苦手", "暗記事項の整理をしたい"),
    "social": ("歴史の流れをつかみたい", "地理の資料問題が苦手"),
    "study_habits": ("宿題を最後までやる習慣づくり", "提出物の管理から", "机に向かう時間を少しずつ延ばしたい"),
}
CASEWORKER_NOTES = (
    "", "", "", "保護者の就労時間が不規則。連絡は夕方以降に。", "きょうだいの送迎あり、訪問は18時以降が望ましい。",
    "不登校傾向あり、まずは関係づくりから。", "担当CWと月1回情報共有。", "転居予定あり（年度内）。",
)
DEMO_TODAY = date(2026, 11, 22)
LONG_WAIT = timedelta(days=180)


def _pick(rng: random.Random, weights: dict) -> object:
    """One key of a weight table."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _schools(rng: random.Random) -> dict[str, str]:
    """The made-up schools a household's children attend, by stage (siblings share their school)."""
    return {"小": rng.choice(ELEMENTARY_SCHOOLS), "中": rng.choice(JUNIOR_HIGH_SCHOOLS), "高": rng.choice(HIGH_SCHOOLS)}


def _needs(rng: random.Random, grade: int) -> list[StudentNeed]:
    """One to three subjects, mostly math and English, 90-120 minutes, once or twice a week."""
    chances = {"math": 0.85, "english": 0.7 if grade >= 5 else 0.1, "japanese": 0.2, "science": 0.15,
               "social": 0.1, "study_habits": 0.35 if grade <= 7 else 0.05}
    subjects = [subject for subject, chance in chances.items() if rng.random() < chance][:3] or ["math"]
    needs = []
    for subject in subjects:
        if grade == 9 or (grade == 8 and rng.random() < 0.3):
            level = LEVELS["exam"]
        else:
            level = rng.choice((LEVELS["basic"], LEVELS["basic"], LEVELS["textbook"], LEVELS["review"]))
        needs.append(StudentNeed(
            subject=subject,
            level=level,
            notes=rng.choice(NEED_NOTES[subject]) if rng.random() < 0.7 else "",
            minutes_per_visit=rng.choice((90, 120, 120)),
            visits_per_week=2 if rng.random() < 0.2 else 1,
        ))
    return needs


def _availability(rng: random.Random, site: Site | None) -> list[StudentAvailability]:
    """Weekday windows between 16:00 and 21:00 and often a Saturday; room children can come on room days."""
    weekdays = set(rng.sample(range(5), rng.randint(2, 4)))
    if site is not None:
        weekdays |= {day for day in site.weekdays if day < 5}
    windows = []
    for day in sorted(weekdays):
        start = rng.choice((16, 17, 18)) * 60
        end = max(start + 120, rng.choice((20, 21)) * 60)
        windows.append(StudentAvailability(weekday=day, start_minute=start, end_minute=end))
    if rng.random() < 0.55 or (site is not None and 5 in site.weekdays):
        start, end = rng.choice(((10, 12), (13, 17), (10, 17), (14, 20)))
        windows.append(StudentAvailability(weekday=5, start_minute=start * 60, end_minute=end * 60))
    return windows


def build_households(rng: random.Random, programme: Programme, sites: list[Site],
                     children_per_household: tuple[int, ...] = CHILDREN_PER_HOUSEHOLD,
                     household_languages: tuple[str, ...] = HOUSEHOLD_LANGUAGES) -> list[Household]:
    """Households with their children, needs and weekly availability (the demo's shares unless given others)."""
    child_counts = list(children_per_household)
    languages = list(household_languages)
    rng.shuffle(child_counts)
    rng.shuffle(languages)
    households = []
    for number, (children, language) in enumerate(zip(child_counts, languages), start=1):
        households.append(_household(rng, programme, sites, number, children, language))
    return households


def _household(rng: random.Random, programme: Programme, sites: list[Site], number: int, children: int,
               language: str) -> Household:
    """One household: guardian, contact, consents and its children."""
    lat, lon = random_point(rng)
    if language == "ja":
        family, family_kana = rng.choice(FAMILY_NAMES)
        guardian, guardian_kana = rng.choice(WOMEN_NAMES if rng.random() < 0.8 else MEN_NAMES)
    else:
        names = FOREIGN_NAMES[language]
        family = rng.choice(names["family"])
        family_kana = katakana_reading(family)
        guardian = rng.choice(names["woman"])
        guardian_kana = katakana_reading(guardian)
    has_email = rng.random() < 0.4
    # Families without e-mail get printed letters; a few prefer a call.
    otherwise = rng.choice((Channel.LETTER, Channel.LETTER, Channel.LETTER, Channel.PHONE))
    channel = Channel.EMAIL if has_email and rng.random() < 0.8 else otherwise
    applied_on = DEMO_TODAY - timedelta(days=rng.randint(2, 440))
    consents = rng.random() < 0.9
    household = Household(
        programme_id=programme.id,
        guardian_name=f"{family} {guardian}",
        guardian_name_kana=f"{family_kana} {guardian_kana}",
        # 03-555x numbers and example.jp addresses are reserved for fiction and documentation.
        phone=f"03-555{number % 10}-{1000 + number:04d}" if rng.random() < 0.95 else "",
        email=f"hogosha{number:03d}@example.jp" if has_email else "",
        # No postal code: every real code belongs to a real place.
        postal_code="",
        address=street_address(rng, lon, with_building=rng.random() < 0.6),
        lat=lat,
        lon=lon,
        language=language,
        preferred_channel=channel,
        consent_share_contact=consents,
        consent_share_contact_on=applied_on if consents else None,
        consent_data_use=True,
        consent_data_use_on=applied_on,
    )
    referral = _pick(rng, {ReferralSource.CASEWORKER: 45, ReferralSource.SCHOOL: 30, ReferralSource.GUARDIAN: 20,
                           ReferralSource.OTHER: 5})
    eligibility = _pick(rng, {Eligibility.WELFARE: 40, Eligibility.LOW_INCOME: 30, Eligibility.SINGLE_PARENT: 25,
                              Eligibility.OTHER: 5})
    grades: list[int] = []
    while len(grades) < children:  # siblings are in different grades
        grade = _pick(rng, GRADE_WEIGHTS)
        if grade not in grades:
            grades.append(grade)
    nearest = min(sites, key=lambda site: (site.lat - lat) ** 2 + (site.lon - lon) ** 2)
    schools = _schools(rng)
    for grade in grades:
        school = schools[grade_label(grade)[0]]
        household.students.append(_student(rng, family, family_kana, language, grade, school, nearest,
                                           applied_on, referral, eligibility))
    return household


def _student(rng: random.Random, family: str, family_kana: str, language: str, grade: int, school: str,
             nearest: Site, applied_on: date, referral: ReferralSource, eligibility: Eligibility) -> Student:
    """One child of a household, in home-visit mode or attending the nearest study room."""
    gender = rng.choice(("female", "male"))
    if language == "ja":
        given, given_kana = rng.choice(GIRL_NAMES if gender == "female" else BOY_NAMES)
    else:
        given = rng.choice(FOREIGN_NAMES[language]["girl" if gender == "female" else "boy"])
        given_kana = katakana_reading(given)
    room_chance = {9: 0.45, 8: 0.12, 7: 0.08}.get(grade, 0.0)
    site = nearest if rng.random() < room_chance else None
    waiting_since = applied_on + timedelta(days=rng.randint(0, 1))
    priority = 1 + (2 if grade == 9 else 0) + (1 if DEMO_TODAY - waiting_since >= LONG_WAIT else 0)
    return Student(
        family_name=family,
        given_name=given,
        family_name_kana=family_kana,
        given_name_kana=given_kana,
        grade=grade,
        school=school,
        gender=gender,
        mode=Mode.STUDY_ROOM if site is not None else Mode.HOME_VISIT,
        home_site=site,
        priority=priority,
        required_tutor_gender="female" if gender == "female" and rng.random() < 0.12 else None,
        referral_source=referral,
        eligibility=eligibility,
        caseworker_notes=rng.choice(CASEWORKER_NOTES),
        waiting_since=waiting_since,
        needs=_needs(rng, grade),
        availability=_availability(rng, site),
    )
