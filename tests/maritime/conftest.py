"""The real MarineCadastre extract, read once for every detector's false-alarm test."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest


@pytest.fixture(scope="session")
def us_day_positions(shared: Path) -> pl.DataFrame:
    """Positions of the first 99,999 rows of 2022-01-03 (US waters, mostly innocent)."""
    raw = pl.read_csv(
        shared / "ais/marinecadastre/AIS_2022_01_03_first99999.csv.gz",
        columns=["MMSI", "BaseDateTime", "LAT", "LON", "SOG", "Status"],
    )
    return raw.select(
        mmsi="MMSI",
        timestamp=pl.col("BaseDateTime").str.to_datetime(time_unit="us", time_zone="UTC"),
        lat="LAT",
        lon="LON",
        sog=pl.when(pl.col("SOG") < 102.3).then("SOG"),  # 102.3: not available
        nav_status="Status",
    )
