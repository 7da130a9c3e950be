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
    for kind in ("problem", "solution"):
        schema = load_schema(f"visits-{kind}")
        errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(load(f"visits-{kind}.json"))]
        assert errors == [], f"docs/examples/visits-{kind}.json no longer matches its schema"


def test_example_solution_passes_the_checker():
    problem = problem_from_dict(load("visits-problem.json"))
    assert check_visits(problem, solution_from_dict(load("visits-solution.json"))) == []
