"""The legacy sdn.xml-schema parser, on OFAC's consolidated.xml of 2018-04-06.

Expected figures come from the file itself (``grep -c``) and from the CSV copy of the
same publication beside it (cons_prim.csv), never from the parser.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections import Counter
from pathlib import Path

import pytest

from fullcourt.sources.errors import SourceError
from fullcourt.sources.ofac_xml import parse_ofac_xml, sniff_ofac_xml
from fullcourt.sources.ofac_xml_entry import linked_names
from fullcourt.sources.report import ParseReport
from fullcourt.sources.stream import decompress
from tests.sources.parsed import Parsed

FOLDER = Path("ofac_consolidated/2018-04-06_perchrh")
NAME = "consolidated.xml"


def parse(data: bytes, name: str = NAME) -> Parsed:
    report = ParseReport()
    records = list(parse_ofac_xml(io.BytesIO(data), name=name, dataset="t", report=report))
    return Parsed(records, report)


@pytest.fixture(scope="module")
def xml(shared: Path) -> bytes:
    return (shared / FOLDER / NAME).read_bytes()


@pytest.fixture(scope="module")
def parsed(xml: bytes) -> Parsed:
    return parse(xml)


@pytest.fixture(scope="module")
def csv_types(shared: Path) -> Counter[str]:
    """SDN_Type of every row of the CSV copy (``-0-`` for entities)."""
    with open(shared / FOLDER / "cons_prim.csv", encoding="utf-8", errors="replace") as f:
        return Counter(row[2].strip() for row in csv.reader(f) if len(row) > 2)


def test_entry_counts_match_the_csv_copy(parsed: Parsed, csv_types: Counter[str]) -> None:
    # consolidated.xml: Record_Count 639; grep -c '<sdnEntry>' = 639.
    assert parsed.report.records == 639 == sum(csv_types.values())
    entries = [r for r in parsed.records if r.source_id is not None]
    assert len(entries) == 639
    schemata = Counter(r.entity.schema.name for r in entries)
    assert schemata["Person"] == csv_types["individual"] == 94
    assert schemata["Vessel"] == csv_types["vessel"] == 74
    assert schemata["Organization"] + schemata["Company"] == csv_types["-0-"] == 471
    assert len(parsed.of_schema("Sanction")) == 639


def test_publication_date_and_nothing_unrecognised(parsed: Parsed) -> None:
    # <Publish_Date>04/06/2018</Publish_Date>, month first.
    assert parsed.report.published == "2018-04-06"
    assert dict(parsed.report.unknown) == {}


def test_every_vessel_has_its_imo_and_45_an_mmsi(parsed: Parsed) -> None:
    # 74 ids of idType "Vessel Registration Identification", 45 of idType "MMSI".
    vessels = parsed.of_schema("Vessel")
    imos = [imo for v in vessels for imo in v.get("imoNumber")]
    assert len(imos) == 74 and all(len(i) == 7 and i.isdigit() for i in imos)
    assert sum(1 for v in vessels if v.get("mmsi")) == 45


def test_person_with_aliases_birth_date_and_place(parsed: Parsed) -> None:
    haniya = parsed.entity("ofac-9639")
    assert haniya.schema.name == "Person"
    assert haniya.get("name") == ["Ismail Abdul Salah HANIYA"]
    assert haniya.get("lastName") == ["HANIYA"]
    assert set(haniya.get("alias")) == {"Ismail HANIYA", "Ismaeel HANIYYA"}
    assert haniya.get("birthDate") == ["1962"]
    assert haniya.get("birthPlace") == ["Shati"]


def test_person_with_passports_and_nationality(parsed: Parsed) -> None:
    jashnsaz = parsed.entity("ofac-15961")
    assert set(jashnsaz.get("passportNumber")) == {"R17589399", "T23700825"}
    assert jashnsaz.get("birthDate") == ["1958-03-22"]
    assert jashnsaz.get("birthPlace") == ["Behbahan, Iran"]
    assert jashnsaz.get("nationality") == ["ir"]


GOLDEN = [
    # DOB written "01 Jan 1953 to 31 Dec 1954": a range of whole years, both kept.
    ("ofac-15960", "birthDate", {"1953", "1954"}),
    # vesselFlag "Tanzania" is cleaned to its ISO code.
    ("ofac-15903", "flag", {"tz"}),
    # SUNDIAL: vesselFlag "None Identified" is a placeholder, not a country...
    ("ofac-15037", "flag", set()),
    # ...while its idList gives two "Former Vessel Flag" values.
    ("ofac-15037", "pastFlags", {"mt", "tz"}),
    # idNumber "IMO 9187655": the prefix goes, the seven digits stay.
    ("ofac-15037", "imoNumber", {"9187655"}),
    # aka with <category>weak</category>: a weak alias, not a strong one.
    ("ofac-17015", "weakAlias", {"VEB"}),
    # idType "BIK (RU)" exists on Company only, so this bank becomes a Company.
    ("ofac-17015", "bikCode", {"044525060"}),
    # aka of <type>f.k.a.</type>: a previous name.
    (
        "ofac-17017",
        "previousName",
        {"AKTSIONERNY KOMMERCHESKI BANK BANK MOSKVY, OTKRYTOE AKTSIONERNOE OBSCHCHESTVO"},
    ),
    # Two addresses, the second with a postal code.
    (
        "ofac-4632",
        "address",
        {
            "PO Box 15875/7177, 144 Mirdamad Blvd, Tehran, Iran",
            "213 Ferdowsi Avenue, Tehran, 11365, Iran",
        },
    ),
]


@pytest.mark.parametrize(("entity_id", "prop", "expected"), GOLDEN)
def test_golden_values(parsed: Parsed, entity_id: str, prop: str, expected: set[str]) -> None:
    assert set(parsed.entity(entity_id).get(prop)) == expected


def test_sanction_holds_program_provisions_and_link(parsed: Parsed) -> None:
    sanction = parsed.entity("ofac-sanction-4632")
    assert sanction.get("entity") == ["ofac-4632"]
    assert sanction.get("program") == ["IRAN"]
    assert sanction.get("authorityId") == ["4632"]
    assert sanction.get("sourceUrl") == [
        "https://www.treasury.gov/resource-center/sanctions/Programs/Documents/jcpoa_faqs.pdf"
    ]
    (provision,) = sanction.get("provisions")
    assert provision.startswith("Additional Sanctions Information: Not on the SDN List")


def test_linked_to_remarks_resolve_to_entries_of_the_file(parsed: Parsed) -> None:
    # grep -o 'Linked To: [^;)]*' consolidated.xml | wc -l = 365, all naming entries here.
    links = parsed.of_schema("UnknownLink")
    assert len(links) == 365
    entry_ids = {r.entity.id for r in parsed.records if r.source_id is not None}
    assert {o for link in links for o in link.get("object")} <= entry_ids
    assert not parsed.of_schema("LegalEntity")
    # NAFTIRAN INTERTRADE CO. (NICO) LIMITED: "(Linked To: NIOC INTERNATIONAL AFFAIRS
    # (LONDON) LIMITED)", a name with its own parentheses.
    (naftiran,) = [link for link in links if link.get("subject") == ["ofac-11318"]]
    assert naftiran.get("object") == ["ofac-11639"]
    assert naftiran.get("role") == ["Linked To"]


def test_vessel_owner_resolves_through_an_alias(parsed: Parsed) -> None:
    # Five vessels give <vesselOwner>NITC</vesselOwner>, an a.k.a. of entry 15117.
    ownerships = parsed.of_schema("Ownership")
    assert len(ownerships) == 5
    assert {o.get("owner")[0] for o in ownerships} == {"ofac-15117"}
    assert "ofac-15903" in {o.get("asset")[0] for o in ownerships}


LINKED = [
    ("(Linked To: NATIONAL IRANIAN TANKER COMPANY)", ["NATIONAL IRANIAN TANKER COMPANY"]),
    # the name has parentheses of its own; only the unbalanced closing one goes.
    (
        "all offices worldwide; (Linked To: NIOC INTERNATIONAL AFFAIRS (LONDON) LIMITED)",
        ["NIOC INTERNATIONAL AFFAIRS (LONDON) LIMITED"],
    ),
    # CSV style, two links in one remark.
    ("Linked To: A CO.; Linked To: B LTD.", ["A CO.", "B LTD."]),
    ("HAMAS - Hebron", []),
]


@pytest.mark.parametrize(("remarks", "expected"), LINKED)
def test_linked_names(remarks: str, expected: list[str]) -> None:
    assert linked_names(remarks) == expected


def test_unknown_elements_and_id_types_are_reported(xml: bytes) -> None:
    extra = (
        b"<uid>4632</uid>\n    <shoeSize>44</shoeSize>\n    <idList><id><uid>1</uid>"
        b"<idType>Shoe Registry</idType><idNumber>S-1</idNumber></id></idList>"
    )
    parsed = parse(xml.replace(b"<uid>4632</uid>", extra, 1))
    assert parsed.report.records == 639
    assert parsed.report.unknown["element:sdnEntry/shoeSize"] == 1
    assert parsed.report.examples["element:sdnEntry/shoeSize"] == ["44"]
    assert parsed.report.unknown["idType:Shoe Registry"] == 1


def test_record_count_mismatch_is_reported(xml: bytes) -> None:
    start = xml.index(b"<sdnEntry>")
    end = xml.index(b"</sdnEntry>") + len(b"</sdnEntry>")
    parsed = parse(xml[:start] + xml[end:])
    assert parsed.report.records == 638
    assert parsed.report.unknown["Record_Count"] == 1


def test_gzipped_file_parses_the_same(xml: bytes) -> None:
    assert parse(gzip.compress(xml)).report.records == 639


def test_truncated_gzip(xml: bytes) -> None:
    packed = gzip.compress(xml)
    error = _error(packed[: len(packed) // 2], "consolidated.xml.gz")
    assert error.file == "consolidated.xml.gz" and "compressed" in error.message


def _error(data: bytes, name: str = NAME) -> SourceError:
    with pytest.raises(SourceError) as caught:
        parse(data, name)
    return caught.value


def test_truncated_file_names_file_and_line(xml: bytes) -> None:
    cut = xml[:50_000]
    error = _error(cut, "cons-cut.xml")
    assert error.file == "cons-cut.xml"
    assert error.line == cut.count(b"\n") + 1
    assert str(error).startswith(f"cons-cut.xml:{error.line}:")


def test_empty_file() -> None:
    error = _error(b"")
    assert (error.file, error.line) == (NAME, 1)
    assert "empty" in error.message


def test_csv_given_to_the_xml_parser(shared: Path) -> None:
    error = _error((shared / FOLDER / "cons_prim.csv").read_bytes(), "cons_prim.csv")
    assert (error.file, error.line) == ("cons_prim.csv", 1)


def test_wrong_encoding_names_the_line(xml: bytes) -> None:
    # A Latin-1 byte in a file declared (by default) UTF-8, in "BANK MASKAN" on line 64.
    position = xml.index(b"BANK MASKAN")
    broken = xml[:position] + "BANK MASKÉN".encode("latin-1") + xml[position + 11 :]
    error = _error(broken)
    assert error.line == xml[:position].count(b"\n") + 1 == 64


def test_enhanced_xml_given_to_the_legacy_parser(shared: Path) -> None:
    path = shared / "ofac_consolidated/2025-01_moov-watchman/CONS_ENHANCED.ZIP"
    error = _error(path.read_bytes(), "CONS_ENHANCED.ZIP")
    assert error.file == "CONS_ENHANCED.ZIP"
    assert "<sanctionsData>" in error.message and error.line == 2


SNIFF = [
    # the real file's head (default-namespace tempuri.org).
    (None, True),
    # newer sdn.xml files use the sanctions list service namespace.
    (
        b'<?xml version="1.0" standalone="yes"?>\r\n<sdnList xmlns:xsi="http://www.w3.org/'
        b'2001/XMLSchema-instance" xmlns="https://sanctionslistservice.ofac.treas.gov/api/'
        b'PublicationPreview/exports/XML">',
        True,
    ),
    # a prefixed root, a BOM and a comment before it.
    (b'\xef\xbb\xbf<!-- x --><o:sdnList xmlns:o="urn:x">', True),
    (b"<sanctionsData>", False),
    (b'4632,"BANK MARKAZI JOMHOURI ISLAMI IRAN",-0- ,"IRAN"', False),
    (b"", False),
]


@pytest.mark.parametrize(("head", "expected"), SNIFF)
def test_sniff(xml: bytes, head: bytes | None, expected: bool) -> None:
    assert sniff_ofac_xml(xml[:4096] if head is None else head) is expected


def test_sniff_rejects_the_enhanced_file(shared: Path) -> None:
    path = shared / "ofac_consolidated/2025-01_moov-watchman/CONS_ENHANCED.ZIP"
    with open(path, "rb") as f:
        assert not sniff_ofac_xml(decompress(f, path.name).read(4096))
