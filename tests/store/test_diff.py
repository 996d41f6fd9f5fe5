"""Diffs report designations, delistings and amendments, including attached records."""

from __future__ import annotations

from pathlib import Path

import pytest

from fullcourt.model import Record
from fullcourt.sources.report import ParseReport
from fullcourt.store import Store, StoreError
from fullcourt.store.diff import diff_versions
from fullcourt.store.load import LoadRequest, load_records
from tests.store.entries import ofac_entries, sanction


def load(store: Store, version: str, records: list[Record], content: str) -> None:
    req = LoadRequest("us_ofac_sdn", "ofac_csv", ["sdn.csv"], content * 64, version)
    load_records(store, req, records, ParseReport())


def test_added_removed_changed(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        load(store, "2024-05", ofac_entries(with_hwang=False), "a")
        newer = ofac_entries(komid_alias="KOMID TRADING")
        newer.append(sanction("us_ofac_sdn", "17069", "ofac-17069", "DPRK3"))
        load(store, "2024-06", newer, "b")
        diff = diff_versions(store, "us_ofac_sdn", "2024-05", "2024-06")
        assert [(c.source_id, c.name) for c in diff.added] == [("18552", "HWANG, Su Man")]
        assert diff.removed == []
        changed = {c.source_id: c for c in diff.changed}
        assert set(changed) == {"9345", "17069"}
        assert changed["9345"].added == {"alias": ["KOMID TRADING"]}
        assert changed["9345"].removed == {"alias": ["KOMID"]}
        # a new programme lives on a new Sanction entity, and still counts as a change
        assert changed["17069"].added == {"Sanction.program": ["DPRK3"]}
        assert changed["17069"].removed == {}
        back = diff_versions(store, "us_ofac_sdn", "2024-06", "2024-05")
        assert [c.source_id for c in back.removed] == ["18552"]


def test_unknown_version_names_the_known_ones(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        load(store, "2024-05", ofac_entries(), "a")
        with pytest.raises(StoreError, match="known: 2024-05"):
            diff_versions(store, "us_ofac_sdn", "2024-05", "2099-01")
