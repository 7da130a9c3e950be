"""School grades for the domain and the web: the solver's own labels (小1..小6, 中1..中3, 高1..高3)."""

from solver.grades import MAX_GRADE, MIN_GRADE, grade_label

__all__ = ["MAX_GRADE", "MIN_GRADE", "grade_label"]
