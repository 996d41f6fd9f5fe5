"""One MMSI in two places: real shared placeholders against real GPS noise.

Jump counts were computed independently with a haversine over the raw JSON lines
(distinct fixes, time-sorted): 416000000 has 136 consecutive pairs above 50 knots, as
the data README says; 431704490's jumps are sign flips and polar points of one ship.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from fullcourt.maritime.events import Event
from fullcourt.maritime.ingest import read_ais
from fullcourt.maritime.mmsi_sharing import (
    SharingParams,
    implied_speeds,
    shared_mmsi,
    speed_jumps,
)

TRACKS = "ais/gfw_gpsdio_segment"


def _positions(shared: Path, name: str) -> pl.DataFrame:
    return read_ais([shared / TRACKS / name])[0]


@pytest.mark.parametrize(
    ("name", "shared_conf"),
    [
        ("416000000.jsonl", 0.9),  # fishing boats in several Taiwanese ports
        ("point_pair/240000000.jsonl.gz", 0.9),  # Colombia and India at once
        ("338013000.jsonl", None),  # clean, with a few 7-27 nm timing spikes
        ("point_pair/431704490.jsonl.gz", None),  # latitude/longitude bit noise
        ("point_pair/224051350.jsonl.gz", None),
        ("263576000.jsonl", None),
    ],
)
def test_shared_mmsi(shared: Path, name: str, shared_conf: float | None) -> None:
    events = shared_mmsi(_positions(shared, name))
    assert [e.confidence for e in events] == ([shared_conf] if shared_conf else [])


def test_416000000_segments(shared: Path) -> None:
    (event,) = shared_mmsi(_positions(shared, "416000000.jsonl"))
    segments = event.evidence["segments"]
    assert len(segments) >= 3
    assert all(s["share"] >= 0.02 for s in segments)
    assert event.evidence["concurrent_speed_kn"] > 50
    assert event.tier == "high"


def test_speed_jumps_416000000(shared: Path) -> None:
    positions = _positions(shared, "416000000.jsonl")
    pairs = implied_speeds(positions)
    # over 50 knots and at least 1 nm apart (shorter hops are position noise)
    assert pairs.filter(pl.col("speed_kn") > 50, pl.col("distance_nm") >= 1).height == 136
    (event,) = speed_jumps(positions)
    assert event.evidence["over_upper"] == 136
    assert event.tier == "medium"  # repeated jumps; the high tier is mmsi_shared's


def test_one_glitch_is_low(shared: Path) -> None:
    # 600011817: one 11.6 nm jump in 161 pairs
    (event,) = speed_jumps(_positions(shared, "point_pair/600011817.jsonl.gz"))
    assert (event.evidence["jumps"], event.tier) == (1, "low")


def test_clean_track_has_no_jump(shared: Path) -> None:
    assert speed_jumps(_positions(shared, "point_pair/538004505.jsonl.gz")) == []


def test_thresholds_are_parameters(shared: Path) -> None:
    positions = _positions(shared, "point_pair/600011817.jsonl.gz")
    strict = SharingParams(min_jump_nm=20.0)
    assert speed_jumps(positions, strict) == []


def test_marinecadastre_pair(shared: Path) -> None:
    positions = read_ais([shared / "ais/marinecadastre/AIS_2022_01_03_first99999.csv.gz"])[0]
    events: list[Event] = shared_mmsi(positions.filter(pl.col("mmsi") == 211002010))
    # 211002010 reports alternately from Santa Barbara (34.40715, -119.69165) and
    # Pensacola (30.2839, -87.5364) within 18 minutes (grep ^211002010,)
    (event,) = events
    assert event.tier == "high"
    assert {s["points"] for s in event.evidence["segments"]} == {2, 7}
