"""Decoded AIS tracks as JSON lines (gpsdio / Global Fishing Watch style).

One object per message: ``mmsi`` (or GFW's ``ssvid``), ``timestamp``, ``lat``, ``lon``,
``speed``, ``course``, ``heading``, and on static messages ``shipname``, ``callsign``,
``imo``, ``shiptype``. Position and identity may share a line, so a line can yield a
row in each table. Keys differ between pipelines; unknown ones are counted, not lost.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

import polars as pl

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

POSITION_KEYS = {"lat": "lat", "lon": "lon", "speed": "sog", "course": "cog", "heading": "heading"}
STATIC_KEYS = {
    "shipname": "name",
    "callsign": "callsign",
    "imo": "imo",
    "shiptype": "ship_type",
    "destination": "destination",
}
# Keys read elsewhere in this module, or carried by pipelines and deliberately unused.
KNOWN = {
    *POSITION_KEYS,
    *STATIC_KEYS,
    *("mmsi", "ssvid", "timestamp", "status", "tagblock_station", "type", "class"),
}


def sniff_jsonl(head: bytes) -> bool:
    """A first line that is a JSON object with an MMSI-like key."""
    first = head.lstrip().split(b"\n", 1)[0]
    return first.startswith(b"{") and (b'"mmsi"' in first or b'"ssvid"' in first)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _rows(
    record: dict[str, Any], name: str, report: ParseReport
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    for key in record.keys() - KNOWN:
        report.note(f"jsonl:unused field {key}", f"{key}={record[key]!r}"[:80])
    base = {
        "mmsi": _text(record.get("mmsi", record.get("ssvid"))),
        "timestamp": _text(record.get("timestamp")),
        "source": name,
    }
    position = None
    if record.get("lat") is not None or record.get("lon") is not None:
        position = {**base, **{ours: _text(record.get(k)) for k, ours in POSITION_KEYS.items()}}
        position["nav_status"] = _text(record.get("status"))
        position["station"] = _text(record.get("tagblock_station"))
    static = None
    if any(record.get(k) not in (None, "", 0, "0") for k in STATIC_KEYS):
        static = {**base, **{ours: _text(record.get(k)) for k, ours in STATIC_KEYS.items()}}
    return position, static


def _frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    """Rows as text columns (pipelines write "15" or 15 alike); cleaning casts them."""
    columns = {key for row in rows for key in row}
    table = pl.DataFrame(rows, schema=dict.fromkeys(sorted(columns), pl.Utf8()))
    if "timestamp" in columns:
        table = table.with_columns(parse_times(pl.col("timestamp")).alias("timestamp"))
    return table


def iter_jsonl(
    stream: BinaryIO, *, name: str, report: ParseReport, block_bytes: int = BLOCK_BYTES
) -> Iterator[AisFrames]:
    """Blocks of a JSON-lines file as frames; an unreadable line is counted and skipped."""
    seen_any = False
    for first_line, block in iter_blocks(stream, block_bytes):
        positions: list[dict[str, Any]] = []
        statics: list[dict[str, Any]] = []
        for offset, raw in enumerate(block.splitlines()):
            if not raw.strip():
                continue
            seen_any = True
            try:
                record = json.loads(raw)
            except (UnicodeDecodeError, json.JSONDecodeError):
                report.note("jsonl:undecodable line", f"{name}:{first_line + offset}")
                continue
            if not isinstance(record, dict):
                report.note("jsonl:not an object", f"{name}:{first_line + offset}")
                continue
            report.records += 1
            position, static = _rows(record, name, report)
            if position is not None:
                positions.append(position)
            if static is not None:
                statics.append(static)
        yield AisFrames(clean_positions(_frame(positions)), clean_statics(_frame(statics)))
    if not seen_any:
        raise SourceError("empty JSON lines file", file=name)


def read_jsonl(stream: BinaryIO, *, name: str, report: ParseReport) -> AisFrames:
    """All positions and static reports of a JSON-lines stream, deduplicated."""
    return concat_frames(list(iter_jsonl(stream, name=name, report=report)))
