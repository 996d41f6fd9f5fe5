"""Loitering: a vessel idling at sea for hours, waiting for a partner or an instruction.

A transfer needs two ships, but often only one of them is seen: the other has its AIS
off. A ship idling offshore (under 2 knots for 4 hours or more, at least 20 nm from any
port) is the half of an encounter that remains visible. Near North Korea, idling closer
in is still worth a look, with less confidence, inside the 50 nm approaches or a reported
transfer area; elsewhere near ports it is ordinary anchoring and is not reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import polars as pl

from fullcourt.maritime.events import Event
from fullcourt.maritime.geo import haversine_expr
from fullcourt.maritime.places import Places, contexts, default_places
from fullcourt.maritime.tracks import prepare, with_steps


@dataclass(frozen=True, slots=True)
class LoiterParams:
    max_speed_kn: float = 2.0
    min_duration: timedelta = timedelta(hours=4)
    offshore_nm: float = 20.0  # published rule: at least this far from ports
    max_gap: timedelta = timedelta(hours=2)  # a longer silence ends the idling stretch
    theatre_zone_max_nm: float = 50.0  # DPRK zones close enough in for the lower tier
    # ... but not in port: a ship idling there is a port visit, reported by `ports`
    theatre_min_port_nm: float = 5.4  # 10 km, as encounters keep away from ports


def detect_loitering(
    positions: pl.DataFrame, places: Places | None = None, params: LoiterParams | None = None
) -> list[Event]:
    """One `loitering` event per idle stretch that qualifies (see module docstring)."""
    places = default_places() if places is None else places
    params = params or LoiterParams()
    stretches = idle_stretches(positions, params)
    if stretches.is_empty():
        return []
    where = contexts(places, stretches["lat"].to_list(), stretches["lon"].to_list())
    events = (
        _event(row, ctx, places, params)
        for row, ctx in zip(stretches.iter_rows(named=True), where, strict=True)
    )
    return [e for e in events if e is not None]


def idle_stretches(positions: pl.DataFrame, params: LoiterParams) -> pl.DataFrame:
    """Runs of consecutive slow reports, without a long silence, lasting `min_duration`."""
    track = with_steps(prepare(positions))
    speed = pl.coalesce("sog", "implied_kn")
    slow = (speed < params.max_speed_kn).fill_null(False)
    # a stretch breaks where speed status changes or the vessel falls silent too long
    breaks = (slow != slow.shift(1).over("mmsi")) | (
        pl.col("dt_s") > params.max_gap.total_seconds()
    )
    runs = (
        track.with_columns(slow=slow, run=breaks.fill_null(True).cast(pl.Int64).cum_sum())
        .filter(pl.col("slow"))
        .with_columns(clat=pl.col("lat").mean().over("run"), clon=pl.col("lon").mean().over("run"))
    )
    drift = haversine_expr(pl.col("clat"), pl.col("clon"), pl.col("lat"), pl.col("lon"))
    return (
        runs.group_by("mmsi", "run")
        .agg(
            start=pl.col("timestamp").min(),
            end=pl.col("timestamp").max(),
            reports=pl.len(),
            lat=pl.col("clat").first(),
            lon=pl.col("clon").first(),
            mean_speed_kn=speed.mean(),
            max_drift_m=drift.max(),
            first=pl.struct("timestamp", "lat", "lon").first(),
            last=pl.struct("timestamp", "lat", "lon").last(),
        )
        .filter(pl.col("end") - pl.col("start") >= params.min_duration)
        .sort("mmsi", "start")
    )


def _event(
    row: dict[str, Any], where: dict[str, Any], places: Places, params: LoiterParams
) -> Event | None:
    hours = (row["end"] - row["start"]).total_seconds() / 3600.0
    port_nm = where["port_distance_nm"]
    nk_near = any(
        z.distance_nm <= params.theatre_zone_max_nm
        for z in places.zones
        if z.name in where["zones"]
    )
    if port_nm is not None and port_nm >= params.offshore_nm:
        rule, tier = "published_20nm", "high"
        confidence = 0.8 + 0.15 * min(1.0, (hours - 4.0) / 20.0)
    elif (nk_near or where["hotspots"]) and (
        port_nm is None or port_nm >= params.theatre_min_port_nm
    ):
        rule, tier, confidence = "dprk_theatre", "medium", 0.55
    else:
        return None  # idling near a port outside the theatre: ordinary anchoring
    evidence = {
        "rule": rule,
        "duration_h": round(hours, 2),
        "reports": row["reports"],
        "mean_speed_kn": round(row["mean_speed_kn"], 2)
        if row["mean_speed_kn"] is not None
        else None,
        "max_drift_m": round(row["max_drift_m"], 1),
        "first": {**row["first"], "timestamp": row["first"]["timestamp"].isoformat()},
        "last": {**row["last"], "timestamp": row["last"]["timestamp"].isoformat()},
        "place": where,
    }
    return Event(
        kind="loitering",
        mmsi=row["mmsi"],
        start=row["start"],
        end=row["end"],
        confidence=round(confidence, 3),
        tier=tier,
        lat=row["lat"],
        lon=row["lon"],
        evidence=evidence,
    )
