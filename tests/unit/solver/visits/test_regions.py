"""A neighbourhood follows the links from a need to the tutors its plan depends on."""

from __future__ import annotations

import numpy as np

from seed_data.visits_instances import generate_visits_problem
from solver.visits.candidates import build_candidates
from solver.visits.least_damage import least_damage_plan
from solver.visits.regions import FIRST_LINKS, TutorLinks


def _setup():
    problem = generate_visits_problem(40, 15, 4)
    cands = build_candidates(problem)
    return cands, least_damage_plan(cands, [])


def test_the_region_holds_the_needs_own_tutor_then_its_candidates_and_no_more_than_asked():
    cands, chosen = _setup()
    a = cands.arrays
    links = TutorLinks(cands)
    booked = np.nonzero(chosen)[0]
    centre = int(a.need[booked[0]])
    region = links.region(centre, chosen, 6, np.random.default_rng(1))
    assert region.sum() == 6
    assert region[a.tutor[booked[0]]]
    candidates = set(a.tutor[a.need == centre].tolist())
    assert len(set(np.nonzero(region)[0].tolist()) & candidates) >= min(len(candidates), FIRST_LINKS, 5)


def test_links_reach_the_tutors_who_could_take_over_what_the_region_does():
    cands, chosen = _setup()
    a = cands.arrays
    links = TutorLinks(cands)
    few = [n for n in range(len(cands.needs)) if 0 < len(np.unique(a.tutor[a.need == n])) <= FIRST_LINKS]
    open_need = next(n for n in few if not chosen[a.need == n].any())
    region = links.region(open_need, chosen, len(cands.problem.tutors), np.random.default_rng(1))
    # Every tutor the centre could use, and every tutor who could take a need those tutors serve, is reached.
    first = set(a.tutor[a.need == open_need].tolist())
    served = set(a.need[chosen & np.isin(a.tutor, list(first))].tolist())
    second = set(a.tutor[np.isin(a.need, list(served))].tolist())
    assert first | second <= set(np.nonzero(region)[0].tolist())


def test_the_same_seed_gives_the_same_region():
    cands, chosen = _setup()
    links = TutorLinks(cands)
    one = links.region(3, chosen, 5, np.random.default_rng(7))
    two = links.region(3, chosen, 5, np.random.default_rng(7))
    assert np.array_equal(one, two)
