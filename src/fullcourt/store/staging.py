"""Writing parsed records to temporary CSV files that DuckDB then copies in one statement.

Row-by-row inserts into DuckDB run at a few thousand rows a second; a list version
holds hundreds of thousands of statements. Staging to disk also keeps memory flat as
the input grows, and lets parsing finish (or fail) before the store is touched.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from followthemoney.types import registry

from fullcourt.model import Entity, Record
from fullcourt.model.identifiers import flag_identifiers

STATEMENT_COLUMNS = {
    "entity_id": "VARCHAR",
    "schema": "VARCHAR",
    "prop": "VARCHAR",
    "value": "VARCHAR",
    "lang": "VARCHAR",
    "original_value": "VARCHAR",
    "origin": "VARCHAR",
    "is_ref": "BOOLEAN",
    "is_anchor": "BOOLEAN",
}
RECORD_COLUMNS = {
    "entity_id": "VARCHAR",
    "schema": "VARCHAR",
    "source_id": "VARCHAR",
    "caption": "VARCHAR",
}
FLAG_COLUMNS = {"entity_id": "VARCHAR", "prop": "VARCHAR", "value": "VARCHAR", "reason": "VARCHAR"}


@dataclass
class Staging:
    """Three CSV files in ``folder``: statements, records, identifier flags."""

    folder: Path
    origin: str
    entities: int = 0
    statements: int = 0
    flags: int = 0
    _files: list[IO[str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._statements = self._open("statements.csv")
        self._records = self._open("records.csv")
        self._flags = self._open("flags.csv")

    def _open(self, name: str) -> csv.DictWriter[str]:
        handle = (self.folder / name).open("w", encoding="utf-8", newline="")
        self._files.append(handle)
        writer = csv.DictWriter(handle, fieldnames=_columns(name))
        writer.writeheader()
        return writer

    def path(self, name: str) -> Path:
        return self.folder / name

    def add(self, record: Record) -> None:
        """Stage one entity; the same id twice in one load is merged by the store."""
        entity = record.entity
        entity_id = str(entity.id)
        count = 0
        for stmt in entity.statements:
            if stmt.prop == "id":
                continue
            prop = entity.schema.properties.get(stmt.prop)
            is_ref = prop is not None and prop.type == registry.entity
            is_anchor = is_ref and _is_anchor(entity, stmt.prop)
            count += 1
            self._statements.writerow(
                {
                    "entity_id": entity_id,
                    "schema": entity.schema.name,
                    "prop": stmt.prop,
                    "value": stmt.value,
                    "lang": stmt.lang,
                    "original_value": stmt.original_value
                    if stmt.original_value != stmt.value
                    else None,
                    "origin": stmt.origin or self.origin,
                    "is_ref": is_ref,
                    "is_anchor": is_anchor,
                }
            )
        self.statements += count
        self.entities += 1
        self._records.writerow(
            {
                "entity_id": entity_id,
                "schema": entity.schema.name,
                "source_id": record.source_id,
                "caption": entity.caption,
            }
        )
        for flag in flag_identifiers(entity):
            self.flags += 1
            self._flags.writerow(
                {
                    "entity_id": flag.entity_id,
                    "prop": flag.prop,
                    "value": flag.value,
                    "reason": flag.reason,
                }
            )

    def close(self) -> None:
        for handle in self._files:
            handle.close()


def _is_anchor(entity: Entity, prop: str) -> bool:
    """Whether ``prop`` names the entry a derived entity belongs to.

    A Sanction belongs to its entity; a link belongs to its source side only
    (``Linked To`` in B's remarks changes B's record, not A's).
    """
    edge = entity.schema.edge
    return not edge or prop == entity.schema.edge_source


def _columns(name: str) -> list[str]:
    return list(COLUMNS[name])


COLUMNS = {
    "statements.csv": STATEMENT_COLUMNS,
    "records.csv": RECORD_COLUMNS,
    "flags.csv": FLAG_COLUMNS,
}


def read_csv_sql(path: Path, columns: dict[str, str]) -> str:
    """A DuckDB ``read_csv`` call that reads a staged file exactly as written."""
    spec = ", ".join(f"'{name}': '{kind}'" for name, kind in columns.items())
    quoted = str(path).replace("'", "''")
    return (
        f"read_csv('{quoted}', header = true, columns = {{{spec}}}, quote = '\"', "
        "escape = '\"', nullstr = '', strict_mode = true, parallel = false)"
    )
