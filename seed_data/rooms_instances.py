"""Generator of realistic study-room problems (a fictional Tokyo ward, school year 2026) for the demo and benchmarks."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

import jpholiday

from solver.clock import WeeklyWindow
from solver.geo import Coordinates, travel_minutes
from solver.rooms.problem import BLACKOUT, INTENSIVE, Child, Period, RoomsProblem, Site, SpecialPeriod, Tutor

YEAR_START = date(2026, 4, 1)
YEAR_END = date(2027, 3, 31)
CENTRE = Coordinates(35.735, 139.65)
EVENING = (18 * 60, 20 * 60)
SATURDAY = (14 * 60, 16 * 60)
# (month, first day) of each 定期テスト week a site pauses for; each site shifts it by a few days.
EXAM_WEEKS = ((2026, 5, 14), (2026, 6, 29), (2026, 10, 12), (2026, 11, 24), (2027, 2, 22))
INTENSIVE_PERIOD = (date(2027, 1, 10), date(2027, 2, 20))
GRADES = ("中3", "中3", "中3", "中2", "中1")


def closed_dates() -> frozenset[date]:
    """National holidays in the school year (jpholiday) and 年末年始 (29 December - 3 January)."""
    days = {d for d, _name in jpholiday.between(YEAR_START, YEAR_END)}
    days |= {date(2026, 12, 29) + timedelta(days=k) for k in range(6)}
    return frozenset(days)


def _near(rng: random.Random, centre: Coordinates, km: float) -> Coordinates:
    angle, radius = rng.uniform(0, 2 * math.pi), km * math.sqrt(rng.random())
    return Coordinates(round(centre.lat + radius * math.sin(angle) / 111.0, 5),
                       round(centre.lon + radius * math.cos(angle) / 90.8, 5))


def _site(rng: random.Random, k: int, n_sites: int, target: int) -> Site:
    spread_km = 2.5 * math.sqrt(n_sites / 7)
    evenings = sorted(rng.sample(range(5), rng.choice((2, 3, 3))))
    windows = [WeeklyWindow(w, *EVENING) for w in evenings]
    if len(evenings) == 2 or rng.random() < 0.4:
        windows.append(WeeklyWindow(5, *SATURDAY))
    return Site(id=f"S{k + 1:02d}", name=f"会場{k + 1}", location=_near(rng, CENTRE, spread_km), target_sessions=target,
                windows=tuple(windows), capacity=rng.choice((20, 20, 24)), min_gap_days=2, min_tutors=2,
                children_per_tutor=4)


def _blackouts(rng: random.Random, site: Site) -> list[SpecialPeriod]:
    periods = []
    for year, month, day in EXAM_WEEKS:
        start = date(year, month, day) + timedelta(days=rng.randint(-3, 3))
        periods.append(SpecialPeriod(BLACKOUT, start, start + timedelta(days=6), (site.id,), "定期テスト"))
    return periods


def _tutor(rng: random.Random, k: int, sites: list[Site]) -> Tutor:
    kind = rng.choices(("student", "retired", "paid"), weights=(5, 3, 2))[0]
    home = _near(rng, CENTRE, 2.5 * math.sqrt(len(sites) / 7) + 1)
    nearest = sorted(sites, key=lambda s: (travel_minutes(home, s.location), s.id))
    reach = nearest[: rng.randint(2, 4)]
    evenings = {"student": (2, 3), "retired": (2, 4), "paid": (4, 5)}[kind]
    days = rng.sample(range(5), rng.randint(*evenings))
    availability = [WeeklyWindow(d, 17 * 60 + 30, 21 * 60) for d in sorted(days)]
    if kind != "student" or rng.random() < 0.5:
        availability.append(WeeklyWindow(5, 13 * 60, 17 * 60))
    cap = {"student": rng.randint(4, 6), "retired": rng.randint(5, 8), "paid": rng.randint(10, 12)}[kind]
    away = {YEAR_START + timedelta(days=rng.randrange(365)) for _ in range(rng.randint(3, 10))}
    prefer = (reach[0].id,) if rng.random() < 0.5 else ()
    label = {"student": "大学生", "retired": "元教員", "paid": "学習支援員"}[kind]
    return Tutor(id=f"T{k + 1:03d}", name=f"{label}{k + 1}", site_ids=tuple(s.id for s in reach),
                 availability=tuple(availability), max_sessions_per_month=cap, unavailable_dates=frozenset(away),
                 preferred_site_ids=prefer)


def _child(rng: random.Random, k: int, sites: list[Site]) -> Child:
    anchor = rng.choice(sites)
    home = _near(rng, anchor.location, 1.5)
    nearest = sorted(sites, key=lambda s: (travel_minutes(home, s.location), s.id))
    allowed = nearest[: rng.randint(2, 3)]
    weekdays = frozenset(rng.sample(range(6), rng.randint(2, 4)))
    return Child(id=f"C{k + 1:04d}", grade=rng.choice(GRADES), home=home, weekdays=weekdays,
                 allowed_site_ids=tuple(s.id for s in allowed),
                 preferred_site_ids=(allowed[0].id,) if rng.random() < 0.3 else ())


def generate_rooms_problem(n_sites: int, n_tutors: int, n_children: int, seed: int, sessions_per_site: int = 80) -> RoomsProblem:
    """A deterministic, realistic rooms problem for one school year (2026-04-01 to 2027-03-31)."""
    rng = random.Random(seed)
    sites = [_site(rng, k, n_sites, sessions_per_site) for k in range(n_sites)]
    specials = [p for site in sites for p in _blackouts(rng, site)]
    specials.append(SpecialPeriod(INTENSIVE, *INTENSIVE_PERIOD, (), "都立入試前の集中期間"))
    tutors = [_tutor(rng, k, sites) for k in range(n_tutors)]
    children = [_child(rng, k, sites) for k in range(n_children)]
    return RoomsProblem(period=Period(YEAR_START, YEAR_END), sites=tuple(sites), tutors=tuple(tutors),
                        children=tuple(children), closed_dates=closed_dates(), special_periods=tuple(specials))


def demo_rooms_problem(seed: int = 1) -> RoomsProblem:
    """The demo: 7 sites x 80 sessions, 70 tutors, 150 children."""
    return generate_rooms_problem(7, 70, 150, seed)
