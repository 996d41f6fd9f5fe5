"""The UK Sanctions List CSV parser, on a small sample in the FCDO's published layout.

No copy of the official CSV is available offline, so ``fixtures/uk_sanctions_list_sample.csv``
is hand-made in its layout (a ``Report Date`` line, the published header, one row per
name, details repeated on every row). Its entries are real UK North Korea designations
copied from the normalised tables in ../shared/data/uk: unique ids, OFSI group ids, UN
references, names and name types, DOBs, passport, countries, IMO numbers and dates.
Columns those tables lack are filled as follows: the addresses and "Other Information"
of DPR0181 are the UN list's text for the same entry (KPe.020, an excerpt); the owner
and type of ship of DPR0100 come from the UN comments on KOREA SAMJONG SHIPPING
(KPe.064: "Registered owner of DPRK tankers SAM JONG 1 and SAM JONG 2"); the regime
name, designation source and "Asset freeze|Travel Ban" follow the published layout.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from fullcourt.model import Entity, Record
from fullcourt.sources.errors import SourceError
from fullcourt.sources.report import ParseReport
from fullcourt.sources.uk_csv import parse_uk_csv, parse_uk_dob, sniff_uk_csv
from fullcourt.sources.uk_tables import parse_uk_tables

SAMPLE = Path(__file__).parent / "fixtures" / "uk_sanctions_list_sample.csv"
TABLES = "uk/2026-05_covyr_derived"
IDS = {"DPR0001", "DPR0200", "DPR0181", "DPR0100", "DPR0075"}


def _parse(data: bytes, name: str = "sample.csv") -> tuple[list[Record], ParseReport]:
    report = ParseReport()
    records = list(parse_uk_csv(io.BytesIO(data), name=name, dataset="gb", report=report))
    return records, report


def _entries(records: list[Record]) -> dict[str, Entity]:
    return {r.source_id: r.entity for r in records if r.source_id}


def _sanctions(records: list[Record]) -> dict[str, Entity]:
    return {
        str(r.entity.first("authorityId")): r.entity
        for r in records
        if r.entity.schema.name == "Sanction"
    }


@pytest.fixture(scope="module")
def sample() -> tuple[list[Record], ParseReport]:
    return _parse(SAMPLE.read_bytes())


def test_rows_fold_into_entries(sample: tuple[list[Record], ParseReport]) -> None:
    records, report = sample
    entries = _entries(records)
    assert set(entries) == IDS  # 14 rows, 5 unique ids
    assert {uid: e.schema.name for uid, e in entries.items()} == {
        "DPR0001": "Person",
        "DPR0200": "Person",
        "DPR0181": "Organization",
        "DPR0100": "Vessel",
        "DPR0075": "Vessel",
    }
    assert report.records == 5
    assert report.published == "2026-04-29"  # "Report Date: 29-Apr-2026"
    assert not report.unknown


def test_person_with_alias(sample: tuple[list[Record], ParseReport]) -> None:
    records, _ = sample
    person = _entries(records)["DPR0200"]
    assert person.id == "gb-dpr0200"
    assert person.get("name") == ["CHANG MYONG-CHIN"]
    assert person.get("alias") == ["Jang Myong-Jin"]
    assert sorted(person.get("birthDate")) == ["1978-11-11", "2002-05-07"]
    sanction = _sanctions(records)["DPR0200"]
    assert sanction.get("unscId") == ["KPi.007"]
    assert sanction.get("recordId") == ["12844"]
    assert sanction.get("listingDate") == ["2013-01-22"]
    assert sanction.get("program") == ["Democratic People's Republic of Korea"]
    assert sorted(sanction.get("provisions")) == ["Asset freeze", "Travel Ban"]


def test_entity_with_multiline_note_and_two_addresses(
    sample: tuple[list[Record], ParseReport],
) -> None:
    omm = _entries(sample[0])["DPR0181"]
    assert omm.get("name") == ["OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)"]
    assert sorted(omm.get("alias")) == [
        "East Sea Shipping Company",
        "aeyang Crew Management Company",  # the UK's spelling of the UN's "Haeyang"
    ]
    assert len(omm.get("address")) == 2
    (note,) = omm.get("notes")
    assert note.endswith(
        "Chong Chon Gang.\nInternational Maritime Organization (IMO) Number: 1790183."
    )
    assert omm.get("country") == ["kp"]


def test_ships(sample: tuple[list[Record], ParseReport]) -> None:
    records, _ = sample
    entries = _entries(records)
    ship = entries["DPR0100"]
    assert ship.get("imoNumber") == ["7408873"]
    assert ship.get("flag") == ["kp"]
    assert ship.get("type") == ["Tanker"]
    assert sorted(ship.get("alias")) == ["Aktiva", "Yu_Jong_3"]
    assert entries["DPR0075"].get("imoNumber") == ["9562233"]  # written "IMO9562233"
    links = [r.entity for r in records if r.entity.schema.name == "UnknownLink"]
    (link,) = links
    assert link.get("object") == [ship.id]
    assert link.get("role") == ["Current owner/operator"]
    stubs = {r.entity.id: r.entity for r in records if r.entity.schema.name == "LegalEntity"}
    assert stubs[link.first("subject")].get("name") == ["KOREA SAMJONG SHIPPING"]


def _tables_for(shared: Path, ids: set[str]) -> dict[str, Entity]:
    """The same entries read from the real normalised tables, cut to ``ids``."""
    streams = {}
    for table in ("subjects", "subject_names", "subject_identifiers", "subject_countries"):
        lines = (shared / TABLES / f"{table}.csv").read_bytes().splitlines(keepends=True)
        streams[table] = io.BytesIO(b"".join([lines[0], *(x for x in lines if _uid(x) in ids)]))
    records = parse_uk_tables(
        streams["subjects"],
        names=streams["subject_names"],
        identifiers=streams["subject_identifiers"],
        countries=streams["subject_countries"],
        name="subjects.csv",
        dataset="gb",
        report=ParseReport(),
    )
    return _entries(list(records))


def _uid(line: bytes) -> str:
    cells = next(csv.reader([line.decode()]))
    return cells[0] if cells[0][:3] == "DPR" else cells[1]


def test_same_entries_as_the_normalised_tables(
    shared: Path, sample: tuple[list[Record], ParseReport]
) -> None:
    from_csv, from_tables = _entries(sample[0]), _tables_for(shared, IDS)
    assert set(from_tables) == IDS
    for uid, entity in from_csv.items():
        other = from_tables[uid]
        assert (entity.id, entity.schema) == (other.id, other.schema)
        for prop in ("name", "passportNumber", "imoNumber", "nationality", "firstName"):
            if prop in entity.schema.properties:
                assert entity.get(prop) == other.get(prop), (uid, prop)
        assert set(entity.get("alias")) <= set(other.get("alias")), uid


def test_column_order_does_not_matter(sample: tuple[list[Record], ParseReport]) -> None:
    lines = SAMPLE.read_bytes().decode("utf-8").split("\r\n", 1)
    rows = list(csv.reader(io.StringIO(lines[1])))
    out = io.StringIO()
    csv.writer(out).writerows([row[::-1] for row in rows])
    records, _ = _parse(f"{lines[0]}\r\n{out.getvalue()}".encode())
    expected = {r.entity.id: r.entity.to_dict() for r in sample[0]}
    assert {r.entity.id: r.entity.to_dict() for r in records} == expected


def test_unknown_column_and_split_entry_are_noted() -> None:
    data = (
        "Report Date: 29-Apr-2026\nUnique ID,Name 6,Name type,Regime Name,Designation Type,Colour\n"
        "DPR0100,Sam Jong 2,Primary Name,x,Ship,red\nDPR0075,Petrel 8,Primary Name,x,Ship,\n"
        "DPR0100,Aktiva,Alias,x,Ship,\n"
    )
    records, report = _parse(data.encode())
    assert report.examples["column:unknown"] == ["Colour"]
    assert report.examples["column:colour"] == ["red"]
    assert report.examples["rows:Unique ID repeated apart"] == ["DPR0100"]
    assert len(_entries(records)) == 2


# UK dates of birth: the README of the normalised tables describes "dd" and "mm" as
# placeholders for unknown parts, bare years, and one "00/00" day and month.
DOB_CASES = [
    ("23/02/1969", ["1969-02-23"]),  # DPR0001
    ("dd/mm/1975", ["1975"]),  # both placeholders
    ("dd/09/1958", ["1958-09"]),  # day unknown (AQD0164 has 1958/09)
    ("00/00/1975", ["1975"]),  # zeros for unknown day and month
    ("1975", ["1975"]),  # year only
    ("31/02/1970", ["1970-02"]),  # no such day: keep what is certain
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), DOB_CASES)
def test_parse_uk_dob(text: str, expected: list[str]) -> None:
    assert parse_uk_dob(text) == expected


def test_sniff(shared: Path) -> None:
    assert sniff_uk_csv(SAMPLE.read_bytes()[:4096])
    assert sniff_uk_csv(b"\xef\xbb\xbf" + SAMPLE.read_bytes()[:4096])  # with a BOM
    assert not sniff_uk_csv((shared / TABLES / "subjects.csv").read_bytes()[:4096])
    un = shared / "un_sc" / "2026-02-27_moov-watchman" / "consolidated.xml"
    assert not sniff_uk_csv(un.read_bytes()[:4096])
    assert not sniff_uk_csv(b"Last Updated,28/04/2026\nName 6,Name 1,Group ID\n")  # ConList


def _fail(data: bytes) -> SourceError:
    with pytest.raises(SourceError) as caught:
        _parse(data, name="bad.csv")
    assert caught.value.file == "bad.csv"
    return caught.value


def test_bad_input(shared: Path) -> None:
    real = SAMPLE.read_bytes()
    lines = real.split(b"\r\n")
    # A quote opened before DPR0200 on line 5 and never closed: at the end of the file,
    # and in the middle of it (where it swallows rows up to the next quote).
    opened = lines[4].replace(b",DPR0200,", b',"DPR0200,', 1)
    assert _fail(b"\r\n".join([*lines[:4], opened])).line == 5
    assert _fail(b"\r\n".join([*lines[:4], opened, *lines[5:]])).line == 5
    assert _fail(b"").line == 1
    latin1 = real.replace(b"Jong,Hyuk", b"J\xf6ng,Hyuk", 1)
    assert _fail(latin1).line == 3
    un = (shared / "un_sc" / "2026-02-27_moov-watchman" / "consolidated.xml").read_bytes()
    assert _fail(un[:4096]).line == 1
    assert _fail(b"\r\n".join([*lines[:3], b"09/04/2025,DPR0001,13590"])).line == 4
