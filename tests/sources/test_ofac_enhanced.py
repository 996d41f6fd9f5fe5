"""The enhanced-XML parser, on OFAC's CONS_ENHANCED.ZIP with dataAsOf 2025-01-10.

Expected figures come from the file itself (``grep -c`` on the unzipped XML) and, for
the entries both files share, from the legacy consolidated.xml of 2018.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from fullcourt.sources.errors import SourceError
from fullcourt.sources.ofac_enhanced import parse_ofac_enhanced, sniff_ofac_enhanced
from fullcourt.sources.ofac_xml import parse_ofac_xml
from fullcourt.sources.report import ParseReport
from tests.sources.parsed import Parsed

ZIP = Path("ofac_consolidated/2025-01_moov-watchman/CONS_ENHANCED.ZIP")
LEGACY = Path("ofac_consolidated/2018-04-06_perchrh/consolidated.xml")
NAME = "CONS_ENHANCED.XML"


def parse(data: bytes, name: str = NAME) -> Parsed:
    report = ParseReport()
    stream = io.BytesIO(data)
    records = list(parse_ofac_enhanced(stream, name=name, dataset="t", report=report))
    return Parsed(records, report)


@pytest.fixture(scope="module")
def zipped(shared: Path) -> bytes:
    return (shared / ZIP).read_bytes()


@pytest.fixture(scope="module")
def xml(zipped: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(zipped)) as archive:
        return archive.read(NAME)


@pytest.fixture(scope="module")
def parsed(zipped: bytes) -> Parsed:
    return parse(zipped, ZIP.name)


def test_entity_counts(parsed: Parsed) -> None:
    # grep -c '<entity id=' = 443: 80 entityType Individual, 363 Entity.
    assert parsed.report.records == 443
    entries = Counter(r.entity.schema.name for r in parsed.records if r.source_id)
    assert sum(entries.values()) == 443
    assert entries["Person"] == 80
    assert entries["Organization"] + entries["Company"] == 363
    assert len(parsed.of_schema("Sanction")) == 443


def test_publication_date_and_nothing_unrecognised(parsed: Parsed) -> None:
    # <dataAsOf>2025-01-10T00:00:00</dataAsOf>
    assert parsed.report.published == "2025-01-10"
    assert dict(parsed.report.unknown) == {}


def test_unzipped_file_parses_the_same(xml: bytes) -> None:
    assert parse(xml).report.records == 443


def test_relationships(parsed: Parsed) -> None:
    # 283 relationships: 278 "Owned or Controlled By", 4 "Owns, controls, or operates",
    # 1 "Acting for or on behalf of" (ZAHHAR -> HAMAS, entity 4695, not in this file).
    assert len(parsed.of_schema("Ownership")) == 282
    (acting,) = parsed.of_schema("UnknownLink")
    assert acting.get("subject") == ["ofac-9647"]
    assert acting.get("object") == ["ofac-4695"]
    assert acting.get("role") == ["Acting for or on behalf of"]
    (stub,) = parsed.of_schema("LegalEntity")
    assert (stub.id, stub.get("name")) == ("ofac-4695", ["HAMAS"])


OWNERSHIPS = [
    # LENGIPRONEFTEKHIM OOO: "Owned or Controlled By" SURGUTNEFTEGAS, quality High.
    ("ofac-17145", "ofac-23552", ["Relationship quality: High"]),
    # HUAWEI INVESTMENT & HOLDING: "Owns, controls, or operates" HUAWEI TECHNOLOGIES;
    # the subject is the owner, so the direction flips.
    ("ofac-32087", "ofac-30947", []),
]


@pytest.mark.parametrize(("owner", "asset", "description"), OWNERSHIPS)
def test_ownership_direction(
    parsed: Parsed, owner: str, asset: str, description: list[str]
) -> None:
    matches = [
        o
        for o in parsed.of_schema("Ownership")
        if o.get("owner") == [owner] and o.get("asset") == [asset]
    ]
    assert len(matches) == 1
    assert matches[0].get("description") == description


def test_bank_with_translations_documents_and_features(parsed: Parsed) -> None:
    vtb = parsed.entity("ofac-17013")
    assert vtb.get("name") == ["VTB BANK PUBLIC JOINT STOCK COMPANY"]
    # the Cyrillic translation of the primary name is an alias.
    assert "БАНК ВТБ ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО" in vtb.get("alias")
    assert "VNESHTORGBANK" in vtb.get("previousName")  # an F.K.A.
    assert vtb.get("weakAlias") == ["JSC VTB BANK NEW DELHI BRANCH"]  # isLowQuality
    assert vtb.get("leiCode") == ["253400V1H6ART1UQ0N98"]  # "Legal Entity Number"
    assert "1027739609391" in vtb.get("registrationNumber")  # "Registration ID"
    assert vtb.get("taxNumber") == ["7702070139"]
    assert vtb.get("swiftBic") == ["VTBRRUMM"]
    assert set(vtb.get("bikCode")) == {"044525187", "044030707"}
    assert vtb.get("incorporationDate") == ["1990-10-17"]  # valueDate span of one day
    assert vtb.schema.name == "Company"  # BIK (RU) exists on Company only


def test_sanction_of_the_bank(parsed: Parsed) -> None:
    sanction = parsed.entity("ofac-sanction-17013")
    assert set(sanction.get("program")) == {"UKRAINE-EO13662", "RUSSIA-EO14024"}
    # sanctionsList datePublished: SSI 2014-07-29, Consolidated 2014-10-10, SDN 2022-02-24.
    assert sanction.get("listingDate") == ["2014-07-29"]
    provisions = sanction.get("provisions")
    assert "Sectoral Sanctions Identifications List" in provisions
    assert "13662 Sectoral Directive 1" in provisions
    assert "Executive Order 13662 Directive Determination: Subject to Directive 1" in provisions
    assert "Executive Order 13662 (Ukraine)" in sanction.get("summary")


def test_person_features(parsed: Parsed) -> None:
    zahhar = parsed.entity("ofac-9647")
    assert zahhar.get("name") == ["Mahmoud Khaled ZAHHAR"]
    assert zahhar.get("gender") == ["male"]
    assert zahhar.get("nationality") == ["ps"]  # valueRefId 91021 "Palestinian"
    assert zahhar.get("birthDate") == ["1945"]  # 1945-01-01 .. 1945-12-31
    assert zahhar.get("address") == ["Gaza"]  # a REGION part, no country
    assert "Mahmoud ZAHAR" in zahhar.get("weakAlias")


def test_cmic_company_securities(parsed: Parsed) -> None:
    unicom = parsed.entity("ofac-30924")
    assert unicom.schema.name == "Company"
    assert set(unicom.get("isinCode")) == {"US16945R1041", "HK0000049939"}
    assert "762 HK" in unicom.get("ticker")
    assert unicom.get("classification") == ["Public Company"]  # "Target Type"


def test_same_entry_as_the_legacy_file(parsed: Parsed, shared: Path) -> None:
    """Entry 9639 in the 2018 legacy XML and the 2025 enhanced XML: same id, same values."""
    report = ParseReport()
    with open(shared / LEGACY, "rb") as f:
        records = parse_ofac_xml(f, name=LEGACY.name, dataset="t", report=report)
        legacy = next(r.entity for r in records if r.entity.id == "ofac-9639")
    enhanced = parsed.entity("ofac-9639")
    for prop in ("name", "firstName", "lastName", "alias", "birthDate", "birthPlace"):
        assert set(enhanced.get(prop)) == set(legacy.get(prop)), prop


def test_references_resolve_through_the_tables(xml: bytes) -> None:
    # Inline texts are ignored when the refId is in the table.
    renamed = xml.replace(
        b'<entityType refId="600">Individual</entityType>',
        b'<entityType refId="600">Somebody</entityType>',
    )
    persons = [r for r in parse(renamed).records if r.entity.schema.name == "Person"]
    assert len(persons) == 80


def test_unknown_elements_and_features_are_reported(xml: bytes) -> None:
    extra = (
        b'<entity id="9639">\n      <shoeSize>44</shoeSize>\n      <features>'
        b'<feature id="1"><type featureTypeId="99999">Shoe Colour</type>'
        b"<value>red</value></feature></features>"
    )
    parsed = parse(xml.replace(b'<entity id="9639">', extra, 1))
    assert parsed.report.records == 443
    assert parsed.report.unknown["element:entity/shoeSize"] == 1
    assert parsed.report.unknown["reference:unknown type"] == 1
    assert parsed.report.examples["feature:Shoe Colour"] == ["red"]


def _error(data: bytes, name: str = NAME) -> SourceError:
    with pytest.raises(SourceError) as caught:
        parse(data, name)
    return caught.value


def test_truncated_xml_names_file_and_line(xml: bytes) -> None:
    cut = xml[:1_000_000]
    error = _error(cut, "cut.xml")
    assert error.file == "cut.xml"
    assert error.line == cut.count(b"\n") + 1


def test_truncated_zip(zipped: bytes) -> None:
    error = _error(zipped[:100_000], ZIP.name)
    assert error.file == ZIP.name and "zip" in error.message


def test_empty_file() -> None:
    error = _error(b"")
    assert (error.file, error.line) == (NAME, 1)


def test_csv_given_to_the_parser(shared: Path) -> None:
    path = shared / "ofac_consolidated/2025-12_moov-watchman/cons_prim.csv"
    error = _error(path.read_bytes(), path.name)
    assert (error.file, error.line) == ("cons_prim.csv", 1)


def test_wrong_encoding_names_the_line(xml: bytes) -> None:
    position = xml.index("БАНК ВТБ".encode())
    broken = xml[:position] + "БАНК ВТБ".encode("cp1251") + xml[position + 15 :]
    error = _error(broken)
    assert error.line == xml[:position].count(b"\n") + 1


def test_legacy_xml_given_to_the_parser(shared: Path) -> None:
    error = _error((shared / LEGACY).read_bytes(), LEGACY.name)
    assert "<sdnList>" in error.message and error.line == 2


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # the enhanced SDN file has the same root under a namespace of its own.
        (b'<?xml version="1.0" encoding="utf-8"?><sanctionsData xmlns="urn:sdn">', True),
        (b'<?xml version="1.0" standalone="yes"?>\n<sdnList>', False),
        (b"PK\x03\x04", False),  # sniffing is on decompressed content
    ],
)
def test_sniff_written_heads(head: bytes, expected: bool) -> None:
    assert sniff_ofac_enhanced(head) is expected


def test_sniff_the_real_file(xml: bytes) -> None:
    assert sniff_ofac_enhanced(xml[:4096])


# CONS_ENHANCED holds no vessel. This hand-written entity follows the layout of the real
# file under another namespace, as the SDN variant has, with the vessel feature types
# OFAC publishes; the values are made up, the IMO fails its check digit on purpose.
VESSEL_FILE = b"""<?xml version="1.0" encoding="utf-8"?>
<sanctionsData xmlns="https://example.test/SDN_ENHANCED">
  <publicationInfo><dataAsOf>2025-03-04T00:00:00</dataAsOf></publicationInfo>
  <referenceValues>
    <referenceValue refId="602"><type>SDN TYPE</type><value>Vessel</value></referenceValue>
    <referenceValue refId="601"><type>SDN TYPE</type><value>Entity</value></referenceValue>
    <referenceValue refId="1626"><type>ID DOCUMENT TYPE</type>
      <value>Vessel Registration Identification</value></referenceValue>
    <referenceValue refId="91264"><type>ID DOCUMENT TYPE</type><value>MMSI</value>
    </referenceValue>
    <referenceValue refId="15003"><type>RELATIONSHIP TYPE</type>
      <value>Owned or Controlled By</value></referenceValue>
  </referenceValues>
  <featureTypes>
    <featureType featureTypeId="1"><type>Vessel Flag</type></featureType>
    <featureType featureTypeId="2"><type>VESSEL TYPE</type></featureType>
    <featureType featureTypeId="3"><type>Vessel Call Sign</type></featureType>
    <featureType featureTypeId="4"><type>Vessel Year of Build</type></featureType>
    <featureType featureTypeId="5"><type>Former Vessel Flag</type></featureType>
  </featureTypes>
  <entities>
    <entity id="1">
      <generalInfo><entityType refId="602">Vessel</entityType></generalInfo>
      <names><name><isPrimary>true</isPrimary><translations><translation>
        <isPrimary>true</isPrimary><formattedLastName>SEA STAR</formattedLastName>
      </translation></translations></name></names>
      <features>
        <feature><type featureTypeId="1">Vessel Flag</type><value>Korea, North</value>
        </feature>
        <feature><type featureTypeId="2">VESSEL TYPE</type><value>Oil Tanker</value></feature>
        <feature><type featureTypeId="3">Vessel Call Sign</type><value>HMZA1</value>
        </feature>
        <feature><type featureTypeId="4">Vessel Year of Build</type><value>1990</value>
          <valueDate><fromDateBegin>1990-01-01</fromDateBegin>
          <toDateEnd>1990-12-31</toDateEnd></valueDate></feature>
        <feature><type featureTypeId="5">Former Vessel Flag</type><value>Panama</value>
        </feature>
      </features>
      <identityDocuments>
        <identityDocument><type refId="1626">Vessel Registration Identification</type>
          <documentNumber>IMO 1234567</documentNumber></identityDocument>
        <identityDocument><type refId="91264">MMSI</type>
          <documentNumber>12345</documentNumber></identityDocument>
      </identityDocuments>
      <relationships><relationship><type refId="15003">Owned or Controlled By</type>
        <relatedEntity entityId="2">KOREA SEA SHIPPING</relatedEntity></relationship>
      </relationships>
    </entity>
    <entity id="2">
      <generalInfo><entityType refId="601">Entity</entityType></generalInfo>
      <names><name><isPrimary>true</isPrimary><translations><translation>
        <isPrimary>true</isPrimary><formattedLastName>KOREA SEA SHIPPING</formattedLastName>
      </translation></translations></name></names>
    </entity>
  </entities>
</sanctionsData>
"""


def test_vessel_features_under_another_namespace() -> None:
    parsed = parse(VESSEL_FILE, "SDN_ENHANCED.XML")
    assert parsed.report.published == "2025-03-04"
    assert dict(parsed.report.unknown) == {}
    vessel = parsed.entity("ofac-1")
    assert vessel.schema.name == "Vessel"
    assert vessel.get("flag") == ["kp"]
    assert vessel.get("pastFlags") == ["pa"]
    assert vessel.get("type") == ["Oil Tanker"]
    assert vessel.get("callSign") == ["HMZA1"]
    assert vessel.get("buildDate") == ["1990"]
    # invalid identifiers are kept as text, for the store to flag.
    assert vessel.get("imoNumber") == ["1234567"]
    assert vessel.get("mmsi") == ["12345"]
    (ownership,) = parsed.of_schema("Ownership")
    assert (ownership.get("owner"), ownership.get("asset")) == (["ofac-2"], ["ofac-1"])
    assert sniff_ofac_enhanced(VESSEL_FILE)
