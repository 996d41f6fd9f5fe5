"""GeoJSON of tracks and events: RFC 7946 structure, segments, placement of unlocated events."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from fullcourt.maritime.events import Event
from fullcourt.maritime.gaps import detect_gaps
from fullcourt.maritime.geojson import (
    collection,
    dumps,
    event_feature,
    event_features,
    plain,
    track_features,
)
from fullcourt.maritime.ingest import read_ais
from fullcourt.maritime.synth import Hold, Ship, port, simulate

from .ship_scenarios import PARTNER, T0, traffic

GEOMETRIES = {"Point": 0, "LineString": 1}  # type -> nesting depth of a position


def valid_position(position: Any) -> bool:
    lon, lat = position
    return isinstance(lon, float | int) and -180 <= lon <= 180 and -90 <= lat <= 90


def assert_rfc7946(data: dict[str, Any]) -> None:
    """The parts of RFC 7946 these features use: sections 3.1.2, 3.1.4, 3.2 and 3.3."""
    json.loads(dumps(data))  # strict JSON: NaN and Infinity are refused
    assert data["type"] == "FeatureCollection" and isinstance(data["features"], list)
    for feature in data["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        if geometry is None:  # an unlocated feature is allowed (3.2)
            continue
        coords = geometry["coordinates"]
        if geometry["type"] == "Point":
            assert valid_position(coords)
        else:
            assert geometry["type"] == "LineString" and len(coords) >= 2
            assert all(valid_position(p) for p in coords)


@pytest.fixture(scope="module")
def positions() -> pl.DataFrame:
    return traffic()[0]


def test_tracks_break_at_long_silences(positions: pl.DataFrame) -> None:
    features = track_features(positions, [PARTNER])
    assert_rfc7946(collection(features))
    # the partner falls silent for 14 h in the open sea: two segments, both lines
    assert [(f["properties"]["segment"], f["geometry"]["type"]) for f in features] == [
        (0, "LineString"),
        (1, "LineString"),
    ]
    first, second = (f["properties"] for f in features)
    assert first["end"] < second["start"]
    reports = positions.filter(pl.col("mmsi") == PARTNER).height
    assert first["reports"] + second["reports"] == reports
    lon, lat = features[0]["geometry"]["coordinates"][0]
    assert 124 < lon < 125 and 38 < lat < 39  # [lon, lat], West Korea Bay


def test_a_ship_that_never_moves_is_a_point() -> None:
    moored = Ship(1, T0, port("Dalian"), (Hold(timedelta(hours=2)),))
    track = simulate([moored], seed=3).with_columns(lat=pl.lit(38.9), lon=pl.lit(121.6))
    (feature,) = track_features(track)
    assert feature["geometry"] == {"type": "Point", "coordinates": [121.6, 38.9]}


def test_a_gap_is_a_line_from_last_to_first_report(positions: pl.DataFrame) -> None:
    (gap,) = detect_gaps(positions.filter(pl.col("mmsi") == PARTNER))
    feature = event_feature(gap, None, {"severity": "gap"})
    before, after = gap.evidence["before"], gap.evidence["after"]
    assert feature["geometry"]["type"] in {"LineString", "Point"}
    assert feature["geometry"]["coordinates"][0] == [before["lon"], before["lat"]]
    assert feature["properties"]["severity"] == "gap"
    assert gap.start is not None and feature["properties"]["start"] == gap.start.isoformat()
    assert feature["properties"]["evidence"]["after"] == after


def test_unlocated_events_sit_where_their_vessel_was() -> None:
    start = datetime(2024, 3, 1, 1, tzinfo=UTC)
    ship = Ship(2, T0, (38.0, 123.0), (Hold(timedelta(hours=3), drift_kn=1.0, course=90.0),))
    track = simulate([ship], seed=4)
    bad_imo = Event("imo_invalid", 2, start, start, 0.6, "medium", evidence={"imo": "1234567"})
    nowhere = Event("mmsi_invalid", 3, None, None, 0.9, "high")  # no report of MMSI 3
    placed, unplaced = event_features([bad_imo, nowhere], track)
    nearest = track.with_columns(d=(pl.col("timestamp") - start).abs()).sort("d").row(0, named=True)
    assert placed["geometry"]["coordinates"] == [round(nearest["lon"], 5), round(nearest["lat"], 5)]
    assert placed["properties"]["located"] == "vessel"
    assert unplaced["geometry"] is None and unplaced["properties"]["located"] is None
    assert_rfc7946(collection([placed, unplaced]))
    (without_positions,) = event_features([bad_imo])
    assert without_positions["geometry"] is None


def test_plain_json() -> None:
    when = datetime(2024, 3, 1, tzinfo=UTC)
    value = {"t": when, "nan": math.nan, "inf": math.inf, "pair": (1, 2.5), "set": {"a"}}
    assert plain(value) == {
        "t": "2024-03-01T00:00:00+00:00",
        "nan": None,
        "inf": None,
        "pair": [1, 2.5],
        "set": ["a"],
    }
    assert plain(Path("x")) == "x"
    with pytest.raises(ValueError, match="JSON compliant"):
        dumps({"x": math.nan})


def test_real_receiver_file(shared: Path) -> None:
    """aisdb's nm4 sample: 979 messages of 843 MMSIs in two minutes, worldwide."""
    positions, _, report = read_ais([shared / "ais/aisdb/test_data_20211101.nm4"])
    assert report.records == 979
    features = track_features(positions)
    assert_rfc7946(collection(features))
    located = positions.drop_nulls(["timestamp", "lat", "lon"])
    assert len({f["properties"]["mmsi"] for f in features}) == located["mmsi"].n_unique()
    assert (
        sum(f["properties"]["reports"] for f in features)
        == located.unique(["mmsi", "timestamp"]).height
    )
    assert any(f["geometry"]["type"] == "LineString" for f in features)
