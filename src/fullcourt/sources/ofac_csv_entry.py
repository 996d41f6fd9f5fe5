"""One row of an OFAC legacy CSV as FtM entities: the entry, its sanction, its papers.

The row gives the entry's type, programs and vessel columns; the remark gives nearly
everything else (see :mod:`fullcourt.sources.ofac_remarks`); ``add.csv`` and
``alt.csv`` give addresses and strong aliases. Links to other parties are returned as
pending links, because the other party may be listed further down the file; they are
the same links the sdn.xml parser makes, so both formats give the same link ids.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from followthemoney import model

from fullcourt.model.entity import Entity, make_entity, make_id
from fullcourt.sources.ofac_csv_rows import AddressRow, AliasRow, cell
from fullcourt.sources.ofac_fill import add_value, remark_entities
from fullcourt.sources.ofac_remark_values import NO_VALUE
from fullcourt.sources.ofac_remarks import Remarks, apply_remarks
from fullcourt.sources.ofac_xml_links import PendingLink
from fullcourt.sources.report import ParseReport

AUTHORITY = "US Office of Foreign Assets Control"  # as the sdn.xml parser writes it
VESSEL_OWNER = "Vessel Owner"  # the role the sdn.xml parser gives the same column
_SCHEMATA = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane"}
_ALIAS_PROPS = {"aka": "alias", "nka": "alias", "fka": "previousName"}
_PROGRAM_SPLIT_RE = re.compile(r"\]\s*\[")
_ORGANIZATION = model.schemata["Organization"]
_COMPANY = model.schemata["Company"]


@dataclass(frozen=True, slots=True)
class Entry:
    entity: Entity
    derived: list[Entity]
    links: list[PendingLink]


def programs(text: str | None) -> list[str]:
    """``SDGT] [IRGC`` (OFAC drops the outer brackets) as ``["SDGT", "IRGC"]``."""
    if text is None:
        return []
    parts = (part.strip(" []") for part in _PROGRAM_SPLIT_RE.split(text))
    return [part for part in parts if part]


def titles(text: str) -> list[str]:
    """The Title column; several titles are ``;``-separated like remark items."""
    value = cell(text)
    return [part.strip() for part in value.split(";") if part.strip()] if value else []


def person_name(text: str) -> str:
    """``LAST, First`` as ``First LAST``; a suffix after a second comma goes last."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) < 2 or not all(parts):
        return text.strip()
    return " ".join([*parts[1:2], parts[0], *parts[2:]])


def schema_for(kind: str | None, remarks: Remarks, report: ParseReport, ent_num: str) -> str:
    """Entity type from the type column; untyped entries with company codes are Companies.

    OFAC writes no type for organisations. Organization is the honest reading, but a
    remark with a ticker, ISIN or BIK code only fits FtM's Company, its sub-schema.
    """
    if kind is None:
        props = {fact.prop for fact in remarks.facts}
        company_only = any(p not in _ORGANIZATION.properties for p in props)
        return "Company" if company_only and _fits_company(props) else "Organization"
    schema = _SCHEMATA.get(kind.lower())
    if schema is None:
        report.note("column:type", f"{ent_num}: {kind}")
        return "LegalEntity"
    return schema


def _fits_company(props: set[str]) -> bool:
    return all(p in _COMPANY.properties for p in props)


def build_entry(
    row: list[str],
    remarks: Remarks,
    dataset: str,
    report: ParseReport,
    addresses: list[AddressRow],
    aliases: list[AliasRow],
) -> Entry:
    """The entry entity, its Sanction and document entities, and its pending links."""
    ent_num, kind = row[0].strip(), cell(row[2])
    schema = schema_for(kind, remarks, report, ent_num)
    entity = make_entity(schema, make_id("ofac", ent_num), dataset)
    rename = person_name if schema == "Person" else str.strip
    _names(entity, cell(row[1]) or "", aliases, rename, report)
    entity.add("topics", "sanction")
    apply_remarks(entity, remarks, report, rename=rename)
    _columns(entity, row, report)
    for address in addresses:
        _address(entity, address, report)
    links = [PendingLink(str(entity.id), link.role, link.name) for link in remarks.links]
    if owner := cell(row[10]):
        links.append(PendingLink(str(entity.id), VESSEL_OWNER, owner))
    derived = [_sanction(entity, ent_num, row, remarks, dataset, report)]
    derived.extend(remark_entities(entity, remarks, dataset, report))
    return Entry(entity, derived, links)


def _names(
    entity: Entity,
    name: str,
    aliases: list[AliasRow],
    rename: Callable[[str], str],
    report: ParseReport,
) -> None:
    if not name:
        report.note("column:name", f"entry without a name: {entity.id}")
    entity.add("name", rename(name))
    if entity.schema.name == "Person" and "," in name:
        last, _, first = name.partition(",")
        entity.add("lastName", last.strip())
        entity.add("firstName", first.split(",")[0].strip())
    for alias in aliases:
        prop = _ALIAS_PROPS.get(alias.kind)
        if alias.remarks and "weak" in alias.remarks.lower():
            prop = "weakAlias"
        elif alias.remarks:
            report.note("column:alt_remarks", alias.remarks)
        if prop is None:
            report.note("column:alt_type", f"{alias.kind}: {alias.name}")
            prop = "alias"
        entity.add(prop, rename(alias.name))


def _columns(entity: Entity, row: list[str], report: ParseReport) -> None:
    """Title and the vessel columns; a value the schema cannot hold is reported."""
    prop = "position" if "position" in entity.schema.properties else "notes"
    for title in titles(row[4]):
        add_value(entity, prop, title, report, title)
    columns = (("callSign", 5), ("type", 6), ("tonnage", 7), ("grossRegisteredTonnage", 8))
    for prop, index in columns:
        if value := cell(row[index]):
            text = value.replace(",", "") if "onnage" in prop else value
            add_value(entity, prop, text, report, f"{prop}: {value}")
    flag = cell(row[9])
    if flag and flag.lower() not in NO_VALUE:
        add_value(entity, "flag", flag, report, f"flag: {flag}")


def _address(entity: Entity, address: AddressRow, report: ParseReport) -> None:
    if address.full:
        entity.add("address", address.full)
    if address.country and address.country.lower() not in NO_VALUE:
        add_value(entity, "country", address.country, report, address.full)
    if address.remarks:
        report.note("column:add_remarks", address.remarks)


def _sanction(
    entity: Entity,
    ent_num: str,
    row: list[str],
    remarks: Remarks,
    dataset: str,
    report: ParseReport,
) -> Entity:
    sanction = make_entity("Sanction", make_id("ofac-sanction", ent_num), dataset)
    sanction.add("entity", entity.id, cleaned=True)
    sanction.add("authority", AUTHORITY, cleaned=True)
    sanction.add("authorityId", ent_num, cleaned=True)
    sanction.add("program", programs(cell(row[3])), cleaned=True)
    for fact in remarks.sanction:
        add_value(sanction, fact.prop, fact.value, report, fact.item)
    return sanction
