"""Seeded, realistic AIS tracks for testing detectors where no real AIS exists.

No public AIS recorded near North Korea is available, yet the detectors must be shown to
find a tanker going dark off Dalian or two ships meeting in West Korea Bay, and to stay
quiet about ships anchored side by side in port. This module plays voyage plans (sail
along waypoints, hold at anchor or drift, AIS switched off for a while) through a model
of what a receiver hears: reports every 1-3 minutes under way and 3-6 minutes when
stationary (aggregated feeds thin class A's 2-10 s rate), random reception loss, coverage
holes, GPS position noise, noisy speed, course and heading. Same seed, same frame.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import polars as pl

from fullcourt.maritime.geo import EARTH_RADIUS_M, METRES_PER_NM, haversine_m
from fullcourt.maritime.places import default_places
from fullcourt.maritime.schema import POSITION_SCHEMA, STATIC_SCHEMA

LatLon = tuple[float, float]
M_PER_DEG = math.radians(1.0) * EARTH_RADIUS_M  # on the sphere haversine uses

# Sea lanes between real ports (port point first and last), waypoints placed by hand in
# open water on public charts' general routes: close enough for behaviour tests, not
# for navigation.
LANES: dict[str, tuple[LatLon, ...]] = {
    "longkou-nampo": ((37.633333, 120.283333), (37.75, 120.5), (37.9, 120.85), (38.0, 121.5),
                      (38.2, 122.5), (38.4, 123.6), (38.55, 124.5), (38.62, 124.95),
                      (38.7, 125.2), (38.716667, 125.4)),
    "dalian-nampo": ((38.916667, 121.666667), (38.85, 121.9), (38.7, 122.6), (38.55, 123.8),
                     (38.55, 124.6), (38.62, 124.95), (38.7, 125.2), (38.716667, 125.4)),
    "dandong-nampo": ((39.816667, 124.15), (39.6, 124.05), (39.2, 124.15), (38.8, 124.45),
                      (38.62, 124.95), (38.7, 125.2), (38.716667, 125.4)),
    "shanghai-nampo": ((31.216667, 121.5), (31.35, 121.75), (31.1, 122.4), (32.5, 123.2),
                       (35.5, 124.0), (37.6, 123.8), (38.3, 124.3), (38.62, 124.95),
                       (38.7, 125.2), (38.716667, 125.4)),
    "qingdao-busan": ((36.033333, 120.266667), (35.95, 120.6), (35.6, 122.5), (34.6, 125.3),
                      (33.9, 126.9), (34.7, 128.5), (35.1, 129.033333)),
    "nakhodka-rajin": ((42.8, 132.883333), (42.6, 132.6), (42.3, 131.5), (42.15, 130.6),
                       (42.233333, 130.3)),
    "vladivostok-busan": ((43.116667, 131.9), (42.95, 131.85), (42.4, 132.2), (40.0, 131.3),
                          (37.0, 130.2), (35.3, 129.4), (35.1, 129.033333)),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Sail:
    """Steam from wherever the ship is through `waypoints` at a steady speed."""

    waypoints: tuple[LatLon, ...]
    speed_kn: float


@dataclass(frozen=True, slots=True)
class Hold:
    """Stay put (anchored, moored) or drift slowly on a course, for `duration`."""

    duration: timedelta
    drift_kn: float = 0.0
    course: float = 0.0
    status: int = 1  # AIS navigational status while holding: 1 at anchor, 5 moored


@dataclass(frozen=True, slots=True)
class Identity:
    name: str
    imo: str
    callsign: str
    ship_type: int = 80  # tanker
    destination: str = ""


@dataclass(frozen=True, slots=True)
class Ship:
    mmsi: int
    start: datetime
    origin: LatLon
    legs: tuple[Sail | Hold, ...]
    dark: tuple[tuple[timedelta, timedelta], ...] = ()  # AIS off, as offsets from start
    identity: Identity | None = None


@dataclass(frozen=True, slots=True)
class Reception:
    underway_s: tuple[float, float] = (60.0, 180.0)
    stationary_s: tuple[float, float] = (180.0, 360.0)
    loss: float = 0.03  # share of reports never received
    holes: tuple[tuple[datetime, datetime], ...] = ()  # no ship is heard in these windows
    position_sd_m: float = 8.0
    sog_sd_kn: float = 0.1
    cog_sd_deg: float = 2.0


# A stretch of a voyage: (start s, end s, from, to, speed kn, AIS status).
Piece = tuple[float, float, LatLon, LatLon, float, int]


def _plan(ship: Ship) -> tuple[list[Piece], list[float]]:
    """The voyage as pieces, and the second at which each leg ends."""
    pieces: list[Piece] = []
    ends: list[float] = []
    here, t = ship.origin, 0.0
    for leg in ship.legs:
        if isinstance(leg, Hold):
            metres = leg.drift_kn * METRES_PER_NM * leg.duration.total_seconds() / 3600.0
            rad = math.radians(leg.course)
            there = offset(here, metres * math.cos(rad), metres * math.sin(rad))
            span = leg.duration.total_seconds()
            pieces.append((t, t + span, here, there, leg.drift_kn, leg.status))
            here, t = there, t + span
        else:
            for point in leg.waypoints:
                span = haversine_m(*here, *point) / (leg.speed_kn * METRES_PER_NM / 3600.0)
                if span > 0:
                    pieces.append((t, t + span, here, point, leg.speed_kn, 0))
                here, t = point, t + span
        ends.append(t)
    return pieces, ends


def leg_ends(ship: Ship) -> list[timedelta]:
    """When each leg of the plan ends, from the ship's start: to place dark periods."""
    return [timedelta(seconds=t) for t in _plan(ship)[1]]


def offset(point: LatLon, north_m: float, east_m: float) -> LatLon:
    """The point `north_m` metres north and `east_m` metres east of `point`."""
    lat, lon = point
    return lat + north_m / M_PER_DEG, lon + east_m / (M_PER_DEG * math.cos(math.radians(lat)))


def _bearing(a: LatLon, b: LatLon) -> float:
    dy = b[0] - a[0]
    dx = (b[1] - a[1]) * math.cos(math.radians(a[0]))
    return math.degrees(math.atan2(dx, dy)) % 360.0


def _silent(t: datetime, offset_s: float, ship: Ship, reception: Reception) -> bool:
    since = timedelta(seconds=offset_s)
    return any(a <= since < b for a, b in ship.dark) or any(a <= t < b for a, b in reception.holes)


def _reports(ship: Ship, rng: random.Random, reception: Reception) -> Iterable[tuple[object, ...]]:
    plan = _plan(ship)[0]
    t, i = rng.uniform(0.0, 30.0), 0
    heading = rng.uniform(0.0, 360.0)
    while plan and t < plan[-1][1]:
        while plan[i][1] < t:
            i += 1
        t0, t1, a, b, speed, status = plan[i]
        f = (t - t0) / (t1 - t0) if t1 > t0 else 0.0
        moving = speed >= 0.5
        when = ship.start + timedelta(seconds=t)
        if rng.random() >= reception.loss and not _silent(when, t, ship, reception):
            course = _bearing(a, b) if a != b else heading
            heading = course if moving else (heading + rng.gauss(0.0, 2.0)) % 360.0
            lat, lon = offset(
                (a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])),
                rng.gauss(0.0, reception.position_sd_m),
                rng.gauss(0.0, reception.position_sd_m),
            )
            sog = max(0.0, speed + rng.gauss(0.0, reception.sog_sd_kn))
            cog = (course + rng.gauss(0.0, reception.cog_sd_deg)) % 360.0
            stamp = int(when.timestamp()) * 1_000_000  # feeds carry whole seconds
            yield (ship.mmsi, stamp, lat, lon, round(sog, 1), round(cog, 1),
                   round((heading + rng.gauss(0.0, 1.0)) % 360.0), status)  # fmt: skip
        t += rng.uniform(*(reception.underway_s if moving else reception.stationary_s))


def simulate(
    ships: Iterable[Ship], *, seed: int, reception: Reception | None = None
) -> pl.DataFrame:
    """The positions a receiver would have heard from `ships` (POSITION_SCHEMA, sorted)."""
    rng = random.Random(seed)
    rows = [row for ship in ships for row in _reports(ship, rng, reception or Reception())]
    names = ("mmsi", "timestamp", "lat", "lon", "sog", "cog", "heading", "nav_status")
    frame = pl.DataFrame(rows, schema=dict.fromkeys(names, pl.Float64()), orient="row")
    return (
        frame.with_columns(
            pl.col("timestamp").cast(pl.Int64).cast(pl.Datetime("us")).dt.replace_time_zone("UTC"),
            source=pl.lit("synth"),
            station=pl.lit(None, pl.Utf8()),
        )
        .select([pl.col(name).cast(dtype) for name, dtype in POSITION_SCHEMA.items()])
        .sort("mmsi", "timestamp")
    )


def statics(ships: Iterable[Ship]) -> pl.DataFrame:
    """One static report per ship with an identity, at its start (STATIC_SCHEMA)."""
    rows = []
    for s in ships:
        if (i := s.identity) is not None:
            rows.append((s.mmsi, s.start, i.imo, i.name, i.callsign, i.ship_type,
                         i.destination, "synth"))  # fmt: skip
    return pl.DataFrame(rows, schema=STATIC_SCHEMA, orient="row")


def imo_number(six: int) -> str:
    """A 7-digit IMO number with a valid check digit from its first six digits."""
    digits = f"{six:06d}"
    check = sum(int(d) * w for d, w in zip(digits, range(7, 1, -1), strict=True)) % 10
    return f"{digits}{check}"


def lane(name: str, *, reverse: bool = False) -> tuple[LatLon, ...]:
    """The waypoints of a named sea lane, optionally travelled the other way."""
    points = LANES[name]
    return tuple(reversed(points)) if reverse else points


def port(name: str) -> LatLon:
    """The shipped point of a port, by name or name prefix ("Nampo", "Dalian")."""
    for p in default_places().ports:
        if p.name == name or p.name.startswith(f"{name} "):
            return p.lat, p.lon
    raise KeyError(name)


def random_fleet(
    count: int, *, seed: int, start: datetime, hours: float, box: Sequence[float]
) -> list[Ship]:
    """`count` ships starting at random points in `box` (min lat, min lon, max lat, max lon)
    and sailing three legs for about `hours`, a fifth of them at anchor instead:
    background traffic for scale tests."""
    rng = random.Random(seed)
    lat0, lon0, lat1, lon1 = box
    ships = []
    for n in range(count):
        mmsi = rng.choice((412, 413, 440, 441, 273, 477, 636)) * 1_000_000 + n
        begin = start + timedelta(minutes=rng.uniform(0.0, 30.0))
        origin = here = (rng.uniform(lat0, lat1), rng.uniform(lon0, lon1))
        if rng.random() < 0.2:
            ships.append(Ship(mmsi, begin, origin, (Hold(timedelta(hours=hours)),)))
            continue
        speed, course = rng.uniform(8.0, 14.0), rng.uniform(0.0, 360.0)
        leg_m = speed * METRES_PER_NM * hours / 3
        points = []
        for _ in range(3):  # each leg turns up to 60 degrees
            course += rng.uniform(-60.0, 60.0)
            rad = math.radians(course)
            here = offset(here, leg_m * math.cos(rad), leg_m * math.sin(rad))
            points.append(here)
        ships.append(Ship(mmsi, begin, origin, (Sail(tuple(points), speed),)))
    return ships
