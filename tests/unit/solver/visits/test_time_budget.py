"""The command's time limit covers the whole run: reading, the plan, the explanation and writing.

The clock is injected and frozen, so what each step is given is exact and does not depend on the machine's load.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time

import pytest

from seed_data.visits_instances import generate_visits_problem
from solver.visits.check import check_visits
from solver.visits.cli import WRITE_SECONDS_PER_CHILD, solve_command
from solver.visits.codec import problem_from_dict, problem_to_dict, solution_from_dict
from solver.visits.time_budget import (
    EXPLAIN_SHARE, MIN_PLAN_SECONDS, TimeBudget, explain_seconds, plan_seconds,
)

CHILDREN, TUTORS = 300, 100  # mid-size: enough waiting needs that the explanation would use all it is given


def frozen(at: float):
    """A clock that always reads ``at``: as if the command had spent exactly that long before each reading."""
    return lambda: at


@pytest.fixture(scope="module")
def problem_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("budget") / "problem.json"
    path.write_text(json.dumps(problem_to_dict(generate_visits_problem(CHILDREN, TUTORS, 1))), encoding="utf-8")
    return path


def run(problem_file, out, limit, explain, clock, capsys):
    args = argparse.Namespace(problem=str(problem_file), output=str(out), time_limit=limit, seed=0,
                              explain_seconds=explain, started=0.0)
    assert solve_command(args, clock=clock) == 0
    return capsys.readouterr().err.splitlines()[-1]


def test_the_plan_gets_the_limit_less_what_reading_took_the_explanations_share_and_the_finish():
    budget = TimeBudget(60.0, 100.0, frozen(104.0))  # 4 s spent reading
    assert plan_seconds(budget, 5.0, 1.0) == pytest.approx(60 - 4 - 5 - 1)
    small = TimeBudget(10.0, 0.0, frozen(0.0))  # the site's 10 s: a tenth kept for the explanation
    assert plan_seconds(small, 5.0, 0.3) == pytest.approx(10 - EXPLAIN_SHARE * 10 - 0.3)
    assert plan_seconds(small, 0.0, 0.3) == pytest.approx(10 - 0.3)


def test_the_explanation_gets_what_the_plan_left_up_to_its_seconds_keeping_the_finish():
    assert explain_seconds(TimeBudget(60.0, 0.0, frozen(20.0)), 5.0, 1.0) == pytest.approx(5.0)
    assert explain_seconds(TimeBudget(60.0, 0.0, frozen(57.0)), 5.0, 1.0) == pytest.approx(2.0)
    assert explain_seconds(TimeBudget(60.0, 0.0, frozen(59.5)), 5.0, 1.0) == 0.0


def test_a_spent_limit_still_gets_a_short_plan_and_no_explanation():
    spent = TimeBudget(6.0, 0.0, frozen(9.0))
    assert spent.left() == 0.0
    assert plan_seconds(spent, 5.0, 0.1) == MIN_PLAN_SECONDS
    assert explain_seconds(spent, 5.0, 0.1) == 0.0


def test_the_command_gives_the_solver_the_limit_less_what_reading_took(problem_file, tmp_path, capsys):
    out = tmp_path / "solution.json"
    line = run(problem_file, out, 6.0, 5.0, frozen(3.0), capsys)  # 3 s gone before the problem is read
    finish = WRITE_SECONDS_PER_CHILD * CHILDREN
    assert f"read 3.00s, plan limit {6 - 3 - EXPLAIN_SHARE * 6 - finish:.2f}s, explanation limit {6 - 3 - finish:.2f}s" in line
    problem = problem_from_dict(json.loads(problem_file.read_text(encoding="utf-8")))
    solution = solution_from_dict(json.loads(out.read_text(encoding="utf-8")))
    assert check_visits(problem, solution) == []


def test_the_command_skips_the_explanation_when_reading_used_the_limit(problem_file, tmp_path, capsys):
    out = tmp_path / "solution.json"
    line = run(problem_file, out, 6.0, 5.0, frozen(7.0), capsys)
    assert f"plan limit {MIN_PLAN_SECONDS:.2f}s, explanation limit 0.00s" in line
    unmet = json.loads(out.read_text(encoding="utf-8"))["unmet"]
    assert unmet and all("tutors" not in u and "suggestion" not in u for u in unmet)


@pytest.mark.slow
def test_the_whole_command_ends_within_the_limit_on_a_real_clock(problem_file, tmp_path):
    """The command as a user runs it, timed from outside; its own report says where the time went."""
    out = tmp_path / "solution.json"
    limit = 4.0
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "solver", "visits", str(problem_file), "-o", str(out),
                           "--time-limit", str(limit)], check=True, capture_output=True, text=True)
    wall = time.perf_counter() - started
    reported = float(re.search(r"done at ([0-9.]+)s of", done.stderr).group(1))
    assert reported <= limit + 0.5, done.stderr  # the command's own clock: the plan and explanation kept to it
    assert wall <= limit + 3.0, done.stderr  # Python's start and exit included: the target
