"""Analysing what is on disk: the AIS Parquet store beside the list store."""

from __future__ import annotations

from pathlib import Path

from fullcourt.maritime.ingest import write_parquet
from fullcourt.maritime.stored import (
    analyse_stored,
    default_ais_folder,
    store_version,
    stored_ships,
)
from fullcourt.sources.ais_frames import AisFrames

from .ship_scenarios import RENAMED, traffic


def test_the_ais_store_sits_beside_the_list_store(tmp_path: Path) -> None:
    db = tmp_path / "lists.duckdb"
    assert default_ais_folder(db, {}) == tmp_path / "lists.duckdb.ais"
    assert default_ais_folder(db, {"FULLCOURT_AIS": "/data/ais"}) == Path("/data/ais")
    assert default_ais_folder(db, {"FULLCOURT_AIS": ""}) == tmp_path / "lists.duckdb.ais"


def test_no_list_store_means_no_listed_ships(tmp_path: Path) -> None:
    assert stored_ships(tmp_path / "missing.duckdb") == []
    empty = analyse_stored(tmp_path / "missing.duckdb", tmp_path / "no-ais")
    assert (empty.events, empty.risks, empty.ships) == ((), (), ())


def test_stored_traffic_against_the_default_lists(default_store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ais"
    before = store_version(default_store, folder)
    write_parquet(AisFrames(*traffic()), folder)
    after = store_version(default_store, folder)
    assert before != after and store_version(default_store, folder) == after
    analysis = analyse_stored(default_store, folder)
    assert len(analysis.ships) == 116
    assert [m.method for m in analysis.matches if m.mmsi == RENAMED] == ["imo"]
    assert analysis.risks[0].lines[0].severity.code == "dprk_port_call"
