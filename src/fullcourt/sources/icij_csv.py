"""The ICIJ Offshore Leaks database as its published CSV files.

ICIJ publishes one CSV per kind of node (``nodes-entities.csv``, ``nodes-officers.csv``,
``nodes-intermediaries.csv``, ``nodes-addresses.csv``, ``nodes-others.csv``) and one
``relationships.csv`` (``node_id_start, node_id_end, rel_type, link, status,
start_date, end_date, sourceID``). ``node_id`` is unique across the node files.

What becomes what:

- entities: ``Company``; intermediaries and others: ``LegalEntity``; officers: ``Person``
  or ``LegalEntity``. ICIJ does not say whether an officer is a person ("a person or
  company who plays a role in an offshore entity"), so a name with a legal form or a
  corporate word (``LIMITED``, ``BANK``, ``FOUNDATION``, ``BEARER``) is a LegalEntity and
  a name of two to six plain words a Person; a wrong guess costs little, since
  screening matches a LegalEntity against people and companies alike;
- ``registered_address``: the address node's text (and country) on the party, where
  shared-address analysis can use it; address nodes are not emitted on their own;
- ``officer_of``: by its ``link`` text: a shareholder or (beneficial) owner is an
  ``Ownership`` (no percentage: ICIJ gives none, so the 50% rule sees "unknown"), a
  director a ``Directorship``, anything else an ``UnknownLink`` whose role is the text;
- ``intermediary_of``: ``Representation`` (agent -> client);
- ICIJ's own similarity edges (``same_name_as``, ``similar``...) are guesses by name,
  not facts: they are counted in the report, not linked (fullcourt's linking matches
  names itself, with a score); any other rel type is reported and kept as UnknownLink.

Entity ids are ``icij-<node_id>`` and ``source_id`` the node id, so a later release of
the database updates the same records. The addresses are held in memory (text per
address node) and relationships.csv is read twice, registered addresses first, so that
node rows can be streamed with their addresses attached.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from rigour.names import extract_org_types

from fullcourt.model import Entity, Record, make_entity, make_id
from fullcourt.sources.errors import SourceError
from fullcourt.sources.registry_csv import add_value, table_rows
from fullcourt.sources.report import ParseReport

NODE_TABLES = ("entities", "intermediaries", "officers", "others")
FILES = {t: f"nodes-{t}.csv" for t in (*NODE_TABLES, "addresses")}
FILES["relationships"] = "relationships.csv"
RELATIONSHIP_COLUMNS = (
    "node_id_start", "node_id_end", "rel_type", "link", "status", "start_date", "end_date",
    "sourceID",
)  # fmt: skip
# column -> FtM property, per node table; None: read elsewhere or deliberately unused
_COMMON: dict[str, str | None] = {
    "node_id": None,
    "name": "name",
    "countries": "country",
    "country_codes": "country",
    "sourceID": "publisher",
    "valid_until": "notes",
    "note": "notes",
    "address": "address",
    "internal_id": None,  # ICIJ's id in the leaked system, not an identifier of the party
    "jurisdiction": None,  # ICIJ's own codes ("BVI", "SAM"); the description is read
    "jurisdiction_description": "jurisdiction",
    "status": "status",
    "incorporation_date": "incorporationDate",
    "inactivation_date": "dissolutionDate",
    "struck_off_date": "dissolutionDate",
    "closed_date": "dissolutionDate",
}
COLUMNS: dict[str, dict[str, str | None]] = {
    "entities": _COMMON
    | {"original_name": "previousName", "former_name": "previousName"}
    | {"company_type": "legalForm", "ibcRUC": "registrationNumber", "dorm_date": None}
    | {"service_provider": "notes"},
    "officers": _COMMON,
    "intermediaries": _COMMON,
    "others": _COMMON | {"type": "legalForm"},
    "addresses": dict.fromkeys([*_COMMON, "name"]),
    "relationships": dict.fromkeys(RELATIONSHIP_COLUMNS),
}
SCHEMATA = {"entities": "Company", "intermediaries": "LegalEntity", "others": "LegalEntity"}
SIMILARITY = frozenset(
    {"same_name_as", "similar", "same_company_as", "same_as", "same_id_as", "similar_company_as"}
    | {"same_intermediary_as", "same_address_as", "probably_same_officer_as"}
)
OWNERSHIP_WORDS = ("shareholder", "beneficial owner", "owner of")
DIRECTOR_WORDS = ("director",)
ORG_WORDS = frozenset(
    {"bank", "trust", "foundation", "holdings", "holding", "group", "corporation", "corp"}
    | {"company", "co", "inc", "ltd", "limited", "llc", "sa", "ag", "gmbh", "bv", "nv", "plc"}
    | {"trading", "international", "shipping", "investments", "investment", "enterprises"}
    | {"enterprise", "services", "partners", "fund", "capital", "management", "nominees"}
    | {"nominee", "bearer", "associates", "consultants", "ventures", "industries", "society"}
    | {"development", "association", "establishment", "anstalt", "stiftung"}
)
_WORD = re.compile(r"[^\W\d_]+(?:['.-][^\W\d_]+)*\.?")
NODE_URL = "https://offshoreleaks.icij.org/nodes/{}"


def officer_schema(name: str) -> str:
    """Person or LegalEntity for an officer's name, ICIJ giving no type (see above)."""
    words = name.split()
    if extract_org_types(name) or {w.strip(".,()").lower() for w in words} & ORG_WORDS:
        return "LegalEntity"
    plain = all(_WORD.fullmatch(w) for w in words)
    return "Person" if plain and 2 <= len(words) <= 6 else "LegalEntity"


def sniff_icij_csv(head: bytes) -> str | None:
    """Which ICIJ table a header line belongs to (``entities``, ``relationships``...)."""
    first = head.decode("utf-8-sig", errors="replace").splitlines()[:1]
    columns = {c.strip().strip('"') for c in first[0].split(",")} if first else set()
    if {"node_id_start", "node_id_end", "rel_type"} <= columns:
        return "relationships"
    if "node_id" not in columns:
        return None
    if {"ibcRUC", "company_type"} & columns:
        return "entities"
    if "type" in columns and "closed_date" in columns:
        return "others"
    if "internal_id" in columns:
        return "intermediaries"
    if "address" in columns:
        return "addresses"
    return "officers" if "name" in columns else None


def icij_id(node_id: str) -> str:
    return make_id("icij", node_id)


class _Reader:
    def __init__(self, names: Mapping[str, str], dataset: str, report: ParseReport) -> None:
        self.names, self.dataset, self.report = names, dataset, report
        self.addresses: dict[str, tuple[str, str]] = {}  # node id -> (text, countries)
        self.registered: dict[str, list[str]] = defaultdict(list)  # node id -> address ids
        self.used: set[str] = set()
        self.seen: set[int] = set()  # hashes of relation ids: the file has repeated rows

    def rows(self, table: str, stream: BinaryIO) -> Iterator[tuple[int, dict[str, str]]]:
        required = ["node_id_start", "node_id_end", "rel_type"]
        if table != "relationships":
            required = ["node_id"] if table == "addresses" else ["node_id", "name"]
        header_noted = False
        for line, row in table_rows(stream, self.names[table], required, self.report):
            if not header_noted:
                for column in sorted(set(row) - set(COLUMNS[table])):
                    self.report.note(f"column:{FILES[table]}:{column}", row[column])
                header_noted = True
            yield line, row

    def read_addresses(self, stream: BinaryIO) -> None:
        for _, row in self.rows("addresses", stream):
            text = row.get("address") or row.get("name", "")
            if text:
                self.addresses[row["node_id"]] = (text, row.get("countries", ""))

    def read_registered(self, stream: BinaryIO) -> None:
        for line, row in self.rows("relationships", stream):
            if row["rel_type"] != "registered_address":
                continue
            if row["node_id_end"] in self.addresses:
                self.registered[row["node_id_start"]].append(row["node_id_end"])
            else:
                where = f"{row['node_id_end']} ({FILES['relationships']}:{line})"
                self.report.note("registered_address:not-an-address", where)

    def nodes(self, table: str, stream: BinaryIO) -> Iterator[Record]:
        for line, row in self.rows(table, stream):
            schema = SCHEMATA.get(table) or officer_schema(row["name"])
            entity = make_entity(schema, icij_id(row["node_id"]), self.dataset)
            where = f"{FILES[table]}:{line}"
            for column, value in row.items():
                prop = COLUMNS[table].get(column)
                for part in value.split(";") if prop == "country" else [value]:
                    if prop and part.strip() and (prop != "previousName" or part != row["name"]):
                        add_value(entity, prop, part.strip(), self.report, where)
            entity.add("icijId", row["node_id"])
            entity.add("sourceUrl", NODE_URL.format(row["node_id"]))
            self.attach(entity, row["node_id"], where)
            self.report.records += 1
            yield Record(entity, row["node_id"])

    def attach(self, entity: Entity, node_id: str, where: str) -> None:
        for address_id in self.registered.pop(node_id, []):
            text, countries = self.addresses[address_id]
            add_value(entity, "address", text, self.report, where)
            for country in countries.split(";"):
                if country.strip():
                    add_value(entity, "country", country.strip(), self.report, where)
            self.used.add(address_id)

    def relations(self, stream: BinaryIO) -> Iterator[Record]:
        for line, row in self.rows("relationships", stream):
            kind = row["rel_type"]
            where = f"{FILES['relationships']}:{line}"
            if kind == "registered_address":
                continue
            if kind in SIMILARITY:
                self.report.note(
                    f"similarity:{kind}", f"{row['node_id_start']} ~ {row['node_id_end']}"
                )
                continue
            if not row["node_id_start"] or not row["node_id_end"]:
                self.report.note("relationship:missing-end", where)
                continue
            if kind not in ("officer_of", "intermediary_of"):
                self.report.note(f"rel_type:{kind}", where)
            entity = self.relation(row, where)
            if hash(entity.id) in self.seen:
                self.report.note("relationship:repeated", where)
                continue
            self.seen.add(hash(entity.id))
            self.report.records += 1
            yield Record(entity)

    def relation(self, row: dict[str, str], where: str) -> Entity:
        link = row.get("link", "")
        schema, ends = _relation_schema(row["rel_type"], link)
        parts = (row["node_id_start"], row["node_id_end"], row["rel_type"], link)
        entity = make_entity(
            schema, make_id("icij-rel", *parts, row.get("start_date", "")), self.dataset
        )
        entity.add(ends[0], icij_id(row["node_id_start"]))
        entity.add(ends[1], icij_id(row["node_id_end"]))
        values = {"role": link or row["rel_type"], "status": row.get("status", "")}
        values |= {"startDate": row.get("start_date", ""), "endDate": row.get("end_date", "")}
        values["publisher"] = row.get("sourceID", "")
        for prop, value in values.items():
            if value:
                add_value(entity, prop, value, self.report, where)
        return entity


def _relation_schema(rel_type: str, link: str) -> tuple[str, tuple[str, str]]:
    text = link.lower()
    if rel_type == "intermediary_of":
        return "Representation", ("agent", "client")
    if rel_type == "officer_of" and any(w in text for w in OWNERSHIP_WORDS):
        return "Ownership", ("owner", "asset")
    if rel_type == "officer_of" and any(w in text for w in DIRECTOR_WORDS):
        return "Directorship", ("director", "organization")
    return "UnknownLink", ("subject", "object")


def parse_icij_csv(
    tables: Mapping[str, BinaryIO],
    *,
    name: str,
    dataset: str,
    report: ParseReport,
    names: Mapping[str, str] | None = None,
) -> Iterator[Record]:
    """Records of the ICIJ tables given by role (``entities``, ``relationships``...).

    ``relationships`` must be seekable: it is read once for registered addresses and
    once for the other relations.
    """
    relationships = tables.get("relationships")
    if relationships is None or not set(NODE_TABLES) & set(tables):
        raise SourceError("ICIJ data needs relationships.csv and node files", file=name)
    if not relationships.seekable():
        raise SourceError("relationships.csv must be seekable (it is read twice)", file=name)
    full = {t: (names or {}).get(t, f"{name}/{f}") for t, f in FILES.items()}
    reader = _Reader(full, dataset, report)
    if "addresses" in tables:
        reader.read_addresses(tables["addresses"])
    start = relationships.tell()
    reader.read_registered(relationships)
    relationships.seek(start)
    for table in NODE_TABLES:
        if table in tables:
            yield from reader.nodes(table, tables[table])
    for node_id in reader.registered:  # a registered address of a node no file holds
        report.note("registered_address:unknown-node", node_id)
    for address_id in sorted(set(reader.addresses) - reader.used):
        report.note("address:unreferenced", address_id)
    yield from reader.relations(relationships)


def parse_icij_folder(folder: Path, *, dataset: str, report: ParseReport) -> Iterator[Record]:
    """The ICIJ files in a folder, recognised by their headers."""
    found: dict[str, Path] = {}
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv"):
        with path.open("rb") as handle:
            table = sniff_icij_csv(handle.read(4096))
        if table is not None:
            found.setdefault(table, path)
    handles = {t: p.open("rb") for t, p in found.items()}
    try:
        names = {t: str(p) for t, p in found.items()}
        yield from parse_icij_csv(
            handles, name=str(folder), dataset=dataset, report=report, names=names
        )
    finally:
        for handle in handles.values():
            handle.close()
