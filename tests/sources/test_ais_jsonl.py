"""JSON-lines tracks from gpsdio-segment's test data (GFW ``ssvid`` and gpsdio ``mmsi`` keys).

Counts were taken with ``json.loads`` over each file: lines, distinct (timestamp, lat,
lon) positions (the files repeat reports), and the static fields of type 5/24 lines.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from fullcourt.sources.ais_frames import AisFrames, concat_frames
from fullcourt.sources.ais_jsonl import iter_jsonl, read_jsonl, sniff_jsonl
from fullcourt.sources.errors import SourceError
from fullcourt.sources.report import ParseReport
from fullcourt.sources.stream import decompress

TRACKS = "ais/gfw_gpsdio_segment"


def _read(path: Path) -> tuple[AisFrames, ParseReport]:
    report = ParseReport()
    with path.open("rb") as handle:
        frames = read_jsonl(decompress(handle, path.name), name=path.name, report=report)
    return frames, report


@pytest.mark.parametrize(
    ("name", "lines", "positions"),
    [
        ("263576000.jsonl", 948, 696),  # GFW keys, "implied_speed" extra
        ("338013000.jsonl", 1253, 1023),  # 60 lines with null lat/lon give no position
        ("416000000.jsonl", 1668, 1561),  # naive "2014-01-01 01:14:25.000000" times
        ("point_pair/240000000.jsonl.gz", 3779, 2457),  # 1,228 type 5 lines, no position
        ("point_pair/431704490.jsonl.gz", 7499, 5045),
    ],
)
def test_counts(shared: Path, name: str, lines: int, positions: int) -> None:
    frames, report = _read(shared / TRACKS / name)
    assert report.records == lines
    assert frames.positions.height == positions
    assert frames.positions["timestamp"].null_count() == 0


def test_not_available_position_is_null(shared: Path) -> None:
    frames, _ = _read(shared / TRACKS / "263576000.jsonl")
    # line 219: {"ssvid": 263576000, "lat": 91.0, "lon": 181.0, "timestamp":
    # "2015-10-15T11:35:06.000000Z", "speed": 102.3000030518, "course": 360.0, ...}
    when = datetime(2015, 10, 15, 11, 35, 6, tzinfo=UTC)
    row = frames.positions.filter(pl.col("timestamp") == when).row(0, named=True)
    assert [row[c] for c in ("lat", "lon", "sog", "cog")] == [None] * 4
    assert frames.positions["lat"].null_count() == 1
    assert frames.positions.filter(pl.col("lat") > 90).is_empty()


def test_statics_of_a_shared_mmsi(shared: Path) -> None:
    frames, report = _read(shared / TRACKS / "point_pair/240000000.jsonl.gz")
    names = frames.statics.group_by("name").len().sort("name")
    # 1,056 lines say IMPALA MAGDALENA (imo 0 = none), 172 say WARSHIP M71 (imo 900000024)
    assert names.rows() == [("IMPALA MAGDALENA", 1056), ("WARSHIP M71", 172)]
    warship = frames.statics.filter(pl.col("name") == "WARSHIP M71")
    assert set(warship["imo"]) == {"900000024"}
    assert set(warship["callsign"]) == {"WU.", "WARSHIP"}
    assert frames.statics.filter(pl.col("name") == "IMPALA MAGDALENA")["imo"].null_count() == 1056
    assert frames.positions["station"].drop_nulls()[0].startswith("rORBCOMM")
    assert not report.unknown


def test_extra_keys_are_reported(shared: Path) -> None:
    _, report = _read(shared / TRACKS / "338013000.jsonl")
    assert report.unknown["jsonl:unused field expected"] == 1253


def test_blocks_give_the_same_result(shared: Path) -> None:
    path = shared / TRACKS / "416000000.jsonl"
    with path.open("rb") as handle:
        batches = list(iter_jsonl(handle, name=path.name, report=ParseReport(), block_bytes=8192))
    assert len(batches) > 20
    whole, _ = _read(path)
    assert concat_frames(batches).positions.equals(whole.positions)


def test_broken_lines_are_counted() -> None:
    data = b'{"mmsi": 1, "timestamp": "2020-01-01T00:00:00Z", "lat": 1, "lon": 2}\n{"mmsi": \n[1]\n'
    report = ParseReport()
    frames = read_jsonl(io.BytesIO(data), name="t.jsonl", report=report)
    assert report.examples["jsonl:undecodable line"] == ["t.jsonl:2"]
    assert report.examples["jsonl:not an object"] == ["t.jsonl:3"]
    assert frames.positions.height == 1


def test_empty_file() -> None:
    with pytest.raises(SourceError, match="empty") as caught:
        read_jsonl(io.BytesIO(b"\n"), name="e.jsonl", report=ParseReport())
    assert caught.value.file == "e.jsonl"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'{"ssvid": 263576000, "lat": -23.2}\n', True),
        (b'\n{"mmsi": 240000000, "timestamp": "2015"}', True),
        (b'{"name": "x"}\n', False),
        (b"MMSI,BaseDateTime\n", False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert sniff_jsonl(head) is expected
