"""Checking solver JSON against its schema, with one error naming the first field at fault."""

from __future__ import annotations

import jsonschema

from solver.errors import ProblemError


def field_path(path) -> str:
    """A JSON path as the fields are written in errors, e.g. children[3].grade."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"


def validate_against(data: object, schema: dict) -> None:
    """Raise ProblemError for the shallowest schema error, naming the missing or unexpected field itself."""
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if not errors:
        return
    error = errors[0]
    path = list(error.absolute_path)
    if error.validator in ("required", "additionalProperties") and "'" in error.message:
        path.append(error.message.split("'")[1])
    raise ProblemError(field_path(path), error.message)
