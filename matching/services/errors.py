"""Domain errors a service raises and a route turns into a message for the user."""


class NotFound(LookupError):
    """The row asked for does not exist (or is not visible to the caller)."""


class NoProgramme(LookupError):
    """No programme has been set up yet: the database is empty or not seeded."""


class StaleEdit(RuntimeError):
    """Someone saved the row after the editor loaded it: the edit was not applied (optimistic locking)."""


class ValidationFailed(ValueError):
    """Input breaks a rule only the domain can check; field_errors maps a form field name to a message code."""

    def __init__(self, field_errors: dict[str, str]):
        super().__init__(", ".join(f"{field}: {code}" for field, code in sorted(field_errors.items())))
        self.field_errors = field_errors
