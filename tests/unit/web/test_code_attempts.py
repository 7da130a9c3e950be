"""Wrong short codes are counted per visitor within a time window."""

from __future__ import annotations

from webapp.family.attempts import AttemptLimiter


class Clock:
    """A clock the test moves by hand."""

    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_visitor_is_blocked_after_too_many_wrong_codes_and_let_in_after_the_window():
    clock = Clock()
    limiter = AttemptLimiter(max_failures=3, window_s=60, clock=clock)
    for _ in range(3):
        assert not limiter.blocked("a")
        limiter.failed("a")
    assert limiter.blocked("a") and not limiter.blocked("b")
    clock.now = 61
    assert not limiter.blocked("a")
