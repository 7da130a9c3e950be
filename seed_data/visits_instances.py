"""Seeded, realistic home-visit problems of any size, for demos, tests and benchmarks.

A fictional ward around lat 35.735, lon 139.65: homes cluster around seven
neighbourhood centres; tutors are free on weekday evenings (16:00-21:00) and some
on Saturday daytime; subjects lean to 数学 and 英語; most children are 中1-中3.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from solver.clock import WeeklyWindow
from solver.geo import Coordinates
from solver.visits.problem import Child, Need, Tutor, TutorSubject, VisitsProblem

CENTRES = (
    (35.7520, 139.6050),
    (35.7440, 139.6330),
    (35.7350, 139.6550),
    (35.7260, 139.6800),
    (35.7600, 139.6600),
    (35.7180, 139.6300),
    (35.7450, 139.6950),
)
SPREAD_DEG = 0.006  # about 600 m
SUBJECTS = (("数学", 35), ("英語", 30), ("国語", 15), ("理科", 10), ("社会", 10))
LANGUAGES = ("zh", "vi", "ne", "tl", "en", "ko", "pt")
GRADE_WEIGHTS = {4: 5, 5: 6, 6: 8, 7: 17, 8: 18, 9: 24, 10: 8, 11: 7, 12: 7}
GRADE_RANGES = (((1, 6), 15), ((4, 9), 20), ((7, 9), 25), ((7, 12), 30), ((10, 12), 10))
EVENINGS = ((16 * 60, 21 * 60), (17 * 60, 21 * 60), (18 * 60, 21 * 60), (16 * 60, 20 * 60))
CHILD_EVENINGS = ((16 * 60, 20 * 60), (17 * 60, 21 * 60), (16 * 60 + 30, 19 * 60 + 30), (16 * 60, 21 * 60))
# Narrow evenings: two or two and a half hours, so a visit has few starts and a tutor one visit an evening.
NARROW_EVENINGS = ((17 * 60, 19 * 60), (18 * 60, 20 * 60), (18 * 60 + 30, 20 * 60 + 30), (16 * 60 + 30, 19 * 60))
# Homes spread evenly over the ward instead of around the neighbourhood centres.
WARD_BOX = ((35.712, 35.766), (139.598, 139.702))


@dataclass(frozen=True)
class Shape:
    """How an instance is drawn: evening widths (wide or narrow) and homes (clustered or spread)."""

    windows: str = "wide"
    homes: str = "clustered"

    @property
    def name(self) -> str:
        """A short label for benchmark tables, e.g. wide-clustered."""
        return f"{self.windows}-{self.homes}"


DEFAULT_SHAPE = Shape()


def _pick(rng: random.Random, weighted) -> object:
    items, weights = zip(*weighted)
    return rng.choices(items, weights)[0]


def _home(rng: random.Random, shape: Shape) -> Coordinates:
    if shape.homes == "spread":
        (lat_lo, lat_hi), (lon_lo, lon_hi) = WARD_BOX
        return Coordinates(round(rng.uniform(lat_lo, lat_hi), 6), round(rng.uniform(lon_lo, lon_hi), 6))
    lat, lon = rng.choice(CENTRES)
    return Coordinates(round(rng.gauss(lat, SPREAD_DEG), 6), round(rng.gauss(lon, SPREAD_DEG * 1.2), 6))


def _subjects(rng: random.Random, count: int) -> list[str]:
    chosen: list[str] = []
    while len(chosen) < count:
        s = _pick(rng, SUBJECTS)
        if s not in chosen:
            chosen.append(s)
    return chosen


def _child(rng: random.Random, k: int, shape: Shape) -> Child:
    grade = _pick(rng, GRADE_WEIGHTS.items())
    needs = tuple(
        Need(s, _pick(rng, ((120, 60), (90, 25), (60, 15))), _pick(rng, ((1, 80), (2, 20))))
        for s in _subjects(rng, _pick(rng, ((1, 60), (2, 35), (3, 5))))
    )
    days = sorted(rng.sample(range(5), rng.choice((2, 3, 3, 4))))
    start, end = rng.choice(CHILD_EVENINGS if shape.windows == "wide" else NARROW_EVENINGS)
    windows = [WeeklyWindow(d, start, end) for d in days]
    if rng.random() < 0.3:
        windows.append(WeeklyWindow(5, 10 * 60, 17 * 60))
    priority = (2 if grade == 9 else 1 if grade == 12 else 0) + (1 if rng.random() < 0.1 else 0)
    return Child(
        id=f"c{k:05d}",
        grade=grade,
        home=_home(rng, shape),
        needs=needs,
        availability=tuple(windows),
        required_gender="female" if rng.random() < 0.15 else None,
        languages=("ja", rng.choice(LANGUAGES)) if rng.random() < 0.1 else (),
        priority=priority,
        days_waiting=int(rng.expovariate(1 / 60)),
    )


def _tutor(rng: random.Random, k: int, shape: Shape) -> Tutor:
    subjects = []
    for s in _subjects(rng, _pick(rng, ((1, 35), (2, 45), (3, 20)))):
        lo, hi = _pick(rng, GRADE_RANGES)
        subjects.append(TutorSubject(s, lo, hi))
    days = sorted(rng.sample(range(5), rng.choice((2, 2, 3, 4))))
    start, end = rng.choice(EVENINGS if shape.windows == "wide" else NARROW_EVENINGS)
    windows = [WeeklyWindow(d, start, end) for d in days]
    if rng.random() < 0.4:
        windows.append(WeeklyWindow(5, 9 * 60, 17 * 60))
    return Tutor(
        id=f"t{k:04d}",
        subjects=tuple(subjects),
        availability=tuple(windows),
        max_visits_per_week=_pick(rng, ((2, 15), (3, 20), (4, 25), (5, 15), (6, 15), (8, 10))),
        max_travel_minutes=_pick(rng, ((15, 20), (20, 30), (25, 25), (30, 25))),
        home=_home(rng, shape),
        gender=_pick(rng, (("female", 55), ("male", 45))),
        languages=("ja", rng.choice(LANGUAGES)) if rng.random() < 0.2 else ("ja",),
    )


def generate_visits_problem(n_children: int, n_tutors: int, seed: int, shape: Shape = DEFAULT_SHAPE) -> VisitsProblem:
    """A deterministic, realistic problem with n_children children and n_tutors tutors for this seed and shape."""
    rng = random.Random(seed)
    children = tuple(_child(rng, k + 1, shape) for k in range(n_children))
    tutors = tuple(_tutor(rng, k + 1, shape) for k in range(n_tutors))
    return VisitsProblem(children=children, tutors=tutors)
