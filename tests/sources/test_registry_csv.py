"""The registry CSV reader on the hand-written extract in fixtures/registry (see its README)."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest

from fullcourt.model import Entity, Record
from fullcourt.sources.errors import SourceError
from fullcourt.sources.registry_csv import parse_registry_csv, parse_registry_folder
from fullcourt.sources.registry_spec import RegistrySpec
from fullcourt.sources.report import ParseReport

FOLDER = Path(__file__).parent / "fixtures" / "registry"
Parsed = tuple[list[Record], dict[str, Entity], ParseReport]


@pytest.fixture(scope="module")
def parsed() -> Parsed:
    report = ParseReport()
    records = list(parse_registry_folder(FOLDER, dataset="sg_extract", report=report))
    return records, {str(r.entity.id): r.entity for r in records}, report


def relations(records: list[Record], schema: str) -> list[Entity]:
    return [r.entity for r in records if r.entity.schema.name == schema]


def test_counts(parsed: Parsed) -> None:
    records, by_id, report = parsed
    assert Counter(r.entity.schema.name for r in records) == {
        "Company": 8,
        "Person": 11,
        "LegalEntity": 1,  # PACIFIC HARVEST HOLDINGS LIMITED, a holder known by name only
        "Directorship": 9,
        "Ownership": 9,  # 10 rows, one repeated verbatim
    }
    assert len(by_id) == len(records)  # every id once
    assert report.records == 8 + 9 + 10
    # only companies are entries of the register: their registry number is the source id
    assert sorted(r.source_id for r in records if r.source_id) == sorted(
        str(e.first("registrationNumber")) for e in by_id.values() if e.schema.name == "Company"
    )


def test_company_values(parsed: Parsed) -> None:
    _, by_id, _ = parsed
    wee = by_id["sg-extract-199308567k"]
    assert wee.get("name") == ["WEE TIONG (S) PTE LTD"]
    assert wee.get("registrationNumber") == ["199308567K"]
    assert wee.get("jurisdiction") == ["sg"]  # "Singapore"
    assert wee.get("address") == [
        "64D Kallang Pudding Road, #02-00 Wee Tiong Building, 349323, Singapore"
    ]
    front = by_id["sg-extract-201907731k"]
    assert front.get("incorporationDate") == ["2019-03-12"]  # "12/03/2019", day first
    assert sorted(front.get("previousName")) == [  # two names in one cell, split on ";"
        "KALLANG STAR MARINE PTE. LTD.",
        "KS MARINE PTE. LTD.",
    ]
    green = by_id["sg-extract-200412345w"]
    assert green.get("incorporationDate") == ["2004-09-30"]  # "30 Sep 2004"
    assert green.get("dissolutionDate") == ["2022-01-15"]
    ship = by_id["sg-extract-2400341"]
    assert ship.get("imoNumber") == ["5931563"]  # written "IMO 5931563"
    assert ship.get("jurisdiction") == ["hk"]
    assert by_id["sg-extract-201533310r"].get("incorporationDate") == []  # 31/02/2015


def test_shareholdings_keep_the_text(parsed: Parsed) -> None:
    records, _, _ = parsed
    stakes = {
        (str(o.first("owner")), str(o.first("asset"))): o.get("percentage")
        for o in relations(records, "Ownership")
    }
    assert stakes[("sg-extract-199308567k", "sg-extract-201907731k")] == ["60%"]
    assert stakes[("sg-extract-201907731k", "sg-extract-202011458d")] == ["50.00"]
    assert stakes[("sg-extract-party-199308567k-tan-wee-beng", "sg-extract-199308567k")] == [
        "more than 25%"
    ]


def test_officers(parsed: Parsed) -> None:
    records, by_id, _ = parsed
    posts = {
        (str(d.first("director")), str(d.first("organization"))): d
        for d in relations(records, "Directorship")
    }
    tan = "sg-extract-party-tan-wee-beng-1977-02-14"  # name and date of birth: one person
    assert posts[(tan, "sg-extract-199308567k")].get("role") == ["Director"]
    assert posts[(tan, "sg-extract-201616714z")].get("role") == ["Managing Director"]
    assert by_id[tan].get("birthDate") == ["1977-02-14"]
    assert by_id[tan].get("nationality") == ["sg"]
    # no date of birth: ONG MEI LING of two companies stays two parties
    assert {
        "sg-extract-party-201907731k-ong-mei-ling",
        "sg-extract-party-202011458d-ong-mei-ling",
    } <= set(by_id)
    # a corporate officer given by registry number is that company, not a new party
    secretary = posts[("sg-extract-201907731k", "sg-extract-2400341")]
    assert secretary.get("role") == ["Corporate Secretary"]
    ended = posts[("sg-extract-party-ng-siew-lan-1980-08-19", "sg-extract-201533310r")]
    assert (ended.get("startDate"), ended.get("endDate")) == (["2015-11-20"], ["2021-06-30"])


def test_report(parsed: Parsed) -> None:
    _, _, report = parsed
    assert report.unknown == {
        "rejected:Company.incorporationDate": 1,  # 31/02/2015
        "unknown-party-type": 1,  # "Nominee": a Person, by its date of birth
        "officers:unknown-company": 1,  # 201799999Z is not in companies.csv
        "shareholders:repeated-row": 1,
    }
    assert report.examples["officers:unknown-company"] == ["201799999Z (officers.csv:10)"]


def test_default_spec_reads_the_same_columns() -> None:
    report = ParseReport()
    with (FOLDER / "companies.csv").open("rb") as handle:
        records = list(parse_registry_csv(handle, name="companies.csv", dataset="x", report=report))
    assert len(records) == 8
    assert records[0].entity.id == "registry-199308567k"  # the default prefix


def test_semicolon_extract() -> None:
    spec = RegistrySpec.from_dict(
        {"companies": {"id": "nr", "name": "naam"}, "delimiter": ";", "prefix": "nl"}
    )
    data = b"nr;naam\n12345678;ALPHA B.V.\n"
    records = list(
        parse_registry_csv(
            io.BytesIO(data), spec=spec, name="c.csv", dataset="x", report=ParseReport()
        )
    )
    assert [(r.entity.id, r.entity.get("name")) for r in records] == [
        ("nl-12345678", ["ALPHA B.V."])
    ]


def parse(data: bytes, name: str = "companies.csv") -> list[Record]:
    return list(parse_registry_csv(io.BytesIO(data), name=name, dataset="x", report=ParseReport()))


HEADER = b"company_number,company_name\n"


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"", 1, "empty file"),
        (HEADER + b'123,"BROKEN\n456,OTHER\n', 2, "broken CSV"),  # quote never closed
        (HEADER + b"123,CAF\xe9 LTD\n", 2, "not valid utf-8"),  # Windows-1252 e-acute
        (b"node_id,name\n1,X\n", 1, "lacks column 'company_number'"),  # another format
    ],
)
def test_bad_input(data: bytes, line: int, message: str) -> None:
    with pytest.raises(SourceError, match=message) as caught:
        parse(data)
    assert (caught.value.file, caught.value.line) == ("companies.csv", line)


def test_ragged_row_is_noted_not_read() -> None:
    report = ParseReport()
    data = HEADER + b"123,ALPHA,EXTRA\n456,BETA\n"
    records = list(
        parse_registry_csv(io.BytesIO(data), name="companies.csv", dataset="x", report=report)
    )
    assert [r.entity.get("name") for r in records] == [["BETA"]]
    assert report.examples == {"ragged-row:companies.csv": ["line 2"]}


def test_tables_without_a_spec_section() -> None:
    spec = RegistrySpec.from_dict({"companies": {"id": "company_number", "name": "company_name"}})
    with pytest.raises(SourceError, match="maps no officers columns"):
        list(
            parse_registry_csv(
                io.BytesIO(HEADER),
                officers=io.BytesIO(b"x\n"),
                spec=spec,
                name="companies.csv",
                dataset="x",
                report=ParseReport(),
            )
        )
