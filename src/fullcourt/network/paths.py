"""Why a party is exposed: the cheapest chains of links to designated parties.

A link costs 1 / weight (the weights of the exposure walk, hub damping included), so
an ownership hop costs 1 and a shared address among five parties about 13. A path
stops at the first designated party it meets: a longer path through it would explain
nothing more. Shared values are nodes of the walk; a path shows them as one hop
between the two parties that share the value.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from fullcourt.network import model as m
from fullcourt.network.exposure import Exposure
from fullcourt.network.graph import Graph


@dataclass(frozen=True, slots=True)
class Hop:
    source: str
    target: str
    kind: str
    role: str | None = None
    share: str | None = None
    value: str | None = None  # the shared value, when the hop is one
    holders: int = 0  # how many parties share that value
    reverse: bool = False  # the link points from target to source (the owner is target)
    record_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Path:
    seed: str
    cost: float
    hops: tuple[Hop, ...]

    @property
    def nodes(self) -> tuple[str, ...]:
        return (self.hops[0].source, *(h.target for h in self.hops)) if self.hops else ()


def cheapest(
    costs: Mapping[str, Mapping[str, float]], start: str, seeds: Collection[str], limit: int
) -> list[tuple[float, list[str]]]:
    """Dijkstra from ``start`` to its ``limit`` nearest seeds, never walking through one."""
    best = {start: 0.0}
    previous: dict[str, str] = {}
    heap = [(0.0, start)]
    done: set[str] = set()
    found: list[tuple[float, list[str]]] = []
    while heap and len(found) < limit:
        cost, node = heapq.heappop(heap)
        if node in done:
            continue
        done.add(node)
        if node in seeds and node != start:
            found.append((cost, _trace(previous, node)))
            continue
        for neighbour, step in costs.get(node, {}).items():
            total = cost + step
            if total < best.get(neighbour, float("inf")):
                best[neighbour], previous[neighbour] = total, node
                heapq.heappush(heap, (total, neighbour))
    return found


def _trace(previous: Mapping[str, str], end: str) -> list[str]:
    path = [end]
    while path[-1] in previous:
        path.append(previous[path[-1]])
    return path[::-1]


def costs_of(adjacency: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, float]]:
    return {a: {b: 1.0 / w for b, w in nbrs.items() if w > 0} for a, nbrs in adjacency.items()}


def _hop(graph: Graph, found: Exposure, a: str, b: str) -> Hop:
    links = [k for k in graph.links_of(a) if {k.source, k.target} == {a, b}]
    link = max(links, key=lambda k: (found.settings.weight(k.kind), k.kind))
    return Hop(
        a, b, link.kind, link.role, link.share, reverse=link.source != a, record_ids=link.record_ids
    )


def _hops(graph: Graph, found: Exposure, nodes: list[str]) -> tuple[Hop, ...]:
    hops, i = [], 0
    while i < len(nodes) - 1:
        attr = graph.attributes.get(nodes[i + 1])
        if attr is not None:
            text = attr.texts[0] if attr.texts else attr.value
            hops.append(Hop(nodes[i], nodes[i + 2], attr.kind, value=text, holders=attr.degree))
            i += 2
        else:
            hops.append(_hop(graph, found, nodes[i], nodes[i + 1]))
            i += 1
    return tuple(hops)


def explain_paths(graph: Graph, found: Exposure, node_id: str, limit: int = 3) -> list[Path]:
    """The cheapest path to each of the ``limit`` nearest designated parties."""
    costs = costs_of(found.adjacency)
    return [
        Path(nodes[-1], cost, _hops(graph, found, nodes))
        for cost, nodes in cheapest(costs, node_id, found.seeds, limit)
    ]


@dataclass(frozen=True, slots=True)
class Explanation:
    node: m.Node
    score: float
    designated: bool
    paths: list[Path]
    hubs: list[m.Attribute]  # values it shares with more parties than the hub cap: unused


def explain(graph: Graph, found: Exposure, node_id: str, limit: int = 3) -> Explanation:
    hubs = [a for a in graph.attributes_of(node_id) if a.id not in graph.attributes]
    return Explanation(
        graph.node(node_id),
        found.score.get(node_id, 0.0),
        node_id in found.seeds,
        explain_paths(graph, found, node_id, limit),
        hubs,
    )


def describe(graph: Graph, path: Path) -> str:
    """One line per path: "A -[linked: Linked To]- B -[shares address '...' (3)]- C"."""
    parts = [graph.node(path.nodes[0]).caption]
    for hop in path.hops:
        if hop.value is not None:
            label = f"shares {hop.kind} {hop.value!r} ({hop.holders} parties)"
        else:
            label = ": ".join(x for x in (hop.kind, hop.role, hop.share) if x)
        arrow = f" <-[{label}]- " if hop.reverse else f" -[{label}]-> "
        parts.append(arrow + graph.node(hop.target).caption)
    return "".join(parts)
