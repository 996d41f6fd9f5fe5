"""What changed between two versions of a list: designations, delistings, amendments.

An entry is compared with everything attached to it, not only its own properties: a
new sanctions programme lives on the entry's Sanction entity and a new ``Linked To``
on an UnknownLink, and an analyst counts both as a change to the entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fullcourt.store.db import Store, StoreError


@dataclass(frozen=True, slots=True)
class EntryChange:
    entity_id: str
    source_id: str
    name: str
    schema: str
    added: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "entity_id": self.entity_id,
            "source_id": self.source_id,
            "name": self.name,
            "schema": self.schema,
        }
        if self.added or self.removed:
            out["properties"] = {"added": self.added, "removed": self.removed}
        return out


@dataclass(frozen=True, slots=True)
class VersionDiff:
    dataset: str
    old: str
    new: str
    added: list[EntryChange]
    removed: list[EntryChange]
    changed: list[EntryChange]

    def as_dict(self) -> dict[str, object]:
        return {
            "dataset": self.dataset,
            "old": self.old,
            "new": self.new,
            "added": [c.as_dict() for c in self.added],
            "removed": [c.as_dict() for c in self.removed],
            "changed": [c.as_dict() for c in self.changed],
        }


# Each entry's statements plus those of entities that point at it, keyed by the entry.
_ENTRY_VALUES = """
    SELECT s.entity_id AS entry, s.prop AS prop, s.value AS value
    FROM statements s JOIN records r USING (dataset, version, entity_id)
    WHERE s.dataset = $1 AND s.version = $2 AND r.source_id IS NOT NULL
    UNION
    SELECT ref.value AS entry, d.schema || '.' || d.prop AS prop, d.value AS value
    FROM statements ref JOIN statements d
        ON d.dataset = ref.dataset AND d.version = ref.version AND d.entity_id = ref.entity_id
    JOIN records r ON r.dataset = ref.dataset AND r.version = ref.version
        AND r.entity_id = ref.entity_id AND r.source_id IS NULL
    WHERE ref.dataset = $1 AND ref.version = $2 AND ref.is_anchor AND d.value <> ref.value
"""


def _require(store: Store, dataset: str, version: str) -> None:
    row = store.conn.execute(
        "SELECT 1 FROM versions WHERE dataset = ? AND version = ?", [dataset, version]
    ).fetchone()
    if row is None:
        known = [
            str(v)
            for (v,) in store.conn.execute(
                "SELECT version FROM versions WHERE dataset = ? ORDER BY version", [dataset]
            ).fetchall()
        ]
        raise StoreError(f"{dataset} has no version {version!r}; known: {', '.join(known) or '-'}")


def _entries(store: Store, dataset: str, version: str) -> dict[str, tuple[str, str, str]]:
    rows = store.conn.execute(
        """SELECT entity_id, source_id, caption, schema FROM records
           WHERE dataset = ? AND version = ? AND source_id IS NOT NULL""",
        [dataset, version],
    ).fetchall()
    return {str(e): (str(s), str(c), str(k)) for e, s, c, k in rows}


def _values(store: Store, dataset: str, version: str) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = {}
    for entry, prop, value in store.conn.execute(_ENTRY_VALUES, [dataset, version]).fetchall():
        out.setdefault(str(entry), set()).add((str(prop), str(value)))
    return out


def _grouped(pairs: set[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for prop, value in sorted(pairs):
        out.setdefault(prop, []).append(value)
    return out


def diff_versions(store: Store, dataset: str, old: str, new: str) -> VersionDiff:
    """Entries added, removed and changed from ``old`` to ``new`` of one dataset."""
    _require(store, dataset, old)
    _require(store, dataset, new)
    before, after = _entries(store, dataset, old), _entries(store, dataset, new)
    old_values, new_values = _values(store, dataset, old), _values(store, dataset, new)

    def change(entity_id: str, info: tuple[str, str, str]) -> EntryChange:
        return EntryChange(entity_id, *info)

    added = [change(e, after[e]) for e in sorted(after.keys() - before.keys())]
    removed = [change(e, before[e]) for e in sorted(before.keys() - after.keys())]
    changed = []
    for entity_id in sorted(after.keys() & before.keys()):
        was, now = old_values.get(entity_id, set()), new_values.get(entity_id, set())
        if was != now:
            source_id, name, schema = after[entity_id]
            changed.append(
                EntryChange(
                    entity_id, source_id, name, schema, _grouped(now - was), _grouped(was - now)
                )
            )
    return VersionDiff(dataset, old, new, added, removed, changed)
