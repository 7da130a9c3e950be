"""The solve page says how close a plan is to the best possible in words, for both kinds of plan."""

from __future__ import annotations

import pytest

from matching.models import PlanKind
from webapp import create_app
from webapp.coordinator.solve_progress import closeness, progress_facts


@pytest.fixture
def japanese(tmp_path):
    app = create_app({"SECRET_KEY": "x" * 32, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"})
    with app.test_request_context("/"):
        yield


def test_visits_maximise_so_the_gap_is_below_the_bound(japanese):
    assert closeness(PlanKind.VISITS, 950, 1000) == "最善の計画との差は最大 5.0% です"
    assert closeness(PlanKind.VISITS, 998, 1000) == "これ以上良い計画はほぼありません"


def test_rooms_minimise_so_the_gap_is_above_the_bound(japanese):
    assert closeness(PlanKind.ROOMS, 1000, 900) == "最善の計画との差は最大 10.0% です"
    assert closeness(PlanKind.ROOMS, 0, 0) == "これ以上良い計画はありません"


def test_an_unknown_bound_is_said_not_guessed(japanese):
    assert closeness(PlanKind.ROOMS, 1000, None) == "最善の計画との差はまだ分かりません"


def test_facts_carry_units_and_no_solver_internals(japanese):
    facts = progress_facts(PlanKind.VISITS, {"elapsed": 10.44, "visits_planned": 146, "visits_wanted": 291,
                                             "objective": 23034600, "bound": 25513300})
    assert facts["elapsed"] == "10.4 秒" and facts["visits"] == "週 146 回 / 希望 291 回"
    assert not any("23034600" in text or "None" in text for text in facts.values())
    rooms = progress_facts(PlanKind.ROOMS, {"sessions_held": 540, "sessions_staffed": 532})
    assert rooms["sessions"] == "開催 540 回（うち講師がそろった回 532 回）" and rooms["closeness"] == "—"
