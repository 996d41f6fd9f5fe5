"""A new identity switching on where a listed ship just switched off.

A sanctioned ship that changes identity goes dark under its old MMSI and reappears
under a new one nearby. AIS alone cannot prove the two are one hull (ports are busy,
ships arrive all the time), so each candidate is low confidence: closer in time and
space raises it a little. It is a lead for imagery or port records, not a finding.
Defaults: the new identity's first report within 48 hours and 100 nm of the listed
ship's last report before a silence of at least 6 hours (or before it vanished).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

import polars as pl

from fullcourt.maritime.events import Event, tier_for
from fullcourt.maritime.geo import METRES_PER_NM, haversine_expr
from fullcourt.maritime.identity import VesselMatch


@dataclass(frozen=True, slots=True)
class LaunderingParams:
    within: timedelta = timedelta(hours=48)
    radius_nm: float = 100.0
    min_gap: timedelta = timedelta(hours=6)
    base_confidence: float = 0.15
    max_confidence: float = 0.35


def listed_mmsis(matches: Sequence[VesselMatch], min_confidence: float = 0.7) -> dict[int, str]:
    """MMSI -> listed id, for matches sure enough to watch the MMSI going dark."""
    return {m.mmsi: m.listed_id for m in matches if m.confidence >= min_confidence}


def _fixes(positions: pl.DataFrame) -> pl.DataFrame:
    return positions.filter(
        pl.col("timestamp").is_not_null(), pl.col("lat").is_not_null(), pl.col("lon").is_not_null()
    ).sort("mmsi", "timestamp", "lat", "lon")


def dark_starts(
    positions: pl.DataFrame, mmsis: Mapping[int, str], min_gap: timedelta
) -> pl.DataFrame:
    """Last fixes of the given MMSIs before a silence of ``min_gap`` or the end of data."""
    fixes = _fixes(positions)
    if fixes.is_empty():
        return fixes.select("mmsi", "timestamp", "lat", "lon")
    data_end = fixes["timestamp"].max()
    watched = fixes.filter(pl.col("mmsi").is_in(list(mmsis)))
    following = pl.col("timestamp").shift(-1).over("mmsi")
    silent = following.is_null() & (pl.lit(data_end) - pl.col("timestamp") >= min_gap)
    gap = following - pl.col("timestamp") >= min_gap
    return watched.filter(silent | gap).select("mmsi", "timestamp", "lat", "lon")


def first_appearances(positions: pl.DataFrame, min_gap: timedelta) -> pl.DataFrame:
    """First fix of each MMSI, for MMSIs not already present when the data begins."""
    fixes = _fixes(positions)
    if fixes.is_empty():
        return fixes.select("mmsi", "timestamp", "lat", "lon")
    data_start = fixes["timestamp"].min()
    first = fixes.group_by("mmsi").agg(pl.all().first())
    return first.filter(pl.col("timestamp") - pl.lit(data_start) >= min_gap).select(
        "mmsi", "timestamp", "lat", "lon"
    )


def laundering_candidates(
    positions: pl.DataFrame,
    listed: Mapping[int, str],
    params: LaunderingParams = LaunderingParams(),
) -> list[Event]:
    """New MMSIs first heard within ``within`` and ``radius_nm`` after a listed one went dark."""
    dark = dark_starts(positions, listed, params.min_gap)
    new = first_appearances(positions, params.min_gap).filter(~pl.col("mmsi").is_in(list(listed)))
    pairs = dark.join(new, how="cross", suffix="_new")
    dist = haversine_expr(*(pl.col(c) for c in ("lat", "lon", "lat_new", "lon_new")))
    pairs = pairs.with_columns(
        (dist / METRES_PER_NM).alias("distance_nm"),
        (pl.col("timestamp_new") - pl.col("timestamp")).alias("delay"),
    ).filter(
        pl.col("delay") > timedelta(0),
        pl.col("delay") <= params.within,
        pl.col("distance_nm") <= params.radius_nm,
    )
    events = []
    span = params.max_confidence - params.base_confidence
    for row in pairs.sort("mmsi_new", "timestamp", "mmsi").iter_rows(named=True):
        closeness = 1 - row["delay"] / params.within
        nearness = 1 - row["distance_nm"] / params.radius_nm
        conf = round(params.base_confidence + span * (closeness + nearness) / 2, 3)
        evidence = {
            "listed_id": listed[row["mmsi"]],
            "dark_since": row["timestamp"].isoformat(),
            "delay_hours": round(row["delay"].total_seconds() / 3600, 2),
            "distance_nm": round(row["distance_nm"], 2),
        }
        events.append(
            Event(
                "identity_laundering",
                row["mmsi_new"],
                row["timestamp"],
                row["timestamp_new"],
                conf,
                tier_for(conf),
                row["lat_new"],
                row["lon_new"],
                evidence,
                other_mmsi=row["mmsi"],
            )
        )
    return events
