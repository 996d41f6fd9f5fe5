"""Bulk exports: FtM JSON lines for other tools of the field, statements for analysts.

The CSV and Parquet exports are statement tables (one row per value with its dataset,
version, source file and first/last sighting), because a flat one-row-per-entity table
would have to drop either values or their provenance.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from fullcourt.store.db import Store

EXPORT_COLUMNS = [
    "dataset",
    "version",
    "entity_id",
    "source_id",
    "schema",
    "prop",
    "value",
    "lang",
    "original_value",
    "origin",
    "first_seen",
    "last_seen",
]


def _statement_query(dataset: str | None) -> tuple[str, list[str]]:
    where = "AND s.dataset = ?" if dataset else ""
    sql = f"""
        SELECT s.dataset, s.version, s.entity_id, r.source_id, s.schema, s.prop, s.value,
               s.lang, s.original_value, s.origin, seen.first_seen, seen.last_seen
        FROM statements s
        JOIN current_versions USING (dataset, version)
        JOIN records r USING (dataset, version, entity_id)
        JOIN statement_seen seen USING (dataset, entity_id, prop, value)
        WHERE true {where}
        ORDER BY s.dataset, s.entity_id, s.prop, s.value"""
    return sql, [dataset] if dataset else []


def iter_statement_rows(store: Store, dataset: str | None = None) -> Iterator[tuple[object, ...]]:
    sql, params = _statement_query(dataset)
    cursor = store.conn.execute(sql, params)
    while batch := cursor.fetchmany(10_000):
        yield from batch


def write_statements_csv(store: Store, out: TextIO, dataset: str | None = None) -> int:
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    for row in iter_statement_rows(store, dataset):
        writer.writerow(["" if v is None else v for v in row])
        count += 1
    return count


def write_statements_parquet(store: Store, path: Path, dataset: str | None = None) -> int:
    sql, params = _statement_query(dataset)
    target = str(path).replace("'", "''")
    store.conn.execute(f"COPY ({sql}) TO '{target}' (FORMAT parquet)", params)
    row = store.conn.execute(f"SELECT count(*) FROM read_parquet('{target}')").fetchone()
    return int(row[0]) if row else 0
