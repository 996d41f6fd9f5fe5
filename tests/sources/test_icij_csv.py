"""The ICIJ Offshore Leaks reader on the hand-written tables in fixtures/icij (see README)."""

from __future__ import annotations

import io
import os
from collections import Counter
from pathlib import Path

import pytest

from fullcourt.model import Entity, Record
from fullcourt.sources.errors import SourceError
from fullcourt.sources.icij_csv import (
    FILES,
    officer_schema,
    parse_icij_csv,
    parse_icij_folder,
    sniff_icij_csv,
)
from fullcourt.sources.report import ParseReport

FOLDER = Path(__file__).parent / "fixtures" / "icij"
Parsed = tuple[list[Record], dict[str, Entity], ParseReport]


@pytest.fixture(scope="module")
def parsed() -> Parsed:
    report = ParseReport()
    records = list(parse_icij_folder(FOLDER, dataset="icij", report=report))
    return records, {str(r.entity.id): r.entity for r in records}, report


def edges(
    records: list[Record], schema: str, source: str, target: str
) -> dict[tuple[str, str], Entity]:
    return {
        (str(r.entity.first(source)), str(r.entity.first(target))): r.entity
        for r in records
        if r.entity.schema.name == schema
    }


def test_counts(parsed: Parsed) -> None:
    records, by_id, report = parsed
    assert Counter(r.entity.schema.name for r in records) == {
        "Company": 6,  # nodes-entities
        "LegalEntity": 6,  # 2 intermediaries, 1 other, 3 officers with corporate names
        "Person": 5,
        "Ownership": 5,
        "Directorship": 3,
        "Representation": 1,
        "UnknownLink": 2,
    }
    assert len(by_id) == len(records) == report.records == 28
    # nodes are entries under ICIJ's node id; relations are not entries
    nodes = [r for r in records if r.source_id]
    assert len(nodes) == 17
    assert all(r.entity.id == f"icij-{r.source_id}" for r in nodes)


def test_entity_values(parsed: Parsed) -> None:
    _, by_id, _ = parsed
    dcb = by_id["icij-10100001"]
    assert dcb.get("name") == ["DCB FINANCE LIMITED"]
    assert dcb.get("previousName") == []  # original_name repeats the name
    assert dcb.get("jurisdiction") == ["vg"]  # jurisdiction_description, not ICIJ's "BVI"
    assert dcb.get("incorporationDate") == ["2006-06-30"]  # "30-JUN-2006"
    assert dcb.get("registrationNumber") == ["1034567"]  # ibcRUC
    assert sorted(dcb.get("country")) == ["cn", "kp", "vg"]  # "PRK;CHN" and the address
    # the registered address comes from nodes-addresses through relationships.csv
    assert dcb.get("address") == [
        "Akara Building, 24 de Castro Street, Wickhams Cay I, Road Town, Tortola, "
        "British Virgin Islands"
    ]
    assert dcb.get("sourceUrl") == ["https://offshoreleaks.icij.org/nodes/10100001"]
    assert dcb.get("publisher") == ["Offshore Leaks"]
    orchid = by_id["icij-10100003"]
    assert orchid.get("previousName") == ["PACIFIC ORCHID TRADING LIMITED"]  # former_name
    assert orchid.get("dissolutionDate") == ["2016-05-15"]  # struck_off_date
    assert by_id["icij-10100006"].get("incorporationDate") == []  # "2009-13-45"
    assert by_id["icij-85100001"].get("legalForm") == ["FOUNDATION"]  # nodes-others type
    # an officer's "residential address" is a registered_address edge too
    assert by_id["icij-12100003"].get("address") == [
        "8th Floor, Number 466, Sec. 2, Neihu Road, Taipei, Taiwan"
    ]


def test_relationships(parsed: Parsed) -> None:
    records, _, _ = parsed
    owned = edges(records, "Ownership", "owner", "asset")
    assert owned[("icij-12100002", "icij-10100001")].get("role") == ["shareholder of"]
    assert owned[("icij-12100003", "icij-10100002")].get("role") == ["beneficial owner of"]
    assert owned[("icij-12100006", "icij-10100003")].get("role") == ["nominee shareholder of"]
    assert all(not o.get("percentage") for o in owned.values())  # ICIJ gives no shares
    posts = edges(records, "Directorship", "director", "organization")
    resigned = posts[("icij-12100004", "icij-10100002")]
    assert resigned.get("role") == ["Director of"]
    assert (resigned.get("startDate"), resigned.get("endDate")) == (["2013-02-14"], ["2015-09-16"])
    assert resigned.get("status") == ["Resigned"]
    assert ("icij-12100008", "icij-10100099") in posts  # kept: the graph reports it dangling
    agents = edges(records, "Representation", "agent", "client")
    assert list(agents) == [("icij-11100001", "icij-10100001")]
    links = edges(records, "UnknownLink", "subject", "object")
    assert links[("icij-12100005", "icij-10100003")].get("role") == ["secretary of"]
    assert links[("icij-10100005", "icij-10100006")].get("role") == ["connected to"]


def test_report(parsed: Parsed) -> None:
    _, _, report = parsed
    assert report.unknown == {
        "address:unreferenced": 2,
        "rejected:Company.incorporationDate": 1,
        "similarity:similar": 1,  # ICIJ's guess: counted, not linked
        "rel_type:connected_to": 1,  # unknown: counted, kept as UnknownLink
    }
    assert report.examples["address:unreferenced"] == ["14100004", "14100005"]
    assert report.examples["similarity:similar"] == ["12100004 ~ 12100008"]


@pytest.mark.parametrize(
    ("name", "schema"),
    [
        ("KIM CHOL SAM", "Person"),
        ("DAEDONG CREDIT BANK", "LegalEntity"),  # "bank": a corporate word, no legal form
        ("PORT ORCHID NOMINEES LIMITED", "LegalEntity"),  # a legal form
        ("KINGLY WON INTERNATIONAL CO., LTD.", "LegalEntity"),
        ("THE BEARER", "LegalEntity"),  # bearer shares, not a person
        ("Mossack Fonseca & Co.", "LegalEntity"),
        ("MADONNA", "LegalEntity"),  # one word: not enough to call it a person
        ("José María Álvarez-Ruiz", "Person"),  # accents and hyphens are still a name
        ("123 HOLDING 4", "LegalEntity"),
    ],
)
def test_officer_schema(name: str, schema: str) -> None:
    assert officer_schema(name) == schema


@pytest.mark.parametrize("table", sorted(FILES))
def test_sniff(table: str) -> None:
    assert sniff_icij_csv((FOLDER / FILES[table]).read_bytes()[:4096]) == table


def test_sniff_rejects_a_registry_file() -> None:
    registry = FOLDER.parent / "registry" / "companies.csv"
    assert sniff_icij_csv(registry.read_bytes()[:4096]) is None


RELATIONSHIPS = b"node_id_start,node_id_end,rel_type,link,status,start_date,end_date,sourceID\n"
OFFICERS = b"node_id,name,countries,country_codes,sourceID,valid_until,note\n"


def parse(tables: dict[str, bytes], report: ParseReport | None = None) -> list[Record]:
    streams = {t: io.BytesIO(data) for t, data in tables.items()}
    return list(
        parse_icij_csv(streams, name="oldb", dataset="icij", report=report or ParseReport())
    )


def test_broken_quote_names_file_and_line() -> None:
    tables = {"relationships": RELATIONSHIPS, "officers": OFFICERS + b'1,"BROKEN,,,,,\n'}
    with pytest.raises(SourceError, match="broken CSV") as caught:
        parse(tables)
    assert (caught.value.file, caught.value.line) == ("oldb/nodes-officers.csv", 2)


def test_wrong_encoding() -> None:
    tables = {"relationships": RELATIONSHIPS, "officers": OFFICERS + b"1,JOS\xc9,,,,,\n"}
    with pytest.raises(SourceError, match="not valid utf-8") as caught:
        parse(tables)
    assert caught.value.line == 2


@pytest.mark.parametrize(
    ("tables", "message"),
    [
        ({"officers": OFFICERS}, "needs relationships.csv"),
        ({"relationships": RELATIONSHIPS}, "needs relationships.csv and node files"),
        ({"relationships": b"", "officers": OFFICERS}, "empty file"),
        ({"relationships": RELATIONSHIPS, "officers": b"id,name\n"}, "lacks column 'node_id'"),
    ],
)
def test_bad_input(tables: dict[str, bytes], message: str) -> None:
    with pytest.raises(SourceError, match=message):
        parse(tables)


def test_relationships_must_be_seekable() -> None:
    read, write = os.pipe()
    os.write(write, RELATIONSHIPS)
    os.close(write)
    with open(read, "rb") as pipe, pytest.raises(SourceError, match="seekable"):
        list(
            parse_icij_csv(
                {"relationships": pipe, "officers": io.BytesIO(OFFICERS)},
                name="oldb",
                dataset="icij",
                report=ParseReport(),
            )
        )


def test_unknown_column_and_repeated_edge_are_noted() -> None:
    report = ParseReport()
    officers = b"node_id,name,shoe_size\n1,ANNA SMITH,38\n2,BOB JONES,44\n"
    edge = b"1,2,officer_of,director of,,,,Panama Papers\n"
    records = parse({"relationships": RELATIONSHIPS + edge + edge, "officers": officers}, report)
    assert Counter(r.entity.schema.name for r in records) == {"Person": 2, "Directorship": 1}
    assert report.unknown == {"column:nodes-officers.csv:shoe_size": 1, "relationship:repeated": 1}


def test_registered_address_to_a_non_address() -> None:
    report = ParseReport()
    edge = b"1,2,registered_address,registered address,,,,Panama Papers\n"
    parse(
        {"relationships": RELATIONSHIPS + edge, "officers": OFFICERS + b"1,ANNA SMITH,,,,,\n"},
        report,
    )
    assert report.examples == {"registered_address:not-an-address": ["2 (relationships.csv:2)"]}
