"""The families' side: a household's page opened by its secret link or short code, without an account.

Importing this package registers every view module on the blueprint.
"""

from webapp.family import views  # noqa: F401  (registers views)
from webapp.family.blueprint import bp

__all__ = ["bp"]
