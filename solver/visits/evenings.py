"""What fits in one evening: the visit-length mixes a tutor can make on a weekday, and how many visits a child can have.

A tutor's evening is summarised by its patterns: the Pareto-maximal vectors
(visits of each length) that some sequence of the tutor's combos on that weekday
makes without overlap, leaving the travel between two children's homes (none
between two subjects of one child, never one subject twice in a row). They are
found by a dynamic programme over the combos in start order, so they see the
tutor's windows, the children's windows, the start grid, busy time (all in the
combos) and the real travel between the homes involved. Every real evening is
such a sequence (the relaxation only allows more: one subject twice with another
between), so its length mix is at most one of the patterns, which is all the
bound needs. The same follow relation gives the needs no two of which an evening
can hold (conflict cliques).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import permutations, product

import numpy as np

from solver.visits.candidates import Candidates, pair_travel_minutes
from solver.visits.model import groups


@dataclass(frozen=True)
class Evening:
    """One tutor's weekday: the visit lengths seen, the maximal length mixes that fit, and cliques of clashing needs."""

    tutor: int
    weekday: int
    lengths: tuple[int, ...]
    patterns: tuple[tuple[int, ...], ...]
    cliques: tuple[tuple[int, ...], ...] = ()


def _follows(cands: Candidates, ids: np.ndarray) -> np.ndarray:
    """(m, m) bool: combo j may come after combo i on the same evening of the same tutor."""
    a = cands.arrays
    need, start, end = a.need[ids], a.start[ids], a.end[ids]
    child = cands.need_child[need]
    kids, local = np.unique(child, return_inverse=True)
    ki, kj = np.meshgrid(np.arange(len(kids)), np.arange(len(kids)), indexing="ij")
    lat, lon = cands.child_lat[kids], cands.child_lon[kids]
    travel = pair_travel_minutes(lat[ki.ravel()], lon[ki.ravel()], lat[kj.ravel()], lon[kj.ravel()]).reshape(ki.shape)
    same_child = child[:, None] == child[None, :]
    # Between two subjects of one child no travel is needed (the model's travel rule is for different children).
    gap_needed = np.where(same_child, 0, travel[local[:, None], local[None, :]])
    return (start[None, :] >= end[:, None] + gap_needed) & (need[:, None] != need[None, :])


def _pareto_max(vectors: np.ndarray) -> tuple[tuple[int, ...], ...]:
    """The vectors no other vector dominates (componentwise at least, somewhere more)."""
    keep = []
    for v in vectors:
        dominated = np.any(np.all(vectors >= v, axis=1) & np.any(vectors > v, axis=1))
        if not dominated:
            keep.append(tuple(int(x) for x in v))
    return tuple(sorted(set(keep)))


def conflict_cliques(need: np.ndarray, follows: np.ndarray) -> tuple[tuple[int, ...], ...]:
    """Groups of needs no two of which the evening can hold together (a greedy cover of the conflict graph)."""
    needs, local = np.unique(need, return_inverse=True)
    together = np.zeros((len(needs), len(needs)), dtype=bool)
    before, after = np.nonzero(follows)
    together[local[before], local[after]] = True
    clash = ~(together | together.T)
    np.fill_diagonal(clash, False)
    # Needs relabelled by falling conflict degree, rows as Python integers used as bit sets: the most conflicted
    # member of a set is then its lowest bit, and growing a clique costs a few integer operations per member
    # (a dense graph of 70 needs grows cliques of about 50).
    rank = np.argsort(-clash.sum(axis=1), kind="stable")
    clash = clash[np.ix_(rank, rank)]
    bits = [int.from_bytes(np.packbits(row, bitorder="little").tobytes(), "little") for row in clash]
    out, covered = [], [0] * len(bits)
    # The most conflicted need with a conflict no earlier clique covers starts a clique, grown through the most
    # conflicted needs that clash with every member so far.
    for v in range(len(bits)):
        if bits[v] & ~covered[v] == 0:
            continue
        clique, open_ = [v], bits[v]
        while open_:
            u = (open_ & -open_).bit_length() - 1
            clique.append(u)
            open_ &= bits[u]
        mask = sum(1 << k for k in clique)
        for k in clique:
            covered[k] |= mask
        out.append(tuple(sorted(int(needs[rank[k]]) for k in clique)))
    return tuple(out)


def evening_patterns(cands: Candidates, ids: np.ndarray, cap: int) -> tuple[tuple[int, ...], tuple[tuple[int, ...], ...], tuple]:
    """The visit lengths among these combos of one tutor-weekday, the maximal length mixes (at most cap visits), the conflict cliques."""
    a = cands.arrays
    order = ids[np.lexsort((a.end[ids], a.start[ids]))]
    minutes = a.end[order] - a.start[order]
    lengths, cls = np.unique(minutes, return_inverse=True)
    if a.start[order].max() < a.end[order].min() or cap < 2:
        # Every two combos overlap (or one visit is the cap): each pattern is a single visit of one length.
        return tuple(int(x) for x in lengths), tuple(tuple(int(k == j) for k in range(len(lengths))) for j in range(len(lengths))), ()
    start, end = a.start[order], a.end[order]
    # No evening holds more visits than its cap, its span over its shortest visit, or its distinct needs.
    most = min(cap, int((end.max() - start.min()) // minutes.min()), len(np.unique(a.need[order])))
    top = [min(most, len(np.unique(a.need[order][cls == k]))) for k in range(len(lengths))]
    mixes = [v for v in product(*(range(t + 1) for t in top)) if sum(v) <= most]
    index = {v: k for k, v in enumerate(mixes)}
    # One more visit of length k moves mix src[k][i] to dst[k][i].
    src, dst = [], []
    for k in range(len(lengths)):
        pairs = [(i, index[v[:k] + (v[k] + 1,) + v[k + 1 :]]) for i, v in enumerate(mixes) if v[:k] + (v[k] + 1,) + v[k + 1 :] in index]
        src.append(np.array([p[0] for p in pairs], dtype=np.int64))
        dst.append(np.array([p[1] for p in pairs], dtype=np.int64))
    follows = _follows(cands, order)
    after = follows.astype(np.float32)
    reach = np.zeros((len(order), len(mixes)), dtype=np.float32)
    # reach[j, v] > 0: some sequence ending with combo j makes mix v. Combos sharing a start cannot follow
    # each other, so each start's combos are filled together from those already filled.
    for group in np.split(np.arange(len(order)), np.nonzero(np.diff(start))[0] + 1):
        g0 = int(group[0])
        came = (after[:g0, group].T @ reach[:g0]) > 0 if g0 else np.zeros((len(group), len(mixes)), dtype=bool)
        came[:, 0] = True  # the empty mix: the sequence starts here
        for k in np.unique(cls[group]).tolist():
            mine = group[cls[group] == k]
            moved = np.zeros((len(mine), len(mixes)), dtype=np.float32)
            moved[:, dst[k]] = came[cls[group] == k][:, src[k]]
            reach[mine] = moved
    made = np.nonzero(reach.any(axis=0))[0]
    vectors = np.array([mixes[k] for k in made.tolist()] or [mixes[0]], dtype=np.int64)
    return tuple(int(x) for x in lengths), _pareto_max(vectors), conflict_cliques(a.need[order], follows)


def tutor_evenings(cands: Candidates) -> list[tuple[Evening, np.ndarray]]:
    """Every tutor-weekday with combos, its patterns, and its combo ids."""
    a = cands.arrays
    out = []
    for g in groups(a.tutor, a.weekday):
        t, d = int(a.tutor[g[0]]), int(a.weekday[g[0]])
        cap = cands.problem.tutors[t].max_visits_per_week
        lengths, patterns, cliques = evening_patterns(cands, g, cap)
        out.append((Evening(t, d, lengths, patterns, cliques), g))
    return out


def child_day_caps(cands: Candidates) -> list[tuple[int, int, int]]:
    """(child, weekday, most visits) for every child-day where not all of the child's needs with combos fit."""
    a = cands.arrays
    child = cands.need_child[a.need]
    out = []
    for g in groups(child, a.weekday):
        needs = np.unique(a.need[g]).tolist()
        if len(needs) < 2:
            continue
        # Each need's starts (any tutor) that day; a set of needs fits when some order of them does with every
        # visit at its earliest start after the previous end (earliest placement is exact for a fixed order).
        spans = {n: sorted(set(zip(a.start[g][a.need[g] == n].tolist(), a.end[g][a.need[g] == n].tolist()))) for n in needs}
        best = 1
        for size in range(len(needs), 1, -1):
            if any(_fits_in_order(spans, order) for order in permutations(needs, size)):
                best = size
                break
        if best < len(needs):
            out.append((int(child[g[0]]), int(a.weekday[g[0]]), best))
    return out


def _fits_in_order(spans: dict[int, list[tuple[int, int]]], order: tuple[int, ...]) -> bool:
    """Whether these needs can be visited one after another in this order without overlap."""
    free_from = -1
    for n in order:
        nxt = next((end for start, end in spans[n] if start >= free_from), None)
        if nxt is None:
            return False
        free_from = nxt
    return True
