"""One MMSI in two places at once: a shared, cloned or placeholder identity.

Two transmitters using one MMSI show up as consecutive positions no ship could sail
between. GPS glitches do too (a flipped sign, a point at the pole), and so do receivers
with skewed clocks, so single jumps are only weak evidence. The strong evidence is a
track that splits into two kinematically consistent segments which both keep reporting
over the same hours: that is two ships, not noise.

Thresholds: a ship is taken to sail at most 30 knots; jumps above 30 knots are weak
evidence, above 50 knots stronger. Positions are trusted to 1 nm and clocks to 10
minutes; a second segment must hold at least 2 points and 2 % of the MMSI's reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import polars as pl

from fullcourt.maritime.events import Event, tier_for
from fullcourt.maritime.geo import METRES_PER_NM, haversine_expr, haversine_m
from fullcourt.maritime.segments import Point, Segment, nearest_in_time, split_track


@dataclass(frozen=True, slots=True)
class SharingParams:
    lower_kn: float = 30.0
    upper_kn: float = 50.0
    min_jump_nm: float = 1.0  # jumps shorter than this are position noise
    position_tolerance_nm: float = 1.0
    time_tolerance: timedelta = timedelta(minutes=10)
    young_expiry: timedelta = timedelta(hours=1)
    min_points: int = 2
    min_share: float = 0.02
    repeated: int = 3


def _fixes(positions: pl.DataFrame) -> pl.DataFrame:
    """Usable fixes, one per time: no nulls, no polar bit-noise, sorted per MMSI."""
    return (
        positions.filter(
            pl.col("timestamp").is_not_null(),
            pl.col("lat").is_not_null(),
            pl.col("lat").abs() < 89.9,
            pl.col("lon").is_not_null(),
            (pl.col("lat") != 0) | (pl.col("lon") != 0),  # "null island": no fix at all
        )
        .unique(subset=["mmsi", "timestamp", "lat", "lon"], maintain_order=True)
        .sort("mmsi", "timestamp", "lat", "lon")  # reports of one second: a fixed order
    )


def implied_speeds(positions: pl.DataFrame) -> pl.DataFrame:
    """Consecutive fixes of each MMSI with the distance (nm) and speed (knots) between."""
    fixes = _fixes(positions).select("mmsi", "timestamp", "lat", "lon", "sog", "cog")
    prev = {
        c: pl.col(c).shift().over("mmsi").alias(f"prev_{c}") for c in ("timestamp", "lat", "lon")
    }
    pairs = fixes.with_columns(*prev.values()).filter(pl.col("prev_timestamp").is_not_null())
    dist = (
        haversine_expr(*(pl.col(c) for c in ("prev_lat", "prev_lon", "lat", "lon"))) / METRES_PER_NM
    )
    hours = (pl.col("timestamp") - pl.col("prev_timestamp")).dt.total_microseconds() / 3.6e9
    return pairs.with_columns(dist.alias("distance_nm"), hours.alias("hours")).with_columns(
        pl.when(pl.col("hours") > 0)
        .then(pl.col("distance_nm") / pl.col("hours"))
        .otherwise(pl.when(pl.col("distance_nm") > 0).then(float("inf")).otherwise(0.0))
        .alias("speed_kn")
    )


def speed_jumps(positions: pl.DataFrame, params: SharingParams = SharingParams()) -> list[Event]:
    """Per MMSI, the consecutive fixes implying more than ``lower_kn`` knots."""
    pairs = implied_speeds(positions)
    jumps = pairs.filter(
        pl.col("speed_kn") > params.lower_kn, pl.col("distance_nm") >= params.min_jump_nm
    )
    summary = jumps.group_by("mmsi").agg(
        pl.len().alias("jumps"),
        (pl.col("speed_kn") > params.upper_kn).sum().alias("over_upper"),
        pl.col("prev_timestamp").min().alias("start"),
        pl.col("timestamp").max().alias("end"),
        pl.col("distance_nm").max().alias("max_distance_nm"),
        pl.col("lat").last(),
        pl.col("lon").last(),
    )
    totals = dict(pairs.group_by("mmsi").len().iter_rows())
    events = []
    for row in summary.sort("mmsi").iter_rows(named=True):
        conf = 0.4 if row["over_upper"] else 0.25
        if row["over_upper"] >= params.repeated:  # not one glitch: the jumps keep coming
            conf = 0.55
        evidence = {
            "jumps": row["jumps"],
            "over_upper": row["over_upper"],
            "pairs": totals.get(row["mmsi"], 0),
            "max_distance_nm": round(row["max_distance_nm"], 2),
        }
        events.append(
            Event(
                "implied_speed",
                row["mmsi"],
                row["start"],
                row["end"],
                conf,
                tier_for(conf),
                row["lat"],
                row["lon"],
                evidence,
            )
        )
    return events


def _concurrent_speed(a: Segment, b: Segment) -> float:
    """Speed needed to be on both segments at their closest-in-time reports (knots)."""
    p, q = nearest_in_time(a, b)
    hours = max(abs(q.t - p.t) / 3600, 1 / 60)  # a minute at least: clocks are not exact
    return haversine_m(p.lat, p.lon, q.lat, q.lon) / METRES_PER_NM / hours


def shared_mmsi(positions: pl.DataFrame, params: SharingParams = SharingParams()) -> list[Event]:
    """MMSIs whose track splits into two substantial segments reporting at the same time."""
    pairs = implied_speeds(positions)
    suspects = pairs.filter(
        pl.col("speed_kn") > params.lower_kn, pl.col("distance_nm") >= params.min_jump_nm
    )["mmsi"].unique()
    fixes = _fixes(positions).filter(pl.col("mmsi").is_in(suspects.implode()))
    events = []
    for _, track in fixes.group_by("mmsi", maintain_order=True):
        event = _judge(int(track["mmsi"][0]), track, params)
        if event is not None:
            events.append(event)
    return events


def _judge(mmsi: int, track: pl.DataFrame, params: SharingParams) -> Event | None:
    points = [
        Point(t.timestamp(), lat, lon, sog, cog)
        for t, lat, lon, sog, cog in track.select(
            "timestamp", "lat", "lon", "sog", "cog"
        ).iter_rows()
    ]
    segments = split_track(
        points,
        max_speed_kn=params.lower_kn,
        position_tolerance_nm=params.position_tolerance_nm,
        time_tolerance_s=params.time_tolerance.total_seconds(),
        young_expiry_s=params.young_expiry.total_seconds(),
    )
    need = max(params.min_points, params.min_share * len(points))
    big = [s for s in segments if len(s.points) >= need]
    overlapping = [
        (a, b)
        for i, a in enumerate(big)
        for b in big[i + 1 :]
        if a.start < b.end and b.start < a.end
    ]
    if not overlapping:
        return None
    speed = max(_concurrent_speed(a, b) for a, b in overlapping)
    conf = 0.9 if speed > params.upper_kn else 0.7
    second = max((b for _, b in overlapping), key=lambda s: len(s.points))
    evidence = {
        "segments": [s.summary(len(points)) for s in big],
        "overlapping_pairs": len(overlapping),
        "concurrent_speed_kn": round(min(speed, 1e6), 1),
    }
    start = min(max(a.start, b.start) for a, b in overlapping)
    end = max(min(a.end, b.end) for a, b in overlapping)
    return Event(
        "mmsi_shared",
        mmsi,
        _utc(start),
        _utc(end),
        conf,
        tier_for(conf),
        second.points[0].lat,
        second.points[0].lon,
        evidence,
    )


def _utc(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)
