"""Company-registry extracts as CSV: companies, officers and shareholders tables.

Investigators get registry data as spreadsheet exports whose column names differ from
one registry (or one data vendor) to the next, so the columns are read through a
:class:`~fullcourt.sources.registry_spec.RegistrySpec`: per table, which CSV column
holds which FtM property. The spec is a small TOML or JSON file kept beside the tables
(``registry.toml``); without one, ``DEFAULT_SPEC`` names the columns.

What becomes what:

- a company row: a ``Company`` whose ``source_id`` is the registry number;
- an officer row: a ``Directorship`` from the officer to the company;
- a shareholder row: an ``Ownership`` from the holder to the company, with the
  percentage kept as written (``60%``, ``more than 25%``): the 50% rule reads it as a
  range, and a parsed number would lose "more than";
- officers and holders: a ``Person`` or ``LegalEntity`` by the type column (a date of
  birth says Person when the type is empty). A holder given by registry number is the
  company of that number; one with an officer id keeps it; otherwise a person is keyed
  by name and date of birth (one person across companies), or by name within the
  company when no date is given, and a company by its name.

Dates go through ``parse_date``; a value FtM rejects (a country it cannot read, a date
that is no date) is noted in the report, never dropped silently.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from fullcourt.model import Entity, Record, make_entity, make_id
from fullcourt.sources.dates import parse_date
from fullcourt.sources.errors import SourceError
from fullcourt.sources.registry_spec import (
    DEFAULT_SPEC,
    KEYS,
    RELATION_PROPS,
    REQUIRED,
    SPEC_FILES,
    RegistrySpec,
    sniff_registry_csv,
)
from fullcourt.sources.report import ParseReport
from fullcourt.sources.stream import iter_text_lines

Row = dict[str, str]
__all__ = [
    "DEFAULT_SPEC",
    "RegistrySpec",
    "add_value",
    "parse_registry_csv",
    "parse_registry_folder",
    "sniff_registry_csv",
    "table_rows",
]


def table_rows(
    stream: BinaryIO, name: str, required: Iterable[str], report: ParseReport, delimiter: str = ","
) -> Iterator[tuple[int, Row]]:
    """Rows as dicts with the line each starts on, after checking the header.

    A broken quote or a byte that is not UTF-8 raises with its line; a row with more
    cells than the header (a stray separator) is noted and skipped, since its values
    can no longer be told apart.
    """
    reader = csv.reader(
        iter_text_lines(stream, name, "utf-8-sig"), delimiter=delimiter, strict=True
    )
    start, header = 1, None
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            message = f"broken CSV in the row starting here: {exc}"
            raise SourceError(message, file=name, line=start) from exc
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in required if c not in header]
            if missing:
                message = f"header lacks column {missing[0]!r} (has {', '.join(header)[:200]})"
                raise SourceError(message, file=name, line=1, field=missing[0])
        elif len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            report.note(f"ragged-row:{Path(name).name}", f"line {start}")
        elif any(c.strip() for c in cells):
            yield start, {h: c.strip() for h, c in zip(header, cells, strict=False)}
        start = reader.line_num + 1
    if header is None:
        raise SourceError("empty file, expected a CSV header", file=name, line=1)


def add_value(entity: Entity, prop: str, value: str, report: ParseReport, where: str) -> None:
    """One value through FtM cleaning (dates through parse_date); a rejected one is noted."""
    prop_obj = entity.schema.properties.get(prop)
    if prop_obj is None:
        report.note(f"not-for-schema:{entity.schema.name}.{prop}", where)
        return
    if prop == "imoNumber":  # kept as text even when its check digit fails
        entity.add(prop, value.upper().removeprefix("IMO").strip(), cleaned=True)
        return
    values = parse_date(value) if prop_obj.type.name == "date" else [value]
    cleaned = [c for v in values if (c := prop_obj.type.clean(v, proxy=entity)) is not None]
    if not cleaned:
        report.note(f"rejected:{entity.schema.name}.{prop}", f"{value} ({where})")
    for clean in cleaned:
        entity.add(prop_obj, clean, cleaned=True)


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def _party_key(schema: str, columns: Mapping[str, str], row: Row, number: str) -> list[str]:
    """The register's own officer id; else a person by name and date of birth (one
    person across companies), or by name within the company when no date is given (two
    John Smiths are not merged on a name alone); a company by its name."""
    if own := row.get(columns.get("id", ""), ""):
        return ["id", own]
    name = _norm(row.get(columns["name"], ""))
    if schema != "Person":
        return [name]
    birth = parse_date(row.get(columns.get("birthDate", ""), ""))
    return [name, birth[0]] if birth else [number, name]


class _Reader:
    """The parse of one extract: which companies exist, which parties were emitted."""

    def __init__(self, spec: RegistrySpec, dataset: str, report: ParseReport) -> None:
        self.spec, self.dataset, self.report = spec, dataset, report
        self.companies: set[str] = set()
        self.emitted: set[int] = set()  # hashes of ids: a registry holds millions of rows

    def once(self, entity_id: str) -> bool:
        key = hash(entity_id)
        if key in self.emitted:
            return False
        self.emitted.add(key)
        return True

    def fill(self, entity: Entity, columns: Mapping[str, str], row: Row, where: str) -> None:
        for prop, column in columns.items():
            text = row.get(column, "")
            if prop in KEYS or not text:
                continue
            separator = self.spec.split.get(prop)
            for value in text.split(separator) if separator else [text]:
                if value.strip():
                    add_value(entity, prop, value.strip(), self.report, where)

    def company(self, line: int, row: Row, name: str) -> Iterator[Record]:
        columns = self.spec.companies
        number = row.get(columns["id"], "")
        if not number:
            self.report.note("companies:no-number", f"{Path(name).name}:{line}")
            return
        entity = make_entity("Company", make_id(self.spec.prefix, number), self.dataset)
        self.fill(entity, columns, row, f"{Path(name).name}:{line}")
        self.companies.add(number)
        self.report.records += 1
        if self.once(str(entity.id)):
            yield Record(entity, number)
        else:
            self.report.note("companies:repeated-number", f"{number} ({Path(name).name}:{line})")

    def relation(self, table: str, line: int, row: Row, name: str) -> Iterator[Record]:
        columns, where = self.spec.table(table), f"{Path(name).name}:{line}"
        number = row.get(columns["company_id"], "")
        if number not in self.companies:
            self.report.note(f"{table}:unknown-company", f"{number} ({where})")
        party_id, party = self.party(table, row, number, where)
        if party is not None:
            yield Record(party)
        schema, ends = ("Directorship", ("director", "organization"))
        if table == "shareholders":
            schema, ends = ("Ownership", ("owner", "asset"))
        relation_cols = {p: c for p, c in columns.items() if p in RELATION_PROPS[table]}
        parts = [number, party_id, *(row.get(c, "") for c in relation_cols.values())]
        entity = make_entity(
            schema, make_id(f"{self.spec.prefix}-{schema.lower()}", *parts), self.dataset
        )
        entity.add(ends[0], party_id)
        entity.add(ends[1], make_id(self.spec.prefix, number))
        self.fill(entity, relation_cols, row, where)
        self.report.records += 1
        if self.once(str(entity.id)):
            yield Record(entity)
        else:
            self.report.note(f"{table}:repeated-row", where)

    def party(self, table: str, row: Row, number: str, where: str) -> tuple[str, Entity | None]:
        """The officer's or holder's id, and its entity the first time it is seen."""
        columns = self.spec.table(table)
        name = row.get(columns["name"], "")
        registered = row.get(columns.get("company", ""), "")
        schema = self.schema_of(row, columns, where)
        if registered:
            entity_id = make_id(self.spec.prefix, registered)
            if registered in self.companies or not self.once(entity_id):
                return entity_id, None
            stub = make_entity("LegalEntity", entity_id, self.dataset)
            add_value(stub, "registrationNumber", registered, self.report, where)
        else:
            key = _party_key(schema, columns, row, number)
            entity_id = make_id(f"{self.spec.prefix}-party", *key)
            if not self.once(entity_id):
                return entity_id, None
            stub = make_entity(schema, entity_id, self.dataset)
        party_cols = {p: c for p, c in columns.items() if p not in RELATION_PROPS[table]}
        self.fill(stub, party_cols, row, where)
        if not name:
            self.report.note(f"{table}:no-name", where)
        return entity_id, stub

    def schema_of(self, row: Row, columns: Mapping[str, str], where: str) -> str:
        kind = row.get(columns.get("type", ""), "").lower()
        if kind in self.spec.person_types:
            return "Person"
        if kind in self.spec.company_types:
            return "LegalEntity"
        if kind:
            self.report.note("unknown-party-type", f"{kind} ({where})")
        return "Person" if row.get(columns.get("birthDate", "")) else "LegalEntity"


def parse_registry_csv(
    companies: BinaryIO,
    *,
    officers: BinaryIO | None = None,
    shareholders: BinaryIO | None = None,
    spec: RegistrySpec = DEFAULT_SPEC,
    name: str,
    names: Mapping[str, str] | None = None,
    dataset: str,
    report: ParseReport,
) -> Iterator[Record]:
    """Records of one extract; ``names`` gives the officers and shareholders file names."""
    reader = _Reader(spec, dataset, report)
    required = [spec.companies[k] for k in REQUIRED["companies"]]
    for line, row in table_rows(companies, name, required, report, spec.delimiter):
        yield from reader.company(line, row, name)
    for table, stream in (("officers", officers), ("shareholders", shareholders)):
        if stream is None:
            continue
        if not spec.table(table):
            raise SourceError(f"the registry spec maps no {table} columns", file=name)
        table_name = (names or {}).get(table, f"{table}.csv")
        required = [spec.table(table)[k] for k in REQUIRED[table]]
        for line, row in table_rows(stream, table_name, required, report, spec.delimiter):
            yield from reader.relation(table, line, row, table_name)


def parse_registry_folder(
    folder: Path, *, dataset: str, report: ParseReport, spec: RegistrySpec | None = None
) -> Iterator[Record]:
    """An extract folder: the spec file (or ``spec``) and tables found by their headers."""
    if spec is None:
        found = [folder / f for f in SPEC_FILES if (folder / f).is_file()]
        spec = RegistrySpec.from_file(found[0]) if found else DEFAULT_SPEC
    tables: dict[str, Path] = {}
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv"):
        with path.open("rb") as handle:
            table = sniff_registry_csv(handle.read(4096), spec)
        if table is not None:
            tables.setdefault(table, path)
    if "companies" not in tables:
        raise SourceError("no companies table matching the registry spec", file=str(folder))
    handles = {t: p.open("rb") for t, p in tables.items()}
    try:
        yield from parse_registry_csv(
            handles["companies"],
            officers=handles.get("officers"),
            shareholders=handles.get("shareholders"),
            spec=spec,
            name=str(tables["companies"]),
            names={t: str(p) for t, p in tables.items()},
            dataset=dataset,
            report=report,
        )
    finally:
        for handle in handles.values():
            handle.close()
