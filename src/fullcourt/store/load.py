"""Atomic loads of one list version.

A load parses everything to staging files first, so that bad input fails before the
store is touched; the store is then changed in one transaction, so that a failure
while writing also leaves it exactly as before. Loading content already in the store
(same bytes, whatever version label) is a no-op.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fullcourt.model import Record
from fullcourt.sources.report import ParseReport
from fullcourt.store.db import Store, StoreError
from fullcourt.store.resolve import rebuild_links
from fullcourt.store.staging import (
    FLAG_COLUMNS,
    RECORD_COLUMNS,
    STATEMENT_COLUMNS,
    Staging,
    read_csv_sql,
)


@dataclass(frozen=True, slots=True)
class LoadRequest:
    """What is being loaded: the dataset, its sources and how to name the version."""

    dataset: str
    format: str
    sources: list[str]
    content_hash: str
    version: str | None = None
    version_hint: str | None = None
    origin: str = ""


@dataclass(frozen=True, slots=True)
class LoadResult:
    dataset: str
    version: str
    loaded: bool
    entities: int
    statements: int
    flags: int
    report: ParseReport
    reinstated: bool = False  # already in the store, and made current again


def existing_version(store: Store, dataset: str, content_hash: str) -> str | None:
    """The version already holding exactly this content, if any."""
    row = store.conn.execute(
        "SELECT version FROM versions WHERE dataset = ? AND content_hash = ?",
        [dataset, content_hash],
    ).fetchone()
    return str(row[0]) if row else None


def reinstate(store: Store, dataset: str, version: str) -> bool:
    """Loading an undated version again makes it the current one again (a dated one
    stays where its date puts it); True when that changed which version is current."""
    conn = store.conn
    row = conn.execute(
        "SELECT published FROM versions WHERE dataset = ? AND version = ?", [dataset, version]
    ).fetchone()
    if row is None or row[0] is not None or _current(store, dataset) == version:
        return False
    conn.execute(
        "INSERT INTO reloads VALUES (?, ?, ?)",
        [dataset, version, datetime.now(UTC).replace(tzinfo=None)],
    )
    return True


def _current(store: Store, dataset: str) -> str | None:
    row = store.conn.execute(
        "SELECT version FROM current_versions WHERE dataset = ?", [dataset]
    ).fetchone()
    return str(row[0]) if row else None


@dataclass
class Staged:
    """A parsed version waiting in staging files for the store's transaction."""

    request: LoadRequest
    version: str
    staging: Staging
    report: ParseReport

    def result(self, loaded: bool) -> LoadResult:
        s = self.staging
        return LoadResult(
            self.request.dataset,
            self.version,
            loaded,
            s.entities,
            s.statements,
            s.flags,
            self.report,
        )


def stage_records(
    folder: Path, request: LoadRequest, records: Iterable[Record], report: ParseReport
) -> Staged:
    """Parse ``records`` fully into staging files under ``folder``; the store is untouched."""
    staging = Staging(folder, request.origin or ",".join(request.sources))
    try:
        for record in records:
            staging.add(record)
    finally:
        staging.close()
    return Staged(request, _version_label(request, report), staging, report)


def commit_staged(store: Store, staged: list[Staged]) -> None:
    """Write every staged version in one transaction: all land, or none does."""
    keys = [(item.request.dataset, item.version) for item in staged]
    if len(set(keys)) < len(keys):
        raise StoreError("two inputs of this load would be the same version; load them apart")
    for item in staged:
        _refuse_relabel(store, item.request.dataset, item.version)
    conn = store.conn
    conn.execute("BEGIN TRANSACTION")
    try:
        for item in staged:
            _write(store, item)
        conn.execute("COMMIT")
    except Exception:
        conn.execute("ROLLBACK")
        raise
    if staged:
        conn.execute("CHECKPOINT")  # new data to disk, out of the memory it was written in
        _relink(store)


def _relink(store: Store) -> None:
    """Cross-list links are derived data, rebuilt in their own transaction.

    Rebuilding them inside the load's transaction would hold the whole new version in
    transaction-local memory while joining over it. If the rebuild fails the loaded
    version stands (it is complete) and the links are rebuilt by the next load.
    """
    conn = store.conn
    conn.execute("BEGIN TRANSACTION")
    try:
        rebuild_links(store)
        conn.execute("COMMIT")
    except Exception as exc:
        conn.execute("ROLLBACK")
        raise StoreError(f"loaded, but cross-list links were not rebuilt: {exc}") from exc


def load_records(
    store: Store, request: LoadRequest, records: Iterable[Record], report: ParseReport
) -> LoadResult:
    """Parse ``records`` fully, then write them as one new version, or not at all."""
    done = existing_version(store, request.dataset, request.content_hash)
    if done is not None:
        again = reinstate(store, request.dataset, done)
        return LoadResult(request.dataset, done, False, 0, 0, 0, report, again)
    with tempfile.TemporaryDirectory(prefix="fullcourt-load-") as folder:
        staged = stage_records(Path(folder), request, records, report)
        commit_staged(store, [staged])
    return staged.result(True)


def _version_label(request: LoadRequest, report: ParseReport) -> str:
    """Explicit label, else the date the file states, else one in its name, else its hash."""
    return (
        request.version
        or report.published
        or request.version_hint
        or f"sha256-{request.content_hash[:12]}"
    )


def _as_date(text: str | None) -> str | None:
    """A version hint taken from a file name counts as the publication date if it is one."""
    return text if text is not None and len(text) == 10 and text[4] == "-" else None


def _refuse_relabel(store: Store, dataset: str, version: str) -> None:
    row = store.conn.execute(
        "SELECT content_hash FROM versions WHERE dataset = ? AND version = ?", [dataset, version]
    ).fetchone()
    if row is not None:
        raise StoreError(
            f"{dataset} version {version} is already loaded with other content; "
            "pass --version to name this one"
        )


def _write(store: Store, item: Staged) -> None:
    conn = store.conn
    request, staging, report = item.request, item.staging, item.report
    key = [request.dataset, item.version]
    conn.execute(
        "INSERT INTO versions VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?)",
        [
            *key,
            report.published or _as_date(request.version_hint),
            datetime.now(UTC).replace(tzinfo=None),
            request.content_hash,
            request.format,
            json.dumps(request.sources),
            json.dumps(report.as_dict()),
        ],
    )
    statements = read_csv_sql(staging.path("statements.csv"), STATEMENT_COLUMNS)
    conn.execute(f"INSERT INTO statements SELECT DISTINCT ?, ?, * FROM {statements}", key)
    _insert_records(store, key, staging)
    flags = read_csv_sql(staging.path("flags.csv"), FLAG_COLUMNS)
    conn.execute(f"INSERT INTO identifier_flags SELECT DISTINCT ?, ?, * FROM {flags}", key)
    conn.execute(
        """UPDATE versions SET
            entities = (SELECT count(*) FROM records WHERE dataset = $1 AND version = $2),
            statements = (SELECT count(*) FROM statements WHERE dataset = $1 AND version = $2)
           WHERE dataset = $1 AND version = $2""",
        key,
    )


def _insert_records(store: Store, key: list[str], staging: Staging) -> None:
    """One row per entity (a source may emit one id twice; FtM merges such entities)."""
    records = read_csv_sql(staging.path("records.csv"), RECORD_COLUMNS)
    store.conn.execute(
        f"""INSERT INTO records
            SELECT $1, $2, entity_id, first(schema), max(source_id), first(caption)
            FROM {records} GROUP BY entity_id""",
        key,
    )
