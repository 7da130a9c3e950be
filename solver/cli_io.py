"""What both solvers' command lines share: reading a problem file, writing a solution, reporting a check."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, Optional, Protocol, TypeVar

from solver.errors import ProblemError

P = TypeVar("P")


class Reported(Protocol):
    """A checker's violation: a code and the same message in Japanese and English."""

    code: str
    message_ja: str
    message_en: str


def read_problem(path: str, parse: Callable[[Any], P]) -> Optional[P]:
    """Read and parse a problem file; on bad input print one line naming the file or field and return None."""
    try:
        with open(path, encoding="utf-8") as handle:
            return parse(json.load(handle))
    except OSError as exc:
        print(f"error: cannot read {path}: {exc.strerror}", file=sys.stderr)
    except json.JSONDecodeError as exc:
        print(f"error: {path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})", file=sys.stderr)
    except ProblemError as exc:
        print(f"error: {exc.field}: {exc.message}", file=sys.stderr)
    return None


def write_solution(data: dict, output: Optional[str]) -> None:
    """Write a solution as JSON to the file, or to standard output."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
    else:
        print(text)


def report_violations(check: Callable[[], Sequence[Reported]]) -> int:
    """Run a check and print each violation; exit code 0 when sound, 1 with violations, 2 for bad input."""
    try:
        violations = check()
    except ProblemError as exc:
        print(f"error: {exc.field}: {exc.message}", file=sys.stderr)
        return 2
    for v in violations:
        print(f"[{v.code}] {v.message_ja} / {v.message_en}")
    print(f"{len(violations)} violation(s)", file=sys.stderr)
    return 1 if violations else 0
