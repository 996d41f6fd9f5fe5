"""The store adapter: the current version of every list, one node per real-world party."""

from __future__ import annotations

from fullcourt.network.attributes import HUB_CAP
from fullcourt.network.graph import Graph, build_graph
from fullcourt.store import Store
from fullcourt.store.query import iter_records


def same_as(store: Store) -> dict[str, str]:
    """Record id -> canonical id, from the store's cross-list links (IMO, passport...)."""
    rows = store.conn.execute("SELECT entity_id, canonical_id FROM links").fetchall()
    return {str(entity_id): str(canonical) for entity_id, canonical in rows}


def graph_from_store(store: Store, *, hub_cap: int = HUB_CAP) -> Graph:
    """The network over the current version of every dataset in the store."""
    entities = (record.entity for record in iter_records(store))
    return build_graph(entities, same_as=same_as(store), hub_cap=hub_cap)
