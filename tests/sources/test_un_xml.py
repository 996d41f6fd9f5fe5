"""The UN consolidated.xml parser on the four real versions in ../shared/data/un_sc."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest

from fullcourt.model import Entity, Record
from fullcourt.sources.errors import SourceError
from fullcourt.sources.report import ParseReport
from fullcourt.sources.un_xml import parse_un_xml, sniff_un_xml

# Folder -> the date in the file's own dateGenerated attribute.
VERSIONS = {
    "2018-06-07_perchrh": "2018-06-07",  # dateGenerated="2018-06-07T19:03:43.97-04:00"
    "2018-10-29_perchrh": "2018-10-29",  # dateGenerated="2018-10-29T19:09:49.856-04:00"
    "2025-11-20_mkweli": "2025-11-20",  # dateGenerated="2025-11-20T23:00:09.067Z"
    "2026-02-27_moov-watchman": "2026-02-27",  # dateGenerated="2026-02-27T00:00:09.554Z"
}
NEWEST, OLDEST = "2026-02-27_moov-watchman", "2018-06-07_perchrh"

Parsed = tuple[dict[str, Entity], dict[str, Entity], ParseReport]


def _parse(path: Path) -> Parsed:
    report = ParseReport()
    with path.open("rb") as handle:
        records = list(parse_un_xml(handle, name=str(path), dataset="un_sc", report=report))
    entries = {r.source_id: r.entity for r in records if r.source_id}
    sanctions = {
        str(r.entity.first("authorityId")): r.entity
        for r in records
        if r.source_id is None and r.entity.schema.name == "Sanction"
    }
    return entries, sanctions, report


@pytest.fixture(scope="module")
def versions(shared: Path) -> dict[str, Parsed]:
    return {v: _parse(shared / "un_sc" / v / "consolidated.xml") for v in VERSIONS}


@pytest.mark.parametrize("version", VERSIONS)
def test_each_version_has_155_dprk_entries(versions: dict[str, Parsed], version: str) -> None:
    entries, sanctions, report = versions[version]
    dprk = [ref for ref, s in sanctions.items() if s.get("program") == ["DPRK"]]
    kinds = Counter(entries[ref].schema.name for ref in dprk)
    assert kinds == {"Person": 80, "Organization": 75}
    assert report.published == VERSIONS[version]
    assert report.records == len(entries) == len(sanctions)
    # Every element of the real files is recognised; only unreadable countries are noted.
    assert all(kind.startswith("country:") for kind in report.unknown)


def test_dprk_individual_spot_values(versions: dict[str, Parsed]) -> None:
    entries, sanctions, _ = versions[NEWEST]
    person = entries["KPi.008"]
    assert person.id == "unsc-kpi-008"
    assert person.get("name") == ["RA KY'ONG-SU"]
    assert set(person.get("alias")) == {
        "Ra Kyung-Su",
        "Chang Myong Ho",
        "Chang Myo’ng-Ho",
        "Chang Myong-Ho",
        "Ra Kyong-Su",
    }
    assert person.get("birthDate") == ["1954-06-04"]
    # Listed three times, as "Numéro de passeport ", "Número de pasaporte" and "Passport".
    assert person.get("passportNumber") == ["645120196"]
    assert person.get("nationality") == ["kp"]
    assert person.get("position") == ["Tanchon Commercial Bank (TCB) official"]
    sanction = sanctions["KPi.008"]
    assert sanction.get("entity") == [person.id]
    assert sanction.get("unscId") == ["KPi.008"]
    assert sanction.get("listingDate") == ["2013-01-22"]
    assert sanction.get("modifiedAt") == ["2023-06-29"]  # latest of three LAST_DAY_UPDATED


def test_dprk_entity_spot_values(versions: dict[str, Parsed]) -> None:
    entries, sanctions, _ = versions[NEWEST]
    omm = entries["KPe.020"]
    assert omm.schema.name == "Organization"
    assert omm.get("name") == ["OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)"]
    assert set(omm.get("alias")) == {
        "East Sea Shipping Company",
        "Korea Mirae Shipping Co. Ltd",
        "Haeyang Crew Management Company",
    }
    assert omm.get("imoNumber") == ["1790183"]  # "(IMO) Number: 1790183." in COMMENTS1
    assert omm.get("country") == ["kp"]
    assert (
        "Donghung Dong, Central District, PO Box 120, Pyongyang, "
        "Democratic People's Republic of Korea" in omm.get("address")
    )
    assert sanctions["KPe.020"].get("listingDate") == ["2014-07-28"]


# (version, reference, property, expected values): odd values as the UN writes them.
CASES = [
    # REFERENCE_NUMBER written "KPe.056 " with a trailing space: the id must not carry it.
    (NEWEST, "KPe.056", "name", ["CHONMYONG SHIPPING CO"]),
    # FIRST_NAME written " RI " with padding in the 2018 files.
    (OLDEST, "KPi.033", "name", ["RI WON HO"]),
    # GENDER written "MALE" in capitals in 2018.
    (OLDEST, "KPi.008", "gender", ["male"]),
    # BETWEEN 1967 and 1969: every year in the range is a candidate.
    (NEWEST, "KPi.066", "birthDate", ["1967", "1968", "1969"]),
    # YEAR 1958 with NOTE "Sep.": the month in the note completes the year.
    (NEWEST, "QDi.395", "birthDate", ["1958", "1958-09"]),
    # No DATE or YEAR, only NOTE "Nov. 1973 ".
    (NEWEST, "CDi.004", "birthDate", ["1973-11"]),
    # Alias of QUALITY "Low".
    (NEWEST, "KPi.064", "weakAlias", ["Choe Sok Min"]),
    # QUALITY "Low" but NOTE "formerly listed as": a previous name, not a weak alias.
    (NEWEST, "QDi.018", "previousName", ["Saiyid Abd al-Man"]),
    # NAME_ORIGINAL_SCRIPT in Arabic script.
    (NEWEST, "QDe.004", "alias", ["القاعدة"]),
    # "Company Number IMO 5434358." at the end of COMMENTS1 of a shipping company.
    (NEWEST, "KPe.066", "imoNumber", ["5434358"]),
    # "IMO number: 5676084" with no final full stop.
    (NEWEST, "KPe.062", "imoNumber", ["5676084"]),
]


@pytest.mark.parametrize(("version", "ref", "prop", "expected"), CASES)
def test_odd_real_values(
    versions: dict[str, Parsed], version: str, ref: str, prop: str, expected: list[str]
) -> None:
    values = versions[version][0][ref].get(prop)
    if prop == "alias":  # the entry has other aliases besides the one under test
        assert set(expected) <= set(values)
    else:
        assert sorted(values) == expected


def test_unreadable_nationality_is_kept_as_note(versions: dict[str, Parsed]) -> None:
    _, _, report = versions[OLDEST]
    value = "Bahrain (citizenship revoked in Jan. 2015)"
    assert value in report.examples["country:nationality"]
    noted = [e for e in versions[OLDEST][0].values() if f"nationality: {value}" in e.get("notes")]
    assert len(noted) == 1


def test_sniff(shared: Path) -> None:
    for version in VERSIONS:
        head = (shared / "un_sc" / version / "consolidated.xml").read_bytes()[:4096]
        assert sniff_un_xml(head)
    assert not sniff_un_xml(b"ent_num,SDN_Name,SDN_Type\n")
    assert not sniff_un_xml(b'<?xml version="1.0"?><sdnList><sdnEntry/></sdnList>')


def _fail(data: bytes) -> SourceError:
    with pytest.raises(SourceError) as caught:
        list(parse_un_xml(io.BytesIO(data), name="bad.xml", dataset="un_sc", report=ParseReport()))
    assert caught.value.file == "bad.xml"
    assert caught.value.line is not None and caught.value.line >= 1
    return caught.value


def test_bad_input(shared: Path) -> None:
    real = (shared / "un_sc" / NEWEST / "consolidated.xml").read_bytes()
    assert _fail(real[:50_000]).line == 1273  # cut inside <INDIVIDUAL_DATE_OF_BIRTH>
    assert "empty" in _fail(b"").message
    # "ERIC" (line 7) with its E replaced by a Latin-1 byte: not UTF-8 as declared.
    assert _fail(real.replace(b"<FIRST_NAME>ERIC", b"<FIRST_NAME>\xc9RIC", 1)).line == 7
    assert _fail(b"Last Updated,Unique ID\n").line == 1  # a CSV, not XML
    wrong_root = _fail(b'<?xml version="1.0"?>\n<sdnList><sdnEntry/></sdnList>')
    assert wrong_root.line == 2 and "sdnList" in wrong_root.message


def test_records_stream_before_a_late_error(shared: Path) -> None:
    """Entries before a truncation are yielded: the parser does not read the whole file first."""
    real = (shared / "un_sc" / NEWEST / "consolidated.xml").read_bytes()
    stream = parse_un_xml(
        io.BytesIO(real[:50_000]), name="cut.xml", dataset="un_sc", report=ParseReport()
    )
    first: Record = next(stream)
    assert first.source_id is not None
