"""Where events happened, and selecting them by area and type.

Analysts ask for "everything in West Korea Bay" or "everything in this box". Behaviour
events carry a position; identity events (a bad IMO, a shared MMSI) do not, so they are
placed at the vessel's own report nearest their end: the place the ship was when the
anomaly was last seen. An area is a bounding box, a shipped zone, a reported transfer
hotspot (its circle) or a port (a circle of ``PORT_RADIUS_KM``).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

import polars as pl

from fullcourt.maritime.events import Event
from fullcourt.maritime.geo import Area, contains, haversine_expr
from fullcourt.maritime.places import Places
from fullcourt.maritime.schema import empty_positions

PORT_RADIUS_KM = 20.0
Point = tuple[float, float]  # (lat, lon)


@dataclass(frozen=True)
class AreaFilter:
    """A named area and its membership test over columns of latitudes and longitudes."""

    name: str
    test: Callable[[pl.Series, pl.Series], pl.Series]

    def contains(self, points: Sequence[Point]) -> list[bool]:
        if not points:
            return []
        lat = pl.Series([p[0] for p in points], dtype=pl.Float64())
        lon = pl.Series([p[1] for p in points], dtype=pl.Float64())
        return [bool(v) for v in self.test(lat, lon)]


def _circle(lat0: float, lon0: float, metres: float) -> Callable[[pl.Series, pl.Series], pl.Series]:
    def test(lat: pl.Series, lon: pl.Series) -> pl.Series:
        frame = pl.DataFrame({"lat": lat, "lon": lon})
        return frame.select(haversine_expr(pl.col("lat"), pl.col("lon"), lat0, lon0) <= metres)[
            :, 0
        ]

    return test


def _inside(area: Area, lat: pl.Series, lon: pl.Series) -> pl.Series:
    return contains(area, lat, lon)


def _box(text: str) -> AreaFilter | None:
    parts = text.split(",")
    if len(parts) != 4:
        return None
    try:
        lon1, lat1, lon2, lat2 = (float(p) for p in parts)
    except ValueError:
        return None
    if not all(-180 <= x <= 180 for x in (lon1, lon2)) or not all(
        -90 <= y <= 90 for y in (lat1, lat2)
    ):
        raise ValueError(f"area {text!r}: expected lon1,lat1,lon2,lat2 in degrees")
    west, east, south, north = min(lon1, lon2), max(lon1, lon2), min(lat1, lat2), max(lat1, lat2)
    return AreaFilter(
        f"box {west},{south},{east},{north}",
        lambda lat, lon: lat.is_between(south, north) & lon.is_between(west, east),
    )


def parse_area(text: str, places: Places) -> AreaFilter:
    """``lon1,lat1,lon2,lat2``, or the name of a zone, hotspot or port (case-insensitive)."""
    box = _box(text)
    if box is not None:
        return box
    wanted = text.strip().lower()
    for zone in places.zones:
        if zone.name.lower() == wanted:
            return AreaFilter(zone.name, partial(_inside, zone.area))
    for spot in places.hotspots:
        if spot.id.lower() == wanted:
            return AreaFilter(spot.id, _circle(spot.lat, spot.lon, spot.radius_km * 1e3))
    for port in places.ports:
        if port.name.lower() == wanted or port.name.lower().startswith(f"{wanted} "):
            return AreaFilter(port.name, _circle(port.lat, port.lon, PORT_RADIUS_KM * 1e3))
    names = [z.name for z in places.zones] + [h.id for h in places.hotspots]
    raise ValueError(
        f"unknown area {text!r}: give lon1,lat1,lon2,lat2, a port name or one of "
        + ", ".join(names)
    )


def locate(events: Sequence[Event], positions: pl.DataFrame) -> list[Point | None]:
    """Each event's position, or its vessel's report nearest the event's end.

    A vessel heard only without times (raw NMEA without tag blocks) is placed at its
    last report: where it was heard is still better than nowhere.
    """
    wanted = {e.mmsi for e in events if e.lat is None or e.lon is None}
    tracks: dict[int, tuple[list[float], list[Point]]] = {}
    if wanted:
        fixes = (
            positions.filter(pl.col("mmsi").is_in(list(wanted)))
            .drop_nulls(["lat", "lon"])
            .sort("mmsi", "timestamp", nulls_last=False)
        )
        for (mmsi,), part in fixes.group_by("mmsi", maintain_order=True):
            times = [t.timestamp() if t is not None else -math.inf for t in part["timestamp"]]
            tracks[int(mmsi)] = (times, list(zip(part["lat"], part["lon"], strict=True)))
    return [_place(e, tracks) for e in events]


def _place(event: Event, tracks: dict[int, tuple[list[float], list[Point]]]) -> Point | None:
    if event.lat is not None and event.lon is not None:
        return (event.lat, event.lon)
    if event.mmsi not in tracks:
        return None
    times, points = tracks[event.mmsi]
    moment = event.end or event.start
    if moment is None or times[-1] == -math.inf:
        return points[-1]
    i = bisect.bisect_left(times, moment.timestamp())
    near = [j for j in (i - 1, i) if 0 <= j < len(points) and times[j] > -math.inf]
    return points[min(near, key=lambda j: abs(times[j] - moment.timestamp()))]


def select_events(
    events: Iterable[Event],
    *,
    kinds: set[str] | None = None,
    area: AreaFilter | None = None,
    positions: pl.DataFrame | None = None,
) -> list[Event]:
    """Events of the given kinds (all when empty) located inside ``area`` (anywhere if None)."""
    chosen = [e for e in events if not kinds or e.kind in kinds]
    if area is None:
        return chosen
    points = locate(chosen, positions if positions is not None else empty_positions())
    located = [(e, p) for e, p in zip(chosen, points, strict=True) if p is not None]
    inside = area.contains([p for _, p in located])
    return [e for (e, _), keep in zip(located, inside, strict=True) if keep]
