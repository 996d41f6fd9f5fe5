"""Decoded AIS in CSV: MarineCadastre (US NOAA) daily files and satellite-provider exports.

Layouts differ in names, not in meaning, so columns are found by header name: the
MarineCadastre ``MMSI,BaseDateTime,LAT,LON,...,VesselName,IMO,CallSign,VesselType`` and a
Spire-style export (``Message_ID``, ``Time`` as ``20210701_185151`` plus ``Millisecond``,
``Latitude``, ``Vessel_Name``...). A MarineCadastre row is position and static report at
once; a provider export holds one AIS message per row, split by its message type. Daily
files reach gigabytes, so they are parsed in blocks of lines by Polars, never whole.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import BinaryIO

import polars as pl

from fullcourt.maritime.schema import TIME
from fullcourt.sources.ais_frames import (
    BLOCK_BYTES,
    AisFrames,
    clean_positions,
    clean_statics,
    concat_frames,
    iter_blocks,
    parse_times,
)
from fullcourt.sources.errors import SourceError
from fullcourt.sources.report import ParseReport

# Our field -> header names seen in the wild (compared case-insensitively).
COLUMNS: dict[str, tuple[str, ...]] = {
    "mmsi": ("mmsi",),
    "timestamp": ("basedatetime", "time", "timestamp"),
    "millisecond": ("millisecond",),
    "message_type": ("message_id",),
    "lat": ("lat", "latitude"),
    "lon": ("lon", "longitude"),
    "sog": ("sog",),
    "cog": ("cog",),
    "heading": ("heading",),
    "nav_status": ("status", "navigational_status"),
    "name": ("vesselname", "vessel_name"),
    "imo": ("imo",),
    "callsign": ("callsign", "call_sign"),
    "ship_type": ("vesseltype", "ship_type"),
    "destination": ("destination",),
}
REQUIRED = ("mmsi", "timestamp")
POSITION_TYPES = ("1", "2", "3", "18", "19", "27")
STATIC_TYPES = ("5", "19", "24")
# Provider exports write "None" where a field is absent; NOAA writes nothing.
_NULLS = ["", "None", "NaN", "nan", "NULL"]


def sniff_csv(head: bytes) -> bool:
    """A header line naming an MMSI column and a time column."""
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace").lower()
    names = {n.strip().strip('"') for n in first.split(",")}
    return "mmsi" in names and any(t in names for t in COLUMNS["timestamp"])


def header_map(header: list[str], name: str) -> dict[str, str]:
    """Our field name -> the file's column, for the fields this layout has."""
    lowered = {h.strip().lower(): h for h in header}
    found = {
        field: lowered[alias]
        for field, aliases in COLUMNS.items()
        for alias in aliases
        if alias in lowered
    }
    for field in REQUIRED:
        if field not in found:
            raise SourceError(f"no {field} column in the header", file=name, line=1, field=field)
    return found


def _times(columns: dict[str, str]) -> pl.Expr:
    """ISO times, or provider ``YYYYMMDD_HHMMSS`` with a separate millisecond column."""
    text = pl.col(columns["timestamp"]).str.strip_chars()
    compact = text.str.to_datetime("%Y%m%d_%H%M%S", time_unit="us", strict=False)
    compact = compact.dt.replace_time_zone("UTC").cast(TIME)
    if "millisecond" in columns:
        millis = pl.col(columns["millisecond"]).cast(pl.Int64, strict=False).fill_null(0)
        compact = compact + pl.duration(milliseconds=millis)
    return pl.coalesce(compact, parse_times(text))


def _number(column: str | None, dtype: pl.DataType) -> pl.Expr:
    if column is None:
        return pl.lit(None, dtype=dtype)
    return pl.col(column).str.strip_chars().cast(pl.Float64, strict=False).cast(dtype)


def _text(column: str | None) -> pl.Expr:
    return pl.lit(None, dtype=pl.Utf8) if column is None else pl.col(column)


def _table(raw: pl.DataFrame, columns: dict[str, str], name: str) -> pl.DataFrame:
    get = columns.get
    return raw.select(
        _number(get("mmsi"), pl.Int64()).alias("mmsi"),
        _times(columns).alias("timestamp"),
        _text(get("message_type")).str.strip_chars().alias("message_type"),
        _number(get("lat"), pl.Float64()).alias("lat"),
        _number(get("lon"), pl.Float64()).alias("lon"),
        _number(get("sog"), pl.Float64()).alias("sog"),
        _number(get("cog"), pl.Float64()).alias("cog"),
        _number(get("heading"), pl.Float64()).alias("heading"),
        _number(get("nav_status"), pl.Int64()).alias("nav_status"),
        _text(get("name")).alias("name"),
        _text(get("imo")).alias("imo"),
        _text(get("callsign")).alias("callsign"),
        _number(get("ship_type"), pl.Int64()).alias("ship_type"),
        _text(get("destination")).alias("destination"),
        pl.lit(name).alias("source"),
    )


def _split(table: pl.DataFrame, typed: bool) -> AisFrames:
    """A NOAA row is both kinds of report; a provider row is one AIS message of one type."""
    if not typed:
        return AisFrames(clean_positions(table), clean_statics(table))
    kind = pl.col("message_type")
    positions = table.filter(kind.is_in(POSITION_TYPES))
    statics = table.filter(kind.is_in(STATIC_TYPES))
    return AisFrames(clean_positions(positions), clean_statics(statics))


def _note_bad(table: pl.DataFrame, first_line: int, report: ParseReport) -> None:
    """Rows whose MMSI or time could not be read are counted, with example line numbers."""
    for column in ("mmsi", "timestamp"):
        bad = table.with_row_index("_row").filter(pl.col(column).is_null())
        kind = f"csv:unreadable {column}"
        for row in bad.head(3).iter_rows(named=True):
            report.note(kind, f"line {first_line + row['_row']}")
        if bad.height > 3:
            report.unknown[kind] += bad.height - 3


def _first_bad_row(text: str, width: int) -> int:
    """Offset of the first line with an open quote or the wrong number of fields."""
    for offset, row in enumerate(text.splitlines()):
        if row.count('"') % 2 or len(next(csv.reader([row]), [])) != width:
            return offset
    return 0


def _decode(block: bytes, name: str, first_line: int) -> str:
    try:
        return block.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = first_line + block.count(b"\n", 0, exc.start)
        raise SourceError("not valid UTF-8", file=name, line=line) from exc


def iter_csv(
    stream: BinaryIO, *, name: str, report: ParseReport, block_bytes: int = BLOCK_BYTES
) -> Iterator[AisFrames]:
    """Blocks of a CSV file as frames; a bad value is null and counted, never fatal."""
    blocks = iter_blocks(stream, block_bytes)
    first = next(blocks, None)
    if first is None or not first[1].strip():
        raise SourceError("empty CSV file", file=name)
    head_text, _, body = _decode(first[1], name, 1).partition("\n")
    header = [h.strip().strip('"') for h in head_text.rstrip("\r").split(",")]
    columns = header_map(header, name)
    yield _block(body, header, columns, name, 2, report)
    for line, block in blocks:
        yield _block(_decode(block, name, line), header, columns, name, line, report)


def _block(
    text: str, header: list[str], columns: dict[str, str], name: str, line: int, report: ParseReport
) -> AisFrames:
    if not text.strip():
        return concat_frames([])
    try:
        raw = pl.read_csv(
            io.StringIO(text),
            has_header=False,
            new_columns=header,
            schema={h: pl.Utf8() for h in header},
            null_values=_NULLS,
        )
    except (pl.exceptions.ComputeError, pl.exceptions.NoDataError) as exc:
        bad = line + _first_bad_row(text, len(header))
        raise SourceError(f"broken CSV: {str(exc).splitlines()[0]}", file=name, line=bad) from exc
    report.records += raw.height
    table = _table(raw, columns, name)
    _note_bad(table, line, report)
    return _split(table, "message_type" in columns)


def read_csv(stream: BinaryIO, *, name: str, report: ParseReport) -> AisFrames:
    """All positions and static reports of a decoded-AIS CSV stream, deduplicated."""
    return concat_frames(list(iter_csv(stream, name=name, report=report)))
