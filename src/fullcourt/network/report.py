"""The evidence pack: everything needed to defend a decision on one party, or to propose one.

What each list says about the party (every record, every value with its source file
and the dates it was first and last seen), what it is tied to and on whose say-so,
whether the 50% rule blocks it under OFAC's, the EU's and the UK's reading and by which
chains of holdings, how close it sits to designated parties and along which paths
(against all lists, and against each list that does not list it: the case for a new
designation), and the group it belongs to. The pack is plain data; report_render
writes it as Markdown and HTML, ``pack_dict`` gives its JSON.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from fullcourt.network import model as m
from fullcourt.network.analysis import Analysis, ListVersion
from fullcourt.network.evidence import (
    ExposureRow,
    OwnershipRow,
    Party,
    exposure_row,
    ownership_rows,
    party,
    plain,
)
from fullcourt.network.export import cytoscape, list_ids, value_label
from fullcourt.network.neighbourhood import Neighbourhood, neighbourhood
from fullcourt.store import Store
from fullcourt.store.query import ListRecord, get_entity

DEPTH = 2
MAX_NODES = 60  # a picture an analyst can read on one page


@dataclass(frozen=True, slots=True)
class LinkRow:
    kind: str
    outgoing: bool  # this party is the link's source (owner, subject, director)
    other: Party
    role: str | None
    share: str | None
    datasets: tuple[str, ...]
    record_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SharedValue:
    kind: str
    value: str
    holders: tuple[Party, ...]  # the other parties holding it
    weight: float  # 0 for hubs: held by more parties than the cap, not used


@dataclass(frozen=True, slots=True)
class ClusterRow:
    index: int
    members: tuple[Party, ...]
    shared: tuple[tuple[str, str, int], ...]
    countries: tuple[tuple[str, int], ...]
    link_kinds: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class EvidencePack:
    query: str
    entity: Party
    schema: str
    category: str
    countries: tuple[str, ...]
    designations: tuple[m.Designation, ...]
    list_ids: tuple[str, ...]
    records: tuple[ListRecord, ...]
    link_evidence: str | None
    links: tuple[LinkRow, ...]
    shared: tuple[SharedValue, ...]
    ownership: tuple[OwnershipRow, ...]
    exposure: tuple[ExposureRow, ...]
    cluster: ClusterRow | None
    versions: tuple[ListVersion, ...]
    neighbourhood: Neighbourhood

    @property
    def caption(self) -> str:
        return self.entity.caption


def _links(analysis: Analysis, node_id: str) -> tuple[LinkRow, ...]:
    graph = analysis.graph
    rows = []
    for link in graph.links_of(node_id):
        out = link.source == node_id
        other = graph.node(link.target if out else link.source)
        ends = (link.kind, out, party(other))
        rows.append(LinkRow(*ends, link.role, link.share, link.datasets, link.record_ids))
    return tuple(sorted(rows, key=lambda r: (r.kind, r.other.caption, r.other.id)))


def _shared(analysis: Analysis, node_id: str) -> tuple[SharedValue, ...]:
    graph = analysis.graph
    return tuple(
        SharedValue(
            attr.kind,
            value_label(attr),
            tuple(party(graph.node(h)) for h in attr.holders if h != node_id),
            attr.weight,
        )
        for attr in sorted(graph.attributes_of(node_id), key=lambda a: (a.kind, a.value))
    )


def _cluster(analysis: Analysis, node_id: str) -> ClusterRow | None:
    found = analysis.cluster_of(node_id)
    if found is None:
        return None
    nodes = sorted(map(analysis.graph.node, found.members), key=lambda n: (n.caption, n.id))
    members = tuple(party(n) for n in nodes)  # ties of caption in a stable order
    return ClusterRow(found.index, members, found.shared, found.countries, found.link_kinds)


def build_pack(
    store: Store, analysis: Analysis, key: str, *, depth: int = DEPTH, max_nodes: int = MAX_NODES
) -> EvidencePack:
    """The pack for the party ``key`` names (a node id, a record id or a list's own id)."""
    node = analysis.party(key)
    view = get_entity(store, node.id)
    unlisted_by = [d for d in analysis.datasets() if d not in node.datasets]
    return EvidencePack(
        query=key,
        entity=party(node),
        schema=node.schema,
        category=node.category,
        countries=node.countries,
        designations=node.designations,
        list_ids=list_ids(node),
        records=tuple(view.records),
        link_evidence=view.link_evidence,
        links=_links(analysis, node.id),
        shared=_shared(analysis, node.id),
        ownership=ownership_rows(analysis, node),
        exposure=tuple(exposure_row(analysis, node, d) for d in [None, *unlisted_by]),
        cluster=_cluster(analysis, node.id),
        versions=analysis.versions,
        neighbourhood=neighbourhood(analysis.graph, node.id, depth=depth, max_nodes=max_nodes),
    )


def pack_dict(pack: EvidencePack) -> dict[str, Any]:
    """The pack as JSON-ready data; the neighbourhood as Cytoscape.js elements."""
    out = {
        f.name: plain(getattr(pack, f.name))
        for f in dataclasses.fields(pack)
        if f.name != "neighbourhood"
    }
    near = pack.neighbourhood
    out["neighbourhood"] = {
        "depth": near.depth,
        "truncated": near.truncated,
        **cytoscape(near.graph, near.distance),
    }
    return out


def to_json(pack: EvidencePack) -> str:
    return json.dumps(pack_dict(pack), indent=2, ensure_ascii=False)
