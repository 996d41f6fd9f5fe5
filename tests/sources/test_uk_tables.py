"""The UK normalised tables parser on the real transcription in ../shared/data/uk."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest

from fullcourt.model import Entity
from fullcourt.sources.errors import SourceError
from fullcourt.sources.report import ParseReport
from fullcourt.sources.uk_tables import parse_uk_tables, sniff_uk_tables

FOLDER = "uk/2026-05_covyr_derived"
TABLES = ["subjects", "subject_names", "subject_identifiers", "subject_countries", "subject_dobs"]

Parsed = tuple[dict[str, Entity], dict[str, Entity], ParseReport]


@pytest.fixture(scope="module")
def parsed(shared: Path) -> Parsed:
    folder = shared / FOLDER
    report = ParseReport()
    handles = {t: (folder / f"{t}.csv").open("rb") for t in TABLES}
    try:
        records = list(
            parse_uk_tables(
                handles["subjects"],
                names=handles["subject_names"],
                identifiers=handles["subject_identifiers"],
                countries=handles["subject_countries"],
                dobs=handles["subject_dobs"],
                name=str(folder / "subjects.csv"),
                dataset="gb_fcdo_sanctions",
                report=report,
            )
        )
    finally:
        for handle in handles.values():
            handle.close()
    entries = {r.source_id: r.entity for r in records if r.source_id}
    sanctions = {str(r.entity.first("authorityId")): r.entity for r in records if not r.source_id}
    return entries, sanctions, report


def test_counts(parsed: Parsed) -> None:
    entries, sanctions, report = parsed
    assert len(entries) == len(sanctions) == report.records == 6046
    dprk = {uid: e for uid, e in entries.items() if uid.startswith("DPR")}
    assert Counter(e.schema.name for e in dprk.values()) == {
        "Person": 138,
        "Organization": 86,
        "Vessel": 37,
    }
    ships = [uid for uid, e in dprk.items() if e.schema.name == "Vessel"]
    assert sum(1 for uid in ships if dprk[uid].get("imoNumber")) == 36
    assert [uid for uid in ships if not dprk[uid].get("imoNumber")] == ["DPR0120"]
    assert {s.first("program") for uid, s in sanctions.items() if uid.startswith("DPR")} == {
        "Democratic People's Republic of Korea"
    }


def test_person_spot_values(parsed: Parsed) -> None:
    entries, sanctions, _ = parsed
    person = entries["DPR0001"]
    assert person.id == "gb-dpr0001"
    assert person.get("name") == ["Jong Hyuk An"]
    assert person.get("alias") == ["Jong Hyok An"]  # a "primary_variation" row
    assert (person.get("firstName"), person.get("lastName")) == (["Jong"], ["An"])
    assert person.get("passportNumber") == ["563410155"]
    assert person.get("nationality") == ["kp"]  # "North Korea"
    assert person.get("country") == ["eg"]  # address country "Egypt"
    assert person.get("birthDate") == ["1969-02-23"]
    sanction = sanctions["DPR0001"]
    assert sanction.get("recordId") == ["13590"]
    assert sanction.get("listingDate") == ["2020-12-31"]
    assert sanction.get("modifiedAt") == ["2025-04-09"]
    assert sanction.get("programId") == ["DPR"]
    assert sanction.get("unscId") == []


def test_un_listed_person_keeps_un_reference(parsed: Parsed) -> None:
    entries, sanctions, _ = parsed
    person = entries["DPR0200"]
    assert person.get("name") == ["CHANG MYONG-CHIN"]
    assert person.get("alias") == ["Jang Myong-Jin"]  # good_quality_aka
    assert len(person.get("birthDate")) == 6
    assert sanctions["DPR0200"].get("unscId") == ["KPi.007"]
    assert sanctions["DPR0200"].get("listingDate") == ["2013-01-22"]


def test_ship_spot_values(parsed: Parsed) -> None:
    entries, _, _ = parsed
    ship = entries["DPR0100"]
    assert ship.get("name") == ["Sam Jong 2"]
    assert len(ship.get("alias")) == 8
    assert ship.get("imoNumber") == ["7408873"]  # repeated on 9 rows in the table


# (unique id, property, expected values): odd values of the transcription.
CASES = [
    # IMO written with its prefix, "IMO9562233".
    ("DPR0075", "imoNumber", ["9562233"]),
    # Alias with underscores instead of spaces, kept as written.
    ("DPR0075", "alias", ["Jal Vahini", "Jal_Vahini", "Tian Tai 36"]),
    # "aeyang Crew Management Company": the UN writes "Haeyang"; kept as the UK wrote it.
    (
        "DPR0181",
        "alias",
        [
            "East Sea Shipping Company",
            "Korea Mirae Shipping Co. Ltd",
            "aeyang Crew Management Company",
        ],
    ),
    # Entity name copied into name_1 as well as name_6: the name is not doubled.
    (
        "BEL0122",
        "name",
        [
            "Industrial-Commercial Private Unitary Enterprise Minotor-Service",
            "Minotor-Service Enterprise",
        ],
    ),
    # Name parts padded with spaces ("IADENA  ", "MOHAMMAD ").
    ("AFG0038", "name", ["DIN MOHAMMAD HANIF", "IADENA MOHAMMAD"]),
    # DOB row "1975" with month and day empty (parse_issues "invalid_month, ...").
    ("DRC0067", "birthDate", ["1961-06-04", "1975", "1976-03-22", "1976-10-20"]),
    # Country "Kosovo" with no ISO code in the table (resolution_method "unmapped").
    ("GAC0031", "birthCountry", ["xk"]),
    ("GAC0031", "nationality", ["rs"]),
]


@pytest.mark.parametrize(("uid", "prop", "expected"), CASES)
def test_odd_real_values(parsed: Parsed, uid: str, prop: str, expected: list[str]) -> None:
    assert sorted(parsed[0][uid].get(prop)) == expected


def test_month_year_dob(parsed: Parsed) -> None:
    # AQD0164 has a month_year row 1958/09 among 70 DOBs.
    assert "1958-09" in parsed[0]["AQD0164"].get("birthDate")


def test_unreadable_country_is_noted(parsed: Parsed) -> None:
    entries, _, report = parsed
    assert "Former USSR" in report.examples["country:birthCountry"]
    assert "birthCountry: Former USSR" in entries["GHR0055"].get("notes")


def test_sniff(shared: Path) -> None:
    for table in TABLES:
        head = (shared / FOLDER / f"{table}.csv").read_bytes()[:4096]
        assert sniff_uk_tables(head) == table
    assert sniff_uk_tables((shared / FOLDER / "README.md").read_bytes()[:4096]) is None
    un = shared / "un_sc" / "2026-02-27_moov-watchman" / "consolidated.xml"
    assert sniff_uk_tables(un.read_bytes()[:4096]) is None


SUBJECTS = (
    b"unique_id,subject_type,un_reference_number,ofsi_group_id,date_designated,last_updated\n"
)
NAMES = (
    b"name_id,unique_id,name_type,alias_strength,full_name,"
    b"name_6,name_1,name_2,name_3,name_4,name_5\n"
)
IDENTS = b"id,unique_id,ofsi_group_id,raw_value,identifier_type,additional_info\n"
COUNTRIES = b"id,unique_id,raw_value,country_type,iso,resolution_method,iso_available\n"


def _run(subjects: bytes, names: bytes = NAMES) -> list[object]:
    return list(
        parse_uk_tables(
            io.BytesIO(subjects),
            names=io.BytesIO(names),
            identifiers=io.BytesIO(IDENTS),
            countries=io.BytesIO(COUNTRIES),
            name="subjects.csv",
            dataset="gb",
            report=ParseReport(),
        )
    )


def _fail(subjects: bytes, names: bytes = NAMES) -> SourceError:
    with pytest.raises(SourceError) as caught:
        _run(subjects, names)
    assert caught.value.line is not None
    return caught.value


def test_small_real_rows_parse() -> None:
    row = b"DPR0001,individual,,13590,31/12/2020,09/04/2025\n"
    name = b"03737,DPR0001,primary,,Jong Hyuk An,An,Jong,Hyuk,,,\n"
    records = _run(SUBJECTS + row, NAMES + name)
    assert len(records) == 2


def test_bad_input() -> None:
    row = b"DPR0001,individual,,13590,31/12/2020,09/04/2025\n"
    broken = NAMES + b'03737,DPR0001,primary,,"Jong Hyuk An,An,Jong,Hyuk,,,\n'
    error = _fail(SUBJECTS + row, broken)  # an unclosed quote that runs to the end
    assert (error.file, error.line) == ("subjects.csv (names)", 2)
    empty = _fail(b"")
    assert (empty.file, empty.line) == ("subjects.csv", 1)
    latin1 = _fail(SUBJECTS + b"DPR0001,individual,,13590,31/12/2020,09/04/2025\n\xe9,x,,,,\n")
    assert (latin1.file, latin1.line) == ("subjects.csv", 3)
    other = _fail(b'<?xml version="1.0"?><CONSOLIDATED_LIST/>\n')
    assert other.line == 1 and "subjects" in other.message
    short = _fail(SUBJECTS + b"DPR0001,individual\n")
    assert (short.file, short.line) == ("subjects.csv", 2)
