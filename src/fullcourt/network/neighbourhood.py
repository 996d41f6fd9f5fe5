"""The parties around one party, a few hops out, small enough to draw and to read.

A breadth-first walk over links and shared values: a value two parties hold (an
address, a company IMO number) counts as one hop between them, as in the explaining
paths. Hubs over the cap are not walked, so a registered agent's address does not pull
a thousand companies in. The node cap keeps a picture readable: within a hop, parties
tied by a relation come before parties that only share a value, and designated parties
before the others, so truncation drops the weakest and least telling ties first.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from fullcourt.network import model as m
from fullcourt.network.graph import Graph

DEPTH = 2
MAX_NODES = 150


@dataclass(frozen=True, slots=True)
class Neighbourhood:
    center: str
    depth: int
    distance: dict[str, int]  # party id -> hops from the center
    graph: Graph  # those parties, the links among them and the values they share
    truncated: bool  # the cap left out parties within ``depth``

    @property
    def size(self) -> int:
        return len(self.graph.nodes)


def neighbours(graph: Graph, node_id: str, *, values: bool = True) -> Iterator[tuple[str, int]]:
    """(party, tie) pairs one hop away: tie 0 through a relation, 1 through a shared value."""
    for link in graph.links_of(node_id):
        yield (link.target if link.source == node_id else link.source), 0
    if values:
        for attr in graph.attributes_of(node_id):
            if attr.id in graph.attributes:  # hubs are never walked
                yield from ((h, 1) for h in attr.holders if h != node_id)


def neighbourhood(
    graph: Graph,
    center: str,
    *,
    depth: int = DEPTH,
    max_nodes: int = MAX_NODES,
    values: bool = True,
) -> Neighbourhood:
    """Parties within ``depth`` hops of ``center`` (a node id), at most ``max_nodes``."""
    if center not in graph.nodes:
        raise KeyError(center)
    distance = {center: 0}
    frontier = [center]
    truncated = False
    for hop in range(1, depth + 1):
        ties: dict[str, int] = {}
        for node_id in frontier:
            for other, tie in neighbours(graph, node_id, values=values):
                if other not in distance:
                    ties[other] = min(tie, ties.get(other, tie))
        ranked = sorted(ties, key=lambda n: _priority(graph.nodes[n], ties[n]))
        room = max(0, max_nodes - len(distance))
        truncated = truncated or len(ranked) > room
        frontier = ranked[:room]
        distance.update(dict.fromkeys(frontier, hop))
        if not frontier:
            break
    return Neighbourhood(center, depth, distance, subgraph(graph, distance), truncated)


def _priority(node: m.Node, tie: int) -> tuple[int, bool, str, str]:
    return tie, not node.designated, node.caption, node.id


def subgraph(graph: Graph, node_ids: Iterable[str]) -> Graph:
    """The parties ``node_ids``, the links among them and the values two of them share.

    A shared value keeps its weight in the whole graph (how common it is there) but
    lists only the holders inside.
    """
    ids = {n for n in node_ids if n in graph.nodes}
    links: set[m.Link] = set()
    attributes: dict[str, m.Attribute] = {}
    for node_id in ids:
        links.update(k for k in graph.links_of(node_id) if k.source in ids and k.target in ids)
        for attr in graph.attributes_of(node_id):
            inside = tuple(h for h in attr.holders if h in ids)
            if attr.id in graph.attributes and len(inside) > 1:
                attributes[attr.id] = dataclasses.replace(attr, holders=inside)
    return Graph(
        nodes={n: graph.nodes[n] for n in sorted(ids)},
        links=sorted(links, key=_link_key),
        attributes=dict(sorted(attributes.items())),
        hub_cap=graph.hub_cap,
    )


def _link_key(link: m.Link) -> tuple[str, str, str, str, str]:
    return link.source, link.target, link.kind, link.role or "", link.share or ""
