"""New identities near a listed ship gone dark, on the real MarineCadastre sample.

The expected candidates are recomputed here from the raw CSV rows with the csv module
and a plain haversine, independently of the Polars code under test.
"""

from __future__ import annotations

import csv
import gzip
import math
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest

from fullcourt.maritime.identity import VesselMatch
from fullcourt.maritime.ingest import read_ais
from fullcourt.maritime.laundering import (
    LaunderingParams,
    dark_starts,
    first_appearances,
    laundering_candidates,
    listed_mmsis,
)

MARINECADASTRE = "ais/marinecadastre/AIS_2022_01_03_first99999.csv.gz"
# IMAGINE at 33.97707,-118.45096 (Marina del Rey): silent from 00:02:26 to 14:21:26,
# then not heard again before the file ends at 23:59:59 (grep ^367644720,)
WATCHED = 367644720


def _nm(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6_371_008.8 * math.asin(math.sqrt(a)) / 1852


@pytest.fixture(scope="module")
def positions(shared: Path) -> pl.DataFrame:
    return read_ais([shared / MARINECADASTRE])[0]


def _expected(path: Path) -> set[int]:
    """MMSIs first heard after a 6 h silence of WATCHED began, within 48 h and 100 nm."""
    first: dict[int, tuple[datetime, float, float]] = {}
    watched = []
    with gzip.open(path, "rt") as handle:
        for row in csv.DictReader(handle):
            when = datetime.fromisoformat(row["BaseDateTime"]).replace(tzinfo=UTC)
            fix = (when, float(row["LAT"]), float(row["LON"]))
            mmsi = int(row["MMSI"])
            first[mmsi] = min(first.get(mmsi, fix), fix)
            if mmsi == WATCHED:
                watched.append(fix)
    start = min(f[0] for f in first.values())
    end = max(f[0] for f in first.values())
    watched.sort()
    nexts = [f[0] for f in watched[1:]] + [end]
    darks = [f for f, n in zip(watched, nexts, strict=True) if n - f[0] >= timedelta(hours=6)]
    return {
        mmsi
        for mmsi, (when, lat, lon) in first.items()
        for dark in darks
        if mmsi != WATCHED
        and when - start >= timedelta(hours=6)
        and timedelta(0) < when - dark[0] <= timedelta(hours=48)
        and _nm(dark[1], dark[2], lat, lon) <= 100
    }


def test_candidates_match_an_independent_count(shared: Path, positions: pl.DataFrame) -> None:
    events = laundering_candidates(positions, {WATCHED: "listed-1"})
    expected = _expected(shared / MARINECADASTRE)
    assert len(expected) == 12
    assert {e.mmsi for e in events} == expected
    assert {e.other_mmsi for e in events} == {WATCHED}
    assert all(e.tier == "low" and 0.15 <= e.confidence <= 0.35 for e in events)
    assert all(e.evidence["listed_id"] == "listed-1" for e in events)


def test_radius_and_window_are_parameters(positions: pl.DataFrame) -> None:
    tight = LaunderingParams(radius_nm=0.2, within=timedelta(hours=48))
    near = laundering_candidates(positions, {WATCHED: "x"}, tight)
    assert 0 < len(near) < 12
    assert all(e.evidence["distance_nm"] <= 0.2 for e in near)
    assert (
        laundering_candidates(
            positions, {WATCHED: "x"}, LaunderingParams(within=timedelta(hours=1))
        )
        == []
    )


def test_dark_and_first(positions: pl.DataFrame) -> None:
    dark = dark_starts(positions, {WATCHED: "x"}, timedelta(hours=6))
    assert dark["timestamp"].to_list() == [
        datetime(2022, 1, 3, 0, 2, 26, tzinfo=UTC),  # a 14-hour silence begins
        datetime(2022, 1, 3, 14, 21, 26, tzinfo=UTC),  # last report, 9.6 h before the end
    ]
    # 15 MMSIs are first heard 6 hours or more after the file's first report
    assert first_appearances(positions, timedelta(hours=6)).height == 15


def test_listed_mmsis() -> None:
    matches = [
        VesselMatch("a", 1, "imo", 0.95),
        VesselMatch("b", 2, "name", 0.2),
    ]
    assert listed_mmsis(matches) == {1: "a"}


def test_empty_positions(positions: pl.DataFrame) -> None:
    assert laundering_candidates(positions.clear(), {WATCHED: "x"}) == []
