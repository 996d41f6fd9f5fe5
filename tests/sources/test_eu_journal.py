"""EU journal annex CSV: the real 2017/1509 (DPRK) transcription, its quirks, bad input."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest

from fullcourt.model import Record
from fullcourt.model.identifiers import is_valid_imo
from fullcourt.sources.errors import SourceError
from fullcourt.sources.eu_journal import (
    parse_eu_journal,
    sniff_eu_journal,
    split_cell,
    split_names,
)
from fullcourt.sources.report import ParseReport

CELEX = "32017R1509"


def journal_path(shared: Path) -> Path:
    return shared / "eu" / "opensanctions_eu_journal_32017R1509_DPRK.csv"


def parse(data: bytes, name: str = "journal.csv") -> tuple[list[Record], ParseReport]:
    report = ParseReport()
    stream = io.BytesIO(data)
    records = list(parse_eu_journal(stream, name=name, dataset="eu_oj", report=report))
    return records, report


@pytest.fixture(scope="module")
def journal(shared: Path) -> tuple[list[Record], ParseReport]:
    return parse(journal_path(shared).read_bytes())


@pytest.fixture(scope="module")
def entries(journal: tuple[list[Record], ParseReport]) -> dict[str, Record]:
    return {r.source_id.removeprefix(f"{CELEX}/"): r for r in journal[0] if r.source_id}


@pytest.fixture(scope="module")
def header(shared: Path) -> bytes:
    return journal_path(shared).read_bytes().split(b"\n", 1)[0] + b"\n"


def test_counts(journal: tuple[list[Record], ParseReport]) -> None:
    records, report = journal
    entries = [r for r in records if r.source_id]
    assert report.records == len(entries) == 326
    assert len({r.source_id for r in entries}) == 326  # source ids are unique per row
    assert len({r.entity.id for r in records}) == len(records) == 652  # entry + sanction
    assert Counter(r.entity.schema.name for r in entries) == {
        "Person": 157,
        "LegalEntity": 94,
        "Vessel": 75,
    }
    assert report.published is None  # the CSV states no date about itself


def test_imo_numbers(entries: dict[str, Record]) -> None:
    vessels = [r.entity for r in entries.values() if r.entity.schema.name == "Vessel"]
    imos = [imo for vessel in vessels for imo in vessel.get("imoNumber")]
    # 75 vessel rows fill the imoNumber cell; one says "Does not exist" (XIV.B/33).
    assert len(imos) == 74
    assert sum(is_valid_imo(imo) for imo in imos) == 74  # every printed number checks out
    assert len(set(imos)) == 60  # 14 ships are listed in two annex sections
    assert sum(1 for v in vessels if v.get("mmsi")) == 4


def test_spot_values(entries: dict[str, Record], journal: tuple[list[Record], ParseReport]) -> None:
    yun = entries["XIII.A/1"].entity
    assert yun.id == "eu-oj-32017r1509-xiii-a-1"
    assert yun.get("name") == ["Yun Ho-jin"]
    assert yun.get("alias") == ["Yun Ho-chin"]
    assert yun.get("birthDate") == ["1944-10-13"]  # printed 13.10.1944
    assert yun.get("nationality") == ["kp"]  # printed DPRK
    assert yun.get("address") == ["Pyongyang, DPRK"]
    sanctions = {str(r.entity.id): r.entity for r in journal[0] if r.source_id is None}
    sanction = sanctions["eu-oj-sanction-32017r1509-xiii-a-1"]
    assert sanction.get("entity") == [yun.id]
    assert sanction.get("program") == ["EU-PRK"]
    assert sanction.get("provisions") == ["Asset freeze"]
    assert sanction.get("listingDate") == ["2009-07-16"]  # printed 16.7.2009
    assert sanction.get("summary") == ["Annex XIII.A"]
    assert sanction.get("authorityId") == [f"{CELEX}/XIII.A/1"]
    assert sanction.get("sourceUrl") == [
        "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32017R1509"
    ]
    assert sanction.get("reason")[0].startswith("Director of Namchongang Trading Corporation")
    kim = entries["XV.A/7"].entity
    assert "김영철" in kim.get("alias")
    bank = entries["XIII.B/23"].entity
    assert bank.get("swiftBic") == ["DCBKKPPY"]
    assert len(bank.get("address")) == 2
    petrel = entries["XIV.B/1"].entity
    assert (petrel.get("imoNumber"), petrel.get("mmsi")) == (["9562233"], ["620233000"])
    assert sanctions["eu-oj-sanction-32017r1509-xiv-b-1"].get("provisions") == [
        "Transportation restrictions"
    ]


def test_same_ship_in_two_sections_is_two_entries(entries: dict[str, Record]) -> None:
    freeze, port_ban = entries["XIV.A/1"].entity, entries["XIV.B/9"].entity
    assert freeze.get("name") == port_ban.get("name") == ["CHON MYONG 1"]
    assert freeze.get("imoNumber") == port_ban.get("imoNumber") == ["8712362"]
    assert freeze.id != port_ban.id


# Odd real cells and what they become. key: source id without the CELEX; prop; values.
CASES = [
    # two dates, the second of which is itself "1965 or 1966"
    ("XIII.A/7", "birthDate", {"1968-02-19", "1965", "1966"}),
    # "1954 or 1955." with a trailing full stop
    ("XIII.A/42", "birthDate", {"1954", "1955"}),
    # "male." and "DPRK." with full stops
    ("XIII.A/42", "gender", {"male"}),
    ("XIII.A/42", "nationality", {"kp"}),
    # lettered alternatives "a) 1964 b) 28.8.1962"
    ("XIII.A/23", "birthDate", {"1964", "1962-08-28"}),
    # a year range "1967-1969."
    ("XIII.A/66", "birthDate", {"1967", "1968", "1969"}),
    # two dates separated by " / "
    ("XVI.A/29", "birthDate", {"1965-08-07", "1972-02-20"}),
    # "Russian" is a nationality adjective FtM reads
    ("XVI.A/33", "nationality", {"ru"}),
    # "PS 472330208 (expires 4.7.2017)": prefix joined, validity to notes
    ("XIII.A/19", "passportNumber", {"PS472330208"}),
    # quoted cell "563210059 (expired 2018); 654410104 (expired 2019)" holds two documents
    ("XV.A/32", "passportNumber", {"563210059", "654410104"}),
    # "; " inside parentheses does not split: issued by the DPRK on 14.2.2018; expiration ...
    ("XIII.A/68", "passportNumber", {"927234267", "108120258"}),
    # "381320634; PS- 563410163": a hyphen and a space between prefix and digits
    ("XV.A/22", "passportNumber", {"381320634", "PS563410163"}),
    # a person's other names printed in one cell, with commas
    (
        "XV.C/4",
        "alias",
        {
            "장철희",
            "JANG Tcheul-hy",
            "JANG Cheul-hy",
            "JANG Chol-hy",
            "DJANG Cheul-hy",
            "DJANG Chol-hy",
            "DJANG Tchoul-hy",
            "KIM Tcheul-hy",
        },
    ),
    # vessel printed with its other names in parentheses, no IMO record number
    ("XIII.B/IMO8606173", "alias", {"Chol Ryong", "Ryong Gun Bong"}),
    ("XIII.B/IMO8606173", "name", {"Chol Ryong (Ryong Gun Bong)"}),
    # IMO cell "Does not exist": no number, kept as a note
    ("XIV.B/33", "imoNumber", set()),
    # quoted "ryonha@silibank.com; sjc117@hotmail.com; and millim@silibank.com"
    ("XIII.B/13", "email", {"ryonha@silibank.com", "sjc117@hotmail.com", "millim@silibank.com"}),
    # "www.ma.gov.kp" becomes a URL
    ("XVI.B/3", "website", {"http://www.ma.gov.kp/"}),
]


@pytest.mark.parametrize(("key", "prop", "values"), CASES)
def test_odd_cells(entries: dict[str, Record], key: str, prop: str, values: set[str]) -> None:
    assert set(entries[key].entity.get(prop)) == values


def test_notes_keep_what_is_not_a_value(entries: dict[str, Record]) -> None:
    assert "IMO number: Does not exist" in entries["XIV.B/33"].entity.get("notes")
    assert "Passport PS472330208: expires 4.7.2017" in entries["XIII.A/19"].entity.get("notes")
    # "+850-2-18111, 18222 (ext. 8573); +850-2-381-4687": one number FtM reads, one it cannot
    bureau = entries["XIII.B/4"].entity
    assert bureau.get("phone") == ["+85023814687"]
    assert "Phone: +850-2-18111, 18222 (ext. 8573)" in bureau.get("notes")


def test_report_notes_rejected_values(journal: tuple[list[Record], ParseReport]) -> None:
    report = journal[1]
    assert report.unknown == {"rejected:phone": 11, "imoNumber:no-digits": 1}


def test_row_without_start_date(journal: tuple[list[Record], ParseReport]) -> None:
    sanctions = {str(r.entity.id): r.entity for r in journal[0]}
    assert sanctions["eu-oj-sanction-32017r1509-xiii-a-53"].get("listingDate") == []


def test_split_names() -> None:
    assert split_names("KIM, Jong Un") == ["KIM, Jong Un"]  # surname, given names
    assert split_names("RI Su Yong, RI Su-yong") == ["RI Su Yong", "RI Su-yong"]
    assert split_names("Pak Chun Il") == ["Pak Chun Il"]


def test_split_cell() -> None:
    assert split_cell('"Foo; Bar"; Baz') == ["Foo; Bar", "Baz"]
    assert split_cell("") == []
    assert split_cell("A; A") == ["A"]


def test_sniff(shared: Path, header: bytes) -> None:
    assert sniff_eu_journal(journal_path(shared).read_bytes()[:4096])
    assert sniff_eu_journal(b"\xef\xbb\xbf" + header)
    assert not sniff_eu_journal(b'<?xml version="1.0"?><export xmlns="x">')
    assert not sniff_eu_journal(b'{"id": "x", "schema": "Person", "properties": {}}\n')


ROW = "32017R1509,1,EU-PRK,XIII.A,Asset freeze,16.7.2009,,Person,Yun Ho-jin" + "," * 36


def test_unknown_column_is_noted(header: bytes) -> None:
    data = header.rstrip(b"\r\n") + b",newColumn\n" + ROW.encode() + b",surprise\n"
    records, report = parse(data)
    assert len(records) == 2
    assert report.unknown == {"column:newColumn": 1}


@pytest.mark.parametrize(
    ("body", "line", "field", "message"),
    [
        (ROW.replace("Yun Ho-jin", '"Yun Ho-jin').encode() + b"\n", 2, None, "malformed CSV"),
        (ROW.replace("Ho-jin", "Ho-j\xefn").encode("latin-1") + b"\n", 2, None, "not valid utf-8"),
        (ROW.encode() + b"\n" + ROW[:-3].encode() + b"\n", 3, None, "cells"),
        (ROW.replace("Person", "Human").encode() + b"\n", 2, "schema", "unknown schema"),
        ((ROW + "\n").encode() * 2, 3, None, "duplicate row"),
        (
            ROW.encode() + b"\n" + ROW.replace("Ho-jin", "Ho-chin").encode() + b"\n",
            3,
            "recordId",
            "duplicate entry",
        ),
    ],
    ids=["broken-quote", "latin-1", "short-row", "bad-schema", "exact-repeat", "number-repeat"],
)
def test_bad_rows(header: bytes, body: bytes, line: int, field: str | None, message: str) -> None:
    with pytest.raises(SourceError) as err:
        parse(header + body, name="bad.csv")
    assert (err.value.file, err.value.line, err.value.field) == ("bad.csv", line, field)
    assert message in str(err.value)


def test_repeated_record_number_gets_a_qualified_id(header: bytes) -> None:
    """The format allows one number twice in a section for rows of different schemata."""
    other = ROW.replace("Person,Yun Ho-jin", "LegalEntity,Yun Ho-jin Trading")
    records, _ = parse(header + (ROW + "\n" + other + "\n").encode())
    assert [r.source_id for r in records if r.source_id] == [
        f"{CELEX}/XIII.A/1",
        f"{CELEX}/XIII.A/1/LegalEntity",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b'<?xml version="1.0"?>\n<export/>\n', "not an EU journal CSV"),
        (b"ent_num,SDN_Name,SDN_Type\n306,BANCO NACIONAL DE CUBA,-0-\n", "not an EU journal CSV"),
    ],
)
def test_wrong_file(data: bytes, message: str) -> None:
    with pytest.raises(SourceError) as err:
        parse(data, name="other.csv")
    assert (err.value.file, err.value.line) == ("other.csv", 1)
    assert message in str(err.value)


def test_amendment_file_and_byte_order_mark(header: bytes) -> None:
    """Amendment files lead with the amended and the amending act instead of ``celex``;
    the amending act's number here is illustrative, the rest is row XIII.A/1."""
    amendment = b"amendedCelex,amendmentCelex," + header.split(b",", 1)[1]
    row = ROW.replace("32017R1509,", "32017R1509,32099R0001,", 1)
    records, report = parse(b"\xef\xbb\xbf" + amendment + row.encode() + b"\n")
    entry, sanction = records
    assert entry.source_id == f"{CELEX}/XIII.A/1"  # the framework act, as in consolidated files
    assert sanction.entity.get("sourceUrl") == [
        "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32099R0001"
    ]
    assert not report.unknown
