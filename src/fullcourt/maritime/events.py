"""The one shape every maritime detector reports in.

Gaps, encounters, loitering, port visits and identity anomalies are all "something a
vessel did (or claimed) over a time span, somewhere, this sure". Sharing one small
frozen type lets the lead rank, store and explain them together without knowing which
detector spoke; what is specific to a detector goes into ``evidence``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import polars as pl

from fullcourt.maritime.schema import TIME

# Tiers say how an analyst should treat the event, independently of the number:
# "high" is actionable on its own, "medium" needs a second signal, "low" is context.
TIERS = ("high", "medium", "low")


@dataclass(frozen=True, slots=True)
class Event:
    """One detected behaviour or anomaly of one vessel (and optionally a counterpart)."""

    kind: str
    mmsi: int
    start: datetime | None
    end: datetime | None
    confidence: float
    tier: str
    lat: float | None = None
    lon: float | None = None
    evidence: Mapping[str, Any] = field(default_factory=dict)
    other_mmsi: int | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside 0..1")
        if self.tier not in TIERS:
            raise ValueError(f"tier {self.tier!r} not one of {TIERS}")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError("event ends before it starts")


def tier_for(confidence: float) -> str:
    """The default tier of a confidence, for detectors without a reason to choose."""
    if confidence >= 0.8:
        return "high"
    if confidence >= 0.5:
        return "medium"
    return "low"


EVENT_SCHEMA: dict[str, pl.DataType] = {
    "kind": pl.Utf8(),
    "mmsi": pl.Int64(),
    "start": TIME,
    "end": TIME,
    "confidence": pl.Float64(),
    "tier": pl.Utf8(),
    "lat": pl.Float64(),
    "lon": pl.Float64(),
    "other_mmsi": pl.Int64(),
    "evidence": pl.Utf8(),
}


def events_frame(events: Iterable[Event]) -> pl.DataFrame:
    """Events as a table (evidence as sorted-key JSON) for counting, joining or Parquet."""

    rows = [
        {
            "kind": e.kind,
            "mmsi": e.mmsi,
            "start": e.start,
            "end": e.end,
            "confidence": e.confidence,
            "tier": e.tier,
            "lat": e.lat,
            "lon": e.lon,
            "other_mmsi": e.other_mmsi,
            "evidence": json.dumps(dict(e.evidence), sort_keys=True, default=str),
        }
        for e in events
    ]
    return pl.DataFrame(rows, schema=EVENT_SCHEMA)
