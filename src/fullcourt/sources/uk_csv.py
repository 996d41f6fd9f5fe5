"""The UK Sanctions List CSV published by the FCDO (``UK-Sanctions-List.csv``).

A ``Report Date: 29-Apr-2026`` line, then a header, then one row per name of an entry:
the same ``Unique ID`` repeats on consecutive rows, each row repeating the entry's other
details (so an IMO number or an address appears once per name, and a second date of
birth adds rows). Consecutive rows are folded into one entity. Columns are found by
their header text, compared without case, spaces or punctuation, because the FCDO has
reordered and re-punctuated them between releases ("Nationality(/ies)",
"Business registration number (s)").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from fullcourt.model import Entity, Record, make_entity, make_id
from fullcourt.sources.dates import parse_date
from fullcourt.sources.errors import SourceError
from fullcourt.sources.report import ParseReport
from fullcourt.sources.uk_tables import SCHEMAS, csv_rows, make_uk_sanction, put, put_imo

ENTITY_PROPS = {
    "title": "title",
    "position": "position",
    "nationalityies": "nationality",
    "passportnumber": "passportNumber",
    "nationalidentifiernumber": "idNumber",
    "townofbirth": "birthPlace",
    "countryofbirth": "birthCountry",
    "addresscountry": "country",
    "phonenumber": "phone",
    "website": "website",
    "emailaddress": "email",
    "typeofentity": "legalForm",
    "businessregistrationnumbers": "registrationNumber",
    "otherinformation": "notes",
    "currentbelievedflagofship": "flag",
    "previousflags": "pastFlags",
    "typeofship": "type",
    "tonnageofship": "tonnage",
    # FtM has no hull-number property; it is the small-craft registration identifier.
    "hullidentificationnumberhin": "registrationNumber",
}
SANCTION_PROPS = {
    "regimename": "program",
    "ukstatementofreasons": "reason",
    "unreferencenumber": "unscId",
    "ofsigroupid": "recordId",
}
# Named parties: (role, whether the named party is the link's subject).
LINKS = {
    "currentowneroperators": ("Current owner/operator", True),
    "previousowneroperators": ("Previous owner/operator", True),
    "parentcompany": ("Parent company", True),
    "subsidiaries": ("Subsidiary", False),
}
NAME_PARTS = [f"name{i}" for i in range(1, 6)]
ADDRESS = [*(f"addressline{i}" for i in range(1, 7)), "addresspostalcode", "addresscountry"]
# Read by the functions below rather than through the tables above.
SPECIAL = {
    "uniqueid", "name6", *NAME_PARTS, "nametype", "aliasstrength", "namenonlatinscript",
    "nonlatinscripttype", "nonlatinscriptlanguage", "designationtype", "individualentityship",
    "designationsource", "sanctionsimposed", "datedesignated", "lastupdated", "dob", "gender",
    "imonumber", "lengthofship", "yearbuilt", "nationalidentifieradditionalinformation",
    "passportadditionalinformation", *ADDRESS,
}  # fmt: skip
KNOWN = SPECIAL | set(ENTITY_PROPS) | set(SANCTION_PROPS) | set(LINKS)
_KEY = re.compile(r"[^a-z0-9]+")
_UK_DOB = re.compile(r"^(\d{1,2}|dd|00)/(\d{1,2}|mm|00)/(\d{4})$", re.IGNORECASE)

Row = dict[str, str]


def _key(header: str) -> str:
    return _KEY.sub("", header.lower())


def sniff_uk_csv(head: bytes) -> bool:
    """A ``Report Date`` line followed by a header naming ``Unique ID`` and ``Name 6``."""
    lines = head.decode("utf-8-sig", errors="replace").lstrip().splitlines()
    header = lines[1] if lines and lines[0].lower().startswith("report date") else lines[:1]
    text = _key(header if isinstance(header, str) else "".join(header))
    return "uniqueid" in text and "name6" in text and "regimename" in text


def parse_uk_csv(
    stream: BinaryIO, *, name: str, dataset: str, report: ParseReport
) -> Iterator[Record]:
    """Entries with their sanctions and named owners, one group of rows at a time."""
    rows = _dict_rows(stream, name, report)
    seen: set[str] = set()
    group: list[Row] = []
    for row in rows:
        if group and row["uniqueid"] != group[0]["uniqueid"]:
            yield from _entry(group, dataset, report)
            group = []
        if not group and row["uniqueid"] in seen:
            report.note("rows:Unique ID repeated apart", row["uniqueid"])
        seen.add(row["uniqueid"])
        group.append(row)
    if group:
        yield from _entry(group, dataset, report)


def _dict_rows(stream: BinaryIO, name: str, report: ParseReport) -> Iterator[Row]:
    rows = csv_rows(stream, name)
    first = next(rows, None)
    if first is None:
        raise SourceError("empty file, expected the UK Sanctions List CSV", file=name, line=1)
    line, cells = first
    if cells and cells[0].lower().startswith("report date"):
        # "29-Apr-2026": spaced, because parse_date reads "29 Apr 2026".
        published = parse_date(cells[0].partition(":")[2].replace("-", " "))
        report.published = published[0] if published else report.published
        line, cells = next(rows, (line + 1, []))
    header = [_key(c) for c in cells]
    if "uniqueid" not in header or "name6" not in header:
        raise SourceError(
            "not the UK Sanctions List CSV: no Unique ID header", file=name, line=line
        )
    for original, key in zip(cells, header, strict=True):
        if key not in KNOWN:
            report.note("column:unknown", original)
    for line, cells in rows:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) < len(header) or any(c.strip() for c in cells[len(header) :]):
            raise SourceError(
                f"row has {len(cells)} fields, header has {len(header)}", file=name, line=line
            )
        row = dict(zip(header, (c.strip() for c in cells), strict=False))
        if not row["uniqueid"]:
            report.note("rows:no Unique ID", f"line {line}")
            continue
        yield row


def _entry(rows: list[Row], dataset: str, report: ParseReport) -> Iterator[Record]:
    uid = rows[0]["uniqueid"]
    kinds = (r.get("designationtype") or r.get("individualentityship", "") for r in rows)
    kind = next((k for k in kinds if k), "")
    schema = SCHEMAS.get(kind.lower())
    if schema is None:
        report.note("value:Designation Type", kind)
        schema = "LegalEntity"
    entity = make_entity(schema, make_id("gb", uid), dataset)
    entity.add("topics", "sanction")
    sanction = make_uk_sanction(entity, uid, dataset, rows[0].get("regimename", ""))
    links: dict[str, Entity] = {}
    for row in rows:
        _names(entity, row, report)
        _details(entity, row, report)
        _sanction(sanction, row)
        for key, value in row.items():
            if key not in KNOWN and value:
                report.note(f"column:{key}", value)
        for link in _links(entity, row, dataset):
            links[str(link.id)] = link
    report.records += 1
    yield Record(entity, uid)
    yield Record(sanction)
    yield from (Record(link) for link in links.values())


def _names(entity: Entity, row: Row, report: ParseReport) -> None:
    parts = [" ".join(row.get(k, "").split()) for k in NAME_PARTS]
    last = " ".join(row.get("name6", "").split())
    person = entity.schema.name == "Person"
    full = " ".join(p for p in (*parts, last) if p) if person or not last else last
    kind, strength = row.get("nametype", "").lower(), row.get("aliasstrength", "").lower()
    if kind == "primary name":
        put(entity, "name", full, report)
        if person:
            entity.add("firstName", parts[0] or None)
            entity.add("secondName", parts[1] or None)
            entity.add("middleName", [p for p in parts[2:] if p])
            entity.add("lastName", last or None)
    elif kind in ("primary name variation", "alias"):
        put(entity, "weakAlias" if strength.startswith("low") else "alias", full, report)
    else:
        report.note("value:Name type", kind)
        put(entity, "alias", full, report)
    put(entity, "alias", row.get("namenonlatinscript", ""), report)


def _details(entity: Entity, row: Row, report: ParseReport) -> None:
    for key, prop in ENTITY_PROPS.items():
        put(entity, prop, row.get(key, ""), report)
    if any(row.get(k) for k in ADDRESS[:-1]):
        put(entity, "address", ", ".join(v for k in ADDRESS if (v := row.get(k, ""))), report)
    for dob in parse_uk_dob(row.get("dob", "")):
        put(entity, "birthDate", dob, report)
    gender = row.get("gender", "").lower()
    if gender in ("male", "female"):
        put(entity, "gender", gender, report)
    elif gender:
        report.note("value:Gender", gender)
    put_imo(entity, row.get("imonumber", ""), report)
    if built := row.get("yearbuilt", ""):
        put(entity, "buildDate", next(iter(parse_date(built)), ""), report)
    if length := row.get("lengthofship", ""):
        put(entity, "notes", f"Length of ship: {length}", report)
    for key, label in (("passport", "Passport"), ("nationalidentifier", "National identifier")):
        if info := row.get(f"{key}additionalinformation", ""):
            number = row.get(f"{key}number", "")
            put(entity, "notes", f"{label} {number}: {info}".replace(" :", ":"), report)


def _sanction(sanction: Entity, row: Row) -> None:
    for key, prop in SANCTION_PROPS.items():
        sanction.add(prop, row.get(key) or None)
    sanction.add("listingDate", parse_date(row.get("datedesignated", "")))
    sanction.add("modifiedAt", parse_date(row.get("lastupdated", "")))
    imposed = row.get("sanctionsimposed", "").split("|")
    sanction.add("provisions", [p.strip() for p in imposed if p.strip()])
    if source := row.get("designationsource", ""):
        sanction.add("summary", f"Designation source: {source}")


def _links(entity: Entity, row: Row, dataset: str) -> Iterator[Entity]:
    """Owners, operators, parents and subsidiaries, as stubs linked to the entry."""
    for key, (role, named_is_subject) in LINKS.items():
        for named in (n.strip() for n in row.get(key, "").split("|")):
            if not named:
                continue
            stub = make_entity("LegalEntity", make_id("gb-named", named.upper()), dataset)
            stub.add("name", named)
            subject, obj = (stub, entity) if named_is_subject else (entity, stub)
            link = make_entity(
                "UnknownLink", make_id("gb-link", str(subject.id), str(obj.id), role), dataset
            )
            link.add("subject", subject.id)
            link.add("object", obj.id)
            link.add("role", role)
            yield stub
            yield link


def parse_uk_dob(text: str) -> list[str]:
    """UK dates of birth: ``dd/mm/yyyy`` with ``dd``, ``mm`` or ``00`` for unknown parts."""
    m = _UK_DOB.match(text.strip())
    if m is None:
        return parse_date(text) if text.strip() else []
    day, month, year = m.groups()
    if not (month.isdigit() and 1 <= int(month) <= 12):
        return [year]
    if not day.isdigit() or int(day) == 0:
        return [f"{year}-{int(month):02d}"]
    try:
        return [date(int(year), int(month), int(day)).isoformat()]
    except ValueError:
        return [f"{year}-{int(month):02d}"]
