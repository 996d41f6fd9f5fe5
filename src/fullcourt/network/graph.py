"""The network of parties: who is listed, who is linked to whom, and what they share.

``build_graph`` reads FollowTheMoney entities in any order. Parties (people,
companies, vessels...) become nodes; records of the same real-world party on several
lists become one node when ``same_as`` says so (the store's cross-list links). Edge
schemata and party properties become links; values several parties share become
attribute nodes, weighted down the more parties hold them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from fullcourt.model import Entity
from fullcourt.network import model as m
from fullcourt.network.assemble import Assembler
from fullcourt.network.attributes import HUB_CAP


@dataclass(frozen=True, slots=True)
class Dangling:
    """A relation naming an entity that is not in the data (a list cites an unknown id)."""

    record_id: str
    missing: str


@dataclass(slots=True)
class Graph:
    """Parties, links and shared values, with an index of each party's links."""

    nodes: dict[str, m.Node]
    links: list[m.Link]
    attributes: dict[str, m.Attribute]
    hubs: list[m.Attribute] = field(default_factory=list)  # over the cap: never linked
    dangling: list[Dangling] = field(default_factory=list)
    hub_cap: int = HUB_CAP
    _by_node: dict[str, list[m.Link]] = field(default_factory=dict, repr=False)
    _attrs_of: dict[str, list[m.Attribute]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        by_node: dict[str, list[m.Link]] = defaultdict(list)
        for link in self.links:
            by_node[link.source].append(link)
            by_node[link.target].append(link)
        attrs_of: dict[str, list[m.Attribute]] = defaultdict(list)
        for attr in [*self.attributes.values(), *self.hubs]:
            for holder in attr.holders:
                attrs_of[holder].append(attr)
        self._by_node, self._attrs_of = dict(by_node), dict(attrs_of)

    def node(self, node_id: str) -> m.Node:
        return self.nodes[node_id]

    def links_of(self, node_id: str) -> list[m.Link]:
        return self._by_node.get(node_id, [])

    def attributes_of(self, node_id: str) -> list[m.Attribute]:
        """Linked values and hubs the party holds (hubs have no attribute node)."""
        return self._attrs_of.get(node_id, [])

    def designated(self, datasets: Iterable[str] | None = None) -> frozenset[str]:
        """Parties listed by any of ``datasets`` (by any list when None)."""
        scope = None if datasets is None else set(datasets)
        return frozenset(n.id for n in self.nodes.values() if n.designated_by(scope))

    def find(self, key: str) -> m.Node | None:
        """A party by node id, by the id of one of its records, or by a list's own id."""
        if key in self.nodes:
            return self.nodes[key]
        for node in self.nodes.values():
            if key in node.entity_ids or any(d.source_id == key for d in node.designations):
                return node
        return None

    def iter_nodes(self, category: str | None = None) -> Iterator[m.Node]:
        return (n for n in self.nodes.values() if category is None or n.category == category)

    def stats(self) -> dict[str, int]:
        return {
            "nodes": len(self.nodes),
            "designated": sum(n.designated for n in self.nodes.values()),
            "links": len(self.links),
            "attributes": len(self.attributes),
            "attribute_links": sum(a.degree for a in self.attributes.values()),
            "hubs": len(self.hubs),
            "dangling": len(self.dangling),
        }

    def to_networkx(self) -> Any:
        """A networkx MultiDiGraph of parties and attribute nodes, for ad-hoc analysis."""
        import networkx as nx

        graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        for node in self.nodes.values():
            graph.add_node(node.id, kind="party", node=node)
        for attr in self.attributes.values():
            graph.add_node(attr.id, kind="attribute", attribute=attr)
            for holder in attr.holders:
                graph.add_edge(holder, attr.id, key=attr.kind, kind=attr.kind)
        for link in self.links:
            graph.add_edge(link.source, link.target, kind=link.kind, link=link)
        return graph


def build_graph(
    entities: Iterable[Entity],
    *,
    same_as: Mapping[str, str] | None = None,
    hub_cap: int = HUB_CAP,
) -> Graph:
    """The network of ``entities``; ``same_as`` maps record ids to one node id."""
    assembler = Assembler(same_as or {})
    for entity in entities:
        assembler.add(entity)
    nodes, links, attributes, hubs, dangling = assembler.finish(hub_cap)
    return Graph(
        nodes=nodes,
        links=links,
        attributes=attributes,
        hubs=hubs,
        dangling=[Dangling(r, t) for r, t in dangling],
        hub_cap=hub_cap,
    )
