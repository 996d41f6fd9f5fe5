"""Splitting one MMSI's reports into the physically consistent tracks inside it.

Each report joins the open segment it could have reached at the maximum speed (with
tolerances for position noise and clock skew) and is closest to where that segment's
last report, dead-reckoned on its speed and course, says the ship should be. Reports
reachable from no segment start a new one. A segment of one or two reports that is not
extended within the hour is closed: a glitch must not capture the real track later when
the ship sails past the glitch's position.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime

from fullcourt.maritime.geo import METRES_PER_NM, haversine_m

_YOUNG = 3  # segments with fewer reports are "young" and expire


@dataclass(frozen=True, slots=True)
class Point:
    t: float  # Unix seconds
    lat: float
    lon: float
    sog: float | None = None
    cog: float | None = None

    def predict(self, t: float) -> tuple[float, float]:
        """Where this report's speed and course put the ship at ``t`` (flat-earth step)."""
        if self.sog is None or self.cog is None:
            return self.lat, self.lon
        nm = self.sog * (t - self.t) / 3600
        dlat = nm * math.cos(math.radians(self.cog)) / 60
        scale = max(math.cos(math.radians(self.lat)), 0.05)
        dlon = nm * math.sin(math.radians(self.cog)) / 60 / scale
        return self.lat + dlat, self.lon + dlon


@dataclass(slots=True)
class Segment:
    points: list[Point] = field(default_factory=list)

    @property
    def start(self) -> float:
        return self.points[0].t

    @property
    def end(self) -> float:
        return self.points[-1].t

    def summary(self, total: int) -> dict[str, object]:
        last = self.points[-1]
        return {
            "points": len(self.points),
            "share": round(len(self.points) / total, 3),
            "start": datetime.fromtimestamp(self.start, tz=UTC).isoformat(),
            "end": datetime.fromtimestamp(self.end, tz=UTC).isoformat(),
            "last_lat": round(last.lat, 5),
            "last_lon": round(last.lon, 5),
        }


def _nm(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return haversine_m(lat1, lon1, lat2, lon2) / METRES_PER_NM


def split_track(
    points: list[Point],
    *,
    max_speed_kn: float = 30.0,
    position_tolerance_nm: float = 1.0,
    time_tolerance_s: float = 600.0,
    young_expiry_s: float = 3600.0,
) -> list[Segment]:
    """The segments of a time-ordered list of reports of one MMSI."""
    segments: list[Segment] = []
    for point in points:
        best: Segment | None = None
        best_miss = math.inf
        for segment in segments:
            last = segment.points[-1]
            elapsed = point.t - last.t
            if len(segment.points) < _YOUNG and elapsed > young_expiry_s:
                continue
            reach = max_speed_kn * (elapsed + time_tolerance_s) / 3600 + position_tolerance_nm
            if _nm(last.lat, last.lon, point.lat, point.lon) > reach:
                continue
            miss = _nm(*last.predict(point.t), point.lat, point.lon)
            if miss < best_miss:
                best, best_miss = segment, miss
        if best is None:
            segments.append(Segment([point]))
        else:
            best.points.append(point)
    return segments


def nearest_in_time(a: Segment, b: Segment) -> tuple[Point, Point]:
    """The pair of reports, one from each segment, closest together in time."""
    times = [p.t for p in b.points]
    best: tuple[float, Point, Point] | None = None
    j = 0
    for p in a.points:  # both lists are time-ordered: walk b forward once
        while j + 1 < len(times) and times[j + 1] <= p.t:
            j += 1
        for q in b.points[j : j + 2]:
            gap = abs(q.t - p.t)
            if best is None or gap < best[0]:
                best = (gap, p, q)
    if best is None:
        raise ValueError("empty segment")
    return best[1], best[2]
