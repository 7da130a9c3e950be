"""Travel time between two places, the one formula used by solver, checker and web.

Travel minutes = ceil(haversine distance in km x DETOUR_FACTOR / SPEED_KMH x 60).
Tutors in a Tokyo ward move by train, bus, bicycle and on foot; a door-to-door
speed of 15 km/h with a detour factor of 1.3 over the straight line matches
typical journeys of 1-8 km. The result is an integer, so it is deterministic
and comparable across solver, checker and web.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088
DETOUR_FACTOR = 1.3
SPEED_KMH = 15.0


@dataclass(frozen=True)
class Coordinates:
    """A point given by latitude and longitude in degrees (WGS 84)."""

    lat: float
    lon: float


def distance_km(a: Coordinates, b: Coordinates) -> float:
    """Great-circle (haversine) distance between two points, in kilometres."""
    phi1, phi2 = math.radians(a.lat), math.radians(b.lat)
    dphi = phi2 - phi1
    dlmb = math.radians(b.lon - a.lon)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def travel_minutes(a: Coordinates, b: Coordinates) -> int:
    """Estimated door-to-door travel time between two points, in whole minutes (rounded up)."""
    minutes = distance_km(a, b) * DETOUR_FACTOR / SPEED_KMH * 60.0
    # Round to 1e-9 first so that floating noise never adds a minute.
    return math.ceil(round(minutes, 9))
