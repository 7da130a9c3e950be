"""Domain errors a service raises and a route turns into a message for the user."""


class NotFound(LookupError):
    """The row asked for does not exist (or is not visible to the caller)."""


class NoProgramme(LookupError):
    """No programme has been set up yet: the database is empty or not seeded."""
