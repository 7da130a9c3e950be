"""The coordinator's side of the site (administrators see it too).

Importing this package registers every view module on the blueprint.
"""

from webapp.coordinator import directory  # noqa: F401  (registers views)
from webapp.coordinator import plans, solve_jobs  # noqa: F401  (registers views)
from webapp.coordinator import room_edits, room_plans  # noqa: F401  (registers views)
from webapp.coordinator.blueprint import bp

__all__ = ["bp"]
