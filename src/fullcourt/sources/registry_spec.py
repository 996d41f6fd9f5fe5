"""The column mapping of a company-registry CSV extract (see ``registry_csv``).

Per table, a mapping from FtM property, or one of the keys ``id`` (companies: the
registry number), ``company_id`` (the company a row is about), ``name``, ``type``
(person or company), ``company`` (a corporate officer's or holder's registry number)
to the CSV column that holds it. Loaded from TOML or JSON and checked against the FtM
schemata at once, so that a misspelt property fails before any row is read:

```toml
prefix = "sg-acra"            # entity ids: make_id(prefix, registry number)
[companies]
id = "uen"
name = "entity_name"
registrationNumber = "uen"
[officers]
company_id = "uen"
name = "officer_name"
role = "position"
[shareholders]
company_id = "uen"
name = "holder_name"
percentage = "share_percentage"
[split]
previousName = ";"            # a cell holding several values
```
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from followthemoney import model

from fullcourt.sources.errors import SourceError

TABLES = ("companies", "officers", "shareholders")
SPEC_FILES = ("registry.toml", "registry.json")
KEYS = frozenset({"id", "company_id", "type", "company"})  # read by the parser, not FtM
RELATION_PROPS = {
    "officers": frozenset({"role", "startDate", "endDate", "status"}),
    "shareholders": frozenset(
        {"percentage", "role", "startDate", "endDate", "status", "sharesCount", "sharesValue"}
        | {"sharesCurrency", "sharesType", "ownershipType"}
    ),
}
REQUIRED = {"companies": ("id", "name"), "officers": ("company_id", "name")}
REQUIRED["shareholders"] = REQUIRED["officers"]
PERSON_TYPES: tuple[str, ...] = (
    "person", "individual", "natural person", "natural_person", "i", "p",
)  # fmt: skip
COMPANY_TYPES: tuple[str, ...] = (
    "company", "corporate", "legal entity", "legal person", "entity", "c", "e",
    "organisation", "organization", "body corporate", "corporation", "firm",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class RegistrySpec:
    """Which CSV column holds which FtM property, per table."""

    companies: Mapping[str, str]
    officers: Mapping[str, str] = field(default_factory=dict)
    shareholders: Mapping[str, str] = field(default_factory=dict)
    prefix: str = "registry"  # entity ids: make_id(prefix, registry number)
    delimiter: str = ","
    split: Mapping[str, str] = field(default_factory=dict)  # property -> separator in a cell
    person_types: tuple[str, ...] = PERSON_TYPES
    company_types: tuple[str, ...] = COMPANY_TYPES

    def __post_init__(self) -> None:
        for table in TABLES:
            columns = self.table(table)
            missing = [k for k in REQUIRED[table] if columns and k not in columns]
            if missing or (table == "companies" and not columns):
                raise ValueError(f"registry spec: {table} needs {', '.join(REQUIRED[table])}")
            for key in columns:
                if not _known_key(table, key):
                    raise ValueError(f"registry spec: {table}.{key} is no FtM property here")

    def table(self, table: str) -> Mapping[str, str]:
        found: Mapping[str, str] = getattr(self, table)
        return found

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RegistrySpec:
        known = {"companies", "officers", "shareholders", "prefix", "delimiter", "split"}
        unknown = sorted(set(data) - known - {"person_types", "company_types"})
        if unknown:
            raise ValueError(f"registry spec: unknown keys {', '.join(unknown)}")
        return cls(
            companies=dict(data["companies"]),
            officers=dict(data.get("officers", {})),
            shareholders=dict(data.get("shareholders", {})),
            prefix=str(data.get("prefix", "registry")),
            delimiter=str(data.get("delimiter", ",")),
            split=dict(data.get("split", {})),
            person_types=_lower(data.get("person_types", PERSON_TYPES)),
            company_types=_lower(data.get("company_types", COMPANY_TYPES)),
        )

    @classmethod
    def from_file(cls, path: Path) -> RegistrySpec:
        """A spec from ``.toml`` or ``.json``; errors name the file."""
        try:
            text = path.read_text(encoding="utf-8")
            data = json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
            return cls.from_dict(data)
        except (ValueError, TypeError, KeyError, OSError) as exc:  # JSON, TOML errors: ValueError
            message = str(exc).removeprefix("registry spec: ")  # checks name it already
            raise SourceError(f"registry spec: {message}", file=str(path)) from exc


def _lower(values: Iterable[object]) -> tuple[str, ...]:
    return tuple(str(v).strip().lower() for v in values)


def _known_key(table: str, key: str) -> bool:
    if table == "companies":
        return key == "id" or key in model.schemata["Company"].properties
    relation = "Directorship" if table == "officers" else "Ownership"
    return (
        key in KEYS
        or (key in RELATION_PROPS[table] and key in model.schemata[relation].properties)
        or key in model.schemata["Person"].properties
    )


DEFAULT_SPEC = RegistrySpec(
    companies={
        "id": "company_number",
        "registrationNumber": "company_number",
        "name": "company_name",
        "jurisdiction": "jurisdiction",
        "address": "registered_address",
        "incorporationDate": "incorporation_date",
        "dissolutionDate": "dissolution_date",
        "status": "status",
        "legalForm": "company_type",
        "previousName": "previous_names",
        "imoNumber": "company_imo",
    },
    officers={
        "company_id": "company_number",
        "name": "officer_name",
        "type": "officer_type",
        "company": "officer_company_number",
        "role": "position",
        "startDate": "appointed_on",
        "endDate": "resigned_on",
        "birthDate": "date_of_birth",
        "nationality": "nationality",
    },
    shareholders={
        "company_id": "company_number",
        "name": "holder_name",
        "type": "holder_type",
        "company": "holder_company_number",
        "percentage": "percentage",
        "startDate": "acquired_on",
        "endDate": "disposed_on",
    },
    split={"previousName": ";"},
)


def sniff_registry_csv(head: bytes, spec: RegistrySpec = DEFAULT_SPEC) -> str | None:
    """The table (``companies``, ``officers``, ``shareholders``) a header belongs to."""
    first = head.decode("utf-8-sig", errors="replace").splitlines()[:1]
    columns = {c.strip().strip('"') for c in first[0].split(spec.delimiter)} if first else set()
    best, share = None, 0.0
    for table in TABLES:
        mapped = set(spec.table(table).values())
        if not mapped or any(spec.table(table)[k] not in columns for k in REQUIRED[table]):
            continue
        # officers and shareholders share the company column: the others tell them apart
        if len(mapped & columns) / len(mapped) > share:
            best, share = table, len(mapped & columns) / len(mapped)
    return best
