"""Reading the list entities to screen against out of the store.

Records of one real-world entity on several lists (linked by the store on strong
identifiers) become one screening entity, so a ship on the OFAC, UN and UK lists is
one hit with three list records behind it, not three hits.

The store also holds outside data (registry extracts, the ICIJ leaks, an analyst's own
FtM files), and a screening hit on a shell company in a leak is no list hit, so only
list entries are screened; which records are list entries is the store's rule
(``fullcourt.store.listed``), shared with the store's cross-list links.
"""

from __future__ import annotations

from collections.abc import Iterator

from followthemoney import model

from fullcourt.screening.index import ListEntity
from fullcourt.screening.subject import make_subject, merge_props
from fullcourt.store import Store
from fullcourt.store.listed import listed_records
from fullcourt.store.query import iter_records

SCREENED_SCHEMATA = frozenset(
    {"Person", "Organization", "Company", "LegalEntity", "PublicBody", "Vessel", "Airplane"}
)


def current_versions(store: Store) -> tuple[tuple[str, str], ...]:
    """The (dataset, version) pairs an index built now would reflect: list datasets only,
    so that loading outside data does not make the screening index rebuild."""
    lists = sorted({d for d, _ in listed_records(store)})
    rows = store.conn.execute(
        """SELECT dataset, version FROM current_versions
           WHERE list_contains($1::VARCHAR[], dataset) ORDER BY 1""",
        [lists],
    ).fetchall()
    return tuple((str(d), str(v)) for d, v in rows)


def _canonical_ids(store: Store) -> dict[tuple[str, str], str]:
    rows = store.conn.execute("SELECT dataset, entity_id, canonical_id FROM links").fetchall()
    return {(str(d), str(e)): str(c) for d, e, c in rows}


def _seen(store: Store) -> dict[tuple[str, str], tuple[str, str]]:
    rows = store.conn.execute(
        """SELECT dataset, entity_id, min(first_seen), max(last_seen)
           FROM statement_seen GROUP BY dataset, entity_id"""
    ).fetchall()
    return {(str(d), str(e)): (str(f), str(la)) for d, e, f, la in rows}


def _schema(names: list[str]) -> str:
    current = model.get(names[0])
    for name in names[1:]:
        other = model.get(name)
        if current is None or other is None:
            continue
        try:
            current = model.common_schema(current, other)
        except Exception:
            continue
    return current.name if current is not None else names[0]


def iter_list_entities(store: Store) -> Iterator[ListEntity]:
    """One screening entity per real-world entity among the current list entries."""
    canonical = _canonical_ids(store)
    seen = _seen(store)
    listed = listed_records(store)
    groups: dict[str, list[tuple[str, str, str | None, str, dict[str, list[str]]]]] = {}
    for record in iter_records(store):
        entity = record.entity
        if record.source_id is None or entity.schema.name not in SCREENED_SCHEMATA:
            continue
        dataset = next(iter(entity.datasets))
        if (dataset, str(entity.id)) not in listed:
            continue
        key = canonical.get((dataset, str(entity.id)), str(entity.id))
        groups.setdefault(key, []).append(
            (
                dataset,
                str(entity.id),
                record.source_id,
                entity.schema.name,
                entity.to_dict()["properties"],
            )
        )
    for key, members in groups.items():
        props = merge_props(m[4] for m in members)
        schema = _schema([m[3] for m in members])
        spans = [seen[(m[0], m[1])] for m in members if (m[0], m[1]) in seen]
        caption = (props.get("name") or [key])[0]
        yield ListEntity(
            id=key,
            schema=schema,
            caption=caption,
            subject=make_subject(schema, props),
            properties=props,
            datasets=tuple(sorted({m[0] for m in members})),
            records=tuple((m[0], m[1], m[2]) for m in members),
            first_seen=min((s[0] for s in spans), default=None),
            last_seen=max((s[1] for s in spans), default=None),
        )
