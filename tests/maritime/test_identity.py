"""Identity timelines and list matching on real AIS.

Expected values were read from the files with zcat/grep/csv (first and last line of each
name, counts of lines), not from this code.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from fullcourt.maritime.identity import (
    HISTORY_SCHEMA,
    ListedVessel,
    identity_history,
    imo_history,
    match_key_text,
    match_listed,
)
from fullcourt.maritime.ingest import read_ais

MARINECADASTRE = "ais/marinecadastre/AIS_2022_01_03_first99999.csv.gz"


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, sec: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, sec, tzinfo=UTC)


@pytest.fixture(scope="module")
def shared_mmsi(shared: Path) -> pl.DataFrame:
    positions, statics, _ = read_ais(
        [shared / "ais/gfw_gpsdio_segment/point_pair/240000000.jsonl.gz"]
    )
    return identity_history(statics, positions)


@pytest.fixture(scope="module")
def us_day(shared: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    positions, statics, _ = read_ais([shared / MARINECADASTRE])
    return identity_history(statics, positions), statics


def test_two_ships_on_one_mmsi(shared_mmsi: pl.DataFrame) -> None:
    assert shared_mmsi.schema == pl.Schema(HISTORY_SCHEMA)
    names = shared_mmsi.filter(pl.col("field") == "name").drop("mmsi", "field").rows()
    assert names == [
        # first type 5 line 2015-01-01T00:01:15, last 2015-01-24T22:17:15, 1,056 lines
        ("IMPALA MAGDALENA", utc(2015, 1, 1, 0, 1, 15), utc(2015, 1, 24, 22, 17, 15), 1056),
        # first 2015-01-03T05:40:44, last 2015-01-31T23:43:11, 172 lines
        ("WARSHIP M71", utc(2015, 1, 3, 5, 40, 44), utc(2015, 1, 31, 23, 43, 11), 172),
    ]
    callsigns = dict(
        shared_mmsi.filter(pl.col("field") == "callsign").select("value", "count").iter_rows()
    )
    assert callsigns == {"P\\0000": 1056, "WU.": 102, "WARSHIP": 70}
    flag = shared_mmsi.filter(pl.col("field") == "flag").row(0, named=True)
    # MID 240 is Greece; timed by all 1,228 static and 2,457 position reports
    assert (flag["value"], flag["count"]) == ("gr", 1228 + 2457)
    assert flag["last_seen"] == utc(2015, 1, 31, 23, 56, 49)  # the file's last line


def test_history_of_a_us_day(us_day: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    history, _ = us_day
    eagle = history.filter(pl.col("mmsi") == 367379190)
    # 20 rows of 367379190 EAGLE,IMO8207721,WTD4583,31 from 00:00:00 to 00:23:19
    assert dict(eagle.select("field", "value").iter_rows()) == {
        "callsign": "WTD4583",
        "flag": "us",
        "imo": "8207721",
        "mmsi": "367379190",
        "name": "EAGLE",
        "ship_type": "31",
    }
    counts = dict(eagle.select("field", "count").iter_rows())
    assert counts == {
        "callsign": 20,
        "flag": 40,  # 20 static + 20 position reports
        "imo": 20,
        "mmsi": 40,
        "name": 20,
        "ship_type": 20,
    }
    assert eagle["first_seen"].min() == utc(2022, 1, 3)
    assert eagle["last_seen"].max() == utc(2022, 1, 3, 0, 23, 19)


def test_imo_history(us_day: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    _, statics = us_day
    rows = imo_history(statics).filter(pl.col("imo") == "9022180")
    # grep IMO9022180: 2 rows from 377039000 and 5 from 377039001, both GRAN FINALE
    mmsis = dict(rows.filter(pl.col("field") == "mmsi").select("value", "count").iter_rows())
    assert mmsis == {"377039000": 2, "377039001": 5}
    assert rows.filter(pl.col("field") == "name")["value"].to_list() == ["GRAN FINALE"]
    assert rows.filter(pl.col("field") == "flag")["value"].to_list() == ["vc"]


def test_dprk_list_against_us_waters(
    shared: Path, us_day: tuple[pl.DataFrame, pl.DataFrame]
) -> None:
    history, _ = us_day
    with (shared / "ais/reference/dprk_sdn_vessels.csv").open() as handle:
        listed = [
            ListedVessel(r["sdn_ent_num"], names=(r["name"],), imo=r["imo"] or None)
            for r in csv.DictReader(handle)
        ]
    matches = match_listed(history, listed)
    # No listed IMO is heard; 15 (list entry, MMSI) pairs share only a common name
    # (PATRIOT x8, BELLA x5, EVER GLORY as "EVERGLORY", LUCKY STAR), found with the csv module.
    assert len(matches) == 15
    assert {m.method for m in matches} == {"name"}
    assert {m.confidence for m in matches} == {0.2}
    assert sum(m.listed_id == "24508" for m in matches) == 8


@pytest.mark.parametrize(
    ("vessel", "mmsi", "method", "confidence"),
    [
        # EAGLE broadcasts IMO8207721; the list writes "IMO 8207721"
        (ListedVessel("a", names=("OTHER NAME",), imo="IMO 8207721"), 367379190, "imo", 0.95),
        # ISLAND ADVENTURE, call sign WDG9106, listed under a newer name
        (
            ListedVessel(
                "b", names=("NEW NAME",), previous_names=("Island Adventure",), call_sign="WDG9106"
            ),
            366899260,
            "previous_name+callsign",
            0.75,
        ),
        # GRAN FINALE with the flag of its MID (377: Saint Vincent and the Grenadines)
        (ListedVessel("c", names=("Gran Finale",), flag="vc"), 377039001, "name+flag", 0.45),
        (ListedVessel("d", mmsi="367379190"), 367379190, "mmsi", 0.8),
        (
            ListedVessel("e", names=("EAGLE",), call_sign="WTD 4583"),
            367379190,
            "name+callsign",
            0.85,
        ),
    ],
)
def test_match_methods(
    us_day: tuple[pl.DataFrame, pl.DataFrame],
    vessel: ListedVessel,
    mmsi: int,
    method: str,
    confidence: float,
) -> None:
    history, _ = us_day
    found = {m.mmsi: m for m in match_listed(history, [vessel])}
    assert found[mmsi].method == method
    assert found[mmsi].confidence == confidence
    assert found[mmsi].evidence["hits"]


def test_nothing_to_match(us_day: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    history, _ = us_day
    assert match_listed(history, []) == []
    assert match_listed(history, [ListedVessel("z", names=("NO SUCH SHIP XYZ",))]) == []


@pytest.mark.parametrize(
    ("value", "key"),
    [("DAIKICHIMARU NO.1", "DAIKICHIMARUNO1"), ("F/V Saint Thomas", "FVSAINTTHOMAS"), ("", "")],
)
def test_match_key_text(value: str, key: str) -> None:
    assert match_key_text(value) == key
