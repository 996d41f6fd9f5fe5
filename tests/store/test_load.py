"""Loads are atomic, versioned and idempotent."""

from __future__ import annotations

from pathlib import Path

import pytest

from fullcourt.sources.errors import SourceError
from fullcourt.sources.report import ParseReport
from fullcourt.store import Store, StoreError
from fullcourt.store.load import LoadRequest, load_records
from fullcourt.store.query import list_datasets
from tests.store.entries import failing_after, ofac_entries, un_vessel_entries


def request(version: str | None = "2024-06-27", content: str = "a") -> LoadRequest:
    return LoadRequest("us_ofac_sdn", "ofac_csv", ["sdn.csv"], content * 64, version=version)


def snapshot(store: Store) -> list[tuple[object, ...]]:
    tables = ["versions", "records", "statements", "identifier_flags", "links"]
    return [
        (t, *row)
        for t in tables
        for row in store.conn.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
    ]


def test_load_counts_entities_and_statements(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        result = load_records(store, request(), ofac_entries(), ParseReport())
        assert result.loaded and result.version == "2024-06-27"
        assert result.entities == 8
        info = list_datasets(store)["us_ofac_sdn"][0]
        assert (info.entries, info.entities) == (3, 8)


def test_same_content_twice_is_a_no_op(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        load_records(store, request(), ofac_entries(), ParseReport())
        before = snapshot(store)
        again = load_records(store, request(version="other"), ofac_entries(), ParseReport())
        assert not again.loaded and again.version == "2024-06-27"
        assert snapshot(store) == before


def test_failed_parse_leaves_store_unchanged(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        load_records(store, request(), ofac_entries(), ParseReport())
        before = snapshot(store)
        with pytest.raises(SourceError, match=r"sdn.csv:10000"):
            load_records(
                store, request("2024-07", "b"), failing_after(ofac_entries(), 3), ParseReport()
            )
        assert snapshot(store) == before


def test_same_label_other_content_is_refused(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        load_records(store, request(), ofac_entries(), ParseReport())
        with pytest.raises(StoreError, match="already loaded with other content"):
            load_records(store, request(content="c"), ofac_entries(), ParseReport())


def test_version_falls_back_to_published_then_hash(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        report = ParseReport(published="2026-02-27")
        assert load_records(store, request(None), ofac_entries(), report).version == "2026-02-27"
        hashed = load_records(store, request(None, "d"), ofac_entries(), ParseReport())
        assert hashed.version == "sha256-dddddddddddd"


def test_invalid_identifiers_are_kept_and_flagged(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        req = LoadRequest("un_sc_sanctions", "un_xml", ["consolidated.xml"], "e" * 64, "v1")
        result = load_records(store, req, un_vessel_entries(), ParseReport())
        assert result.flags == 1
        kept = store.conn.execute(
            "SELECT value FROM statements WHERE prop = 'imoNumber' ORDER BY value"
        ).fetchall()
        assert kept == [("7937317",), ("7937318",)]
        flags = store.conn.execute("SELECT prop, value FROM identifier_flags").fetchall()
        assert flags == [("imoNumber", "7937318")]


def test_store_refuses_other_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="store schema 0"):
        Store(path)


def test_read_only_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here yet"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def current(store: Store) -> str:
    row = store.conn.execute("SELECT version FROM current_versions").fetchone()
    assert row is not None
    return str(row[0])


def test_an_undated_version_loaded_again_is_current_again(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        first = load_records(store, request(None, "a"), ofac_entries(), ParseReport())
        load_records(store, request(None, "b"), un_vessel_entries(), ParseReport())
        assert current(store) == "sha256-bbbbbbbbbbbb"
        again = load_records(store, request(None, "a"), ofac_entries(), ParseReport())
        assert (again.loaded, again.reinstated, again.version) == (False, True, first.version)
        assert current(store) == first.version
        once_more = load_records(store, request(None, "a"), ofac_entries(), ParseReport())
        assert not once_more.reinstated  # already current: nothing changes


def test_a_dated_version_loaded_again_stays_where_its_date_puts_it(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        old, new = ParseReport(published="2024-01-01"), ParseReport(published="2024-06-01")
        load_records(store, request(None, "a"), ofac_entries(), old)
        load_records(store, request(None, "b"), ofac_entries(), new)
        again = load_records(store, request(None, "a"), ofac_entries(), ParseReport())
        assert not again.reinstated and current(store) == "2024-06-01"
