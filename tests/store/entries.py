"""Small record sets cut from real list entries (OFAC SDN 2024-06, UN 2026-02-27)."""

from __future__ import annotations

from collections.abc import Iterator

from fullcourt.model import Record, make_entity, make_id


def ofac_entries(*, with_hwang: bool = True, komid_alias: str = "KOMID") -> list[Record]:
    """KOMID, a person linked to it, and the vessel CHONG CHON GANG, as on the SDN list."""
    ds = "us_ofac_sdn"
    komid = make_entity("Organization", make_id("ofac", "9345"), ds)
    komid.add("name", "KOREA MINING DEVELOPMENT TRADING CORPORATION")
    komid.add("alias", komid_alias)
    vessel = make_entity("Vessel", make_id("ofac", "17069"), ds)
    vessel.add("name", "CHONG CHON GANG")
    vessel.add("imoNumber", "7937317", cleaned=True)
    vessel.add("flag", "Democratic People's Republic of Korea")
    records = [Record(komid, "9345"), Record(vessel, "17069")]
    records += [sanction(ds, "9345", komid.id, "NPWMD"), sanction(ds, "9345", komid.id, "DPRK2")]
    records.append(sanction(ds, "17069", vessel.id, "DPRK"))
    if with_hwang:
        hwang = make_entity("Person", make_id("ofac", "18552"), ds)
        hwang.add("name", "HWANG, Su Man")
        hwang.add("birthDate", "1955-04-06")
        hwang.add("passportNumber", "472220033")
        link = make_entity("UnknownLink", make_id("ofac-link", "18552", "9345"), ds)
        link.add("subject", hwang.id)
        link.add("object", komid.id)
        link.add("role", "Linked To")
        records += [Record(hwang, "18552"), Record(link), sanction(ds, "18552", hwang.id, "DPRK2")]
    return records


def sanction(ds: str, source_id: str, entity_id: str | None, program: str) -> Record:
    entity = make_entity("Sanction", make_id(f"{ds}-sanction", source_id, program), ds)
    entity.add("entity", entity_id)
    entity.add("program", program)
    entity.add("authorityId", source_id)
    return Record(entity)


def un_vessel_entries() -> list[Record]:
    """The same hull on the UN list, with a bad IMO value kept as text beside the good one."""
    ds = "un_sc_sanctions"
    vessel = make_entity("Vessel", make_id("unsc", "KPe.CCG"), ds)
    vessel.add("name", "CHONG CHON GANG")
    vessel.add("imoNumber", "7937317", cleaned=True)
    vessel.add("imoNumber", "7937318", cleaned=True)
    return [Record(vessel, "KPe.CCG"), sanction(ds, "KPe.CCG", vessel.id, "DPRK")]


def failing_after(records: list[Record], count: int) -> Iterator[Record]:
    """Yields ``count`` records, then fails as a parser does on line 10,000."""
    from fullcourt.sources.errors import SourceError

    for number, record in enumerate(records):
        if number == count:
            raise SourceError("unexpected end of file", file="sdn.csv", line=10_000)
        yield record
