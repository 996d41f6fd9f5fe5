"""Groups of parties tied together by links and shared values.

Louvain community detection (networkx, fixed seed: the same data gives the same
groups) over the exposure walk's weighted graph, so hubs are damped and values over
the hub cap are left out exactly as for exposure. Each group is summarised for an
analyst: who is in it, who of them is listed, which values they share, which countries.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from fullcourt.network.exposure import Settings, walk_graph
from fullcourt.network.graph import Graph


@dataclass(frozen=True, slots=True)
class Cluster:
    index: int
    members: tuple[str, ...]  # party node ids, by caption and id
    designated: tuple[str, ...]
    shared: tuple[tuple[str, str, int], ...]  # (kind, value, holders in the group)
    countries: tuple[tuple[str, int], ...]  # (code, members), most common first
    link_kinds: tuple[tuple[str, int], ...]  # links inside the group by kind

    @property
    def size(self) -> int:
        return len(self.members)


def communities(
    graph: Graph, *, settings: Settings | None = None, resolution: float = 1.0, seed: int = 0
) -> list[set[str]]:
    """Louvain communities of parties and attribute nodes, largest first."""
    import networkx as nx

    adjacency = walk_graph(graph, settings or Settings())
    g: nx.Graph[str] = nx.Graph()
    g.add_nodes_from(adjacency)
    g.add_weighted_edges_from((a, b, w) for a, nbrs in adjacency.items() for b, w in nbrs.items())
    found = nx.community.louvain_communities(g, weight="weight", resolution=resolution, seed=seed)
    groups = [{str(n) for n in group} for group in found]
    return sorted(groups, key=lambda c: (-len(c), min(c)))


def summarize(graph: Graph, group: set[str], index: int) -> Cluster:
    # by caption, then id: two parties of one name (lists repeat names) keep one order
    found = (graph.nodes[n] for n in group if n in graph.nodes)
    parties = sorted(found, key=lambda n: (n.caption, n.id))
    ids = {n.id for n in parties}
    shared = [
        (a.kind, a.texts[0] if a.texts else a.value, len(ids & set(a.holders)))
        for a in (graph.attributes[n] for n in group if n in graph.attributes)
    ]
    countries = Counter(c for n in parties for c in n.countries)
    kinds = Counter(
        link.kind
        for n in ids
        for link in graph.links_of(n)
        if link.source == n and link.target in ids
    )
    return Cluster(
        index,
        tuple(n.id for n in parties),
        tuple(n.id for n in parties if n.designated),
        tuple(sorted(shared, key=lambda s: (-s[2], s[0], s[1]))),
        tuple(countries.most_common()),
        tuple(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def find_clusters(
    graph: Graph,
    *,
    settings: Settings | None = None,
    resolution: float = 1.0,
    seed: int = 0,
    min_size: int = 2,
) -> list[Cluster]:
    """Summaries of the groups with at least ``min_size`` parties, largest first."""
    groups = communities(graph, settings=settings, resolution=resolution, seed=seed)
    summaries = [summarize(graph, g, 0) for g in groups]
    kept = sorted((c for c in summaries if c.size >= min_size), key=lambda c: -c.size)
    return [
        Cluster(i, c.members, c.designated, c.shared, c.countries, c.link_kinds)
        for i, c in enumerate(kept, 1)
    ]
