"""Cross-list links: strong identifiers link records, names never do."""

from __future__ import annotations

from pathlib import Path

import pytest

from fullcourt.model import Record, make_entity
from fullcourt.sources.report import ParseReport
from fullcourt.store import Store
from fullcourt.store.load import LoadRequest, load_records
from fullcourt.store.query import get_entity
from fullcourt.store.resolve import group_records, normalize_identifier
from tests.store.entries import ofac_entries, un_vessel_entries


@pytest.mark.parametrize(
    ("prop", "value", "expected"),
    [
        ("imoNumber", "IMO 7937317", "7937317"),  # prefix as OFAC remarks write it
        ("imoNumber", "7937318", None),  # failed check digit: never links
        ("passportNumber", "472220033", "472220033"),
        ("passportNumber", "PS 472-220-033", "PS472220033"),  # spacing and dashes vary
        ("passportNumber", "123", None),  # too short to be evidence
    ],
)
def test_normalize_identifier(prop: str, value: str, expected: str | None) -> None:
    assert normalize_identifier(prop, value) == expected


def test_group_requires_compatible_schema() -> None:
    rows = [
        ("a", "ds1", "Vessel", "imoNumber", "7937317"),
        ("b", "ds2", "Vessel", "imoNumber", "IMO 7937317"),
        ("c", "ds2", "Person", "imoNumber", "7937317"),  # a person cannot share a hull's IMO
    ]
    groups = group_records(rows)
    assert [sorted(g) for g, _ in groups] == [[("ds1", "a"), ("ds2", "b")]]
    assert groups[0][1] == {"imoNumber=7937317"}


def _load(store: Store, dataset: str, records: list[Record]) -> None:
    req = LoadRequest(dataset, "test", ["f"], dataset.ljust(64, "x"), "v1")
    load_records(store, req, records, ParseReport())


def test_same_ship_on_two_lists_is_one_entity(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        _load(store, "us_ofac_sdn", ofac_entries())
        _load(store, "un_sc_sanctions", un_vessel_entries())
        view = get_entity(store, "17069")
        assert {(r.dataset, r.source_id) for r in view.records} == {
            ("us_ofac_sdn", "17069"),
            ("un_sc_sanctions", "KPe.CCG"),
        }
        assert view.link_evidence == "imoNumber=7937317"
        assert get_entity(store, view.canonical_id).canonical_id == view.canonical_id


def test_same_name_alone_never_links(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        _load(store, "us_ofac_sdn", ofac_entries())
        namesake = make_entity("Organization", "gb-komid", "gb_fcdo_sanctions")
        namesake.add("name", "KOREA MINING DEVELOPMENT TRADING CORPORATION")
        _load(store, "gb_fcdo_sanctions", [Record(namesake, "DPR0001")])
        assert len(get_entity(store, "9345").records) == 1
