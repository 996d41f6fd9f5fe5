"""Components and label propagation against networkx."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from fullcourt.network.arrays import Registry, WalkArrays, build_walk
from fullcourt.network.scale_clusters import components, group_sizes, label_propagation
from fullcourt.network.scale_synthetic import generate


def networkx_of(walk: WalkArrays, min_weight: float = 0.0) -> nx.Graph[int]:
    graph: nx.Graph[int] = nx.Graph()
    graph.add_nodes_from(range(walk.nodes))
    rows = np.repeat(np.arange(walk.nodes), np.diff(walk.indptr)).tolist()
    for row, col, weight in zip(rows, walk.indices.tolist(), walk.weights.tolist(), strict=True):
        if weight >= min_weight:
            graph.add_edge(row, col, weight=weight)
    return graph


def partition(labels: list[int]) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for node, label in enumerate(labels):
        groups.setdefault(label, set()).add(node)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.parametrize("min_weight", [0.0, 0.9])  # all links; ownership only
@pytest.mark.parametrize("seed", range(3))
def test_components_are_networkx_components(seed: int, min_weight: float) -> None:
    walk = build_walk(generate(80, 120, 150, designated=3, seed=seed).registry)
    expected = {frozenset(c) for c in nx.connected_components(networkx_of(walk, min_weight))}
    assert partition(components(walk, min_weight=min_weight).tolist()) == expected
    assert len(expected) > 1


def planted(groups: int, size: int) -> Registry:
    """``groups`` companies-and-directors blocks, each fully tied by directorships, with
    one ownership-free bridge (a shared address) between neighbouring blocks."""
    source, target, holder, value = [], [], [], []
    for g in range(groups):
        members = range(g * size, (g + 1) * size)
        pairs = [(a, b) for a in members for b in members if a < b]
        source += [a for a, _ in pairs]
        target += [b for _, b in pairs]
        holder += [g * size, ((g + 1) % groups) * size + 1]
        value += [g, g]
    return Registry(
        parties=groups * size,
        kinds=("directorship", "address"),
        source=np.array(source, dtype=np.int64),
        target=np.array(target, dtype=np.int64),
        kind=np.zeros(len(source), dtype=np.int64),
        holder=np.array(holder, dtype=np.int64),
        value=np.array(value, dtype=np.int64),
        value_kind=np.ones(groups, dtype=np.int64),
    )


@pytest.mark.parametrize("seed", range(3))
def test_label_propagation_finds_the_communities_louvain_finds(seed: int) -> None:
    walk = build_walk(planted(groups=6, size=7))
    graph = networkx_of(walk)
    louvain = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    found = label_propagation(walk, seed=seed)
    parties = {frozenset(n for n in c if n < walk.parties) for c in louvain}
    assert partition(found[: walk.parties].tolist()) == parties
    assert len(parties) == 6
    sizes = group_sizes(found, walk.parties).tolist()
    assert [s for s in sizes if s] == [7] * 6  # the bridging addresses are groups of no party


def test_label_propagation_groups_are_connected() -> None:
    walk = build_walk(generate(300, 400, 600, designated=3, seed=4).registry)
    graph = networkx_of(walk)
    found = label_propagation(walk, seed=1)
    groups = partition(found.tolist())
    assert all(nx.is_connected(graph.subgraph(g)) for g in groups)
    assert 1 < len(groups) < walk.nodes / 2  # it does group, and does not lump all together
    assert label_propagation(walk, seed=1).tolist() == found.tolist()  # one seed, one answer
