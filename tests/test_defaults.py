"""The bundled default data loads offline and keeps its provenance."""

from __future__ import annotations

from pathlib import Path

from fullcourt.defaults import load_defaults, read_manifest
from fullcourt.store import Store
from fullcourt.store.query import get_entity, list_datasets


def test_defaults_load_with_versions_and_origins(tmp_path: Path) -> None:
    manifest = read_manifest()
    with Store(tmp_path / "s.duckdb") as store:
        results = load_defaults(store)
        assert all(r.loaded for r in results)
        found = list_datasets(store)
        for entry in manifest:
            (info,) = found[entry["dataset"]]
            assert info.version == entry["version"]
        assert not any(r.loaded for r in load_defaults(store))  # idempotent
        view = get_entity(store, "KPi.001")
        (un,) = [r for r in view.records if r.dataset == "un_sc_sanctions"]
        assert {s.origin for s in un.statements} == {
            "un_sc/2026-02-27_moov-watchman/consolidated.xml"
        }
        # the UK record citing the UN reference is the same person
        assert "gb_fcdo_sanctions" in {r.dataset for r in view.records}


def test_defaults_hold_the_north_korea_entries(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        load_defaults(store)
        rows = dict(
            store.conn.execute(
                """SELECT dataset, count(DISTINCT entity_id) FROM records
                   WHERE source_id IS NOT NULL GROUP BY dataset"""
            ).fetchall()
        )
        assert rows["un_sc_sanctions"] >= 155
        assert rows["us_ofac_sdn"] >= 489
        assert rows["gb_fcdo_sanctions"] >= 261
        # the same hull on several lists is one entity
        linked = store.conn.execute("SELECT count(DISTINCT canonical_id) FROM links").fetchone()
        assert linked is not None and linked[0] > 30
