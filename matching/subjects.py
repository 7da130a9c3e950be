"""Subjects for the domain and the web: the solver's own names, so a reason and a page say the same."""

from solver.subjects import SUBJECTS, subject_label

__all__ = ["SUBJECTS", "subject_label"]
