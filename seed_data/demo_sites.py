"""The demo's seven study-room sites, each running a 中3勉強会 of 80 sessions a year."""

from __future__ import annotations

from dataclasses import dataclass

from matching.models import Programme, Site, SiteOpening
from seed_data.ward import MUNICIPALITY, PREFECTURE


@dataclass(frozen=True)
class SiteSpec:
    """A site as written by hand: name, address after the ward, coordinates and opening weekdays (0 Mon .. 5 Sat)."""

    name: str
    address: str
    lat: float
    lon: float
    open_weekdays: str
    capacity: int


EVENING = (18 * 60, 20 * 60)  # weekday evenings, after school and club activities
SATURDAY = (14 * 60, 16 * 60)  # Saturday afternoons
SATURDAY_WEEKDAY = 5

# Hand-placed so the sites spread over the ward (see seed_data.ward.WARD_BOX).
SITE_SPECS: tuple[SiteSpec, ...] = (
    SiteSpec("若葉地区区民館", "若葉町2丁目14-3", 35.7468, 139.6231, "13", 20),
    SiteSpec("桜台児童館", "桜台1丁目8-11", 35.7302, 139.6298, "02", 18),
    SiteSpec("緑ヶ丘地域集会所", "緑ヶ丘3丁目2-7", 35.7189, 139.6372, "25", 16),
    SiteSpec("本町地区区民館", "本町4丁目21-1", 35.7371, 139.6475, "13", 24),
    SiteSpec("北野児童館", "北野2丁目5-18", 35.7529, 139.6560, "24", 20),
    SiteSpec("泉町地域集会所", "泉町1丁目17-9", 35.7263, 139.6634, "35", 16),
    SiteSpec("東原地区区民館", "東原3丁目9-2", 35.7412, 139.6762, "02", 22),
)


def _opening(weekday: int) -> SiteOpening:
    start, end = SATURDAY if weekday == SATURDAY_WEEKDAY else EVENING
    return SiteOpening(weekday=weekday, start_minute=start, end_minute=end)


def build_sites(programme: Programme) -> list[Site]:
    """The seven sites, in a fixed order (a new Site per call)."""
    return [
        Site(
            programme=programme,
            name=spec.name,
            address=f"{PREFECTURE}{MUNICIPALITY}{spec.address}",
            lat=spec.lat,
            lon=spec.lon,
            capacity=spec.capacity,
            openings=[_opening(int(day)) for day in spec.open_weekdays],
            target_sessions=80,
            min_days_between_sessions=1,
            min_tutors_per_session=2,
            children_per_tutor=4,
            notes="中3勉強会（年80回）。" + ("土曜午後も開室。" if str(SATURDAY_WEEKDAY) in spec.open_weekdays else ""),
        )
        for spec in SITE_SPECS
    ]
