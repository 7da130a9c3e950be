"""Attendance pages shared by tutors (their own items, on a phone or tablet) and coordinators (everyone's)."""

from webapp.attendance.views import bp

__all__ = ["bp"]
