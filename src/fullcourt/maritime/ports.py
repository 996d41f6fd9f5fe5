"""Port visits: when a vessel was in which port, and how sure the track makes us of it.

A call at Nampo is itself the sanctions finding, and ships making one rarely announce it:
they switch AIS off on the way in and out, so the track shows them only inside the port,
or not at all. Each visit therefore carries a confidence level from 4 to 1 saying which
parts of it were seen:

4. entry, a stop and exit seen;
3. entry and exit seen, no stop;
2. only positions inside (the track starts or ends there, or one side is missing);
1. arrival and departure both hidden by AIS silences (positions only inside the port,
   bracketed by gaps), or no position inside at all but a silence that starts and ends
   next to the same port (`gap_only`).

Entry and exit use two radii (in at 3 km, out beyond 4 km; 8/10 km for river ports whose
point lies far from the quays) so a ship at anchor on the edge does not flicker in and out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import polars as pl

from fullcourt.maritime.events import Event
from fullcourt.maritime.geo import nearest
from fullcourt.maritime.places import Places, Port, default_places
from fullcourt.maritime.tracks import prepare, with_steps

LEVEL_CONFIDENCE = {4: 0.95, 3: 0.85, 2: 0.6, 1: 0.35}
LEVEL_TIER = {4: "high", 3: "high", 2: "medium", 1: "low"}


@dataclass(frozen=True, slots=True)
class PortVisitParams:
    entry_km: float = 3.0
    exit_km: float = 4.0
    river_entry_km: float = 8.0
    river_exit_km: float = 10.0
    stop_speed_kn: float = 0.5
    min_stop: timedelta = timedelta(minutes=30)
    max_gap: timedelta = timedelta(hours=2)  # a longer silence hides the entry or exit
    gap_only_km: float = 20.0  # both ends of a silence this close to one port ...
    gap_only_min: timedelta = timedelta(hours=6)  # ... and this long: a hidden visit


def detect_port_visits(
    positions: pl.DataFrame, places: Places | None = None, params: PortVisitParams | None = None
) -> list[Event]:
    """`port_visit` events, in vessel and time order (see the module docstring)."""
    places = default_places() if places is None else places
    params = params or PortVisitParams()
    if not places.ports:
        return []
    track = _states(with_steps(prepare(positions)), places.ports, params)
    visits = _visits(track, params)
    events = [
        _event(row, places.ports[row["port"]], params) for row in visits.iter_rows(named=True)
    ]
    events += _gap_only(track, places.ports, params)
    return sorted(events, key=lambda e: (e.mmsi, e.start or e.end))


def _states(track: pl.DataFrame, ports: tuple[Port, ...], params: PortVisitParams) -> pl.DataFrame:
    """Each report's nearest port and state: the port's index when in it, else -1.

    Between the entry and exit radii a report keeps the state of the one before it.
    """
    reach = max(params.exit_km, params.river_exit_km, params.gap_only_km) * 1000.0
    found = nearest(track["lat"], track["lon"], [(p.lat, p.lon) for p in ports], max_m=reach)
    radii = pl.DataFrame(
        {
            "port_id": range(len(ports)),
            "entry_m": [
                (params.river_entry_km if p.river else params.entry_km) * 1e3 for p in ports
            ],
            "exit_m": [(params.river_exit_km if p.river else params.exit_km) * 1e3 for p in ports],
        },
        schema={"port_id": pl.UInt32(), "entry_m": pl.Float64(), "exit_m": pl.Float64()},
    )
    raw = (
        pl.when(pl.col("port_m") <= pl.col("entry_m"))
        .then(pl.col("port_id").cast(pl.Int64))
        .when(pl.col("port_m").is_null() | (pl.col("port_m") > pl.col("exit_m")))
        .then(-1)
    )
    after = {f"next_{c}": pl.col(c).shift(-1).over("mmsi") for c in ("timestamp", "lat", "lon")}
    return (
        track.with_columns(port_id=found["nearest"], port_m=found["dist_m"])
        .join(radii, on="port_id", how="left", maintain_order="left")
        .with_columns(state=raw)
        .with_columns(state=pl.col("state").forward_fill().over("mmsi").fill_null(-1), **after)
    )


def _visits(track: pl.DataFrame, params: PortVisitParams) -> pl.DataFrame:
    """One row per unbroken run of reports in the same port."""
    new_run = (pl.col("state") != pl.col("state").shift(1).over("mmsi")).fill_null(True)
    gap_s = params.max_gap.total_seconds()
    slow = (pl.coalesce("sog", "implied_kn") <= params.stop_speed_kn).fill_null(False)
    slow_t = pl.col("timestamp").filter(slow)
    inner = pl.col("dt_s").slice(1)  # silences inside the visit, not the one before it
    return (
        track.with_columns(visit=new_run.cast(pl.Int64).cum_sum())
        .filter(pl.col("state") >= 0)
        .group_by("mmsi", "visit")
        .agg(
            port=pl.col("state").first(),
            first=pl.col("timestamp").first(),
            last=pl.col("timestamp").last(),
            reports=pl.len(),
            prev_t=pl.col("prev_timestamp").first(),
            prev_lat=pl.col("prev_lat").first(),
            prev_lon=pl.col("prev_lon").first(),
            entry_gap_s=pl.col("dt_s").first(),
            next_t=pl.col("next_timestamp").last(),
            next_lat=pl.col("next_lat").last(),
            next_lon=pl.col("next_lon").last(),
            stopped_s=(slow_t.max() - slow_t.min()).dt.total_seconds(),
            in_port_gaps=(inner > gap_s).sum(),
            longest_in_port_gap_s=inner.max(),
        )
        .with_columns(exit_gap_s=(pl.col("next_t") - pl.col("last")).dt.total_seconds())
        .sort("mmsi", "first")
    )


def _level(row: dict[str, Any], params: PortVisitParams) -> tuple[int, bool, bool]:
    gap_s = params.max_gap.total_seconds()
    entry, exit_ = row["entry_gap_s"], row["exit_gap_s"]
    entry_seen = entry is not None and entry <= gap_s
    exit_seen = exit_ is not None and exit_ <= gap_s
    hidden = (entry is not None and entry > gap_s) or (exit_ is not None and exit_ > gap_s)
    if entry_seen and exit_seen:
        stopped = (row["stopped_s"] or 0) >= params.min_stop.total_seconds()
        return (4 if stopped else 3), True, True
    if not entry_seen and not exit_seen and hidden:
        return 1, False, False
    return 2, entry_seen, exit_seen


def _side(time: Any, lat: float | None, lon: float | None) -> dict[str, Any] | None:
    if time is None or lat is None or lon is None:
        return None
    return {"timestamp": time.isoformat(), "lat": round(lat, 5), "lon": round(lon, 5)}


def _port_evidence(port: Port) -> dict[str, Any]:
    return {"port": port.name, "country": port.country, "locode": port.locode, "river": port.river}


def _event(row: dict[str, Any], port: Port, params: PortVisitParams) -> Event:
    level, entry_seen, exit_seen = _level(row, params)
    longest = row["longest_in_port_gap_s"]
    evidence = {
        **_port_evidence(port),
        "level": level,
        "entry_seen": entry_seen,
        "exit_seen": exit_seen,
        "stop_seen": level == 4,
        "stopped_h": round((row["stopped_s"] or 0) / 3600.0, 2),
        "reports_inside": row["reports"],
        "in_port_gaps": row["in_port_gaps"],
        "longest_in_port_gap_h": round(longest / 3600.0, 2) if longest is not None else None,
        "before": _side(row["prev_t"], row["prev_lat"], row["prev_lon"]),
        "after": _side(row["next_t"], row["next_lat"], row["next_lon"]),
        "silence_before_h": _hours(row["entry_gap_s"]),
        "silence_after_h": _hours(row["exit_gap_s"]),
    }
    return _visit_event(row["mmsi"], row["first"], row["last"], port, level, evidence)


def _hours(seconds: float | None) -> float | None:
    return round(seconds / 3600.0, 2) if seconds is not None else None


def _visit_event(
    mmsi: int, start: Any, end: Any, port: Port, level: int, evidence: dict[str, Any]
) -> Event:
    return Event(
        kind="port_visit",
        mmsi=mmsi,
        start=start,
        end=end,
        confidence=LEVEL_CONFIDENCE[level],
        tier=LEVEL_TIER[level],
        lat=port.lat,
        lon=port.lon,
        evidence=evidence,
    )


def _gap_only(track: pl.DataFrame, ports: tuple[Port, ...], params: PortVisitParams) -> list[Event]:
    """Silences that start and end next to the same port, with no report inside it."""
    reach = params.gap_only_km * 1e3
    prev = {c: pl.col(c).shift(1).over("mmsi") for c in ("port_id", "port_m", "state")}
    hidden = track.with_columns(**{f"prev_{k}": v for k, v in prev.items()}).filter(
        (pl.col("dt_s") >= params.gap_only_min.total_seconds())
        & (pl.col("state") == -1)
        & (pl.col("prev_state") == -1)
        & (pl.col("port_id") == pl.col("prev_port_id"))
        & (pl.col("port_m") <= reach)
        & (pl.col("prev_port_m") <= reach)
    )
    events = []
    for row in hidden.iter_rows(named=True):
        port = ports[row["port_id"]]
        evidence = {
            **_port_evidence(port),
            "level": 1,
            "gap_only": True,
            "reports_inside": 0,
            "silence_h": _hours(row["dt_s"]),
            "before": _side(row["prev_timestamp"], row["prev_lat"], row["prev_lon"]),
            "after": _side(row["timestamp"], row["lat"], row["lon"]),
            "before_port_km": round(row["prev_port_m"] / 1e3, 2),
            "after_port_km": round(row["port_m"] / 1e3, 2),
        }
        events.append(
            _visit_event(row["mmsi"], row["prev_timestamp"], row["timestamp"], port, 1, evidence)
        )
    return events
