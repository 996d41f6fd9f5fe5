"""Reading any AIS format by content, and the append-only Parquet store."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import polars as pl
import pytest

from fullcourt.maritime.ingest import (
    detect_format,
    ingest,
    iter_ais,
    read_ais,
    read_parquet,
    scan_table,
    write_parquet,
)
from fullcourt.sources.ais_frames import AisFrames
from fullcourt.sources.errors import SourceError
from fullcourt.sources.report import ParseReport
from fullcourt.sources.stream import peek

AIS = "ais"
FILES = {
    "aisdb/test_data_20211101.nm4": "nmea",
    "aisdb/test_data_201201.nmea": "nmea",
    "pyais/gatehouse.nmea": "nmea",
    "pyais/nmea_data_sample.txt": "nmea",
    "aisdb/test_data_20210701.csv": "csv",
    "aisdb/test_data_noaa_20230101.csv": "csv",
    "gfw_gpsdio_segment/416000000.jsonl": "jsonl",
}


@pytest.mark.parametrize(("name", "fmt"), FILES.items())
def test_detect_format(shared: Path, name: str, fmt: str) -> None:
    with (shared / AIS / name).open("rb") as handle:
        assert detect_format(peek(handle)) == fmt


def test_compressed_files_are_read(shared: Path) -> None:
    report = ParseReport()
    path = shared / AIS / "gfw_gpsdio_segment/point_pair/600011817.jsonl.gz"
    with path.open("rb") as handle:
        batches = list(iter_ais(handle, name=path.name, report=report))
    assert report.records == 187  # zcat | wc -l
    assert sum(b.positions.height for b in batches) > 0


def test_read_ais_combines_and_dedupes(shared: Path) -> None:
    one = shared / AIS / "aisdb/test_data_20211101.nm4"
    two = shared / AIS / "gfw_gpsdio_segment/416000000.jsonl"
    positions, statics, report = read_ais([one, two, one])  # the first file delivered twice
    assert report.records == 979 * 2 + 1668
    assert positions.height == 917 + 1561  # each file's own distinct reports, once
    assert statics.height == 45
    assert set(positions["source"]) == {one.name, two.name}


def test_unknown_format(tmp_path: Path) -> None:
    path = tmp_path / "vessels.txt"
    path.write_text("name;imo\nCHONG CHON GANG;7937317\n")
    with pytest.raises(SourceError, match="not an AIS format") as caught:
        read_ais([path])
    assert caught.value.file == "vessels.txt"


def test_store_round_trip(shared: Path, tmp_path: Path) -> None:
    path = shared / AIS / "aisdb/test_data_20210701.csv"
    positions, statics, _ = read_ais([path])
    written = write_parquet(AisFrames(positions, statics), tmp_path)
    assert [p.parent.name for p in written] == ["positions", "statics"]
    stored = read_parquet(tmp_path)
    key = ["mmsi", "timestamp", "lat", "lon"]
    assert stored.positions.sort(key).equals(positions.sort(key))
    assert stored.statics.height == statics.height


def test_ingest_appends_and_reading_dedupes(shared: Path, tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for name in ("aisdb/test_data_20211101.nm4", "gfw_gpsdio_segment/338013000.jsonl"):
        shutil.copy(shared / AIS / name, source)
    files = sorted(source.iterdir())
    store = tmp_path / "store"
    report = ingest(files, store)
    ingest(files[:1], store)  # the NMEA file again, as a re-delivered feed would be
    assert report.records == 979 + 1253
    assert len(list((store / "positions").glob("*.parquet"))) == 3
    frames = read_parquet(store)
    assert frames.positions.height == 917 + 1023
    by_vessel = frames.positions.filter(pl.col("mmsi") == 338013000)["timestamp"]
    assert by_vessel.is_sorted()
    lazy = scan_table(store, "statics")
    assert isinstance(lazy, pl.LazyFrame)
    assert lazy.collect().height == 45


def test_empty_store(tmp_path: Path) -> None:
    frames = read_parquet(tmp_path / "nothing")
    assert frames.positions.is_empty() and frames.statics.is_empty()
    assert scan_table(tmp_path, "positions").collect().is_empty()


def test_empty_stream_is_an_error() -> None:
    with pytest.raises(SourceError):
        list(iter_ais(io.BytesIO(b""), name="empty", report=ParseReport()))
