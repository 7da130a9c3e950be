"""The handler of each plan kind."""

from __future__ import annotations

from importlib import import_module

from matching.models import PlanKind
from matching.planning.handler import PlanHandler

_MODULES = {PlanKind.VISITS: "matching.planning.visits.handler", PlanKind.ROOMS: "matching.planning.rooms.handler"}


def handler_for(kind: PlanKind) -> PlanHandler:
    """The handler for a plan kind (each module exposes a module-level HANDLER)."""
    return import_module(_MODULES[kind]).HANDLER
