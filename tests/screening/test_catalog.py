"""List entities read from the store: one per real-world entity, with its records."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from fullcourt.ingest import load_paths
from fullcourt.screening.catalog import current_versions, iter_list_entities
from fullcourt.store import Store


def test_linked_records_are_one_entity(default_store: Path) -> None:
    with Store(default_store, read_only=True) as store:
        entities = list(iter_list_entities(store))
        versions = current_versions(store)
    assert {d for d, _ in versions} == {
        "us_ofac_sdn",
        "un_sc_sanctions",
        "gb_fcdo_sanctions",
        "eu_journal_sanctions",
    }
    by_imo = [e for e in entities if "8660313" in e.subject.identifiers.get("imo", ())]
    # CHON MA SAN is on the OFAC, UK and EU lists: one entity, three records
    assert len(by_imo) == 1
    assert set(by_imo[0].datasets) >= {"us_ofac_sdn", "gb_fcdo_sanctions"}
    assert by_imo[0].id.startswith("fc-") and len(by_imo[0].records) >= 2
    assert all(e.first_seen is not None for e in entities)
    assert all(
        e.schema
        in {"Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane", "PublicBody"}
        for e in entities
    )


FIXTURES = Path(__file__).parents[1] / "sources" / "fixtures"
# An analyst's case file: one company the file itself marks as sanctioned (topic only, no
# Sanction record), one linked to a sanctioned party, one plain customer.
CASE = [
    {"id": "case-a", "schema": "Company", "properties": {"name": ["ALPHA TRADING"],
     "topics": ["sanction"]}},
    {"id": "case-b", "schema": "Company", "properties": {"name": ["BETA LOGISTICS"],
     "topics": ["sanction.linked"]}},
    {"id": "case-c", "schema": "Company", "properties": {"name": ["GAMMA FOODS"],
     "topics": ["corp.offshore"]}},  # a topic, but no risk: not a list entry
]  # fmt: skip


def test_outside_data_is_not_screened(default_store: Path, tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    shutil.copy(default_store, path)
    case = tmp_path / "case.ftm.json"
    case.write_text("".join(json.dumps(line) + "\n" for line in CASE), encoding="utf-8")
    with Store(path) as store:
        before = {e.id for e in iter_list_entities(store)}
        versions = current_versions(store)
        load_paths(store, [FIXTURES / "icij", FIXTURES / "registry", case])
        entities = list(iter_list_entities(store))
        after = {e.id for e in entities}
        # the index reflects the case file (it holds list entries), not ICIJ or the registry
        now = dict(current_versions(store))
        assert now.pop("ftm_import").startswith("sha256-") and now == dict(versions)
    datasets = {d for e in entities for d in e.datasets}
    assert not datasets & {"icij_offshoreleaks", "sg_extract"}
    # the ICIJ and registry copies of listed companies stay out of the list entities too
    records = {r for e in entities for _, r, _ in e.records}
    assert not {r for r in records if r.startswith(("icij-", "sg-extract-"))}
    # the list entities are all still there (a registry number may re-key one), and of
    # the case file the two marked with a risk topic
    assert len(after) == len(before) + 2
    assert {"case-a", "case-b"} < after and "case-c" not in after
