"""The coordinator's side of the site (administrators see it too).

Importing this package registers every view module on the blueprint.
"""

from webapp.coordinator import calendar, directory, intake_sites, intake_students, intake_tutors  # noqa: F401
from webapp.coordinator.blueprint import bp

__all__ = ["bp"]
