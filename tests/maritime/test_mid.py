"""The MID table and MMSI formats (ITU-R M.585), checked on values named in the ITU list."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from fullcourt.maritime.mid import (
    flag_expr,
    flag_of,
    is_assigned,
    mid_frame,
    mid_of,
    mid_table,
    station_kind,
)
from fullcourt.sources.ais_csv import read_csv
from fullcourt.sources.report import ParseReport
from fullcourt.sources.stream import decompress


@pytest.mark.parametrize(
    ("mid", "country"),
    [
        (445, "kp"),  # DPRK
        (416, "tw"),  # Taiwan
        (412, "cn"),
        (413, "cn"),
        (414, "cn"),
        (440, "kr"),
        (441, "kr"),
        (273, "ru"),
        (351, "pa"),
        (357, "pa"),
        (370, "pa"),
        (373, "pa"),
        (338, "us"),
        (366, "us"),
        (477, "hk"),
        (538, "mh"),
        (636, "lr"),
        (511, "pw"),
        (667, "sl"),
        (677, "tz"),
    ],
)
def test_known_mids(mid: int, country: str) -> None:
    assert mid_table()[mid].country == country


@pytest.mark.parametrize("mid", [600, 217, 280, 200, 776, 302, 680])
def test_unassigned(mid: int) -> None:
    assert not is_assigned(mid)


def test_table_is_well_formed() -> None:
    table = mid_table()
    assert all(201 <= mid <= 775 for mid in table)
    assert all(len(e.country) == 2 and e.country.islower() for e in table.values())
    assert mid_frame().height == len(table)


@pytest.mark.parametrize(
    ("mmsi", "kind", "mid"),
    [
        (445451000, "ship", 445),  # pyais gatehouse.nmea
        (600011817, "ship", 600),  # gpsdio-segment test track, MID assigned to nobody
        (3669713, "coast", 366),  # 003669713: a US base station (nm4 type 4)
        (12345678, "group", 123),  # 012345678, MarineCadastre "INGRAM TEST UNIT"
        (111232506, "sar_aircraft", 232),
        (992351000, "aton", 235),
        (970012345, "sart", None),
        (982320000, "craft", 232),
        (1_000_000_000, "invalid", None),
    ],
)
def test_station_kind(mmsi: int, kind: str, mid: int | None) -> None:
    assert station_kind(mmsi) == kind
    assert mid_of(mmsi) == mid


def test_flag_of() -> None:
    assert flag_of(445451000) == "kp"
    assert flag_of(416000000) == "tw"
    assert flag_of(600011817) is None


def test_flag_expr_agrees_with_flag_of(shared: Path) -> None:
    path = shared / "ais/aisdb/test_data_noaa_20230101.csv"
    with path.open("rb") as handle:
        frames = read_csv(decompress(handle, path.name), name=path.name, report=ParseReport())
    mmsis = frames.positions.select("mmsi").unique()
    flags = mmsis.with_columns(flag_expr(pl.col("mmsi")).alias("flag"))
    ships = [(m, f) for m, f in flags.iter_rows() if station_kind(m) == "ship"]
    assert len(ships) > 900
    assert all(flag == flag_of(mmsi) for mmsi, flag in ships)
    assert dict(flags.iter_rows())[636021061] == "lr"  # MSC NAISHA III, Liberia
