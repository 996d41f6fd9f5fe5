"""The columnar shapes every maritime module agrees on.

AIS arrives as raw NMEA, decoded CSV in several layouts and JSON lines; every reader
produces these two tables, so detectors never care where a position came from.
Times are UTC; "not available" values (lat 91, lon 181, speed 102.3, heading 511) are
nulls, never numbers.
"""

from __future__ import annotations

import polars as pl

TIME = pl.Datetime("us", "UTC")

# One row per position report.
POSITION_SCHEMA: dict[str, pl.DataType] = {
    "mmsi": pl.Int64(),
    "timestamp": TIME,
    "lat": pl.Float64(),
    "lon": pl.Float64(),
    "sog": pl.Float64(),  # speed over ground, knots
    "cog": pl.Float64(),  # course over ground, degrees
    "heading": pl.Float64(),  # true heading, degrees
    "nav_status": pl.Int64(),
    "source": pl.Utf8(),  # file or feed the report came from
    "station": pl.Utf8(),  # receiving station, when the feed says
}

# One row per static/voyage report (AIS types 5 and 24, or static CSV columns).
STATIC_SCHEMA: dict[str, pl.DataType] = {
    "mmsi": pl.Int64(),
    "timestamp": TIME,
    "imo": pl.Utf8(),
    "name": pl.Utf8(),
    "callsign": pl.Utf8(),
    "ship_type": pl.Int64(),
    "destination": pl.Utf8(),
    "source": pl.Utf8(),
}


def empty_positions() -> pl.DataFrame:
    return pl.DataFrame(schema=POSITION_SCHEMA)


def empty_statics() -> pl.DataFrame:
    return pl.DataFrame(schema=STATIC_SCHEMA)
