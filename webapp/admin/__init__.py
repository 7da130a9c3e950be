"""The administrator's side of the site: the audit log.

Importing this package registers every view module on the blueprint.
"""

from webapp.admin import audit  # noqa: F401  (registers views)
from webapp.admin.blueprint import bp

__all__ = ["bp"]
