"""What every AIS reader does to its rows before handing them on.

Three readers (NMEA, CSV, JSON lines) each see the same ITU conventions: "not available"
sentinels (lat 91, lon 181, speed 102.3, heading 511, course 360), '@' padding in names,
IMO 0, ship type 0. Cleaning them in one place means a detector never has to know which
feed a row came from, and a sentinel can never pass for a position.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO, NamedTuple

import polars as pl

from fullcourt.maritime.schema import POSITION_SCHEMA, STATIC_SCHEMA, TIME

POSITION_KEY = ("mmsi", "timestamp", "lat", "lon")
STATIC_KEY = ("mmsi", "timestamp", "imo", "name", "callsign", "ship_type", "destination")
BLOCK_BYTES = 8 << 20


class AisFrames(NamedTuple):
    """Positions and static reports read from one source (or a batch of it)."""

    positions: pl.DataFrame
    statics: pl.DataFrame


def dedupe(frame: pl.DataFrame, key: tuple[str, ...]) -> pl.DataFrame:
    """Drop repeated reports; rows without a time are never called duplicates of each other."""
    tie = pl.when(pl.col("timestamp").is_null()).then(pl.int_range(pl.len())).alias("_tie")
    unique = frame.with_columns(tie).unique(
        subset=[*key, "_tie"], keep="first", maintain_order=True
    )
    return unique.drop("_tie")


def _text(column: str) -> pl.Expr:
    """Trimmed text with AIS '@' padding removed; empty becomes null."""
    value = pl.col(column).cast(pl.Utf8).str.strip_chars(" @\t").str.strip_chars_end("@ ")
    return pl.when(value.str.len_chars() > 0).then(value).otherwise(None)


def _imo(column: str) -> pl.Expr:
    """IMO as its digits, kept as text even when the check digit fails (it is evidence)."""
    digits = pl.col(column).cast(pl.Utf8).str.replace_all(r"(?i)^\s*IMO\s*|\.0+$", "")
    digits = digits.str.strip_chars()
    zero = digits.str.replace_all("0", "").str.len_chars() == 0
    return pl.when((digits.str.len_chars() > 0) & ~zero).then(digits).otherwise(None)


def clean_positions(frame: pl.DataFrame) -> pl.DataFrame:
    """Cast to POSITION_SCHEMA, null the sentinels, drop exact duplicate reports."""
    missing = [c for c in POSITION_SCHEMA if c not in frame.columns]
    frame = frame.with_columns(pl.lit(None).alias(c) for c in missing)
    frame = frame.select(pl.col(c).cast(t, strict=False) for c, t in POSITION_SCHEMA.items())
    lat, lon = pl.col("lat"), pl.col("lon")
    fix = (lat.abs() <= 90) & (lon.abs() <= 180)  # one half of a fix is no fix
    frame = frame.with_columns(
        pl.when(fix).then(lat).alias("lat"),
        pl.when(fix).then(lon).alias("lon"),
        pl.when(pl.col("sog").is_between(0, 102.2)).then(pl.col("sog")).otherwise(None),
        pl.when(pl.col("cog").is_between(0, 360, closed="left")).then(pl.col("cog")),
        pl.when(pl.col("heading").is_between(0, 360, closed="left")).then(pl.col("heading")),
    )
    # A report without a fix is kept: it still shows the transponder was on at that time.
    frame = frame.filter(pl.col("mmsi").is_not_null())
    return dedupe(frame, POSITION_KEY)


def clean_statics(frame: pl.DataFrame) -> pl.DataFrame:
    """Cast to STATIC_SCHEMA, null padding and zero sentinels, drop empty and repeated rows."""
    missing = [c for c in STATIC_SCHEMA if c not in frame.columns]
    frame = frame.with_columns(pl.lit(None).alias(c) for c in missing)
    frame = frame.with_columns(
        _text("name").alias("name"),
        _text("callsign").alias("callsign"),
        _text("destination").alias("destination"),
        _imo("imo").alias("imo"),
    )
    frame = frame.select(pl.col(c).cast(t, strict=False) for c, t in STATIC_SCHEMA.items())
    frame = frame.with_columns(
        pl.when(pl.col("ship_type").is_between(1, 255)).then(pl.col("ship_type"))
    )
    said = pl.any_horizontal(pl.col(c).is_not_null() for c in ("imo", "name", "callsign"))
    frame = frame.filter(pl.col("mmsi").is_not_null(), said | pl.col("ship_type").is_not_null())
    return dedupe(frame, STATIC_KEY)


def empty_frames() -> AisFrames:
    return AisFrames(pl.DataFrame(schema=POSITION_SCHEMA), pl.DataFrame(schema=STATIC_SCHEMA))


def concat_frames(parts: list[AisFrames]) -> AisFrames:
    """Batches joined into one pair of tables, deduplicated across batches."""
    if not parts:
        return empty_frames()
    positions = pl.concat([p.positions for p in parts], how="vertical")
    statics = pl.concat([p.statics for p in parts], how="vertical")
    return AisFrames(dedupe(positions, POSITION_KEY), dedupe(statics, STATIC_KEY))


def parse_times(column: pl.Expr) -> pl.Expr:
    """ISO-like UTC text ('2022-01-03T00:00:00', '... 01:14:25.000000', trailing Z) to TIME."""
    text = column.cast(pl.Utf8).str.strip_chars().str.replace(" ", "T").str.strip_suffix("Z")
    parsed = text.str.to_datetime("%Y-%m-%dT%H:%M:%S%.f", time_unit="us", strict=False)
    return parsed.dt.replace_time_zone("UTC").cast(TIME)


def iter_blocks(stream: BinaryIO, block_bytes: int = BLOCK_BYTES) -> Iterator[tuple[int, bytes]]:
    """Whole lines in blocks of about ``block_bytes``, with the 1-based number of the first.

    Big daily AIS files are read block by block so they never sit in memory at once.
    """
    line = 1
    rest = b""
    while True:
        chunk = stream.read(block_bytes)
        if not chunk:
            break
        data = rest + chunk
        cut = data.rfind(b"\n") + 1
        if cut == 0:
            rest = data
            continue
        block, rest = data[:cut], data[cut:]
        yield line, block
        line += block.count(b"\n")
    if rest:
        yield line, rest
