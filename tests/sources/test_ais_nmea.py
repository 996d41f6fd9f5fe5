"""Raw NMEA on the real receiver files: tag blocks, suffix fields, Gatehouse, broken lines.

Expected counts were taken independently: message totals with pyais's own
``FileReaderStream`` (which skips what it cannot read), line counts with grep.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from fullcourt.sources.ais_nmea import read_nmea, sniff_nmea
from fullcourt.sources.errors import SourceError
from fullcourt.sources.report import ParseReport


def _read(path: Path) -> tuple[pl.DataFrame, pl.DataFrame, ParseReport]:
    report = ParseReport()
    with path.open("rb") as handle:
        frames = read_nmea(handle, name=path.name, report=report)
    return frames.positions, frames.statics, report


def test_tag_block_file(shared: Path) -> None:
    positions, _, report = _read(shared / "ais/aisdb/test_data_20211101.nm4")
    # 961 single-sentence + 18 two-sentence messages (grep "AIVDM,1,1" / "AIVDM,2,1").
    assert report.records == 979
    # pyais by type: 608 type 1 + 104 type 3 + 74 type 18 + 4 type 19 + 127 type 27.
    assert positions.height == 917
    assert positions["mmsi"].n_unique() == 801
    assert positions["timestamp"].null_count() == 0
    assert "nmea:no timestamp" not in report.unknown
    # Base stations (type 4) and aids to navigation (21) are counted, not positions.
    assert report.unknown["nmea:unused type 4"] == 5
    assert report.unknown["nmea:unused type 21"] == 11
    # Line 4: \s:41925,c:1635731889...\!AIVDM,1,1,,,15Di=4002i<chWiba2`rPpD:04;`,0*37
    row = positions.filter(pl.col("mmsi") == 357322000).row(0, named=True)
    assert row["timestamp"] == datetime(2021, 11, 1, 1, 58, 9, tzinfo=UTC)
    assert row["station"] == "41925"
    assert (row["lat"], row["lon"], row["sog"], row["heading"]) == (
        -37.327088,
        177.331613,
        17.7,
        266,
    )


def test_two_sentence_static_takes_first_tag_block(shared: Path) -> None:
    _, statics, _ = _read(shared / "ais/aisdb/test_data_20211101.nm4")
    # \g:1-2-3454,s:41925,c:1635731893 ... then \g:2-2-3454*5B\ (no time on part two)
    row = statics.filter(pl.col("mmsi") == 512004035).row(0, named=True)
    assert (row["name"], row["callsign"], row["imo"], row["ship_type"]) == (
        "WAIMATA",
        "ZMG2862",
        "9679816",
        52,
    )
    assert row["destination"] == "GISBORNE"
    assert row["timestamp"] == datetime(2021, 11, 1, 1, 58, 13, tzinfo=UTC)


def test_receiver_suffix_fields(shared: Path) -> None:
    positions, statics, report = _read(shared / "ais/aisdb/test_data_201201.nmea")
    # One message of each type 1-27 but 19; pyais calls every line invalid because the
    # checksum is followed by ",d-109,S2105,...": here the suffix is cut off first.
    assert report.records == 26
    assert "nmea:bad checksum" not in report.unknown
    assert positions.height == 5  # types 1, 2, 3, 18, 27
    assert statics.height == 2  # types 5 and 24
    row = positions.filter(pl.col("mmsi") == 367033650).row(0, named=True)
    # ...,r003669946,1325394060,1325394001: the first epoch is 2012-01-01 05:01:00 UTC
    assert row["timestamp"] == datetime(2012, 1, 1, 5, 1, tzinfo=UTC)
    assert row["station"] == "003669946"


def test_gatehouse_wrappers_time_the_next_sentence(shared: Path) -> None:
    positions, _, report = _read(shared / "ais/pyais/gatehouse.nmea")
    assert report.records == 4
    timed = dict(positions.select("mmsi", "timestamp").iter_rows())
    # $PGHP,1,2008,5,9,0,0,0,10,... precedes 15NBj>PP... ; $PGHP,1,2009,... precedes 16`l:v8P...
    assert timed[367309370] == datetime(2008, 5, 9, 0, 0, 0, 10_000, tzinfo=UTC)
    assert timed[445451000] == datetime(2009, 5, 9, 0, 0, 0, 10_000, tzinfo=UTC)
    assert report.unknown["nmea:no timestamp"] == 2


def test_pyais_sample_without_times(shared: Path) -> None:
    positions, _, report = _read(shared / "ais/pyais/nmea_data_sample.txt")
    # pyais: 878 assembled messages, 100 of them with an empty payload ("!AIVDM,1,1,,B,,0*25")
    assert report.records == 778
    assert report.unknown["nmea:MissingPayloadException"] == 100
    assert report.unknown["nmea:incomplete multi-sentence message"] == 20
    assert positions["timestamp"].null_count() == positions.height == 762
    assert report.unknown["nmea:no timestamp"] == 764


def test_mixed_content_is_counted_never_fatal(shared: Path) -> None:
    _, statics, report = _read(shared / "ais/pyais/mixed.txt")
    assert report.records == 12
    assert report.unknown["nmea:other sentence"] == 4  # $GPGGA, $GPRTE, $GPR00, $IIMWV
    assert report.examples["nmea:undecodable line"] == ["foobar", "IamNotAnAisMessage1111"]
    assert report.unknown["nmea:broken sentence"] == 1  # "...9nDW5608EP,013": no checksum
    assert report.unknown["nmea:bad tag block checksum"] == 3  # "...*A\\" blocks
    # \g:1-2-27300,...\!SAVDM,2,1,... joined with \g:2-2-27300 into one type 5
    assert statics.height == 2


def test_sentinels_become_null(shared: Path) -> None:
    positions, _, _ = _read(shared / "ais/aisdb/test_data_20211101.nm4")
    # "KqkFE63n`>6bTOwv": type 27 with lat 91, lon 181, speed 63, course 511 (all "unknown")
    long_range = positions.filter(pl.col("mmsi") == 657823000).row(0, named=True)
    assert [long_range[c] for c in ("lat", "lon", "sog", "cog")] == [None] * 4
    assert long_range["timestamp"] is not None  # still proof the transponder was on
    # "17`B2qPP00dQ2PQbq3gf4?v<2<0<": heading 511 and course 360, position present
    moored = positions.filter(pl.col("mmsi") == 512000742).row(0, named=True)
    assert (moored["heading"], moored["cog"], moored["sog"]) == (None, None, 0.0)
    assert moored["lat"] == -36.88971
    assert positions.filter(pl.col("lat").abs() > 90).is_empty()


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"!AIVDM,1,1,,A,13HOI:0P0000VOHLCnHQKwvL05Ip,0*23\n", True),
        (b"\\s:42809,c:1635731889*6A\\!AIVDM,1,1,,,403t>B,0*7B", True),
        (b"$PGHP,1,2008,5,9,0,0,0,10,338,2,,1,09*17\n", True),
        (b"# comment\n!BSVDO,1,1,,,B>qc:003wk?8mP=18D3Q3wgTiT;T,0*13", True),
        (b"MMSI,BaseDateTime,LAT,LON\n", False),
        (b'{"mmsi": 1}\n', False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert sniff_nmea(head) is expected


def test_empty_file_is_an_error() -> None:
    with pytest.raises(SourceError, match="empty NMEA"):
        read_nmea(io.BytesIO(b"\n\n"), name="empty.nmea", report=ParseReport())


def test_non_ascii_line_is_counted() -> None:
    data = b"\xff\xfe garbage\n!AIVDM,1,1,,A,13HOI:0P0000VOHLCnHQKwvL05Ip,0*23\n"
    report = ParseReport()
    frames = read_nmea(io.BytesIO(data), name="bin.nmea", report=report)
    assert report.examples["nmea:undecodable line"] == ["bin.nmea:1"]
    assert frames.positions.height == 1


def test_bad_checksum_and_orphan_fragment() -> None:
    data = (
        b"!AIVDM,1,1,,A,13HOI:0P0000VOHLCnHQKwvL05Ip,0*24\n"  # checksum 23 altered
        b"!AIVDM,2,2,1,A,88888888880,2*25\n"  # second half without a first
    )
    report = ParseReport()
    frames = read_nmea(io.BytesIO(data), name="t", report=report)
    assert frames.positions.is_empty()
    assert report.unknown["nmea:bad checksum"] == 1
    assert report.unknown["nmea:orphan fragment"] == 1
