"""Feasible (need, tutor, weekday, start) combinations: every per-visit hard rule applied as a filter.

The filters run vectorised over all tutors for each need (numpy), in the order
the reasons module reports them: subject and grade, gender, forbidden pair,
travel limit, common weekday and time. Only combinations that pass all of them
become model variables; rules between visits (overlaps, caps, one tutor per
need, different days) are left to the model, the greedy matcher and the checker.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

import numpy as np

from solver.clock import WeeklyWindow
from solver.errors import ProblemError
from solver.geo import DETOUR_FACTOR, EARTH_RADIUS_KM, SPEED_KMH, Coordinates, travel_minutes
from solver.visits.busy_slots import allowed_starts
from solver.visits.problem import Child, Need, Tutor, VisitsProblem

MINUTES_PER_DAY = 24 * 60


class Combo(NamedTuple):
    """One feasible visit placement: need index, tutor index, weekday, start, end, travel and its lower-level cost."""

    need: int
    tutor: int
    weekday: int
    start: int
    end: int
    travel: int
    cost: int


@dataclass(frozen=True)
class NeedInfo:
    """A need with its place in the problem: global index, child index, and coverage points per visit."""

    index: int
    child_index: int
    child: Child
    need: Need
    points: int


def language_mismatch(child: Child, tutor: Tutor) -> bool:
    """A child with home languages and a tutor who speaks none of them (one pair; TutorTable.mismatch is the bulk form)."""
    return bool(child.languages) and not set(child.languages) & set(tutor.languages)


def _start_mask(windows: tuple[WeeklyWindow, ...], minutes: int, grid: int, words: int) -> np.ndarray:
    """Bit k of day d is set when a visit of that length starting at k*grid fits inside a window."""
    bits = [0] * 7
    for w in windows:
        first = -(-w.start // grid)
        k = first
        while k * grid + minutes <= w.end:
            bits[w.weekday] |= 1 << k
            k += 1
    out = np.zeros((7, words), dtype=np.uint64)
    for d in range(7):
        for j in range(words):
            out[d, j] = (bits[d] >> (64 * j)) & 0xFFFFFFFFFFFFFFFF
    return out


@dataclass
class TutorTable:
    """All tutors as numpy arrays, so that one need is filtered against every tutor at once."""

    problem: VisitsProblem
    words: int
    lat: np.ndarray = field(init=False)
    lon: np.ndarray = field(init=False)
    max_travel: np.ndarray = field(init=False)
    gender: np.ndarray = field(init=False)
    teach: dict[str, np.ndarray] = field(init=False)
    masks: dict[int, np.ndarray] = field(init=False)

    def __post_init__(self) -> None:
        tutors = self.problem.tutors
        self.lat = np.radians(np.array([t.home.lat for t in tutors], dtype=float))
        self.lon = np.radians(np.array([t.home.lon for t in tutors], dtype=float))
        self.max_travel = np.array([t.max_travel_minutes for t in tutors], dtype=np.int64)
        self.gender = np.array([t.gender or "" for t in tutors], dtype=object)
        self.teach = {}
        for k, t in enumerate(tutors):
            for s in t.subjects:
                table = self.teach.setdefault(s.subject, np.zeros((13, len(tutors)), dtype=bool))
                table[s.min_grade : s.max_grade + 1, k] = True
        self.masks = {}
        self.busy_tutors = [k for k, t in enumerate(tutors) if t.busy]
        self.speaks: dict[str, np.ndarray] = {}
        for k, t in enumerate(tutors):
            for lang in t.languages:
                self.speaks.setdefault(lang, np.zeros(len(tutors), dtype=bool))[k] = True

    def mismatch(self, child: Child) -> np.ndarray:
        """Per tutor: 1 when the child has home languages and the tutor speaks none of them."""
        n = len(self.problem.tutors)
        if not child.languages:
            return np.zeros(n, dtype=np.int64)
        spoken = np.zeros(n, dtype=bool)
        for lang in child.languages:
            spoken |= self.speaks.get(lang, np.zeros(n, dtype=bool))
        return (~spoken).astype(np.int64)

    def start_masks(self, minutes: int) -> np.ndarray:
        """(tutors, 7, words) bit masks of the starts where a visit of that length fits the tutor's availability."""
        if minutes not in self.masks:
            grid = self.problem.grid_minutes
            self.masks[minutes] = (
                np.stack([_start_mask(t.availability, minutes, grid, self.words) for t in self.problem.tutors])
                if self.problem.tutors
                else np.zeros((0, 7, self.words), dtype=np.uint64)
            )
        return self.masks[minutes]

    def busy_masks(self, tutors: list[int], child: Child, minutes: int) -> np.ndarray:
        """(tutors, 7, words) masks of the starts that pass the weekly rule against each tutor's busy time."""
        p = self.problem
        return np.stack([allowed_starts(p.tutors[k].busy, child.home, minutes, p.grid_minutes, self.words,
                                        p.max_clash_dates) for k in tutors])

    def travel_from(self, child: Child) -> np.ndarray:
        """Travel minutes from every tutor's home to this child's home, exactly as solver.geo computes them."""
        if not len(self.lat):
            return np.zeros(0, dtype=np.int64)
        phi1, phi2 = self.lat, math.radians(child.home.lat)
        h = np.sin((phi2 - phi1) / 2) ** 2 + np.cos(phi1) * math.cos(phi2) * np.sin((math.radians(child.home.lon) - self.lon) / 2) ** 2
        km = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))
        minutes = km * DETOUR_FACTOR / SPEED_KMH * 60.0
        out = np.ceil(np.round(minutes, 9)).astype(np.int64)
        # Near a whole minute float noise could differ from math's; defer to the one formula there.
        frac = minutes - np.floor(minutes)
        for k in np.nonzero((frac < 1e-6) | (frac > 1 - 1e-6))[0].tolist():
            out[k] = travel_minutes(self.problem.tutors[k].home, child.home)
        return out


def pair_travel_minutes(lat_a: np.ndarray, lon_a: np.ndarray, lat_b: np.ndarray, lon_b: np.ndarray) -> np.ndarray:
    """Travel minutes between paired points given in radians, exactly as solver.geo computes them."""
    h = np.sin((lat_b - lat_a) / 2) ** 2 + np.cos(lat_a) * np.cos(lat_b) * np.sin((lon_b - lon_a) / 2) ** 2
    minutes = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h))) * DETOUR_FACTOR / SPEED_KMH * 60.0
    out = np.ceil(np.round(minutes, 9)).astype(np.int64)
    frac = minutes - np.floor(minutes)
    # Near a whole minute float noise could differ from math's; defer to the one formula there.
    for k in np.nonzero((frac < 1e-6) | (frac > 1 - 1e-6))[0].tolist():
        a = Coordinates(math.degrees(lat_a[k]), math.degrees(lon_a[k]))
        b = Coordinates(math.degrees(lat_b[k]), math.degrees(lon_b[k]))
        out[k] = travel_minutes(a, b)
    return out


class NeedFilters(NamedTuple):
    """Per-tutor boolean masks for one need, one per filter, in reporting order, plus travel and common days."""

    subject_grade: np.ndarray
    gender: np.ndarray
    allowed: np.ndarray
    travel_ok: np.ndarray
    time_ok: np.ndarray
    busy_ok: np.ndarray
    travel: np.ndarray
    common: np.ndarray


def words_for(problem: VisitsProblem) -> int:
    """How many 64-bit words hold one day's grid starts."""
    return max(1, -(-(-(-MINUTES_PER_DAY // problem.grid_minutes)) // 64))


def forbidden_index(problem: VisitsProblem) -> dict[str, list[int]]:
    """Tutor indices forbidden for each child id."""
    tutor_index = {t.id: k for k, t in enumerate(problem.tutors)}
    out: dict[str, list[int]] = {}
    for f in problem.forbidden_pairs:
        out.setdefault(f.child_id, []).append(tutor_index[f.tutor_id])
    return out


def need_filters(table: TutorTable, child: Child, need: Need, travel: np.ndarray, forbidden: list[int]) -> NeedFilters:
    """Apply every per-visit filter of one need to all tutors at once."""
    n = len(table.problem.tutors)
    teach = table.teach.get(need.subject)
    subject_grade = teach[child.grade] if teach is not None else np.zeros(n, dtype=bool)
    gender = np.ones(n, dtype=bool) if not child.required_gender else table.gender == child.required_gender
    allowed = np.ones(n, dtype=bool)
    allowed[forbidden] = False
    travel_ok = travel <= table.max_travel
    child_mask = _start_mask(child.availability, need.minutes, table.problem.grid_minutes, table.words)
    common = table.start_masks(need.minutes) & child_mask[None, :, :]
    time_ok = common.any(axis=(1, 2)) if n else np.zeros(0, dtype=bool)
    # Busy time is part of the tutor's availability: a slot that clashes on too many dates is not free. Only
    # tutors passing the filters reported before it need the (costlier) test.
    busy = [k for k in table.busy_tutors if subject_grade[k] and gender[k] and allowed[k]]
    if busy:
        common[busy] &= table.busy_masks(busy, child, need.minutes)
    busy_ok = common.any(axis=(1, 2)) if busy else time_ok
    return NeedFilters(subject_grade, gender, allowed, travel_ok, time_ok, busy_ok, travel, common)


@dataclass
class Candidates:
    """Every need's feasible tutors (all of them, for the bound) and placements (for the best few, for the model)."""

    problem: VisitsProblem
    needs: list[NeedInfo]
    pair_need: np.ndarray
    pair_tutor: np.ndarray
    pair_days: np.ndarray
    arrays: ComboArrays
    truncated: bool
    tutor_index: dict[str, int]
    need_index: dict[tuple[str, str], int]

    @cached_property
    def combos(self) -> ComboList:
        """Every combo as a tuple, indexed by combo id (for the greedy matcher, reasons and the solution)."""
        return ComboList(self.arrays)

    def find(self, need: int, tutor: int, weekday: int, start: int) -> int | None:
        """The id of the combo placing this need with this tutor at this weekday and start, if it exists."""
        a, r = self.arrays, self.combos_by_need[need]
        span = slice(r.start, r.stop)
        hit = np.nonzero((a.tutor[span] == tutor) & (a.weekday[span] == weekday) & (a.start[span] == start))[0]
        return r.start + int(hit[0]) if len(hit) else None

    def ids_of(self, combos: list[Combo]) -> np.ndarray:
        """The combo id of each of these combos (each must exist)."""
        return np.array([self.find(c.need, c.tutor, c.weekday, c.start) for c in combos], dtype=np.int64)

    @cached_property
    def combos_by_need(self) -> list[range]:
        """The combo ids of each need (combos are stored need by need)."""
        bounds = np.searchsorted(self.arrays.need, np.arange(len(self.needs) + 1)).tolist()
        return [range(lo, hi) for lo, hi in zip(bounds, bounds[1:])]

    @cached_property
    def need_visits(self) -> np.ndarray:
        """Visits per week wanted, per need."""
        return np.array([n.need.visits_per_week for n in self.needs], dtype=np.int64)

    @cached_property
    def need_points(self) -> np.ndarray:
        """Coverage points per visit, per need."""
        return np.array([n.points for n in self.needs], dtype=np.int64)

    @cached_property
    def need_child(self) -> np.ndarray:
        """Child index per need."""
        return np.array([n.child_index for n in self.needs], dtype=np.int64)

    @cached_property
    def child_lat(self) -> np.ndarray:
        """Children's home latitudes in radians."""
        return np.radians(np.array([c.home.lat for c in self.problem.children], dtype=float))

    @cached_property
    def child_lon(self) -> np.ndarray:
        """Children's home longitudes in radians."""
        return np.radians(np.array([c.home.lon for c in self.problem.children], dtype=float))

    @cached_property
    def edge_starts(self) -> np.ndarray:
        """Per combo: whether its start is the earliest or the latest of its need with its tutor on its weekday."""
        a = self.arrays
        if not len(a.need):
            return np.zeros(0, dtype=bool)
        # Combos are stored need by need, tutor by tutor, weekday by weekday, in start order.
        new = np.ones(len(a.need), dtype=bool)
        new[1:] = (a.need[1:] != a.need[:-1]) | (a.tutor[1:] != a.tutor[:-1]) | (a.weekday[1:] != a.weekday[:-1])
        last = np.ones(len(a.need), dtype=bool)
        last[:-1] = new[1:]
        return new | last

    @cached_property
    def child_home(self) -> np.ndarray:
        """Per child, the index of its home among the distinct homes (siblings share one)."""
        places = [(c.home.lat, c.home.lon) for c in self.problem.children]
        index: dict[tuple[float, float], int] = {}
        return np.array([index.setdefault(p, len(index)) for p in places], dtype=np.int64)

    @cached_property
    def tutor_lat(self) -> np.ndarray:
        """Tutors' home latitudes in radians."""
        return np.radians(np.array([t.home.lat for t in self.problem.tutors], dtype=float))

    @cached_property
    def tutor_lon(self) -> np.ndarray:
        """Tutors' home longitudes in radians."""
        return np.radians(np.array([t.home.lon for t in self.problem.tutors], dtype=float))

    @cached_property
    def n_current(self) -> int:
        """How many current visits the problem carries (each not kept costs a change)."""
        return sum(len(c.current_visits) for c in self.problem.children)


class ComboList(Sequence):
    """The combos as tuples, made on access from the columns (millions of tuples up front would cost seconds)."""

    def __init__(self, arrays: ComboArrays):
        self._columns = [col.tolist() for col in arrays]

    def __len__(self) -> int:
        return len(self._columns[0])

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return Combo(*(col[i] for col in self._columns))


class ComboArrays(NamedTuple):
    """Every combo's fields as one int64 column each, indexed by combo id."""

    need: np.ndarray
    tutor: np.ndarray
    weekday: np.ndarray
    start: np.ndarray
    end: np.ndarray
    travel: np.ndarray
    cost: np.ndarray


def list_needs(problem: VisitsProblem) -> list[NeedInfo]:
    """Every need of every child, in input order, with its global index."""
    out = []
    for ci, child in enumerate(problem.children):
        points = problem.visit_points(child)
        for need in child.needs:
            out.append(NeedInfo(len(out), ci, child, need, points))
    return out


def build_candidates(problem: VisitsProblem, max_tutors_per_need: int | None = None) -> Candidates:
    """Filter every need against every tutor; keep placements for the best max_tutors_per_need tutors of each need."""
    table = TutorTable(problem, words_for(problem))
    tutor_index = {t.id: k for k, t in enumerate(problem.tutors)}
    needs = list_needs(problem)
    need_index = {(n.child.id, n.need.subject): n.index for n in needs}
    forbidden = forbidden_index(problem)
    must_keep: dict[int, set[int]] = {}
    for child in problem.children:
        for v in child.current_visits:
            if (child.id, v.subject) in need_index and v.tutor_id in tutor_index:
                must_keep.setdefault(need_index[(child.id, v.subject)], set()).add(tutor_index[v.tutor_id])
    for p in problem.pins:
        must_keep.setdefault(need_index[(p.child_id, p.subject)], set()).add(tutor_index[p.tutor_id])

    pair_need, pair_tutor, pair_days = [], [], []
    columns: list[list[np.ndarray]] = [[] for _ in ComboArrays._fields]
    truncated = False
    grid = problem.grid_minutes
    w = problem.weights
    travel_cache: dict[int, np.ndarray] = {}
    for info in needs:
        child = info.child
        if info.child_index not in travel_cache:
            travel_cache.clear()
            travel_cache[info.child_index] = table.travel_from(child)
        travel = travel_cache[info.child_index]
        f = need_filters(table, child, info.need, travel, forbidden.get(child.id, []))
        ok = f.subject_grade & f.gender & f.allowed & f.travel_ok & f.busy_ok
        feasible = np.nonzero(ok)[0]
        days = f.common[feasible].any(axis=2).sum(axis=1) if len(feasible) else np.zeros(0, dtype=np.int64)
        pair_need.append(np.full(len(feasible), info.index, dtype=np.int64))
        pair_tutor.append(feasible)
        pair_days.append(days)
        chosen = feasible
        if max_tutors_per_need is not None and len(feasible) > max_tutors_per_need:
            truncated = True
            # Prefer tutors with many common days (placement freedom), then short travel.
            order = np.lexsort((feasible, travel[feasible], -np.minimum(days, info.need.visits_per_week)))
            keep = set(feasible[order[:max_tutors_per_need]].tolist()) | (must_keep.get(info.index, set()) & set(feasible.tolist()))
            chosen = np.array(sorted(keep), dtype=np.int64)
        # Every start bit of every chosen tutor and day at once: bit k of a day's mask is the start k * grid.
        bits = np.unpackbits(f.common[chosen].astype("<u8").view(np.uint8), axis=-1, bitorder="little")
        k, day, slot = np.nonzero(bits)
        tutor = chosen[k]
        start = slot.astype(np.int64) * grid
        cost = w.travel_per_minute * travel[tutor] + w.language_mismatch * table.mismatch(child)[tutor]
        for col, values in zip(columns, (np.full(len(tutor), info.index), tutor, day, start, start + info.need.minutes, travel[tutor], cost)):
            col.append(values.astype(np.int64))
    cat = lambda parts: np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)  # noqa: E731
    arrays = ComboArrays(*(cat(col) for col in columns))
    cands = Candidates(problem, needs, cat(pair_need), cat(pair_tutor), cat(pair_days), arrays, truncated, tutor_index, need_index)
    check_pins(cands)
    return cands


def check_pins(cands: Candidates) -> None:
    """Every pin must name a placement that passes every filter; otherwise the input is at fault."""
    for k, p in enumerate(cands.problem.pins):
        n = cands.need_index[(p.child_id, p.subject)]
        if cands.find(n, cands.tutor_index[p.tutor_id], p.weekday, p.start) is None:
            raise ProblemError(
                f"pins[{k}]",
                f"tutor {p.tutor_id!r} cannot visit child {p.child_id!r} for {p.subject} then: a hard rule "
                "(subject and grade, gender, forbidden pair, travel limit, availability, busy time or start grid) forbids it",
            )
