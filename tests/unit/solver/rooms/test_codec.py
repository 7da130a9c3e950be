"""Bad input raises ProblemError naming the field; good input round-trips."""

from __future__ import annotations

import copy

import pytest

from solver.errors import ProblemError
from solver.rooms.codec import problem_from_json, problem_to_json, solution_from_json, solution_to_json
from solver.rooms.solve import solve_rooms

from .conftest import make_problem


@pytest.fixture
def doc():
    return problem_to_json(make_problem())


def test_problem_round_trips_through_json(doc):
    assert problem_to_json(problem_from_json(copy.deepcopy(doc))) == doc


def test_solution_round_trips_through_json(tiny):
    data = solution_to_json(solve_rooms(tiny, time_limit_s=5))
    assert solution_to_json(solution_from_json(copy.deepcopy(data))) == data


@pytest.mark.parametrize("path, value, field", [
    (("sites", 0, "target_sessions"), -1, "sites[0].target_sessions"),
    (("sites", 0, "capacity"), "20", "sites[0].capacity"),
    (("period", "start"), "2026-13-01", "period.start"),
    (("tutors", 1, "site_ids"), ["Z"], "tutors[1].site_ids[0]"),
    (("children", 2, "weekdays"), ["xyz"], "children[2].weekdays[0]"),
    (("sites", 0, "windows", 0, "end"), "17:00", "sites[0].windows[0].end"),
    (("format",), "rooms-problem/9", "format"),
])
def test_bad_input_names_the_field(doc, path, value, field):
    target = doc
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    with pytest.raises(ProblemError) as error:
        problem_from_json(doc)
    assert error.value.field == field


def test_duplicate_site_id_names_the_second_site(doc):
    doc["sites"].append(copy.deepcopy(doc["sites"][0]))
    with pytest.raises(ProblemError) as error:
        problem_from_json(doc)
    assert error.value.field == "sites[1].id"


def test_pinned_session_on_a_closed_date_names_the_pin(doc):
    doc["closed_dates"] = ["2026-06-02"]
    doc["pins"]["sessions"] = [{"site_id": "A", "date": "2026-06-02"}]
    with pytest.raises(ProblemError) as error:
        problem_from_json(doc)
    assert error.value.field == "pins.sessions[0].date"


def test_target_beyond_open_dates_is_a_shortfall_not_an_error(doc):
    doc["sites"][0]["target_sessions"] = 80
    solution = solve_rooms(problem_from_json(doc), time_limit_s=5)
    assert [s.kind for s in solution.shortfalls] == ["sessions"]
    assert solution.shortfalls[0].missing == 76
    assert "開室可能日が4日のみ" in solution.shortfalls[0].reason_ja
    assert "only 4 open dates" in solution.shortfalls[0].reason_en


def test_more_pinned_dates_than_the_target_names_the_extra_pin(doc):
    doc["sites"][0]["target_sessions"] = 1
    doc["pins"]["sessions"] = [{"site_id": "A", "date": "2026-06-02"}, {"site_id": "A", "date": "2026-06-09"}]
    with pytest.raises(ProblemError) as error:
        problem_from_json(doc)
    assert error.value.field == "pins.sessions[1].date"


def test_pinned_dates_closer_than_the_gap_name_the_later_pin(doc):
    doc["sites"][0]["min_gap_days"] = 3
    doc["pins"]["sessions"] = [{"site_id": "A", "date": "2026-06-02"}, {"site_id": "A", "date": "2026-06-04"}]
    with pytest.raises(ProblemError) as error:
        problem_from_json(doc)
    assert error.value.field == "pins.sessions[1].date"
