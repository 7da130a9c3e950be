"""The one error a solver raises for bad input: it names the field at fault."""


class ProblemError(ValueError):
    """Bad input for a solver or checker, with the JSON path of the field at fault."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
