"""Domain errors a service raises and a route turns into a message for the user."""


class NotFound(LookupError):
    """The row asked for does not exist (or is not visible to the caller)."""


class NoProgramme(LookupError):
    """No programme has been set up yet: the database is empty or not seeded."""


class StaleEdit(RuntimeError):
    """Someone else saved this record since it was loaded: the save is refused so nothing is overwritten."""


class InvalidState(RuntimeError):
    """The action does not fit the record's state (e.g. publishing a plan that is not a draft)."""


class InThePast(ValueError):
    """The edit would change something dated before today, or move it there: the past is history."""

    def __init__(self, today):
        super().__init__(f"before {today.isoformat()}")
        self.today = today


class ValidationFailed(ValueError):
    """Input only the domain can judge is wrong; field_errors maps each field to an error code."""

    def __init__(self, field_errors: dict[str, str]):
        super().__init__(", ".join(f"{field}: {code}" for field, code in sorted(field_errors.items())))
        self.field_errors = field_errors
