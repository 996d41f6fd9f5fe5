"""EU FSF XML: the hand-written sample (values copied from the EU journal CSV) and bad input."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest

from fullcourt.model import Record
from fullcourt.sources.errors import SourceError
from fullcourt.sources.eu_xml import parse_eu_xml, sniff_eu_xml
from fullcourt.sources.report import ParseReport

SAMPLE = Path(__file__).parent / "fixtures" / "eu_fsf_sample.xml"
NS = "http://eu.europa.ec/fpi/fsd/export"


def parse(data: bytes, name: str = "fsf.xml") -> tuple[list[Record], ParseReport]:
    report = ParseReport()
    records = list(parse_eu_xml(io.BytesIO(data), name=name, dataset="eu_fsf", report=report))
    return records, report


def export(body: str, ns: str = NS) -> bytes:
    head = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<export xmlns="{ns}" generationDate="2025-01-02">'
    )
    return (head + body + "</export>").encode("utf-8")


@pytest.fixture(scope="module")
def sample() -> tuple[dict[str, Record], list[Record], ParseReport]:
    records, report = parse(SAMPLE.read_bytes())
    return {str(r.entity.id): r for r in records}, records, report


def test_counts_and_publication_date(
    sample: tuple[dict[str, Record], list[Record], ParseReport],
) -> None:
    _, records, report = sample
    schemata = Counter(r.entity.schema.name for r in records)
    assert schemata == {
        "Person": 3,
        "Organization": 2,
        "Sanction": 5,
        "Passport": 2,
        "Identification": 1,
    }
    assert sorted(r.source_id for r in records if r.source_id) == [f"90000{i}" for i in range(1, 6)]
    assert report.records == 5
    assert report.published == "2025-06-02"
    assert not report.unknown  # every attribute of the sample is read or known bookkeeping


def test_person_with_korean_script_alias(
    sample: tuple[dict[str, Record], list[Record], ParseReport],
) -> None:
    kim = sample[0]["eu-900001"].entity
    assert kim.get("name") == ["KIM Yong Chol"]
    assert set(kim.get("alias")) == {
        "김영철",
        "KIM Yong-Chol",
        "KIM Young-Chol",
        "KIM Young-Cheol",
        "KIM Young-Chul",
    }
    hangul = [s for s in kim.get_statements("alias") if s.value == "김영철"]
    assert hangul[0].lang == "kor"  # nameLanguage="KO" becomes the ISO 639-3 code
    assert kim.get("birthDate") == ["1946"]
    assert kim.get("birthPlace") == ["Pyongan-Pukto, KOREA (DEMOCRATIC PEOPLE'S REPUBLIC OF)"]
    assert kim.get("gender") == ["male"]
    assert kim.get("topics") == ["sanction"]
    assert kim.get("notes")[0].startswith("Alternate Member of Political Bureau")


def test_person_with_passport_and_un_id(
    sample: tuple[dict[str, Record], list[Record], ParseReport],
) -> None:
    by_id = sample[0]
    paek = by_id["eu-900002"].entity
    assert paek.get("passportNumber") == ["381420754"]
    assert paek.get("birthDate") == ["1964-06-18"]
    assert paek.get("position") == [
        "Senior official and head of the satellite control centre of Korean Committee for "
        "Space Technology"
    ]
    sanction = by_id["eu-sanction-900002"]
    assert sanction.source_id is None
    assert sanction.entity.get("unscId") == ["KPi.006"]
    assert sanction.entity.get("authorityId") == ["EU.9001.02"]
    assert sanction.entity.get("listingDate") == ["2013-01-22"]  # designationDate wins
    assert sanction.entity.get("program") == ["PRK"]
    passport = by_id["eu-id-eu-900002-940011"].entity
    assert passport.get("holder") == ["eu-900002"]
    assert passport.get("country") == ["kp"]


def test_enterprises(sample: tuple[dict[str, Record], list[Record], ParseReport]) -> None:
    komid = sample[0]["eu-900003"].entity
    assert komid.schema.name == "Organization"
    assert komid.get("name") == ["Korea Mining Development Trading Corporation"]
    assert komid.get("weakAlias") == ["KOMID"]  # strong="false"
    assert "CHANGGWANG SINYONG CORPORATION" in komid.get("alias")
    assert komid.get("address") == [
        "Central District, Pyongyang, KOREA (DEMOCRATIC PEOPLE'S REPUBLIC OF)"
    ]
    assert komid.get("country") == ["kp"]
    ftb = sample[0]["eu-900004"].entity
    assert ftb.get("swiftBic") == ["FTBDKPPY"]


def test_entity_of_two_programmes(
    sample: tuple[dict[str, Record], list[Record], ParseReport],
) -> None:
    oleg = sample[0]["eu-900005"].entity
    assert oleg.get("nationality") == ["ru"]
    cyrillic = [s for s in oleg.get_statements("alias") if s.value == "Олег Николаевич КОЖЕМЯКО"]
    assert cyrillic[0].lang == "rus"
    sanction = sample[0]["eu-sanction-900005"].entity
    assert set(sanction.get("program")) == {"PRK", "UKR"}
    assert sanction.get("listingDate") == ["2024-05-31"]
    assert sanction.get("startDate") == ["2014-03-17"]  # earliest entry into force


def test_namespace_spelled_eu_is_accepted() -> None:
    body = (
        '<sanctionEntity logicalId="7"><subjectType code="person"/>'
        '<nameAlias wholeName="A B"/></sanctionEntity>'
    )
    records, report = parse(export(body, ns="http://eu.europa.eu/fpi/fsd/export"))
    assert records[0].entity.get("name") == ["A B"]
    assert report.published == "2025-01-02"


def test_unknown_attributes_and_elements_are_noted() -> None:
    body = (
        '<sanctionEntity logicalId="7" newFlag="yes"><subjectType code="vessel"/>'
        '<nameAlias wholeName="X" strong="true"/><tonnage>500</tonnage></sanctionEntity>'
    )
    records, report = parse(export(body))
    assert records[0].entity.schema.name == "LegalEntity"  # unknown subject type
    assert report.unknown == {
        "attribute:sanctionEntity@newFlag": 1,
        "subjectType": 1,
        "element:sanctionEntity/tonnage": 1,
    }


def test_circa_birthdate_and_document_flags() -> None:
    body = (
        '<sanctionEntity logicalId="8"><subjectType code="person"/><nameAlias wholeName="Y"/>'
        '<birthdate circa="true" birthdate="1960-05-01"/>'
        '<identification number="P1" identificationTypeCode="passport" knownFalse="true"/>'
        '<identification number="Z9" identificationTypeCode="newcode"/></sanctionEntity>'
    )
    records, report = parse(export(body))
    person = records[0].entity
    assert person.get("birthDate") == ["1960"]
    assert person.get("passportNumber") == ["P1"]
    assert person.get("idNumber") == ["Z9"]  # unknown document type falls back
    assert report.unknown["identificationTypeCode"] == 1
    passports = [r.entity for r in records if r.entity.schema.name == "Passport"]
    assert passports[0].get("summary") == ["knownFalse"]


def test_sniff() -> None:
    assert sniff_eu_xml(SAMPLE.read_bytes()[:4096])
    assert not sniff_eu_xml(b"celex,recordId,programKey,annex,measure\n")
    assert not sniff_eu_xml(b'<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="x">')


def test_truncated_file_yields_what_it_read_then_names_the_line() -> None:
    data = SAMPLE.read_bytes()
    cut = data[: data.index(b'logicalId="900004"')]
    report = ParseReport()
    parsed = parse_eu_xml(io.BytesIO(cut), name="cut.xml", dataset="eu_fsf", report=report)
    first = next(parsed)
    assert first.source_id == "900001"
    with pytest.raises(SourceError) as err:
        list(parsed)
    assert err.value.file == "cut.xml"
    assert err.value.line == cut.count(b"\n") + 1
    assert report.records == 3


HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<export xmlns="' + NS.encode() + b'">\n'
LATIN1 = HEAD + b'<sanctionEntity logicalId="9">\n<nameAlias wholeName="Jos\xe9"/>'
UN_ROOT = b'<?xml version="1.0"?>\n<CONSOLIDATED_LIST dateGenerated="2026-02-27"/>'


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"", 1, "empty file"),
        (b"\n\n", 3, "malformed XML"),  # whitespace only: lxml stops where it expected a tag
        (LATIN1 + b"</sanctionEntity></export>", 4, "malformed XML"),  # ISO-8859-1 byte
        (UN_ROOT, 2, "not an EU FSF export"),  # another XML list
        (b"celex,recordId,programKey\n32017R1509,1,EU-PRK\n", 1, "malformed XML"),  # CSV
    ],
)
def test_bad_input(data: bytes, line: int, message: str) -> None:
    with pytest.raises(SourceError) as err:
        parse(data, name="bad.xml")
    assert err.value.file == "bad.xml"
    assert err.value.line == line
    assert message in str(err.value)


def test_entry_without_logical_id() -> None:
    data = HEAD + b'<sanctionEntity euReferenceNumber="EU.1"/></export>'
    with pytest.raises(SourceError) as err:
        parse(data)
    assert (err.value.line, err.value.field) == (3, "logicalId")
