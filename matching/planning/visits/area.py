"""Where a home-visit child lives, as the coordinator groups children: the child's site, else the nearest one."""

from __future__ import annotations

from typing import Optional

from solver.geo import Coordinates, distance_km


def home_of(place) -> Optional[Coordinates]:
    """A household's or tutor's home as coordinates, or None while it is not on the map."""
    return Coordinates(place.lat, place.lon) if place.located else None


def area_site(home_site_id: Optional[int], home: Optional[Coordinates],
              sites: dict[int, Coordinates]) -> Optional[int]:
    """The child's own site if it has one, else the site nearest its home (None without a location or sites)."""
    if home_site_id is not None:
        return home_site_id
    if home is None or not sites:
        return None
    return min(sites, key=lambda site_id: (distance_km(home, sites[site_id]), site_id))
