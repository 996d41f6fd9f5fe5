"""The OFAC legacy CSV parser on the real SDN and consolidated files in ../shared/data.

Expected figures were counted in the files themselves (grep, csv module) and, for the
monthly snapshots, in jackdwyer_monthly/SERIES_STATS.csv.
"""

from __future__ import annotations

import gzip
import io
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pytest

from fullcourt.model.entity import Entity
from fullcourt.model.identifiers import is_valid_imo
from fullcourt.model.record import Record
from fullcourt.sources.errors import SourceError
from fullcourt.sources.ofac_csv import parse_ofac_csv, sniff_ofac_aux, sniff_ofac_csv
from fullcourt.sources.ofac_csv_entry import person_name, programs
from fullcourt.sources.report import ParseReport

SDN = Path("ofac_sdn")


@dataclass
class Parsed:
    records: list[Record]
    report: ParseReport
    seconds: float

    def entries(self) -> dict[str, Entity]:
        return {str(r.source_id): r.entity for r in self.records if r.source_id}

    def schema(self, name: str) -> list[Entity]:
        return [r.entity for r in self.records if r.entity.schema.name == name]

    def programs(self) -> dict[str, list[str]]:
        return {s.first("entity") or "": s.get("program") for s in self.schema("Sanction")}


def parse(folder: Path, sdn: str = "sdn.csv", **aux: str) -> Parsed:
    report = ParseReport()
    handles = {key: (folder / name).open("rb") for key, name in aux.items()}
    start = time.perf_counter()
    with (folder / sdn).open("rb") as stream:
        records = list(parse_ofac_csv(stream, name=sdn, dataset="test", report=report, **handles))
    seconds = time.perf_counter() - start
    for handle in handles.values():
        handle.close()
    return Parsed(records, report, seconds)


@pytest.fixture(scope="module")
def sdn_2024(shared: Path) -> Parsed:
    return parse(shared / SDN / "2024-06_openpassport", addresses="add.csv")


@pytest.fixture(scope="module")
def sdn_2019(shared: Path) -> Parsed:
    folder = shared / SDN / "2019-01_moov-watchman"
    return parse(folder, addresses="add.csv", aliases="alt.csv", comments="sdn_comments.csv")


def is_dprk(programs: list[str]) -> bool:
    return any(program.startswith("DPRK") for program in programs)


@pytest.mark.slow
def test_2024_north_korea_figures(sdn_2024: Parsed, shared: Path) -> None:
    """489 DPRK* entries, 105 of them vessels (README of the data folder)."""
    programs_of = sdn_2024.programs()
    dprk = [e for e in sdn_2024.entries().values() if is_dprk(programs_of[str(e.id)])]
    assert len(dprk) == 489
    vessels = [e for e in dprk if e.schema.name == "Vessel"]
    assert len(vessels) == 105
    # 104 remarks write "IMO 1234567", all with a valid check digit; 17104 RYONG GUN BONG
    # writes "Vessel Registration Identification 8606173." without "IMO", a valid IMO too.
    raw = (shared / SDN / "2024-06_openpassport" / "sdn.csv").read_text(encoding="utf-8")
    written = {e.id for e in vessels if f"IMO {e.first('imoNumber')}" in raw}
    assert len(written) == 104
    valid = [e for e in vessels if any(is_valid_imo(v) for v in e.get("imoNumber"))]
    assert len(valid) == 105
    assert {str(e.id) for e in valid} - written == {"ofac-17104"}


@pytest.mark.slow
def test_2024_whole_file(sdn_2024: Parsed) -> None:
    # 15,403 lines after the header row; the last is the DOS end-of-file byte.
    assert sdn_2024.report.records == 15402
    schemata = Counter(e.schema.name for e in sdn_2024.entries().values())
    assert schemata["Person"] == 6915
    assert schemata["Vessel"] == 861
    assert schemata["Airplane"] == 374
    assert schemata["Organization"] + schemata["Company"] == 7252
    assert len(sdn_2024.schema("Sanction")) == 15402
    assert sdn_2024.report.published is None  # the CSV states no date of its own
    print(f"\n2024-06 sdn.csv + add.csv: 15,402 entries in {sdn_2024.seconds:.2f} s")
    assert sdn_2024.seconds < 30  # generous: the target is well under 10 s


def test_2024_header_row_and_first_entry(sdn_2024: Parsed) -> None:
    first = sdn_2024.records[0]
    assert first.source_id == "36"
    assert first.entity.get("name") == ["AEROCARIBBEAN AIRLINES"]
    assert first.entity.get("address") == ["Havana, Cuba"]
    assert first.entity.get("country") == ["cu"]


def test_2024_vessel_columns(sdn_2024: Parsed) -> None:
    # 15036,"ARTAVIL","vessel","IRAN",-0- ,"T2EU4","Crude/Oil Products Tanker","99,144",...
    vessel = sdn_2024.entries()["15036"]
    assert vessel.schema.name == "Vessel"
    assert vessel.get("callSign") == ["T2EU4"]
    assert vessel.get("type") == ["Crude/Oil Products Tanker"]
    assert vessel.get("tonnage") == ["99144"]
    assert vessel.get("grossRegisteredTonnage") == ["56068"]
    assert vessel.get("flag") == ["ir"]
    assert sorted(vessel.get("pastFlags")) == ["mt", "tv", "tz"]
    assert vessel.get("imoNumber") == ["9187629"]
    assert vessel.get("mmsi") == ["572469210"]
    assert vessel.get("previousName") == ["ALPHA"]


def test_2024_vessel_registration_kept_as_note(sdn_2024: Parsed) -> None:
    # 23424 BONU 5: "Vessel Registration Identification 15411 (Malta)"; a vessel holds no
    # Identification entity in FtM, so the registry country stays in its notes.
    vessel = sdn_2024.entries()["23424"]
    assert vessel.get("registrationNumber") == ["15411"]
    assert vessel.get("imoNumber") == []
    assert vessel.get("notes") == ["Vessel Registration Identification 15411 (Malta)"]


def test_2024_person_name_and_remarks(sdn_2024: Parsed) -> None:
    # 2686,"NASRALLAH, Hasan","individual","SDGT] [SYRIA","Secretary General of Hizballah",...
    person = sdn_2024.entries()["2686"]
    assert person.get("name") == ["Hasan NASRALLAH"]
    assert person.get("lastName") == ["NASRALLAH"]
    assert person.get("firstName") == ["Hasan"]
    assert person.get("position") == ["Secretary General of Hizballah"]
    assert len(person.get("birthDate")) == 4
    assert sorted(sdn_2024.programs()["ofac-2686"]) == ["SDGT", "SYRIA"]
    passports = [e for e in sdn_2024.schema("Passport") if e.first("holder") == "ofac-2686"]
    assert [(p.first("number"), p.first("country")) for p in passports] == [("042833", "lb")]


def test_2024_identification_entities(sdn_2024: Parsed) -> None:
    docs = {
        (e.first("holder"), e.first("number")): e
        for e in sdn_2024.schema("Identification") + sdn_2024.schema("Passport")
    }
    # 9340 WONG, Moon Chi: "National ID No. D489833(9) (Hong Kong)".
    hong_kong = docs[("ofac-9340", "D489833(9)")]
    assert (hong_kong.first("type"), hong_kong.first("country")) == ("National ID No.", "hk")
    # 21071 A & S CARRIER: "Folio Mercantil No. 22839 (Jalisco)" names a registry.
    jalisco = docs[("ofac-21071", "22839")]
    assert (jalisco.first("authority"), jalisco.get("country")) == ("Jalisco", [])
    # 6944 AL-SHARIF: "alt. Passport G 649385 issued 08 Sep 2006 expires 17 Jul 2011."
    passport = docs[("ofac-6944", "G 649385")]
    assert passport.schema.name == "Passport"
    assert (passport.first("startDate"), passport.first("endDate")) == ("2006-09-08", "2011-07-17")


def test_2024_links_resolve_to_entries(sdn_2024: Parsed) -> None:
    links = {
        (e.first("subject"), e.first("object"), e.first("role"))
        for e in sdn_2024.schema("UnknownLink")
    }
    # ARTAVIL: "Linked To: NATIONAL IRANIAN TANKER COMPANY." is entry 15117.
    assert ("ofac-15036", "ofac-15117", "Linked To") in links
    # EP-GOL: "Aircraft Operator YAS AIR" names no entry of the file: a stub.
    stubs = {e.first("name"): str(e.id) for e in sdn_2024.schema("LegalEntity")}
    assert ("ofac-15432", stubs["YAS AIR"], "Operator") in links
    # "Linked To: POUYA AIR." is an entry further up or down the file.
    pouya = [k for k, e in sdn_2024.entries().items() if e.first("name") == "POUYA AIR"]
    assert ("ofac-15432", f"ofac-{pouya[0]}", "Linked To") in links


def test_2024_streams(shared: Path) -> None:
    """The first record comes after reading a sliver of the 3.9 MB file."""
    path = shared / SDN / "2024-06_openpassport" / "sdn.csv"
    with path.open("rb") as stream:
        records = parse_ofac_csv(stream, name="sdn.csv", dataset="t", report=ParseReport())
        assert isinstance(records, Iterator)
        next(records)
        assert stream.tell() < path.stat().st_size // 20


@pytest.mark.slow
def test_2019_with_all_auxiliary_files(sdn_2019: Parsed) -> None:
    report = sdn_2019.report
    assert report.records == 7379  # sdn.csv lines (no header, no EOF byte in this copy)
    entries = sdn_2019.entries()
    schemata = Counter(e.schema.name for e in entries.values())
    assert schemata["Person"] == 3845
    assert schemata["Vessel"] == 323
    assert schemata["Airplane"] == 217
    assert schemata["Organization"] + schemata["Company"] == 2994
    # alt.csv: 9,335 aka + 16 nka rows (two repeat a name) and 331 fka rows, plus 11
    # f.k.a. in remarks; 2,026 a.k.a. in remarks, the weak aliases.
    assert sum(len(e.get("alias")) for e in entries.values()) == 9349
    assert sum(len(e.get("previousName")) for e in entries.values()) == 342
    assert sum(len(e.get("weakAlias")) for e in entries.values()) == 2026
    # 306 BANCO NACIONAL DE CUBA: an alt.csv alias, a remark alias and four addresses.
    bank = entries["306"]
    assert bank.get("alias") == ["NATIONAL BANK OF CUBA"]
    assert bank.get("weakAlias") == ["BNC"]
    assert "Zweierstrasse 35, Zurich CH-8022, Switzerland" in bank.get("address")
    assert len(bank.get("address")) == 4
    # The last add.csv line of this copy is cut ("-0" for "-0-"): reported, not dropped.
    assert report.unknown["column:add_remarks"] == 1


def test_2019_remark_overflow_and_owner(sdn_2019: Parsed) -> None:
    objects = {
        e.first("object")
        for e in sdn_2019.schema("UnknownLink")
        if e.first("subject") == "ofac-12300"
    }
    names = {e.first("name") for e in sdn_2019.schema("LegalEntity") if str(e.id) in objects}
    names |= {e.first("name") for k, e in sdn_2019.entries().items() if f"ofac-{k}" in objects}
    assert "PROMO RAIZ S.A.S." in names  # cut as "PROMO RAI" + "Z S.A.S." in sdn_comments.csv
    assert "R D I S.A." in names  # the last item of the comment
    # Vessel owner column "NITC" is an alt.csv alias of 15117 NATIONAL IRANIAN TANKER COMPANY.
    owners = {(e.first("owner"), e.first("asset")) for e in sdn_2019.schema("Ownership")}
    assert ("ofac-15117", "ofac-15902") in owners
    assert sdn_2019.report.unknown["remark:cut without sdn_comments"] == 0


@pytest.mark.slow
def test_gzipped_monthly_snapshot(shared: Path) -> None:
    """Figures of SERIES_STATS.csv for sdn_2021-08-24.csv.gz."""
    parsed = parse(shared / SDN / "jackdwyer_monthly", "sdn_2021-08-24.csv.gz")
    assert parsed.report.records == 9124
    programs_of = parsed.programs()
    entries = parsed.entries().values()
    assert sum(1 for e in entries if is_dprk(programs_of[str(e.id)])) == 414
    vessels = [e for e in entries if e.schema.name == "Vessel"]
    assert len(vessels) == 420
    # SERIES_STATS counts 413 "IMO" + 7 digits; 23424 BONU 5 writes "IMO 15411" (kept,
    # invalid) and 17104 RYONG GUN BONG an IMO without the prefix.
    assert sum(1 for e in vessels if e.get("imoNumber")) == 415
    assert sum(1 for e in vessels if any(map(is_valid_imo, e.get("imoNumber")))) == 414
    links = parsed.schema("UnknownLink")
    assert len({e.first("subject") for e in links if e.first("role") == "Linked To"}) == 2798
    # This snapshot has no sdn_comments.csv: five remarks are cut at 1,000 characters.
    assert parsed.report.unknown["remark:cut without sdn_comments"] == 5


def test_consolidated_2018(shared: Path) -> None:
    folder = shared / "ofac_consolidated" / "2018-04-06_perchrh"
    parsed = parse(
        folder,
        "cons_prim.csv",
        addresses="cons_add.csv",
        aliases="cons_alt.csv",
        comments="cons_comments.csv",  # an empty file in this copy
    )
    assert parsed.report.records == 639  # as many records as consolidated.xml
    entries = parsed.entries()
    schemata = Counter(e.schema.name for e in entries.values())
    assert (schemata["Person"], schemata["Vessel"]) == (94, 74)
    # cons_alt.csv: 1,024 aka + 185 fka rows; one f.k.a. in remarks.
    assert sum(len(e.get("alias")) + len(e.get("previousName")) for e in entries.values()) == 1210
    bank = entries["4637"]  # BANK OF INDUSTRY AND MINE (OF IRAN), weak a.k.a. 'BIM' in the XML
    assert bank.get("weakAlias") == ["BIM"]
    assert bank.get("notes") == ["all offices worldwide"]
    sanction = next(s for s in parsed.schema("Sanction") if s.first("entity") == "ofac-4637")
    assert sanction.get("program") == ["IRAN"]
    assert any("Not on the SDN List" in text for text in sanction.get("provisions"))


def test_consolidated_2025_comments(shared: Path) -> None:
    folder = shared / "ofac_consolidated" / "2025-12_moov-watchman"
    parsed = parse(folder, "cons_prim.csv", comments="cons_comments.csv")
    assert parsed.report.records == 442
    # 17014: the remark ends in cons_comments.csv with "a.k.a. 'RUSAG'."
    assert parsed.entries()["17014"].get("weakAlias") == ["RUSAG"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SDGT] [IRGC", ["SDGT", "IRGC"]),  # OFAC drops the outer brackets
        ("DPRK3", ["DPRK3"]),
        ("CAATSA - RUSSIA", ["CAATSA - RUSSIA"]),  # a tag with spaces
        (None, []),
    ],
)
def test_programs(text: str | None, expected: list[str]) -> None:
    assert programs(text) == expected


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("NASRALLAH, Hasan", "Hasan NASRALLAH"),
        ("DELOS REYES, Feliciano Semborio, Jr.", "Feliciano Semborio DELOS REYES Jr."),
        ("ZIA", "ZIA"),  # one name only
    ],
)
def test_person_name(written: str, name: str) -> None:
    assert person_name(written) == name


# --- bad input -------------------------------------------------------------------------


def head_lines(shared: Path, count: int = 4) -> list[bytes]:
    path = shared / SDN / "2019-01_moov-watchman" / "sdn.csv"
    with path.open("rb") as handle:
        return [handle.readline() for _ in range(count)]


def run(data: bytes, name: str = "sdn.csv", **aux: BinaryIO) -> list[Record]:
    stream = io.BytesIO(data)
    return list(parse_ofac_csv(stream, name=name, dataset="t", report=ParseReport(), **aux))


def test_good_head_parses(shared: Path) -> None:
    assert len([r for r in run(b"".join(head_lines(shared))) if r.source_id]) == 4


def test_broken_quote(shared: Path) -> None:
    lines = head_lines(shared)
    lines[1] = lines[1].replace(b'LTD."', b'LTD."x')
    with pytest.raises(SourceError) as error:
        run(b"".join(lines))
    assert (error.value.file, error.value.line) == ("sdn.csv", 2)


def test_unclosed_quote(shared: Path) -> None:
    lines = head_lines(shared)
    lines[1] = lines[1].replace(b'LTD."', b"LTD.")
    with pytest.raises(SourceError) as error:
        run(b"".join(lines))
    assert error.value.line == 2


def test_wrong_column_count(shared: Path) -> None:
    lines = head_lines(shared)
    lines[2] = lines[2].replace(b",-0- ,", b",", 1)
    with pytest.raises(SourceError, match="11 columns, expected 12") as error:
        run(b"".join(lines))
    assert error.value.line == 3


def test_wrong_encoding(shared: Path) -> None:
    lines = head_lines(shared)
    lines[3] = lines[3].replace(b"BOUTIQUE", b"BOUTIQU\xc9")  # Latin-1 byte in UTF-8
    with pytest.raises(SourceError, match="utf-8") as error:
        run(b"".join(lines))
    assert error.value.line == 4


@pytest.mark.parametrize("data", [b"", b"\x1a", b"ent_num,SDN_name,SDN_type\r\n"])
def test_empty_file(data: bytes) -> None:
    with pytest.raises(SourceError, match="empty file") as error:
        run(data)
    assert error.value.file == "sdn.csv"


def test_other_format(shared: Path) -> None:
    xml = (shared / "ofac_consolidated" / "2018-04-06_perchrh" / "consolidated.xml").read_bytes()
    with pytest.raises(SourceError) as error:
        run(xml[:5000], name="consolidated.xml")
    assert (error.value.file, error.value.line) == ("consolidated.xml", 1)
    add = (shared / SDN / "2019-01_moov-watchman" / "add.csv").read_bytes()[:2000]
    with pytest.raises(SourceError, match="6 columns"):
        run(add)


def test_truncated_gzip(shared: Path) -> None:
    data = (shared / SDN / "jackdwyer_monthly" / "sdn_2021-08-24.csv.gz").read_bytes()
    with pytest.raises(SourceError, match="compressed") as error:
        run(data[: len(data) // 2], name="sdn_2021-08-24.csv.gz")
    assert error.value.line is not None and error.value.line > 1


def test_broken_auxiliary_file_is_named(shared: Path) -> None:
    alt = io.BytesIO(b'36,12,"aka","AERO-CARIBBEAN",-0- \r\n173,57,"aka",-0- ,-0- \r\n')
    with pytest.raises(SourceError, match="alias without a name") as error:
        run(b"".join(head_lines(shared)), aliases=alt)
    assert error.value.line == 2


# --- sniffing --------------------------------------------------------------------------


def test_sniff_real_heads(shared: Path) -> None:
    def head(*parts: str) -> bytes:
        return shared.joinpath(*parts).read_bytes()[:4096]

    assert sniff_ofac_csv(head("ofac_sdn", "2015-01_seavoyage", "sdn.csv"))
    assert sniff_ofac_csv(head("ofac_sdn", "2024-06_openpassport", "sdn.csv"))  # header row
    assert sniff_ofac_csv(head("ofac_consolidated", "2018-04-06_perchrh", "cons_prim.csv"))
    monthly = shared / SDN / "jackdwyer_monthly" / "sdn_2022-01-31.csv.gz"
    assert sniff_ofac_csv(gzip.decompress(monthly.read_bytes())[:4096])
    assert not sniff_ofac_csv(head("ofac_sdn", "2019-01_moov-watchman", "add.csv"))
    assert not sniff_ofac_csv(head("ofac_consolidated", "2018-04-06_perchrh", "consolidated.xml"))
    assert not sniff_ofac_csv(head("ofac_sdn", "2026-08-20_kindrat86_derived", "ofac-sdn.csv"))
    assert not sniff_ofac_csv(b"")
    assert not sniff_ofac_csv(monthly.read_bytes()[:4096])  # still compressed

    assert sniff_ofac_aux(head("ofac_sdn", "2024-06_openpassport", "add.csv")) == "add"
    assert sniff_ofac_aux(head("ofac_sdn", "2025-12_moov-watchman_partial", "alt.csv")) == "alt"
    comments = head("ofac_sdn", "2019-01_moov-watchman", "sdn_comments.csv")
    assert sniff_ofac_aux(comments) == "comments"
    assert sniff_ofac_aux(comments[:300]) == "comments"  # a first row longer than the head
    assert sniff_ofac_aux(head("ofac_sdn", "2019-01_moov-watchman", "sdn.csv")) is None
    assert sniff_ofac_aux(monthly.read_bytes()[:4096]) is None
    assert (
        sniff_ofac_aux(head("ofac_consolidated", "2018-04-06_perchrh", "consolidated.xml")) is None
    )
