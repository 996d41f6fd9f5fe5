"""Tracks and events as GeoJSON (RFC 7946), for any map an analyst already uses.

Tracks are cut into segments where the vessel fell silent for long or jumped further
than a ship can sail (``tracks.segment``): a line drawn across a six-hour gap would show
a route nobody saw. Events are points where they happened; an AIS gap is the straight
line from the last report before the silence to the first after it. Coordinates are
``[lon, lat]`` with 5 decimals (about 1 m), properties are plain JSON: times as ISO
strings, non-finite numbers as null. Lines crossing the antimeridian are not split.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import timedelta
from typing import Any

import polars as pl

from fullcourt.maritime.areas import locate
from fullcourt.maritime.events import Event
from fullcourt.maritime.tracks import prepare, segment

Feature = dict[str, Any]
TRACK_GAP = timedelta(hours=6)  # the gap detector's own threshold: a longer silence breaks
DECIMALS = 5
MEDIA_TYPE = "application/geo+json"


def plain(value: Any) -> Any:
    """``value`` as JSON-safe data: ISO times, no NaN or infinity, lists for tuples."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if value is None or isinstance(value, str | int | bool):
        return value
    return str(value)


def _xy(lat: float, lon: float) -> list[float]:
    return [round(float(lon), DECIMALS), round(float(lat), DECIMALS)]


def _geometry(coords: list[list[float]]) -> dict[str, Any]:
    """A LineString, or a Point when the vessel never moved off one position."""
    distinct = [c for i, c in enumerate(coords) if i == 0 or c != coords[i - 1]]
    if len(distinct) < 2:
        return {"type": "Point", "coordinates": distinct[0]}
    return {"type": "LineString", "coordinates": distinct}


def collection(features: Iterable[Feature]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


def track_features(
    positions: pl.DataFrame, mmsis: Iterable[int] | None = None, *, max_gap: timedelta = TRACK_GAP
) -> list[Feature]:
    """One Feature per (MMSI, segment) of continuous reporting, in time order."""
    track = prepare(positions)
    if mmsis is not None:
        track = track.filter(pl.col("mmsi").is_in(list(mmsis)))
    if track.is_empty():
        return []
    parts = (
        segment(track, max_gap=max_gap)
        .group_by("mmsi", "segment", maintain_order=True)
        .agg(
            pl.col("lat"),
            pl.col("lon"),
            start=pl.col("timestamp").first(),
            end=pl.col("timestamp").last(),
            reports=pl.len(),
            max_sog=pl.col("sog").max(),
        )
    )
    features = []
    for row in parts.iter_rows(named=True):
        coords = [_xy(y, x) for y, x in zip(row["lat"], row["lon"], strict=True)]
        props = {k: row[k] for k in ("mmsi", "segment", "start", "end", "reports", "max_sog")}
        features.append(
            {
                "type": "Feature",
                "geometry": _geometry(coords),
                "properties": plain({"feature": "track", **props}),
            }
        )
    return features


def _event_geometry(event: Event, point: tuple[float, float] | None) -> dict[str, Any] | None:
    if event.kind == "ais_gap":
        before, after = event.evidence.get("before"), event.evidence.get("after")
        if before and after:
            return _geometry([_xy(before["lat"], before["lon"]), _xy(after["lat"], after["lon"])])
    if point is None:
        return None  # RFC 7946 allows an unlocated feature
    return {"type": "Point", "coordinates": _xy(*point)}


def event_feature(
    event: Event, point: tuple[float, float] | None, extra: Mapping[str, Any] | None = None
) -> Feature:
    """One event as a Feature: its fields, evidence and ``extra`` (severity, text) as properties."""
    props = {
        "feature": "event",
        "kind": event.kind,
        "mmsi": event.mmsi,
        "other_mmsi": event.other_mmsi,
        "start": event.start,
        "end": event.end,
        "confidence": event.confidence,
        "tier": event.tier,
        **(extra or {}),
        "located": "event" if event.lat is not None else "vessel" if point else None,
        "evidence": event.evidence,
    }
    return {
        "type": "Feature",
        "geometry": _event_geometry(event, point),
        "properties": plain(props),
    }


def event_features(
    events: Sequence[Event],
    positions: pl.DataFrame | None = None,
    extra: Callable[[Event], Mapping[str, Any]] | None = None,
) -> list[Feature]:
    """Features of ``events``; unlocated ones at their vessel's report nearest their end."""
    points = (
        locate(events, positions)
        if positions is not None
        else [(e.lat, e.lon) if e.lat is not None and e.lon is not None else None for e in events]
    )
    return [
        event_feature(e, p, extra(e) if extra else None)
        for e, p in zip(events, points, strict=True)
    ]


def dumps(data: Mapping[str, Any]) -> str:
    """Strict JSON (no NaN): what RFC 7946 readers accept."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False)
