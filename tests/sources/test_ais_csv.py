"""Decoded-AIS CSV: MarineCadastre (NOAA) and the Spire-style satellite export.

Expected figures come from independent reads of the files with Python's csv module
(row counts, distinct MMSIs, distinct (MMSI, time, LAT, LON), rows per Message_ID).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from fullcourt.sources.ais_csv import iter_csv, read_csv, sniff_csv
from fullcourt.sources.ais_frames import AisFrames, concat_frames
from fullcourt.sources.errors import SourceError
from fullcourt.sources.report import ParseReport
from fullcourt.sources.stream import decompress

MARINECADASTRE = "ais/marinecadastre/AIS_2022_01_03_first99999.csv.gz"


def _read(path: Path) -> tuple[AisFrames, ParseReport]:
    report = ParseReport()
    with path.open("rb") as handle:
        frames = read_csv(decompress(handle, path.name), name=path.name, report=report)
    return frames, report


@pytest.fixture(scope="module")
def marinecadastre(shared: Path) -> tuple[AisFrames, ParseReport]:
    return _read(shared / MARINECADASTRE)


def test_marinecadastre_day(marinecadastre: tuple[AisFrames, ParseReport]) -> None:
    frames, report = marinecadastre
    assert report.records == 99_999
    assert not report.unknown
    # csv module: 99,996 distinct (MMSI, BaseDateTime, LAT, LON), 10,631 MMSIs
    assert frames.positions.height == 99_996
    assert frames.positions["mmsi"].n_unique() == 10_631
    # 52,249 rows say Heading 511 ("not available"); none of them keeps the number.
    assert frames.positions["heading"].null_count() >= 52_249
    assert frames.positions.filter(pl.col("heading") >= 360).is_empty()


def test_marinecadastre_row_is_also_a_static_report(
    marinecadastre: tuple[AisFrames, ParseReport],
) -> None:
    frames, _ = marinecadastre
    # 215031000,2022-01-03T00:05:54,23.76712,-82.26317,12.6,90.7,92,SERENE AMELIA,
    # IMO956795800,9HA4929,70,...  (an IMO typed with two extra zeros, kept as broadcast)
    when = datetime(2022, 1, 3, 0, 5, 54, tzinfo=UTC)
    static = frames.statics.filter(pl.col("mmsi") == 215031000, pl.col("timestamp") == when)
    assert static.select("name", "imo", "callsign", "ship_type").row(0) == (
        "SERENE AMELIA",
        "956795800",
        "9HA4929",
        70,
    )
    position = frames.positions.filter(pl.col("mmsi") == 215031000, pl.col("timestamp") == when)
    assert position.select("lat", "lon", "sog", "cog", "heading", "nav_status").row(0) == (
        23.76712,
        -82.26317,
        12.6,
        90.7,
        92.0,
        0,
    )


def test_noaa_2023_sample(shared: Path) -> None:
    frames, report = _read(shared / "ais/aisdb/test_data_noaa_20230101.csv")
    assert report.records == 1000
    assert frames.positions.height == 1000
    assert frames.positions["mmsi"].n_unique() == 1000
    # 636021061,...,MSC NAISHA III,IMO9307839,5LCB4,70: the "IMO" prefix is dropped
    row = frames.statics.filter(pl.col("mmsi") == 636021061).row(0, named=True)
    assert (row["name"], row["imo"], row["callsign"]) == ("MSC NAISHA III", "9307839", "5LCB4")


def test_spire_style_export(shared: Path) -> None:
    frames, report = _read(shared / "ais/aisdb/test_data_20210701.csv")
    assert report.records == 2498
    # Message_ID in 1, 2, 3, 18, 19, 27: 2,372 rows; 11 of them at Latitude 91.0.
    assert frames.positions.height == 2372
    assert frames.positions["lat"].null_count() == 11
    # Types 5, 19, 24 with a name, call sign, IMO or ship type: 105 rows.
    assert frames.statics.height == 105
    first = frames.positions.row(0, named=True)
    # "432905000","1",...,"20210701_185151","680",...,"13.6","0","-103.63687",...,"315.0"
    assert first["mmsi"] == 432905000
    assert first["timestamp"] == datetime(2021, 7, 1, 18, 51, 51, 680_000, tzinfo=UTC)
    assert (first["lon"], first["sog"], first["cog"], first["heading"]) == (
        -103.63687,
        13.6,
        314.8,
        315.0,
    )
    # "None" in COG/Heading is null, not an error
    assert frames.positions["heading"].null_count() > 0


def test_blocks_give_the_same_result(shared: Path) -> None:
    """A file read in tiny blocks (as a huge one would be) equals one read at once."""
    path = shared / "ais/aisdb/test_data_noaa_20230101.csv"
    report = ParseReport()
    with path.open("rb") as handle:
        batches = list(iter_csv(handle, name=path.name, report=report, block_bytes=4096))
    assert len(batches) > 10
    whole, _ = _read(path)
    assert concat_frames(batches).positions.equals(whole.positions)


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        # open quote on line 3
        (b'MMSI,BaseDateTime,LAT,LON\n1,2022-01-03T00:00:00,1,2\n2,"2022,1,2\n', 3, "broken"),
        # a row with more fields than the header, line 3
        (b"MMSI,BaseDateTime,LAT,LON\n1,2022-01-03T00:00:00,1,2\n2,x,1,2,5\n", 3, "broken"),
        # Latin-1 byte on line 3
        (b"MMSI,BaseDateTime,LAT,LON\n1,2022-01-03T00:00:00,1,2\n3,2022,1,\xe9\n", 3, "UTF-8"),
        # another format: a JSON line has no MMSI column header
        (b'{"mmsi": 1, "timestamp": "2022-01-03"}\n', 1, "no mmsi column"),
    ],
)
def test_bad_input(data: bytes, line: int, message: str) -> None:
    with pytest.raises(SourceError, match=message) as caught:
        read_csv(io.BytesIO(data), name="bad.csv", report=ParseReport())
    assert (caught.value.file, caught.value.line) == ("bad.csv", line)


def test_empty_file() -> None:
    with pytest.raises(SourceError, match="empty"):
        read_csv(io.BytesIO(b""), name="empty.csv", report=ParseReport())


def test_unreadable_values_are_counted() -> None:
    data = b"MMSI,BaseDateTime,LAT,LON\nabc,2022-01-03T00:00:00,1,2\n5,yesterday,1,2\n"
    report = ParseReport()
    frames = read_csv(io.BytesIO(data), name="t.csv", report=report)
    assert report.examples["csv:unreadable mmsi"] == ["line 2"]
    assert report.examples["csv:unreadable timestamp"] == ["line 3"]
    assert frames.positions["mmsi"].to_list() == [5]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"MMSI,BaseDateTime,LAT,LON,SOG\n", True),
        (b'"MMSI","Message_ID","Repeat_indicator","Time"\n', True),
        (b"mmsi,timestamp,lat,lon\n", True),
        (b"!AIVDM,1,1,,A,13HOI:0P0000VOHLCnHQKwvL05Ip,0*23\n", False),
        (b"name,imo,flag\n", False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert sniff_csv(head) is expected
