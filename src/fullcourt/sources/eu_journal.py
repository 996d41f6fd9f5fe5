"""EU Official Journal annexes as transcribed by OpenSanctions (``eu_journal_sanctions`` CSV).

One row is one designation of one entity in one legal context (annex section, programme,
measure); cells keep the printed wording, and every entity column but ``name`` holds
``;``-separated values, quoted CSV-style when a value contains ``;``.

The journal prints no identifier that survives across annexes: ``recordId`` is the
entry's number within its annex section and restarts in every section (``XIII.A`` 1-80,
``XIII.B`` 1-75...). A row's ``source_id`` is therefore ``<celex>/<annex>/<recordId>``,
the address at which the Official Journal itself prints the entry, stable as long as the
annex is not renumbered. Rows printed without a number (vessels of annex XIII.B) use
their IMO number in its place, else their name. The same vessel listed in two sections
(asset freeze and port-entry ban) thus yields two entries; the store can merge them on
the IMO number.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterator
from typing import BinaryIO

from followthemoney.types import registry

from fullcourt.model.entity import Entity, make_entity, make_id
from fullcourt.model.record import Record
from fullcourt.sources.dates import parse_date
from fullcourt.sources.errors import SourceError
from fullcourt.sources.eu_xml import AUTHORITY, add_checked
from fullcourt.sources.report import ParseReport
from fullcourt.sources.stream import iter_text_lines

SANCTION_COLUMNS = {"celex", "amendedCelex", "amendmentCelex", "recordId", "programKey"}
SANCTION_COLUMNS |= {"annex", "measure", "startDate", "reason", "schema", "name"}
# Columns whose values go through FtM cleaning into the property of the same name.
PLAIN_COLUMNS = (
    *("alias", "weakAlias", "previousName", "country", "nationality", "jurisdiction"),
    *("birthPlace", "position", "appearance", "ethnicity", "fatherName", "motherName"),
    *("legalForm", "sector", "registrationNumber", "taxNumber", "idNumber", "innCode"),
    *("ogrnCode", "kppCode", "okpoCode", "leiCode", "swiftBic", "ticker", "flag", "address"),
    *("website", "notes"),
)
SPECIAL_COLUMNS = {"birthDate", "incorporationDate", "gender", "passportNumber", "imoNumber"}
SPECIAL_COLUMNS |= {"mmsi", "phone", "email"}
KNOWN_COLUMNS = SANCTION_COLUMNS | SPECIAL_COLUMNS | set(PLAIN_COLUMNS)
SCHEMATA = {"Person", "LegalEntity", "Organization", "Company", "Vessel", "Asset"}
EUR_LEX = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:{}"

_DATE_SPLIT = re.compile(r"\s*(?:,|\s/\s|\bor\b|\band\b|\b[a-z]\))\s*", re.IGNORECASE)
# A document number (optional letter prefix such as ``PS``) and what the cell adds to it.
_DOCUMENT = re.compile(r"^([A-Z]{0,2}[\s-]*\d{5,})[\s.,]*(.*?)[\s.]*$")
# Between documents: ``;`` outside parentheses, or a spaced slash.
_DOC_SPLIT = re.compile(r";(?![^()]*\))|\s/\s")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_SPLIT = re.compile(r"\s*(?:[,;]|\band\b|fax:)\s*", re.IGNORECASE)
_PARENS = re.compile(r"\s*\(([^()]+)\)")


def sniff_eu_journal(head: bytes) -> bool:
    """The header of a consolidated or amendment file of the journal transcription."""
    first = head.decode("utf-8", errors="ignore").lstrip("\ufeff").split("\n", 1)[0]
    columns = set(first.strip().split(","))
    return {"recordId", "programKey", "measure", "schema", "name"} <= columns


def parse_eu_journal(
    stream: BinaryIO, *, name: str, dataset: str, report: ParseReport
) -> Iterator[Record]:
    """An entry and its sanction per row, streamed from the decoded lines."""
    reader = csv.reader(iter_text_lines(stream, name, "utf-8-sig"), strict=True)
    try:
        header = next(reader, None)
        if not header:
            raise SourceError("empty file, expected an EU journal CSV header", file=name, line=1)
        _check_header(header, name)
        seen: set[str] = set()
        rows: set[bytes] = set()
        for row in reader:
            if not row:
                continue
            if len(row) != len(header):
                message = f"row has {len(row)} cells, header has {len(header)}"
                raise SourceError(message, file=name, line=reader.line_num)
            digest = hashlib.blake2b("\x1f".join(row).encode(), digest_size=16).digest()
            if digest in rows:  # the format forbids exact repeats; loading one twice hides it
                raise SourceError("duplicate row", file=name, line=reader.line_num)
            rows.add(digest)
            cells = dict(zip(header, (c.strip() for c in row), strict=True))
            yield from _row(cells, name, reader.line_num, dataset, seen, report)
    except csv.Error as exc:
        raise SourceError(f"malformed CSV: {exc}", file=name, line=reader.line_num) from exc


def _check_header(header: list[str], name: str) -> None:
    missing = {"recordId", "programKey", "schema", "name"} - set(header)
    if missing or not {"celex", "amendedCelex"} & set(header):
        message = f"not an EU journal CSV: header lacks {sorted(missing) or ['celex']}"
        raise SourceError(message, file=name, line=1)


def split_cell(cell: str) -> list[str]:
    """The values of a multi-valued cell: ``"Foo; Bar"; Baz`` holds two."""
    if not cell:
        return []
    values = next(csv.reader([cell], delimiter=";", skipinitialspace=True))
    return list(dict.fromkeys(v.strip() for v in values if v.strip()))


NAME_COLUMNS = frozenset({"alias", "weakAlias", "previousName"})


def split_names(cell: str) -> list[str]:
    """A person's other names, which the annex sometimes prints in one cell with
    commas ("JANG Tcheul-hy, JANG Cheul-hy, KIM Tcheul-hy"). A comma also separates a
    surname from given names ("KIM, Jong Un"), so the cell is a list only when every
    piece is a whole name of two words or more."""
    pieces = [piece.strip() for piece in cell.split(",")]
    if len(pieces) > 1 and all(len(piece.split()) >= 2 for piece in pieces):
        return pieces
    return [cell]


def _source_id(cells: dict[str, str], seen: set[str], name: str, line: int) -> str:
    """The printed address of the entry, qualified only when the format allows a repeat:
    by schema, then by programme and measure. A row claims its own qualified forms too,
    so a second row of the same schema, programme and measure is refused."""
    celex = cells.get("celex") or cells.get("amendedCelex", "")
    imo = re.sub(r"\D", "", cells.get("imoNumber", ""))
    number = cells["recordId"] or (f"IMO{imo}" if imo else cells["name"])
    base = f"{celex}/{cells.get('annex', '')}/{number}"
    schema = f"{base}/{cells['schema']}"
    forms = [base, schema, f"{schema}/{cells['programKey']}/{cells.get('measure')}"]
    for index, candidate in enumerate(forms):
        if candidate not in seen:
            seen.update(forms[index:])
            return candidate
    raise SourceError(f"duplicate entry {base}", file=name, line=line, field="recordId")


def _row(
    cells: dict[str, str], name: str, line: int, dataset: str, seen: set[str], report: ParseReport
) -> Iterator[Record]:
    schema = cells["schema"]
    if schema not in SCHEMATA:
        raise SourceError(f"unknown schema {schema!r}", file=name, line=line, field="schema")
    if not cells["name"]:
        raise SourceError("row without a name", file=name, line=line, field="name")
    source_id = _source_id(cells, seen, name, line)
    entity = make_entity(schema, make_id("eu-oj", source_id), dataset)
    entity.add("topics", "sanction")
    add_checked(entity, "name", cells["name"], report)
    if schema == "Vessel":  # ``CHOL RYONG (RYONG GUN BONG)``: unlabelled other names
        for part in [_PARENS.sub("", cells["name"]), *_PARENS.findall(cells["name"])]:
            if part != cells["name"]:
                add_checked(entity, "alias", part, report)
    for column in PLAIN_COLUMNS:
        values = split_cell(cells.get(column, ""))
        if schema == "Person" and column in NAME_COLUMNS:
            values = [name for value in values for name in split_names(value)]
        for value in values:
            add_checked(entity, column, value, report)
    _special(entity, cells, report)
    for column, value in cells.items():
        if value and column not in KNOWN_COLUMNS:
            report.note(f"column:{column}", value)
    report.records += 1
    yield Record(entity, source_id=source_id)
    yield Record(_sanction(entity, cells, source_id, report))


def _special(entity: Entity, cells: dict[str, str], report: ParseReport) -> None:
    for column in ("birthDate", "incorporationDate"):
        for text in split_cell(cells.get(column, "")):
            _dates(entity, column, text, report)
    for gender in split_cell(cells.get("gender", "")):
        add_checked(entity, "gender", gender.strip(" .").lower(), report)
    for text in split_cell(cells.get("passportNumber", "")):
        _documents(entity, text, report)
    for text in split_cell(cells.get("imoNumber", "")):
        _imo(entity, text, report)
    for mmsi in split_cell(cells.get("mmsi", "")):
        entity.add("mmsi", mmsi, cleaned=True)  # kept as written; the store checks it
    for text in split_cell(cells.get("phone", "")):
        _phones(entity, text, report)
    for text in split_cell(cells.get("email", "")):
        emails = _EMAIL.findall(text)
        if not emails:
            report.note("rejected:email", text)
        for email in emails:
            add_checked(entity, "email", email, report)


def _dates(entity: Entity, prop: str, text: str, report: ParseReport) -> None:
    """``19.1.1963 or 8.5.1966``, ``a) 1964 b) 28.8.1962``: every alternative is a date."""
    for part in filter(None, _DATE_SPLIT.split(text)):
        values = parse_date(part)
        if not values:
            report.note(f"date:{prop}", text)
        for value in values:
            add_checked(entity, prop, value, report)


def _documents(entity: Entity, text: str, report: ParseReport) -> None:
    """``381120660 expires 25.3.2016.``: the number as a passport number, the rest as a
    note, so that screening compares numbers and the validity is still on record. A
    letter prefix is joined to its digits (``PS- 563410163`` -> ``PS563410163``), the
    form most cells print."""
    for piece in filter(None, (p.strip() for p in _DOC_SPLIT.split(text))):
        match = _DOCUMENT.match(piece)
        if match is None:
            report.note("passportNumber:unparsed", piece)
            entity.add("passportNumber", piece, cleaned=True)
            continue
        number, rest = re.sub(r"[\s-]", "", match.group(1)), match.group(2)
        if rest.startswith("(") and rest.endswith(")"):
            rest = rest[1:-1]
        entity.add("passportNumber", number, cleaned=True, original_value=piece)
        if rest:
            add_checked(entity, "notes", f"Passport {number}: {rest}", report)


def _imo(entity: Entity, text: str, report: ParseReport) -> None:
    """Seven digits are kept even when the check digit fails (the store flags them);
    a cell without digits (``Does not exist``) is a statement about the ship, a note."""
    digits = re.sub(r"\D", "", text)
    if digits:
        entity.add("imoNumber", digits, cleaned=True)
    else:
        report.note("imoNumber:no-digits", text)
        add_checked(entity, "notes", f"IMO number: {text}", report)


def _phone_countries(entity: Entity) -> set[str]:
    """Countries the row names: its country columns and the last part of its addresses."""
    countries = set(entity.get_type_values(registry.country))
    for address in entity.get("address", quiet=True):
        if country := registry.country.clean(address.rsplit(",", 1)[-1]):
            countries.add(country)
    return countries


def _phone(piece: str, countries: set[str]) -> str | None:
    """International form; else national form in a country of the row; else the country
    code printed without its plus (``8502-381-4410``), accepted only when the code is that
    of a country of the row, so that a national number is not read as a foreign one."""
    phone = registry.phone
    if clean := phone.clean(piece):
        return clean
    for country in sorted(countries):
        if clean := phone.clean(piece, format=country):
            return clean
    clean = phone.clean("+" + piece.lstrip("+"))
    return clean if clean and phone.country_hint(clean) in countries else None


def _phones(entity: Entity, text: str, report: ParseReport) -> None:
    """Numbers FtM can read are kept clean; when any piece is unreadable (``18222 (ext.
    8573)``) the cell as printed is kept in notes, since the number still links entities."""
    rejected = False
    countries = _phone_countries(entity)
    for piece in filter(None, _PHONE_SPLIT.split(text.strip(" ."))):
        if clean := _phone(piece, countries):
            entity.add("phone", clean, cleaned=True, original_value=piece)
        else:
            rejected = True
            report.note("rejected:phone", piece)
    if rejected:
        add_checked(entity, "notes", f"Phone: {text}", report)


def _sanction(entity: Entity, cells: dict[str, str], source_id: str, report: ParseReport) -> Entity:
    sanction = make_entity("Sanction", make_id("eu-oj-sanction", source_id), entity.dataset.name)
    sanction.add("entity", entity.id)
    sanction.add("authority", AUTHORITY)
    sanction.add("authorityId", source_id)
    add_checked(sanction, "recordId", cells.get("recordId"), report)
    add_checked(sanction, "program", cells.get("programKey"), report)
    add_checked(sanction, "programId", cells.get("programKey"), report)
    add_checked(sanction, "provisions", cells.get("measure"), report)
    add_checked(sanction, "reason", cells.get("reason"), report)
    if annex := cells.get("annex"):
        add_checked(sanction, "summary", f"Annex {annex}", report)
    for value in parse_date(cells.get("startDate", "")):
        add_checked(sanction, "listingDate", value, report)
        add_checked(sanction, "startDate", value, report)
    if cells.get("startDate") and not parse_date(cells["startDate"]):
        report.note("date:startDate", cells["startDate"])
    for column in ("celex", "amendmentCelex"):
        if celex := cells.get(column):
            add_checked(sanction, "sourceUrl", EUR_LEX.format(celex), report)
    return sanction
