"""List entities read from the store: one per real-world entity, with its records."""

from __future__ import annotations

from pathlib import Path

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
