"""Every audit action and entity the code records has words on the audit page."""

from __future__ import annotations

import ast
from pathlib import Path

from webapp.admin.audit_labels import ACTIONS, ENTITIES

ROOT = Path(__file__).resolve().parents[3]


def _recorded() -> tuple[set[str], set[str]]:
    """The literal action and entity codes passed to record(...) anywhere in matching/ and webapp/."""
    actions, entities = set(), set()
    for path in [*ROOT.joinpath("matching").rglob("*.py"), *ROOT.joinpath("webapp").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "record":
                action, entity = ([a.value if isinstance(a, ast.Constant) else None for a in node.args[2:4]]
                                  + [None, None])[:2]
                actions.update([action] if isinstance(action, str) else [])
                entities.update([entity] if isinstance(entity, str) else [])
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("room_") \
                    and node.value.endswith(("_set", "_removed", "_moved", "_cancelled", "_added")):
                actions.add(node.value)  # rooms edits pass their action through a variable
    # Actions made by code rather than written out: an account link's purpose + "_used", (de)activation, and
    # a module's ACTION constant.
    actions |= {"invitation_used", "reset_used", "activate", "deactivate", "own_availability_changed"}
    return actions, entities


def test_every_recorded_action_has_words():
    actions, _ = _recorded()
    assert actions and not actions - set(ACTIONS), sorted(actions - set(ACTIONS))


def test_every_recorded_entity_has_words():
    _, entities = _recorded()
    assert entities and not entities - set(ENTITIES), sorted(entities - set(ENTITIES))
