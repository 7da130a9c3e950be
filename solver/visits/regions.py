"""Which tutors one neighbourhood step re-plans: the tutors nearest a need, or the tutors its plan depends on.

An uncovered need is blocked by the visits its candidate tutors already make;
to place it, one of those visits has to move to another tutor who can take it,
and so on. Following those links (the need's own tutor, its candidate tutors
with the most placements, then the tutors who could take over what they do)
finds the chains a neighbourhood has to contain. On the demo-sized benchmark
this reaches 241 of 250 visits in the time where the nearest tutors reach 237.
On large problems the linked tutors spread across the city, so the models get
bigger for the same number of tutors and fewer steps fit in the time limit (the
1,000-child benchmark ends at 1,520 visits instead of 1,538): there the nearest
tutors are used.
"""

from __future__ import annotations

import numpy as np

from solver.visits.candidates import Candidates

# Candidate tutors of the centre need taken before following links to the tutors of the needs they serve.
FIRST_LINKS = 6


def nearest_tutors(cands: Candidates, lat: float, lon: float, count: int) -> np.ndarray:
    """A boolean per tutor: the count tutors whose homes are nearest this point (radians)."""
    d = (cands.tutor_lat - lat) ** 2 + ((cands.tutor_lon - lon) * np.cos(lat)) ** 2
    region = np.zeros(len(d), dtype=bool)
    region[np.argsort(d, kind="stable")[:count]] = True
    return region


class TutorLinks:
    """For each need, the tutors with a placement for it and how many placements each has."""

    def __init__(self, cands: Candidates):
        a = cands.arrays
        self.n_tutors = len(cands.problem.tutors)
        pairs, counts = np.unique(a.need * self.n_tutors + a.tutor, return_counts=True)
        self.need, self.tutor, self.count = pairs // self.n_tutors, pairs % self.n_tutors, counts
        self.ptr = np.searchsorted(self.need, np.arange(len(cands.needs) + 1))
        self.cands = cands

    def tutors_of(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        lo, hi = self.ptr[n], self.ptr[n + 1]
        return self.tutor[lo:hi], self.count[lo:hi]

    def region(self, centre: int, chosen: np.ndarray, count: int, rng: np.random.Generator) -> np.ndarray:
        """A boolean per tutor: the centre need's tutor and best candidates, then the tutors who could take over
        the needs those tutors serve, breadth first, up to count tutors (ties broken by rng)."""
        a = self.cands.arrays
        booked = np.nonzero(chosen)[0]
        serves = [[] for _ in range(self.n_tutors)]
        for n, t in zip(a.need[booked].tolist(), a.tutor[booked].tolist()):
            serves[t].append(n)
        region: list[int] = []
        seen = np.zeros(self.n_tutors, dtype=bool)

        def take(t: int) -> bool:
            if seen[t] or len(region) >= count:
                return False
            seen[t] = True
            region.append(t)
            return True

        queue = [t for t in np.unique(a.tutor[booked[a.need[booked] == centre]]).tolist() if take(t)]
        tutors, placements = self.tutors_of(centre)
        order = np.lexsort((rng.random(len(tutors)), -placements))
        queue += [t for t in tutors[order][:FIRST_LINKS].tolist() if take(t)]
        while queue and len(region) < count:
            t = queue.pop(0)
            for n in sorted(set(serves[t])):
                others = self.tutors_of(n)[0]
                for u in others[rng.permutation(len(others))].tolist():
                    if take(u):
                        queue.append(u)
        out = np.zeros(self.n_tutors, dtype=bool)
        out[region] = True
        return out
