"""The objective's levels and weights, in one place so docs, model and tests agree.

Levels, most important first (each weight dwarfs what the lower levels can gain):
1. hit every site's target: a missing session costs W_SESSION_SHORT; a child without a site W_CHILD_UNASSIGNED;
2. keep the previous plan: a moved date, a staff change, a moved child cost W_*_CHANGE / W_CHILD_MOVE;
3. spread and intensity: an empty stretch of the year costs W_GAP_WINDOW, a missed intensive date W_INTENSIVE_MISSED;
4. stable staffing: each (tutor, site) pair used costs W_TUTOR_SITE_PAIR;
5. fair load: each session above a tutor's fair share (proportional to their capacity) costs W_LOAD_OVER;
6. preferences and travel: W_CHILD_TRAVEL_MINUTE, W_CHILD_NOT_PREFERRED, W_TUTOR_NOT_PREFERRED, W_STAFF_SLACK.
"""

from __future__ import annotations

from solver.rooms.problem import Child

W_SESSION_SHORT = 1_000_000
W_CHILD_UNASSIGNED = 100_000
W_DATE_CHANGE = 1_000
W_STAFF_CHANGE = 1_000
W_CHILD_MOVE = 1_000
W_GAP_WINDOW = 100
W_INTENSIVE_MISSED = 60
W_TUTOR_SITE_PAIR = 30
W_LOAD_OVER = 10
W_CHILD_TRAVEL_MINUTE = 10
W_CHILD_NOT_PREFERRED = 30
W_TUTOR_NOT_PREFERRED = 3
W_STAFF_SLACK = 1

PRIORITY_GRADE = "中3"


def child_priority(child: Child) -> int:
    """中3 children come first when places are short (weight 2, others 1)."""
    return 2 if child.grade == PRIORITY_GRADE else 1


def long_gap_days(span_days: int, target: int, min_gap_days: int) -> int:
    """Length of a stretch without sessions that counts as a long gap: twice the even spacing, at least 7 days."""
    if target <= 0:
        return span_days + 1
    return max(7, 2 * min_gap_days, -(-2 * span_days // target))
