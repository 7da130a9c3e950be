"""A home-visit child is grouped by its own site, else by the site nearest its home."""

from matching.planning.visits.area import area_site
from solver.geo import Coordinates

SITES = {1: Coordinates(35.74, 139.60), 2: Coordinates(35.76, 139.66)}


def test_a_child_with_a_site_keeps_it_wherever_it_lives():
    assert area_site(1, Coordinates(35.76, 139.66), SITES) == 1


def test_a_child_without_a_site_is_grouped_by_the_nearest_one():
    assert area_site(None, Coordinates(35.761, 139.659), SITES) == 2
    assert area_site(None, Coordinates(35.741, 139.601), SITES) == 1


def test_a_child_without_a_location_has_no_area():
    assert area_site(None, None, SITES) is None and area_site(None, Coordinates(35.7, 139.6), {}) is None
