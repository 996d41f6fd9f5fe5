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
from tests.store.entries import ofac_entries, sanction, un_vessel_entries


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


def test_un_reference_links_national_records_to_the_un_entry(tmp_path: Path) -> None:
    un = make_entity("Organization", "unsc-kpe-001", "un_sc_sanctions")
    un.add("name", "KOREA MINING DEVELOPMENT TRADING CORPORATION")
    un_sanction = sanction("un_sc_sanctions", "KPe.001", un.id, "DPRK")
    un_sanction.entity.add("unscId", "KPe.001")
    uk = make_entity("Organization", "gb-dpr0001", "gb_fcdo_sanctions")
    uk.add("name", "KOREA MINING DEVELOPMENT TRADING CORPORATION (KOMID)")
    uk_sanction = sanction("gb_fcdo_sanctions", "DPR0001", uk.id, "DPRK")
    uk_sanction.entity.add("unscId", "KPe.001")
    person = make_entity("Person", "gb-dpr0002", "gb_fcdo_sanctions")
    person.add("name", "somebody citing the same reference by mistake")
    wrong = sanction("gb_fcdo_sanctions", "DPR0002", person.id, "DPRK")
    wrong.entity.add("unscId", "KPe.001")
    with Store(tmp_path / "s.duckdb") as store:
        _load(store, "un_sc_sanctions", [Record(un, "KPe.001"), un_sanction])
        _load(
            store,
            "gb_fcdo_sanctions",
            [Record(uk, "DPR0001"), uk_sanction, Record(person, "DPR0002"), wrong],
        )
        view = get_entity(store, "KPe.001")
        # the organisation records link; a person never links with an organisation
        assert {r.source_id for r in view.records} == {"KPe.001", "DPR0001"}
        assert view.link_evidence == "unscId=KPE001"


def test_outside_records_never_rename_list_entities(tmp_path: Path) -> None:
    # A registry extract holding the hull CHONG CHON GANG and a shipping company by the
    # IMO and registration numbers of list entries: outside data, neither sanctioned nor
    # topic-marked. Linking them here would rename the listed ship after the registry's id.
    hull = make_entity("Vessel", "aaa-registry-hull", "sg_registry")
    hull.add("name", "CHONG CHON GANG")
    hull.add("imoNumber", "7937317")
    company = make_entity("Company", "aaa-registry-co", "sg_registry")
    company.add("name", "OCEAN MARITIME MANAGEMENT")
    company.add("registrationNumber", "201907731K")
    listed = make_entity("Company", "ofac-omm", "us_ofac_sdn")
    listed.add("name", "OCEAN MARITIME MANAGEMENT COMPANY LIMITED")
    listed.add("registrationNumber", "201907731K")
    records = [
        *ofac_entries(),
        Record(listed, "OMM"),
        sanction("us_ofac_sdn", "OMM", listed.id, "DPRK"),
    ]
    with Store(tmp_path / "s.duckdb") as store:
        _load(store, "us_ofac_sdn", records)
        _load(store, "un_sc_sanctions", un_vessel_entries())
        before = get_entity(store, "17069").canonical_id
        _load(store, "sg_registry", [Record(hull, "R1"), Record(company, "R2")])
        assert get_entity(store, "17069").canonical_id == before  # still the lists' own id
        assert {r.dataset for r in get_entity(store, "17069").records} == {
            "us_ofac_sdn",
            "un_sc_sanctions",
        }
        assert get_entity(store, "OMM").canonical_id == listed.id  # not linked at all
        linked = store.conn.execute("SELECT DISTINCT dataset FROM links").fetchall()
        assert {d for (d,) in linked} == {"us_ofac_sdn", "un_sc_sanctions"}


def test_topic_marked_records_are_list_entries(tmp_path: Path) -> None:
    # An FtM file from another tool marks its sanctioned ship by topic, with no Sanction
    # record: it is a list entry, so it links with the OFAC record on the same IMO number.
    ship = make_entity("Vessel", "case-ship", "case_file")
    ship.add("name", "CHONG CHON GANG")
    ship.add("imoNumber", "7937317")
    ship.add("topics", "sanction")
    with Store(tmp_path / "s.duckdb") as store:
        _load(store, "us_ofac_sdn", ofac_entries())
        _load(store, "case_file", [Record(ship, "case-ship")])
        assert {r.dataset for r in get_entity(store, "17069").records} == {
            "us_ofac_sdn",
            "case_file",
        }
