"""The fictional みどり区: its bounding box, towns, schools and made-up addresses."""

from __future__ import annotations

import random
from dataclasses import dataclass

MUNICIPALITY = "みどり区"
PREFECTURE = "東京都"


@dataclass(frozen=True)
class Box:
    """A latitude/longitude rectangle in degrees."""

    south: float
    north: float
    west: float
    east: float

    def contains(self, lat: float, lon: float) -> bool:
        """Whether a point lies inside the rectangle (edges included)."""
        return self.south <= lat <= self.north and self.west <= lon <= self.east


# About 6 km east-west by 5 km north-south around (35.735, 139.65), in Tokyo's western wards.
WARD_BOX = Box(south=35.7125, north=35.7575, west=139.617, east=139.683)

# Made-up town names (町名), roughly west to east; none is a town of a real ward's address.
TOWNS: tuple[str, ...] = (
    "若葉町", "桜台", "緑ヶ丘", "本町", "青葉台", "北野", "泉町", "南台", "栄町", "東原", "西みどり", "中央",
)

ELEMENTARY_SCHOOLS: tuple[str, ...] = tuple(
    f"みどり区立{name}小学校" for name in ("若葉", "桜台", "緑ヶ丘", "北野", "泉", "南台", "栄", "東原")
)
JUNIOR_HIGH_SCHOOLS: tuple[str, ...] = tuple(
    f"みどり区立{name}中学校" for name in ("若葉", "桜台", "緑ヶ丘", "本町", "北野", "南台")
)
HIGH_SCHOOLS: tuple[str, ...] = ("都立みどり北高校", "都立みどり南高校", "都立みどり総合高校", "私立みどり学園高校")


def random_point(rng: random.Random, box: Box = WARD_BOX) -> tuple[float, float]:
    """A point drawn uniformly inside the box, rounded to 6 decimals (about 10 cm)."""
    lat = rng.uniform(box.south, box.north)
    lon = rng.uniform(box.west, box.east)
    return round(min(max(lat, box.south), box.north), 6), round(min(max(lon, box.west), box.east), 6)


def town_at(lon: float, box: Box = WARD_BOX) -> str:
    """The made-up town for a longitude, so that addresses and coordinates roughly agree."""
    share = (lon - box.west) / (box.east - box.west)
    return TOWNS[min(int(share * len(TOWNS)), len(TOWNS) - 1)]


def street_address(rng: random.Random, lon: float, with_building: bool = False) -> str:
    """A made-up address in the ward (町名, 丁目, 番, 号 and sometimes a flat)."""
    address = f"{PREFECTURE}{MUNICIPALITY}{town_at(lon)}{rng.randint(1, 5)}丁目{rng.randint(1, 30)}-{rng.randint(1, 20)}"
    if with_building:
        address += f" みどりハイツ{rng.randint(1, 4)}0{rng.randint(1, 8)}"
    return address
