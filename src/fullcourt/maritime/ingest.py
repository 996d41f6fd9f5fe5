"""AIS files in, two deduplicated tables out, and a Parquet store that grows by appending.

Feeds arrive in whatever format a provider uses and overlap (two receivers hear the same
ship; a file is delivered twice). The format is judged from content, never from the file
name. On disk each table is a folder of Parquet parts: ingesting writes new parts and
never rewrites old ones, and duplicates are removed when the store is read, so a crash
mid-ingest loses at most the file being read and re-ingesting a file is harmless.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

import polars as pl

from fullcourt.maritime.schema import POSITION_SCHEMA, STATIC_SCHEMA
from fullcourt.sources.ais_csv import iter_csv, sniff_csv
from fullcourt.sources.ais_frames import (
    POSITION_KEY,
    STATIC_KEY,
    AisFrames,
    concat_frames,
    empty_frames,
)
from fullcourt.sources.ais_jsonl import iter_jsonl, sniff_jsonl
from fullcourt.sources.ais_nmea import iter_nmea, sniff_nmea
from fullcourt.sources.errors import SourceError
from fullcourt.sources.report import ParseReport
from fullcourt.sources.stream import decompress, peek

Reader = Callable[..., Iterator[AisFrames]]
TABLES = {"positions": POSITION_SCHEMA, "statics": STATIC_SCHEMA}
KEYS = {"positions": POSITION_KEY, "statics": STATIC_KEY}

# Order matters: a JSON line may quote an NMEA sentence, a CSV may hold one in a column.
FORMATS: tuple[tuple[str, Callable[[bytes], bool], Reader], ...] = (
    ("jsonl", sniff_jsonl, iter_jsonl),
    ("csv", sniff_csv, iter_csv),
    ("nmea", sniff_nmea, iter_nmea),
)


def detect_format(head: bytes) -> str | None:
    """The name of the AIS format the first bytes look like, None if none matches."""
    return next((name for name, sniff, _ in FORMATS if sniff(head)), None)


def iter_ais(stream: BinaryIO, *, name: str, report: ParseReport) -> Iterator[AisFrames]:
    """Batches of one (possibly gzip/zip-compressed) AIS stream of any supported format."""
    data = decompress(stream, name)
    head = peek(data)
    for _, sniff, reader in FORMATS:
        if sniff(head):
            yield from reader(data, name=name, report=report)
            return
    raise SourceError("not an AIS format this reader knows (NMEA, CSV, JSON lines)", file=name)


def iter_paths(paths: Iterable[Path], report: ParseReport) -> Iterator[AisFrames]:
    for path in paths:
        with path.open("rb") as handle:
            yield from iter_ais(handle, name=path.name, report=report)


def read_ais(paths: Iterable[Path]) -> tuple[pl.DataFrame, pl.DataFrame, ParseReport]:
    """Positions and statics of all files, deduplicated across files, with one report."""
    report = ParseReport()
    frames = concat_frames(list(iter_paths(paths, report)))
    return frames.positions, frames.statics, report


def write_parquet(frames: AisFrames, folder: Path) -> list[Path]:
    """Append one Parquet part per non-empty table to the store in ``folder``."""
    written = []
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    for table, frame in zip(TABLES, frames, strict=True):
        if frame.is_empty():
            continue
        target = folder / table
        target.mkdir(parents=True, exist_ok=True)
        path = target / f"part-{stamp}-{uuid.uuid4().hex[:12]}.parquet"
        frame.write_parquet(path, compression="zstd", statistics=True)
        written.append(path)
    return written


def ingest(paths: Iterable[Path], folder: Path) -> ParseReport:
    """Stream AIS files into the store batch by batch, never holding a whole file."""
    report = ParseReport()
    for frames in iter_paths(paths, report):
        write_parquet(frames, folder)
    return report


def scan_table(folder: Path, table: str) -> pl.LazyFrame:
    """One table of the store, lazily, deduplicated; empty when nothing was written yet."""
    parts = sorted((folder / table).glob("*.parquet"))
    if not parts:
        return pl.LazyFrame(schema=TABLES[table])
    frame = pl.scan_parquet(parts, schema=TABLES[table])
    tie = pl.when(pl.col("timestamp").is_null()).then(pl.int_range(pl.len())).alias("_tie")
    keys = [*KEYS[table], "_tie"]
    unique = frame.with_columns(tie).unique(subset=keys, keep="first", maintain_order=True)
    return unique.drop("_tie")


def read_parquet(folder: Path) -> AisFrames:
    """The whole store, deduplicated, sorted by vessel and time."""
    if not folder.is_dir():
        return empty_frames()
    positions = scan_table(folder, "positions").sort(list(POSITION_KEY), nulls_last=True)
    statics = scan_table(folder, "statics").sort(list(STATIC_KEY), nulls_last=True)
    return AisFrames(positions.collect(), statics.collect())
