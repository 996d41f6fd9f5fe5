"""AIS gaps: long silences in a vessel's reporting, tiered by how telling they are.

A silence can be a coverage hole or a transponder switched off. Global Fishing Watch's
published rule counts it as likely intentional when it lasts 12 hours or more and starts
at least 50 nm from shore (where satellite reception is good). Around North Korea most of
the water that matters is closer inshore than that, so gaps that start or end in North
Korean waters or in a reported transfer area get their own tier: suspicious in context,
but with less certainty that the silence was chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import polars as pl

from fullcourt.maritime.events import Event
from fullcourt.maritime.places import Places, contexts, default_places
from fullcourt.maritime.tracks import prepare, with_steps


@dataclass(frozen=True, slots=True)
class GapParams:
    """Thresholds; the defaults follow the published rule where there is one."""

    min_gap: timedelta = timedelta(hours=6)  # shorter silences are not recorded
    intentional_gap: timedelta = timedelta(hours=12)  # published rule: 12 h or more ...
    offshore_nm: float = 50.0  # ... starting at least this far from shore
    # Zones (by distance_nm) that count as North Korean waters for the theatre tier.
    theatre_zone_max_nm: float = 200.0
    # A gap that would need this speed to bridge is two transmitters, not one silence.
    max_bridge_kn: float = 30.0


def detect_gaps(
    positions: pl.DataFrame, places: Places | None = None, params: GapParams | None = None
) -> list[Event]:
    """One `ais_gap` event per silence of at least `min_gap` between two reports."""
    places = default_places() if places is None else places
    params = params or GapParams()
    gaps = with_steps(prepare(positions)).filter(pl.col("dt_s") >= params.min_gap.total_seconds())
    starts = contexts(places, gaps["prev_lat"].to_list(), gaps["prev_lon"].to_list())
    ends = contexts(places, gaps["lat"].to_list(), gaps["lon"].to_list())
    return [
        _event(row, before, after, places, params)
        for row, before, after in zip(gaps.iter_rows(named=True), starts, ends, strict=True)
    ]


def _point(time: Any, lat: float, lon: float, sog: float | None) -> dict[str, Any]:
    return {"timestamp": time.isoformat(), "lat": round(lat, 5), "lon": round(lon, 5), "sog": sog}


def _ramp(hours: float, low: float, high: float, full: float) -> float:
    """From `low` at the threshold up to `high` once the gap reaches `full` hours."""
    return low + (high - low) * min(1.0, max(0.0, hours / full))


def _event(
    row: dict[str, Any],
    before: dict[str, Any],
    after: dict[str, Any],
    places: Places,
    params: GapParams,
) -> Event:
    hours = row["dt_s"] / 3600.0
    in_theatre = any(
        z.distance_nm <= params.theatre_zone_max_nm
        for z in places.zones
        if z.name in before["zones"] or z.name in after["zones"]
    ) or bool(before["hotspots"] or after["hotspots"])
    shore = before["shore_nm"]
    offshore = shore is not None and shore >= params.offshore_nm  # no shore known: no claim
    long_enough = row["dt_s"] >= params.intentional_gap.total_seconds()
    bridge_kn = row["implied_kn"]
    extra = hours - params.min_gap.total_seconds() / 3600.0
    if bridge_kn is not None and bridge_kn > params.max_bridge_kn:
        rule, tier, confidence = "implausible_jump", "low", 0.1
    elif long_enough and offshore:
        rule, tier = "published_12h_50nm", "high"
        confidence = _ramp(hours - params.intentional_gap.total_seconds() / 3600, 0.8, 0.95, 36)
    elif in_theatre:
        rule, tier, confidence = "dprk_theatre", "medium", _ramp(extra, 0.5, 0.7, 24)
    else:
        rule, tier, confidence = "recorded", "low", _ramp(extra, 0.2, 0.4, 24)
    evidence = {
        "rule": rule,
        "duration_h": round(hours, 2),
        "distance_nm": round(row["step_m"] / 1852.0, 2),
        "implied_speed_kn": round(bridge_kn, 2) if bridge_kn is not None else None,
        "before": _point(row["prev_timestamp"], row["prev_lat"], row["prev_lon"], row["prev_sog"]),
        "after": _point(row["timestamp"], row["lat"], row["lon"], row["sog"]),
        "start_place": before,
        "end_place": after,
        "shore_method": "nearest shipped port, tightened by DPRK zones",
    }
    return Event(
        kind="ais_gap",
        mmsi=row["mmsi"],
        start=row["prev_timestamp"],
        end=row["timestamp"],
        confidence=round(confidence, 3),
        tier=tier,
        lat=row["prev_lat"],
        lon=row["prev_lon"],
        evidence=evidence,
    )
