"""Encounters: two vessels side by side, slow, away from port, long enough to transfer cargo.

Ship-to-ship transfers are how sanctioned oil and coal change hands at sea. The published
definition (Global Fishing Watch): within 500 m of each other for at least 2 hours, both
under 2 knots, at least 10 km from any port; meetings less than 4 hours apart are one.
Raw AIS reports never line up in time, so both tracks are resampled to 10-minute instants
first. Comparing every pair of ships would be quadratic; ships are bucketed per instant in
grid cells at least 500 m wide, and only ships in neighbouring cells are compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import polars as pl

from fullcourt.maritime.events import Event, tier_for
from fullcourt.maritime.geo import haversine_expr, near_pairs
from fullcourt.maritime.places import Places, contexts, default_places, port_distance_m
from fullcourt.maritime.tracks import resample


@dataclass(frozen=True, slots=True)
class EncounterParams:
    """The published thresholds, and how tracks are resampled to compare them."""

    max_distance_m: float = 500.0
    min_duration: timedelta = timedelta(hours=2)
    max_speed_kn: float = 2.0
    min_port_distance_m: float = 10_000.0
    merge_gap: timedelta = timedelta(hours=4)  # meetings closer than this are one
    slot: timedelta = timedelta(minutes=10)
    max_interpolation: timedelta = timedelta(hours=1)  # never interpolate longer silences


def detect_encounters(
    positions: pl.DataFrame, places: Places | None = None, params: EncounterParams | None = None
) -> list[Event]:
    """One `encounter` event per meeting, on the lower MMSI with the other as `other_mmsi`."""
    places = default_places() if places is None else places
    params = params or EncounterParams()
    meetings = _merged(_runs(close_pairs(positions, places, params), params), params)
    if meetings.is_empty():
        return []
    where = contexts(places, meetings["lat"].to_list(), meetings["lon"].to_list())
    return [
        _event(row, ctx) for row, ctx in zip(meetings.iter_rows(named=True), where, strict=True)
    ]


def close_pairs(positions: pl.DataFrame, places: Places, params: EncounterParams) -> pl.DataFrame:
    """Pairs of slow vessels within `max_distance_m` of each other at the same instant.

    One row per (instant, vessel a < vessel b): positions of both, distance, whether both
    positions came from a real report near the instant.
    """
    slow = resample(positions, every=params.slot, max_gap=params.max_interpolation).filter(
        pl.col("sog") < params.max_speed_kn
    )
    if places.ports and slow.height:
        cap = params.min_port_distance_m
        near_port = port_distance_m(places, slow["lat"], slow["lon"], max_m=cap).is_not_null()
        slow = slow.filter(~near_port)
    slow = slow.select("timestamp", "mmsi", "lat", "lon", "observed")
    pairs = near_pairs(slow, slow, params.max_distance_m, on=["timestamp"]).filter(
        pl.col("mmsi") < pl.col("mmsi_p")
    )
    metres = haversine_expr(pl.col("lat"), pl.col("lon"), pl.col("lat_p"), pl.col("lon_p"))
    return (
        pairs.with_columns(distance_m=metres)
        .filter(pl.col("distance_m") <= params.max_distance_m)
        .select(
            "timestamp",
            a="mmsi",
            b="mmsi_p",
            lat_a="lat",
            lon_a="lon",
            lat_b="lat_p",
            lon_b="lon_p",
            distance_m="distance_m",
            observed=pl.col("observed") & pl.col("observed_p"),
        )
        .sort("a", "b", "timestamp")
    )


def _runs(pairs: pl.DataFrame, params: EncounterParams) -> pl.DataFrame:
    """Unbroken runs of consecutive instants for each pair, kept when long enough."""
    step = pl.col("timestamp").diff().over("a", "b")
    broken = (step != params.slot).fill_null(True)
    return (
        pairs.with_columns(run=broken.cast(pl.Int64).cum_sum())
        .group_by("a", "b", "run")
        .agg(
            start=pl.col("timestamp").min(),
            end=pl.col("timestamp").max(),
            slots=pl.len(),
            observed=pl.col("observed").sum(),
            min_distance_m=pl.col("distance_m").min(),
            median_distance_m=pl.col("distance_m").median(),
            lat=((pl.col("lat_a") + pl.col("lat_b")) / 2).mean(),
            lon=((pl.col("lon_a") + pl.col("lon_b")) / 2).mean(),
            first=pl.struct("lat_a", "lon_a", "lat_b", "lon_b").first(),
            last=pl.struct("lat_a", "lon_a", "lat_b", "lon_b").last(),
        )
        .filter(pl.col("end") - pl.col("start") >= params.min_duration)
    )


def _merged(runs: pl.DataFrame, params: EncounterParams) -> pl.DataFrame:
    """Runs of the same pair less than `merge_gap` apart, as one meeting."""
    ordered = runs.sort("a", "b", "start")
    pause = pl.col("start") - pl.col("end").shift(1).over("a", "b")
    new = (pause >= params.merge_gap).fill_null(True)
    weight = pl.col("slots")
    return (
        ordered.with_columns(meeting=new.cast(pl.Int64).cum_sum())
        .group_by("a", "b", "meeting")
        .agg(
            start=pl.col("start").min(),
            end=pl.col("end").max(),
            runs=pl.len(),
            slots=weight.sum(),
            observed=pl.col("observed").sum(),
            min_distance_m=pl.col("min_distance_m").min(),
            median_distance_m=pl.col("median_distance_m").median(),
            lat=(pl.col("lat") * weight).sum() / weight.sum(),
            lon=(pl.col("lon") * weight).sum() / weight.sum(),
            first=pl.col("first").first(),
            last=pl.col("last").last(),
        )
        .sort("start", "a", "b")
    )


def _event(row: dict[str, Any], where: dict[str, Any]) -> Event:
    observed = row["observed"] / row["slots"]
    # Interpolated instants are guesses: the share actually seen sets the confidence.
    confidence = round(0.6 + 0.3 * observed, 3)
    evidence = {
        "duration_h": round((row["end"] - row["start"]).total_seconds() / 3600.0, 2),
        "slots": row["slots"],
        "observed_share": round(observed, 3),
        "min_distance_m": round(row["min_distance_m"], 1),
        "median_distance_m": round(row["median_distance_m"], 1),
        "meetings_merged": row["runs"],
        "start_positions": {k: round(v, 5) for k, v in row["first"].items()},
        "end_positions": {k: round(v, 5) for k, v in row["last"].items()},
        "place": where,
    }
    return Event(
        kind="encounter",
        mmsi=row["a"],
        other_mmsi=row["b"],
        start=row["start"],
        end=row["end"],
        confidence=confidence,
        tier=tier_for(confidence),
        lat=row["lat"],
        lon=row["lon"],
        evidence=evidence,
    )
