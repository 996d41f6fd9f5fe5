"""The UK Sanctions List as normalised tables: subjects plus names, identifiers,
countries and dates of birth, one row per value, joined on ``unique_id``.

This is a public transcription of the FCDO list, not the list itself: it drops the
regime, addresses and vessel details, and repeats a value once per source row (an IMO
number appears once per name of the ship). The regime is recovered from the prefix of
the UK's own id (``DPR0001`` is a North Korea designation), which is how the FCDO
numbers its entries. The secondary tables are small; they are read into dicts keyed
by subject, and only the subjects table is streamed.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from followthemoney import registry

from fullcourt.model import Entity, Record, make_entity, make_id
from fullcourt.sources.dates import parse_date
from fullcourt.sources.errors import SourceError
from fullcourt.sources.report import ParseReport
from fullcourt.sources.stream import iter_text_lines

AUTHORITY = "UK Foreign, Commonwealth and Development Office"
TABLES: dict[str, frozenset[str]] = {
    "subjects": frozenset({"unique_id", "subject_type", "un_reference_number", "date_designated"}),
    "subject_names": frozenset({"unique_id", "name_type", "alias_strength", "name_6", "name_1"}),
    "subject_identifiers": frozenset({"unique_id", "raw_value", "identifier_type"}),
    "subject_countries": frozenset({"unique_id", "raw_value", "country_type", "iso"}),
    "subject_dobs": frozenset({"unique_id", "year", "month", "day"}),
}
SCHEMAS = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}
# The "Regime Name" the UK list prints for each prefix of its unique ids.
REGIMES = {
    "AFG": "Afghanistan",
    "AQD": "ISIL (Da'esh) and Al-Qaida",
    "BEL": "Belarus",
    "BIH": "Bosnia and Herzegovina",
    "CAF": "Central African Republic",
    "CHW": "Chemical Weapons",
    "CTD": "Counter-Terrorism (Domestic)",
    "CTI": "Counter-Terrorism (International)",
    "CYB": "Cyber",
    "DPR": "Democratic People's Republic of Korea",
    "DRC": "Democratic Republic of the Congo",
    "GAC": "Global Anti-Corruption",
    "GHR": "Global Human Rights",
    "GIM": "Global Irregular Migration and Trafficking in Persons",
    "GUB": "Guinea-Bissau",
    "GUC": "Republic of Guinea",
    "HAI": "Haiti",
    "INU": "Iran (Nuclear)",
    "IRN": "Iran",
    "IRQ": "Iraq",
    "LIB": "Libya",
    "MAL": "Mali",
    "MYA": "Myanmar",
    "NIC": "Nicaragua",
    "RUS": "Russia",
    "SOM": "Somalia",
    "SSU": "South Sudan",
    "SUD": "Sudan",
    "SYR": "Syria",
    "VEN": "Venezuela",
    "YEM": "Yemen",
}
IDENTIFIERS = {
    "passport": "passportNumber",
    "national": "idNumber",
    "business_registration_numbers": "registrationNumber",
    "imo": "imoNumber",
}
COUNTRIES = {"address": "country", "birth": "birthCountry", "nationality": "nationality"}
_PREFIX = re.compile(r"^[A-Za-z]+")
_IMO_PREFIX = re.compile(r"^\s*IMO[\s:.-]*", re.IGNORECASE)

Row = dict[str, str]


def sniff_uk_tables(head: bytes) -> str | None:
    """Which table a header line belongs to (``subjects``, ``subject_names``...)."""
    first = head.decode("utf-8-sig", errors="replace").splitlines()[:1]
    columns = {c.strip().lower() for c in first[0].split(",")} if first else set()
    for table, required in TABLES.items():
        if required <= columns:
            return table
    return None


def csv_rows(stream: BinaryIO, name: str) -> Iterator[tuple[int, list[str]]]:
    """CSV rows with the line each starts on; a broken quote or byte names its line."""
    reader = csv.reader(iter_text_lines(stream, name, "utf-8-sig"), strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise SourceError(
                f"broken CSV in the row starting here: {exc}", file=name, line=start
            ) from exc
        yield start, row
        start = reader.line_num + 1


def table_dicts(stream: BinaryIO, name: str, table: str) -> Iterator[tuple[int, Row]]:
    """Rows of one table as dicts, after checking its header names the table's columns."""
    rows = csv_rows(stream, name)
    first = next(rows, None)
    if first is None:
        raise SourceError(f"empty file, expected the {table} table", file=name, line=1)
    header = [c.strip().lower() for c in first[1]]
    missing = sorted(TABLES[table] - set(header))
    if missing:
        raise SourceError(
            f"not the UK {table} table: missing {', '.join(missing)}", file=name, line=1
        )
    for line, row in rows:
        if not row:
            continue  # a blank line, such as a trailing one
        if len(row) != len(header):
            raise SourceError(
                f"row has {len(row)} fields, header has {len(header)}", file=name, line=line
            )
        yield line, dict(zip(header, (v.strip() for v in row), strict=True))


def _by_subject(stream: BinaryIO, fallback: str, table: str) -> dict[str, list[Row]]:
    name = str(getattr(stream, "name", fallback))
    grouped: dict[str, list[Row]] = {}
    for _, row in table_dicts(stream, name, table):
        grouped.setdefault(row["unique_id"], []).append(row)
    return grouped


@dataclass(frozen=True, slots=True)
class _Details:
    names: dict[str, list[Row]]
    identifiers: dict[str, list[Row]]
    countries: dict[str, list[Row]]
    dobs: dict[str, list[Row]]


def parse_uk_tables(
    subjects: BinaryIO,
    *,
    names: BinaryIO,
    identifiers: BinaryIO,
    countries: BinaryIO,
    dobs: BinaryIO | None = None,
    name: str,
    dataset: str,
    report: ParseReport,
) -> Iterator[Record]:
    """One entity and one sanction per subject, with the rows of the other tables."""
    details = _Details(
        _by_subject(names, f"{name} (names)", "subject_names"),
        _by_subject(identifiers, f"{name} (identifiers)", "subject_identifiers"),
        _by_subject(countries, f"{name} (countries)", "subject_countries"),
        _by_subject(dobs, f"{name} (dobs)", "subject_dobs") if dobs is not None else {},
    )
    for _, row in table_dicts(subjects, name, "subjects"):
        yield from _subject(row, details, dataset, report)


def put(entity: Entity, prop: str, value: str, report: ParseReport, cleaned: bool = False) -> None:
    """Add when the schema has ``prop``; otherwise count it rather than lose it."""
    if not value:
        return
    if prop not in entity.schema.properties:
        report.note(f"property:{entity.schema.name}.{prop}", value)
        return
    if entity.schema.properties[prop].type == registry.country:
        # FtM drops a country it cannot read; such text stays as a note instead.
        code = registry.country.clean(value)
        if code is None:
            report.note(f"country:{prop}", value)
            entity.add("notes", f"{prop}: {value}")
            return
        value, cleaned = code, True
    entity.add(prop, value, cleaned=cleaned)


def put_imo(entity: Entity, value: str, report: ParseReport) -> None:
    """IMO numbers without their "IMO" prefix, kept as text even when malformed."""
    if digits := _IMO_PREFIX.sub("", value).strip():
        if "imoNumber" in entity.schema.properties:
            entity.add("imoNumber", digits, cleaned=True)
        else:
            report.note(f"property:{entity.schema.name}.imoNumber", value)


def make_uk_sanction(entity: Entity, unique_id: str, dataset: str, regime: str = "") -> Entity:
    """The sanction of one UK entry; the regime defaults to the one its id prefix names."""
    sanction = make_entity("Sanction", make_id("gb-sanction", unique_id), dataset)
    sanction.add("entity", entity.id)
    sanction.add("authority", AUTHORITY)
    sanction.add("authorityId", unique_id)
    prefix = m.group(0).upper() if (m := _PREFIX.match(unique_id)) else ""
    sanction.add("programId", prefix)
    sanction.add("program", regime or REGIMES.get(prefix, prefix))
    return sanction


def _subject(row: Row, details: _Details, dataset: str, report: ParseReport) -> Iterator[Record]:
    uid, kind = row["unique_id"], row["subject_type"].lower()
    schema = SCHEMAS.get(kind)
    if schema is None:
        report.note("value:subject_type", kind)
        schema = "LegalEntity"
    entity = make_entity(schema, make_id("gb", uid), dataset)
    entity.add("topics", "sanction")
    sanction = make_uk_sanction(entity, uid, dataset)
    if not REGIMES.get(sanction.first("programId") or ""):
        report.note("value:unique_id prefix", uid)
    sanction.add("unscId", row["un_reference_number"])
    sanction.add("recordId", row.get("ofsi_group_id", ""))
    sanction.add("listingDate", parse_date(row["date_designated"]))
    sanction.add("modifiedAt", parse_date(row.get("last_updated", "")))
    for name_row in details.names.get(uid, []):
        _name(entity, name_row, report)
    # The transcription repeats a value once per row of the source list; add it once.
    for ident in _unique(details.identifiers.get(uid, []), "identifier_type", "raw_value"):
        _identifier(entity, ident, report)
    for country in _unique(details.countries.get(uid, []), "country_type", "raw_value"):
        _country(entity, country, report)
    for dob in details.dobs.get(uid, []):
        _dob(entity, dob, report)
    if not entity.get("name"):
        report.note("missing:primary name", uid)
    report.records += 1
    yield Record(entity, uid)
    yield Record(sanction)


def _unique(rows: list[Row], *keys: str) -> list[Row]:
    seen: dict[tuple[str, ...], Row] = {}
    for row in rows:
        seen.setdefault(tuple(row.get(k, "") for k in keys), row)
    return list(seen.values())


def _clean(value: str) -> str:
    return " ".join(value.split())


def _name(entity: Entity, row: Row, report: ParseReport) -> None:
    parts = [_clean(row.get(f"name_{i}", "")) for i in range(1, 6)]
    last = _clean(row.get("name_6", ""))
    if entity.schema.name == "Person" or not last:
        full = " ".join(p for p in (*parts, last) if p)
    else:
        # Entity names sit in name_6; the transcription also copied some into name_1.
        if any(p and p != last for p in parts):
            report.note("names:parts of a non-individual", f"{row['unique_id']}: {parts}")
        full = last
    kind, strength = row["name_type"].lower(), row.get("alias_strength", "").lower()
    if kind == "primary":
        put(entity, "name", full, report)
        if entity.schema.name == "Person":
            _name_parts(entity, parts, last)
    elif kind in ("primary_variation", "alias"):
        put(entity, "weakAlias" if strength.startswith("low") else "alias", full, report)
    else:
        report.note("value:name_type", kind)
        put(entity, "alias", full, report)


def _name_parts(entity: Entity, parts: list[str], last: str) -> None:
    """The UK labels name 1 the forename and name 6 the surname; the parts keep that."""
    entity.add("firstName", parts[0] or None)
    entity.add("secondName", parts[1] or None)
    entity.add("middleName", [p for p in parts[2:] if p])
    entity.add("lastName", last or None)


def _identifier(entity: Entity, row: Row, report: ParseReport) -> None:
    kind, value = row["identifier_type"].lower(), _clean(row["raw_value"])
    prop = IDENTIFIERS.get(kind)
    if prop is None:
        report.note("value:identifier_type", f"{kind}: {value}")
        prop = "registrationNumber"
    if prop == "imoNumber":
        put_imo(entity, value, report)
    else:
        put(entity, prop, value, report)
    if info := _clean(row.get("additional_info", "")):
        put(entity, "notes", f"{kind} {value}: {info}", report)


def _country(entity: Entity, row: Row, report: ParseReport) -> None:
    kind = row["country_type"].lower()
    prop = COUNTRIES.get(kind)
    if prop is None:
        report.note("value:country_type", kind)
        prop = "country"
    put(entity, prop, row.get("iso") or row["raw_value"], report)


def _dob(entity: Entity, row: Row, report: ParseReport) -> None:
    year, month, day = row["year"], row.get("month", ""), row.get("day", "")
    text = "-".join(p for p in (year, month, day if month else "") if p)
    dates = parse_date(text)
    if not dates:
        report.note("value:dob", f"{row['unique_id']}: {year}/{month}/{day}")
    put(entity, "birthDate", dates[0] if dates else "", report)
