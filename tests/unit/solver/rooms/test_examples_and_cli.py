"""The worked examples validate against the schemas and pass the checker; the command line solves and checks."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import jsonschema
import pytest

from solver.__main__ import main
from solver.rooms.check import check_rooms
from solver.rooms.codec import load_schema, problem_from_json, solution_from_json

EXAMPLES = Path(__file__).resolve().parents[4] / "docs" / "examples"


def _load(name: str) -> dict:
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


def test_examples_validate_against_the_schemas():
    for kind in ("problem", "solution"):
        schema = load_schema(f"rooms-{kind}")
        errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(_load(f"rooms-{kind}.json"))]
        assert errors == [], f"docs/examples/rooms-{kind}.json no longer matches its schema"


def test_example_solution_passes_the_checker():
    problem = problem_from_json(_load("rooms-problem.json"))
    assert check_rooms(problem, solution_from_json(_load("rooms-solution.json"))) == []


@pytest.fixture
def dispatcher(monkeypatch):
    """The shared dispatcher also loads the visits command line; stand in for it when it is not on this branch."""
    try:
        __import__("solver.visits.cli")
    except ModuleNotFoundError:
        stub = types.ModuleType("solver.visits.cli")
        stub.add_solve_arguments = lambda parser: parser.add_argument("problem")
        monkeypatch.setitem(sys.modules, "solver.visits", types.ModuleType("solver.visits"))
        monkeypatch.setitem(sys.modules, "solver.visits.cli", stub)
    return main


def test_command_line_solves_then_checks(dispatcher, tmp_path, capsys):
    out = tmp_path / "solution.json"
    problem = str(EXAMPLES / "rooms-problem.json")
    assert dispatcher(["rooms", problem, "-o", str(out), "--time-limit", "5", "--seed", "0"]) == 0
    assert "staff: held" in capsys.readouterr().err
    assert dispatcher(["check", problem, str(out)]) == 0


def test_check_exits_1_and_names_the_violation(dispatcher, tmp_path, capsys):
    solution = _load("rooms-solution.json")
    solution["sessions"][0]["staff"] = solution["sessions"][0]["staff"][:1]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(solution), encoding="utf-8")
    assert dispatcher(["check", str(EXAMPLES / "rooms-problem.json"), str(path)]) == 1
    assert "understaffed" in capsys.readouterr().out


def test_bad_problem_file_exits_2_naming_the_field(dispatcher, tmp_path, capsys):
    problem = _load("rooms-problem.json")
    problem["sites"][1]["target_sessions"] = -3
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(problem), encoding="utf-8")
    assert dispatcher(["rooms", str(path)]) == 2
    assert "sites[1].target_sessions" in capsys.readouterr().err
