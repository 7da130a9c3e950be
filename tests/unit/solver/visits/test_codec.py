"""Bad input gets one clear error naming the field; good input round-trips."""

from __future__ import annotations

import json

import pytest

from solver.__main__ import main
from solver.errors import ProblemError
from solver.visits.codec import problem_from_dict, problem_from_json, problem_to_dict
from tests.unit.solver.visits.conftest import make_problem


def good() -> dict:
    return problem_to_dict(make_problem())


def test_round_trip_keeps_the_problem():
    assert problem_from_dict(good()) == make_problem()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["pins"].append({"child_id": "c1", "subject": "数学", "tutor_id": "nobody", "weekday": "tue", "start": "18:00"}), "pins[0].tutor_id"),
        (lambda d: d["children"][0]["availability"][0].update(start="20:00", end="18:00"), "children[0].availability[0].end"),
        (lambda d: d["children"][0].update(grade=13), "children[0].grade"),
        (lambda d: d["tutors"][0].pop("home"), "tutors[0].home"),
        (lambda d: d.update(format="visits-problem/9"), "format"),
    ],
)
def test_bad_input_names_the_field(change, field):
    data = good()
    change(data)
    with pytest.raises(ProblemError) as err:
        problem_from_dict(data)
    assert err.value.field == field


def test_malformed_json_is_a_problem_error():
    with pytest.raises(ProblemError) as err:
        problem_from_json('{"format": ')
    assert "not valid JSON" in err.value.message


def test_command_line_reports_bad_input_without_traceback(tmp_path, capsys):
    data = good()
    data["children"][0]["grade"] = 13
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["visits", str(path)]) == 2
    err = capsys.readouterr().err
    assert "children[0].grade" in err and "Traceback" not in err
    path.write_text("{not json", encoding="utf-8")
    assert main(["visits", str(path)]) == 2
    assert "not valid JSON" in capsys.readouterr().err


def test_command_line_solves_and_checks(tmp_path, capsys):
    problem = tmp_path / "p.json"
    solution = tmp_path / "s.json"
    problem.write_text(json.dumps(good()), encoding="utf-8")
    assert main(["visits", str(problem), "-o", str(solution), "--time-limit", "2"]) == 0
    assert "coverage" in capsys.readouterr().err
    assert main(["check", str(problem), str(solution)]) == 0
    broken = json.loads(solution.read_text(encoding="utf-8"))
    broken["visits"][0]["start"] = "16:10"
    solution.write_text(json.dumps(broken), encoding="utf-8")
    assert main(["check", str(problem), str(solution)]) == 1
    assert "[grid]" in capsys.readouterr().out
