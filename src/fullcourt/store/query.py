"""Reading the store: datasets and versions, one entity with its provenance, whole lists."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from followthemoney import Statement, StatementEntity

from fullcourt.model import Record, dataset_of
from fullcourt.store.db import Store, StoreError


@dataclass(frozen=True, slots=True)
class VersionInfo:
    version: str
    published: str | None
    loaded_at: str
    entities: int
    entries: int
    statements: int
    format: str
    sources: list[str]
    current: bool

    def as_dict(self) -> dict[str, object]:
        return {
            "version": self.version,
            "published": self.published,
            "loaded_at": self.loaded_at,
            "entities": self.entities,
            "entries": self.entries,
            "statements": self.statements,
            "format": self.format,
            "sources": self.sources,
            "current": self.current,
        }


def list_datasets(store: Store) -> dict[str, list[VersionInfo]]:
    """Every dataset with its versions, oldest first, and entity counts per version."""
    rows = store.conn.execute(
        """SELECT v.dataset, v.version, v.published, strftime(v.loaded_at, '%Y-%m-%dT%H:%M:%S'),
                  v.entities,
                  (SELECT count(*) FROM records r WHERE r.dataset = v.dataset
                      AND r.version = v.version AND r.source_id IS NOT NULL),
                  v.statements, v.format, v.sources, c.version IS NOT NULL
           FROM versions v LEFT JOIN current_versions c USING (dataset, version)
           ORDER BY v.dataset, coalesce(v.published, strftime(v.loaded_at, '%Y-%m-%d')),
                    v.loaded_at"""
    ).fetchall()
    out: dict[str, list[VersionInfo]] = {}
    for ds, ver, pub, loaded, ents, entries, stmts, fmt, sources, current in rows:
        out.setdefault(str(ds), []).append(
            VersionInfo(
                str(ver),
                pub,
                str(loaded),
                int(ents),
                int(entries),
                int(stmts),
                str(fmt),
                json.loads(sources),
                bool(current),
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class SeenStatement:
    """A value with its full provenance."""

    prop: str
    value: str
    dataset: str
    version: str
    origin: str | None
    first_seen: str
    last_seen: str


@dataclass(frozen=True, slots=True)
class ListRecord:
    """One list's record of an entity, in that list's current version."""

    dataset: str
    version: str
    entity_id: str
    schema: str
    source_id: str | None
    caption: str
    statements: list[SeenStatement] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class EntityView:
    """An entity as an analyst sees it: every list record behind it and its neighbours."""

    canonical_id: str
    records: list[ListRecord]
    link_evidence: str | None
    references: list[tuple[str, str, str, str]]  # (entity_id, schema, prop, caption)


def resolve_ids(store: Store, key: str) -> list[tuple[str, str]]:
    """(dataset, entity_id) pairs named by an entity id, a list's own id or a canonical id."""
    rows = store.conn.execute(
        """SELECT DISTINCT r.dataset, r.entity_id FROM records r
           JOIN current_versions USING (dataset, version)
           WHERE r.entity_id = $1 OR r.source_id = $1""",
        [key],
    ).fetchall()
    found = {(str(d), str(e)) for d, e in rows}
    names = sorted({key} | {e for _, e in found})
    placeholders = ", ".join("?" for _ in names)
    linked = store.conn.execute(
        f"""SELECT DISTINCT dataset, entity_id FROM links WHERE canonical_id IN (
                SELECT canonical_id FROM links
                WHERE entity_id IN ({placeholders}) OR canonical_id IN ({placeholders}))""",
        names + names,
    ).fetchall()
    found.update((str(d), str(e)) for d, e in linked)
    return sorted(found)


def _record(store: Store, dataset: str, entity_id: str) -> ListRecord:
    head = store.conn.execute(
        """SELECT r.version, r.schema, r.source_id, r.caption FROM records r
           JOIN current_versions USING (dataset, version)
           WHERE r.dataset = ? AND r.entity_id = ?""",
        [dataset, entity_id],
    ).fetchone()
    if head is None:
        raise StoreError(f"{dataset}: no current record {entity_id}")
    version, schema, source_id, caption = head
    rows = store.conn.execute(
        """SELECT s.prop, s.value, s.origin, seen.first_seen, seen.last_seen
           FROM statements s JOIN statement_seen seen USING (dataset, entity_id, prop, value)
           WHERE s.dataset = ? AND s.version = ? AND s.entity_id = ?
           ORDER BY s.prop, s.value""",
        [dataset, version, entity_id],
    ).fetchall()
    stmts = [
        SeenStatement(str(p), str(v), dataset, str(version), o, str(f), str(la))
        for p, v, o, f, la in rows
    ]
    return ListRecord(dataset, str(version), entity_id, str(schema), source_id, str(caption), stmts)


def get_entity(store: Store, key: str) -> EntityView:
    """Every current list record of the real-world entity named by ``key``."""
    members = resolve_ids(store, key)
    if not members:
        raise StoreError(f"no entity {key!r} in the current version of any list")
    records = [_record(store, d, e) for d, e in members]
    link = store.conn.execute(
        "SELECT canonical_id, evidence FROM links WHERE entity_id = ? LIMIT 1",
        [members[0][1]],
    ).fetchone()
    canonical = str(link[0]) if link else members[0][1]
    ids = [e for _, e in members]
    placeholders = ", ".join("?" for _ in ids)
    refs = store.conn.execute(
        f"""SELECT DISTINCT s.entity_id, s.schema, s.prop, r.caption FROM statements s
            JOIN current_versions USING (dataset, version)
            JOIN records r USING (dataset, version, entity_id)
            WHERE s.is_ref AND s.value IN ({placeholders})
            ORDER BY s.schema, s.entity_id""",
        ids,
    ).fetchall()
    references = [(str(a), str(b), str(c), str(d)) for a, b, c, d in refs]
    return EntityView(canonical, records, str(link[1]) if link else None, references)


def iter_records(
    store: Store, dataset: str | None = None, version: str | None = None
) -> Iterator[Record]:
    """Whole entities rebuilt from statements: the current version unless one is named."""
    if version is not None and dataset is None:
        raise StoreError("a version needs a dataset")
    where = (
        "s.dataset = $1 AND s.version = $2"
        if version
        else (
            "(s.dataset, s.version) IN (SELECT dataset, version FROM current_versions)"
            + (" AND s.dataset = $1" if dataset else "")
        )
    )
    params = [p for p in (dataset, version) if p is not None]
    cursor = store.conn.execute(
        f"""SELECT s.dataset, s.entity_id, s.schema, s.prop, s.value, s.lang, s.original_value,
                   s.origin, r.source_id
            FROM statements s JOIN records r USING (dataset, version, entity_id)
            WHERE {where} ORDER BY s.dataset, s.entity_id""",
        params,
    )
    current: list[Statement] = []
    source_id: str | None = None
    while batch := cursor.fetchmany(10_000):
        for ds, eid, schema, prop, value, lang, original, origin, sid in batch:
            if current and (current[0].entity_id != eid or current[0].dataset != ds):
                yield _build(current, source_id)
                current = []
            source_id = sid
            current.append(
                Statement(
                    eid, prop, schema, value, ds, lang=lang, original_value=original, origin=origin
                )
            )
    if current:
        yield _build(current, source_id)


def _build(statements: list[Statement], source_id: str | None) -> Record:
    entity = StatementEntity.from_statements(dataset_of(statements[0].dataset), statements)
    return Record(entity, source_id)
