"""The worked examples in docs/ validate against the schemas and the example plan passes the checker."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

from solver.visits.check import check_visits
from solver.visits.codec import load_schema, problem_from_dict, solution_from_dict, solution_to_dict
from solver.visits.explain import explain_plan
from solver.visits.solve import solve_visits

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


def test_waiting_example_validates_passes_the_checker_and_is_what_the_solver_says():
    problem_doc, solution_doc = load("visits-waiting-problem.json"), load("visits-waiting-solution.json")
    for kind, doc in (("problem", problem_doc), ("solution", solution_doc)):
        assert not list(jsonschema.Draft202012Validator(load_schema(f"visits-{kind}")).iter_errors(doc))
    problem, solution = problem_from_dict(problem_doc), solution_from_dict(solution_doc)
    assert check_visits(problem, solution) == []
    again = explain_plan(problem, solve_visits(problem, time_limit_s=5))
    assert [solution_to_dict(again)["unmet"]] == [solution_doc["unmet"]]
    assert {u["suggestion"]["kind"] for u in solution_doc["unmet"]} == {"tutor_cap", "tutor_travel", "child_time"}


def test_command_line_explains_nothing_when_given_no_seconds(tmp_path):
    out = tmp_path / "solution.json"
    args = [sys.executable, "-m", "solver", "visits", str(EXAMPLES / "visits-waiting-problem.json"), "-o", str(out),
            "--explain-seconds", "0"]
    subprocess.run(args, check=True, capture_output=True)
    unmet = json.loads(out.read_text(encoding="utf-8"))["unmet"]
    assert unmet and all("tutors" not in u and "suggestion" not in u for u in unmet)
