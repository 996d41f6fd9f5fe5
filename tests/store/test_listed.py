"""List entries versus outside data: decided per record, by what the record says."""

from __future__ import annotations

from pathlib import Path

from fullcourt.model import Record, make_entity
from fullcourt.sources.report import ParseReport
from fullcourt.store import Store
from fullcourt.store.listed import listed_records
from fullcourt.store.load import LoadRequest, load_records
from tests.store.entries import ofac_entries


def _company(entity_id: str, *topics: str) -> Record:
    entity = make_entity("Company", entity_id, "case_file")
    entity.add("name", entity_id.upper())
    for topic in topics:
        entity.add("topics", topic)
    return Record(entity, entity_id)


def test_sanction_records_and_risk_topics_make_list_entries(tmp_path: Path) -> None:
    case = [
        _company("case-a", "sanction"),  # marked by another tool, no Sanction record
        _company("case-b", "sanction.linked"),  # a risk topic too: watch lists carry these
        _company("case-c", "corp.offshore"),  # a topic, but no risk: a customer
        _company("case-d"),  # a plain customer
    ]
    with Store(tmp_path / "s.duckdb") as store:
        for dataset, records in (("us_ofac_sdn", ofac_entries()), ("case_file", case)):
            request = LoadRequest(dataset, "test", ["f"], dataset.ljust(64, "x"), "v1")
            load_records(store, request, records, ParseReport())
        listed = listed_records(store)
    assert {e for d, e in listed if d == "case_file"} == {"case-a", "case-b"}
    # every OFAC party is named by a Sanction record; the UnknownLink between two is not
    assert {d for d, _ in listed} == {"us_ofac_sdn", "case_file"}
    assert len([e for d, e in listed if d == "us_ofac_sdn"]) == 3
