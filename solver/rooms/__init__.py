"""Study rooms (学習室 / 勉強会): session calendar per site, staffing by tutors, and each child's home site."""

from solver.rooms.check import check_rooms
from solver.rooms.solve import solve_rooms

__all__ = ["check_rooms", "solve_rooms"]
