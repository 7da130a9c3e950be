"""The worked examples in docs/ validate against the schemas and the example plan passes the checker."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from solver.visits.check import check_visits
from solver.visits.codec import load_schema, problem_from_dict, solution_from_dict

EXAMPLES = Path(__file__).resolve().parents[4] / "docs" / "examples"


def load(name: str) -> dict:
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


def test_examples_validate_against_the_schemas():
    jsonschema.validate(load("visits-problem.json"), load_schema("visits-problem"))
    jsonschema.validate(load("visits-solution.json"), load_schema("visits-solution"))


def test_example_solution_passes_the_checker():
    problem = problem_from_dict(load("visits-problem.json"))
    assert check_visits(problem, solution_from_dict(load("visits-solution.json"))) == []
