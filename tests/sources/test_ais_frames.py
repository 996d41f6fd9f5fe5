"""The cleaning every AIS reader shares: sentinels, padding, placeholders, duplicates."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import polars as pl
import pytest

from fullcourt.maritime.schema import POSITION_SCHEMA, STATIC_SCHEMA
from fullcourt.sources.ais_frames import (
    AisFrames,
    clean_positions,
    clean_statics,
    concat_frames,
    iter_blocks,
    parse_times,
)

T0 = datetime(2022, 1, 3, tzinfo=UTC)


def test_position_sentinels() -> None:
    raw = pl.DataFrame(
        {
            # ITU "not available": lat 91, lon 181, speed 102.3, course 360, heading 511
            "mmsi": [1, 2, 3],
            "timestamp": [T0, T0, T0],
            "lat": [91.0, 10.0, 10.0],
            "lon": [181.0, 200.0, 20.0],
            "sog": [102.3, 5.0, 102.2],  # 102.2 means "102.2 or more": a real reading
            "cog": [360.0, 359.9, 0.0],
            "heading": [511.0, 90.0, 0.0],
        }
    )
    clean = clean_positions(raw)
    assert clean.schema == pl.Schema(POSITION_SCHEMA)
    assert clean["lat"].to_list() == [None, None, 10.0]  # lon 200 voids the whole fix
    assert clean["sog"].to_list() == [None, 5.0, 102.2]
    assert clean["cog"].to_list() == [None, 359.9, 0.0]
    assert clean["heading"].to_list() == [None, 90.0, 0.0]


def test_duplicates_need_a_time() -> None:
    raw = pl.DataFrame(
        {
            "mmsi": [1, 1, 1, 1],
            "timestamp": [T0, T0, None, None],
            "lat": [1.0] * 4,
            "lon": [2.0] * 4,
        }
    )
    # two timed copies are one report; two untimed ones may be two reports
    assert clean_positions(raw).height == 3


@pytest.mark.parametrize(
    ("imo", "expected"),
    [
        ("IMO9307839", "9307839"),  # MarineCadastre prefix
        ("IMO0000000", None),  # MarineCadastre "none"
        ("0", None),  # gpsdio imo 0
        ("9307839.0", "9307839"),  # a float column written as text
        ("956795800", "956795800"),  # bad, but evidence: kept as broadcast
        ("", None),
    ],
)
def test_imo_text(imo: str, expected: str | None) -> None:
    raw = pl.DataFrame({"mmsi": [1], "timestamp": [T0], "imo": [imo], "name": ["X"]})
    assert clean_statics(raw)["imo"].to_list() == [expected]


def test_static_padding_and_empty_rows() -> None:
    raw = pl.DataFrame(
        {
            "mmsi": [1, 1, 2],
            "timestamp": [T0, T0, T0],
            "name": ["RUA MOANA@@@@@@", "RUA MOANA", "@@@@"],
            "callsign": [" ZMY4381 ", "ZMY4381", ""],
            "ship_type": [0, 0, 0],  # 0 = not available
        }
    )
    clean = clean_statics(raw)
    assert clean.schema == pl.Schema(STATIC_SCHEMA)
    assert clean.select("name", "callsign", "ship_type").rows() == [("RUA MOANA", "ZMY4381", None)]


def test_concat_dedupes_across_batches() -> None:
    raw = pl.DataFrame({"mmsi": [1], "timestamp": [T0], "lat": [1.0], "lon": [2.0]})
    batch = AisFrames(clean_positions(raw), pl.DataFrame(schema=STATIC_SCHEMA))
    assert concat_frames([batch, batch]).positions.height == 1
    assert concat_frames([]).positions.is_empty()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-01-03T00:05:54", datetime(2022, 1, 3, 0, 5, 54, tzinfo=UTC)),
        ("2015-10-15T02:39:55.000000Z", datetime(2015, 10, 15, 2, 39, 55, tzinfo=UTC)),
        ("2014-01-01 01:14:25.000000", datetime(2014, 1, 1, 1, 14, 25, tzinfo=UTC)),
        ("yesterday", None),
    ],
)
def test_parse_times(text: str, expected: datetime | None) -> None:
    frame = pl.DataFrame({"t": [text]}).select(parse_times(pl.col("t")))
    assert frame["t"].to_list() == [expected]


def test_blocks_keep_whole_lines() -> None:
    data = b"a,1\nbb,2\nccc,3\nlast-without-newline"
    blocks = list(iter_blocks(io.BytesIO(data), block_bytes=5))
    assert b"".join(b for _, b in blocks) == data
    assert all(b.endswith(b"\n") for _, b in blocks[:-1])
    assert [line for line, _ in blocks] == [1, 2, 3, 4]
