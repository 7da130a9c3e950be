"""The compiled schema check accepts and refuses exactly what the full schema walk does, with the same message."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solver.errors import ProblemError
from solver.rooms.codec import load_schema as rooms_schema
from solver.schema_errors import SchemaCheck, validate_against
from solver.visits.codec import load_schema as visits_schema

EXAMPLES = Path(__file__).resolve().parents[3] / "docs" / "examples"
DOCUMENTS = [
    ("visits-problem.json", visits_schema("visits-problem")),
    ("visits-waiting-problem.json", visits_schema("visits-problem")),
    ("visits-solution.json", visits_schema("visits-solution")),
    ("visits-waiting-solution.json", visits_schema("visits-solution")),
    ("rooms-problem.json", rooms_schema("rooms-problem")),
    ("rooms-solution.json", rooms_schema("rooms-solution")),
]
CHECKS = {name: SchemaCheck(schema) for name, schema in DOCUMENTS}

# Values json.loads can make, the edge cases included: NaN and infinities, huge integers, whole floats,
# surrogates, times with a trailing newline, empty strings.
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(-2**70, 2**70), st.floats(),
    st.sampled_from([0, 1, 12, 13, -1, 3.0, 12.5, "", "x", "18:00", "18:00\n", "24:00", "24:01", "tue", "Tue",
                     "2026-12-08", "2026-12-08\n", "\ud800", "visits-problem/2", "rooms-problem/2", "male"]),
    st.text(max_size=6),
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
                      max_leaves=6)


def _outcome(run) -> tuple[str, str] | None:
    try:
        run()
    except ProblemError as exc:
        return exc.field, exc.message
    return None


def _containers(doc) -> list:
    """Every dict and list in the document, in a fixed order."""
    out, stack = [], [doc]
    while stack:
        item = stack.pop()
        if isinstance(item, (dict, list)):
            out.append(item)
            stack.extend(item.values() if isinstance(item, dict) else item)
    return out


@settings(max_examples=400, deadline=None, derandomize=True)
@given(name=st.sampled_from(sorted(CHECKS)), where=st.integers(0, 10**6), key=st.integers(0, 10**6),
       action=st.sampled_from(["replace", "delete", "add"]), value=VALUES)
def test_a_changed_document_gets_the_same_verdict_and_message_from_both(name, where, key, action, value):
    doc = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    schema = dict(DOCUMENTS)[name]
    containers = _containers(doc)
    target = containers[where % len(containers)]
    keys = list(target) if isinstance(target, dict) else list(range(len(target)))
    if action == "add" or not keys:
        if isinstance(target, dict):
            target[f"extra{key % 3}" if key % 2 else "id"] = value
        else:
            target.append(value)
    elif action == "delete":
        del target[keys[key % len(keys)]]
    else:
        target[keys[key % len(keys)]] = value
    assert _outcome(lambda: CHECKS[name].validate(doc)) == _outcome(lambda: validate_against(doc, schema))


@pytest.mark.parametrize(("name", "schema"), DOCUMENTS)
def test_every_example_passes_both(name, schema):
    doc = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    assert _outcome(lambda: CHECKS[name].validate(doc)) is None
    assert _outcome(lambda: validate_against(doc, schema)) is None


def test_a_tuple_is_refused_as_the_walk_refuses_it():
    doc = json.loads((EXAMPLES / "visits-problem.json").read_text(encoding="utf-8"))
    doc["children"] = tuple(copy.deepcopy(doc["children"]))
    outcome = _outcome(lambda: CHECKS["visits-problem.json"].validate(doc))
    assert outcome is not None and outcome[0] == "children"
    assert outcome == _outcome(lambda: validate_against(doc, visits_schema("visits-problem")))
