"""Entries into North Korean waters: the 12, 24, 50 and 200 nm zones around the country.

Foreign ships entering North Korean territorial waters are, after a port call, the most
direct AIS sign of sanctions trade; the wider zones show approach and loitering nearby.
Each entry into each zone is one event, so an analyst can filter on the zone that matters
to the case. The zones are approximate (no straight baselines, no NLL), so the tier is
capped by zone: the 200 nm zone holds busy lanes to Vladivostok, and presence there is
context, not a finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import polars as pl

from fullcourt.maritime.events import Event, tier_for
from fullcourt.maritime.geo import contains
from fullcourt.maritime.places import Places, Zone, default_places
from fullcourt.maritime.tracks import prepare, with_steps

TIER_RANK = {"low": 0, "medium": 1, "high": 2}


@dataclass(frozen=True, slots=True)
class ZoneParams:
    zones: tuple[str, ...] | None = None  # zone names to watch; None: every zone shipped
    max_gap: timedelta = timedelta(hours=2)  # a longer silence hides the crossing
    # stays in a zone this close together are one: the zones are cut around land (a river
    # port lies outside them) and their lines are approximate, so brief exits are noise
    merge_within: timedelta = timedelta(hours=1)
    # the highest tier an entry into a zone of at most this many nm may reach
    tier_caps: tuple[tuple[float, str], ...] = ((24.0, "high"), (50.0, "medium"))
    default_cap: str = "low"


def detect_zone_entries(
    positions: pl.DataFrame, places: Places | None = None, params: ZoneParams | None = None
) -> list[Event]:
    """`dprk_waters_entry` events, one per stay in each watched zone, by vessel and time."""
    places = default_places() if places is None else places
    params = params or ZoneParams()
    track = with_steps(prepare(positions)).with_columns(
        next_timestamp=pl.col("timestamp").shift(-1).over("mmsi")
    )
    events: list[Event] = []
    for zone in places.zones:
        if params.zones is None or zone.name in params.zones:
            events += _entries(track, zone, params)
    return sorted(events, key=lambda e: (e.mmsi, e.start or e.end, e.evidence["distance_nm"]))


def _entries(track: pl.DataFrame, zone: Zone, params: ZoneParams) -> list[Event]:
    inside = contains(zone.area, track["lat"], track["lon"])
    if not inside.any():
        return []
    flagged = track.with_columns(inside=inside)
    new_run = (pl.col("inside") != pl.col("inside").shift(1).over("mmsi")).fill_null(True)
    stays = (
        flagged.with_columns(run=new_run.cast(pl.Int64).cum_sum())
        .filter(pl.col("inside"))
        .group_by("run")
        .agg(
            mmsi=pl.col("mmsi").first(),
            first=pl.struct("timestamp", "lat", "lon", "sog").first(),
            last=pl.struct("timestamp", "lat", "lon", "sog").last(),
            before=pl.struct(
                timestamp="prev_timestamp", lat="prev_lat", lon="prev_lon", sog="prev_sog"
            ).first(),
            entry_gap_s=pl.col("dt_s").first(),
            exit_t=pl.col("next_timestamp").last(),
            reports=pl.len(),
        )
        .sort("mmsi", "run")
    )
    return [_event(row, zone, params) for row in _merged(stays, params).iter_rows(named=True)]


def _merged(stays: pl.DataFrame, params: ZoneParams) -> pl.DataFrame:
    """Consecutive stays of a vessel less than `merge_within` apart, as one."""
    pause = pl.col("first").struct.field("timestamp") - pl.col("last").struct.field(
        "timestamp"
    ).shift(1).over("mmsi")
    new = (pause >= params.merge_within).fill_null(True)
    return (
        stays.with_columns(stay=new.cast(pl.Int64).cum_sum())
        .group_by("stay")
        .agg(
            pl.col("mmsi", "first", "before", "entry_gap_s").first(),
            pl.col("last", "exit_t").last(),
            pl.col("reports").sum(),
            exits=pl.len() - 1,
        )
        .sort("mmsi", "stay")
    )


def _cap(zone: Zone, params: ZoneParams) -> str:
    for limit, tier in params.tier_caps:
        if zone.distance_nm <= limit:
            return tier
    return params.default_cap


def _point(point: dict[str, Any]) -> dict[str, Any] | None:
    if point["timestamp"] is None:
        return None
    return {**point, "timestamp": point["timestamp"].isoformat()}


def _event(row: dict[str, Any], zone: Zone, params: ZoneParams) -> Event:
    gap = row["entry_gap_s"]
    entry_seen = gap is not None and gap <= params.max_gap.total_seconds()
    if entry_seen:
        confidence = 0.9
    elif gap is not None:
        confidence = 0.7  # crossed the line with AIS silent: entered, but not seen to
    else:
        confidence = 0.6  # the track starts inside: present, entry not in the data
    if row["reports"] == 1:
        confidence *= 0.6  # one report inside can be a position glitch
    tier = min(tier_for(confidence), _cap(zone, params), key=TIER_RANK.__getitem__)
    first, last = row["first"], row["last"]
    exit_t = row["exit_t"]
    evidence = {
        "zone": zone.name,
        "distance_nm": zone.distance_nm,
        "entry_seen": entry_seen,
        "entered_silent": gap is not None and not entry_seen,
        "exit_seen": exit_t is not None and (exit_t - last["timestamp"]) <= params.max_gap,
        "reports_inside": row["reports"],
        "brief_exits_merged": row["exits"],
        "duration_h": round((last["timestamp"] - first["timestamp"]).total_seconds() / 3600, 2),
        "before": _point(row["before"]),
        "first_inside": _point(first),
        "last_inside": _point(last),
    }
    return Event(
        kind="dprk_waters_entry",
        mmsi=row["mmsi"],
        start=first["timestamp"],
        end=last["timestamp"],
        confidence=round(confidence, 3),
        tier=tier,
        lat=first["lat"],
        lon=first["lon"],
        evidence=evidence,
    )
