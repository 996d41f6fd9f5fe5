"""Per-vessel tracks: cleaned and ordered reports, steps between them, segments, resampling.

Detectors reason about what a vessel did between reports, so every one of them starts
from the same ordered, de-duplicated track with the time, distance and implied speed of
each step. Encounters compare two vessels at the same instant, which raw AIS never gives
(each ship reports on its own clock), hence the fixed-interval resampling.
"""

from __future__ import annotations

from datetime import timedelta

import polars as pl

from fullcourt.maritime.geo import METRES_PER_NM, haversine_expr
from fullcourt.maritime.schema import POSITION_SCHEMA, TIME

REQUIRED = ("mmsi", "timestamp", "lat", "lon")
# Faster than any merchant ship: a step implying more is two transmitters, not one voyage.
MAX_SPEED_KN = 50.0
KNOTS_PER_MPS = 3600.0 / METRES_PER_NM


def prepare(positions: pl.DataFrame) -> pl.DataFrame:
    """The usable reports of `positions`, ordered by vessel and time.

    Keeps the POSITION_SCHEMA columns present (adding missing optional ones as nulls),
    drops reports without a valid position, and keeps one report per vessel and instant.
    """
    missing = [name for name in REQUIRED if name not in positions.columns]
    if missing:
        raise ValueError(f"positions lack columns {missing}")
    columns = [
        pl.col(name).cast(dtype) if name in positions.columns else pl.lit(None, dtype).alias(name)
        for name, dtype in POSITION_SCHEMA.items()
    ]
    return (
        positions.select(columns)
        .drop_nulls(list(REQUIRED))
        .filter(pl.col("lat").is_between(-90.0, 90.0) & pl.col("lon").is_between(-180.0, 180.0))
        .sort("mmsi", "timestamp")
        .unique(["mmsi", "timestamp"], keep="first", maintain_order=True)
    )


def with_steps(track: pl.DataFrame) -> pl.DataFrame:
    """Add, for each report, the step from the vessel's previous one.

    `dt_s` (seconds), `step_m` (metres), `implied_kn` (knots, null for a zero-time step),
    and the previous report's `prev_timestamp`, `prev_lat`, `prev_lon`, `prev_sog`.
    """
    prev = {name: pl.col(name).shift(1).over("mmsi") for name in ("timestamp", "lat", "lon", "sog")}
    stepped = track.with_columns(**{f"prev_{k}": v for k, v in prev.items()})
    dt = (pl.col("timestamp") - pl.col("prev_timestamp")).dt.total_microseconds() / 1e6
    step = haversine_expr(pl.col("prev_lat"), pl.col("prev_lon"), pl.col("lat"), pl.col("lon"))
    return stepped.with_columns(dt_s=dt, step_m=step).with_columns(
        implied_kn=pl.when(pl.col("dt_s") > 0)
        .then(pl.col("step_m") / pl.col("dt_s") * KNOTS_PER_MPS)
        .otherwise(None)
    )


def segment(
    track: pl.DataFrame, *, max_gap: timedelta, max_speed_kn: float = MAX_SPEED_KN
) -> pl.DataFrame:
    """Number each vessel's stretches of continuous reporting (`segment`, from 0).

    A new segment starts after a silence longer than `max_gap`, or at a jump no ship could
    make (`max_speed_kn`, over at least a minute so GPS jitter on close reports does not
    count): interpolating across either would invent a path.
    """
    stepped = track if "dt_s" in track.columns else with_steps(track)
    jump = (pl.col("implied_kn") > max_speed_kn) & (pl.col("step_m") > 1_852.0)
    breaks = (pl.col("dt_s") > max_gap.total_seconds()) | jump.fill_null(False)
    return stepped.with_columns(
        segment=breaks.fill_null(False).cast(pl.Int64).cum_sum().over("mmsi")
    )


def resample(
    track: pl.DataFrame,
    *,
    every: timedelta = timedelta(minutes=10),
    max_gap: timedelta = timedelta(hours=1),
) -> pl.DataFrame:
    """Positions at fixed instants (multiples of `every`), linearly interpolated in time.

    Only inside segments (see `segment`): no point is invented across a silence longer
    than `max_gap`. Columns: mmsi, segment, timestamp, lat, lon, sog (interpolated where
    reported, else the speed implied by the interpolated positions) and `observed`, true
    when a real report lies within half an interval of the instant. Longitudes are
    interpolated as numbers: tracks crossing the antimeridian are not supported.
    """
    step = f"{int(every.total_seconds() * 1_000_000)}us"
    reports = segment(prepare(track), max_gap=max_gap).select(
        "mmsi", "segment", "timestamp", "lat", "lon", "sog"
    )
    spans = reports.group_by("mmsi", "segment").agg(
        start=pl.col("timestamp").min(), end=pl.col("timestamp").max()
    )
    grid = (
        spans.with_columns(
            timestamp=pl.datetime_ranges(
                pl.col("start").dt.truncate(step), pl.col("end"), step, time_unit="us"
            )
        )
        .explode("timestamp")
        .filter(pl.col("timestamp") >= pl.col("start"))
        .select("mmsi", "segment", pl.col("timestamp").cast(TIME))
        .with_columns(real=pl.lit(False))
    )
    real_t = pl.when(pl.col("real")).then(pl.col("timestamp"))
    key = ("mmsi", "segment")
    merged = (
        pl.concat([reports.with_columns(real=pl.lit(True)), grid], how="diagonal")
        # a report and an instant at the same time: the report first, so it anchors the value
        .sort(["mmsi", "segment", "timestamp", "real"], descending=[False, False, False, True])
        .with_columns(
            *(pl.col(c).interpolate_by("timestamp").over(key) for c in ("lat", "lon", "sog")),
            before=real_t.forward_fill().over(key),
            after=real_t.backward_fill().over(key),
        )
    )
    # interpolation leaves an instant that coincides with a segment's last report empty
    same = pl.col("timestamp") == pl.col("timestamp").shift(1)
    merged = merged.with_columns(
        pl.when(pl.col(c).is_null() & same).then(pl.col(c).shift(1)).otherwise(pl.col(c)).over(key)
        for c in ("lat", "lon", "sog")
    )
    half = every / 2
    near = ((pl.col("timestamp") - pl.col("before")) <= half) | (
        (pl.col("after") - pl.col("timestamp")) <= half
    )
    out = merged.filter(~pl.col("real")).with_columns(observed=near.fill_null(False))
    implied = (
        haversine_expr(pl.col("lat").shift(1), pl.col("lon").shift(1), pl.col("lat"), pl.col("lon"))
        / every.total_seconds()
        * KNOTS_PER_MPS
    )
    return out.with_columns(sog=pl.col("sog").fill_null(implied.backward_fill().over(key))).select(
        "mmsi", "segment", "timestamp", "lat", "lon", "sog", "observed"
    )
