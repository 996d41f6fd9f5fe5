"""Walks seeded on designated parties, held to independent oracles.

Personalised PageRank must equal networkx's ``pagerank``; the hit probability must equal
the solution of its linear system (numpy). The hit probability is monotone: a new link
to a designated party never lowers anyone's score. PageRank is not, which is why it is
only the secondary "reach" figure.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fullcourt.network.walk import hit_probability, personalized_pagerank

Adjacency = dict[str, dict[str, float]]


@st.composite
def graphs(draw: st.DrawFn) -> tuple[Adjacency, set[str]]:
    size = draw(st.integers(2, 9))
    nodes = [f"n{i}" for i in range(size)]
    adjacency: Adjacency = {n: {} for n in nodes}
    edges = draw(
        st.lists(
            st.tuples(st.integers(0, size - 1), st.integers(0, size - 1), st.floats(0.05, 1.0)),
            max_size=20,
        )
    )
    for i, j, w in edges:
        if i != j:
            a, b = nodes[i], nodes[j]
            adjacency[a][b] = adjacency[b][a] = max(w, adjacency[a].get(b, 0.0))
    seeds = set(draw(st.lists(st.sampled_from(nodes), min_size=1, max_size=3)))
    return adjacency, seeds


def _networkx(adjacency: Adjacency) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(adjacency)
    graph.add_weighted_edges_from(
        (a, b, w) for a, nbrs in adjacency.items() for b, w in nbrs.items()
    )
    return graph


@settings(max_examples=60, deadline=None)
@given(graphs())
def test_pagerank_equals_networkx(case: tuple[Adjacency, set[str]]) -> None:
    adjacency, seeds = case
    ours = personalized_pagerank(adjacency, seeds, alpha=0.85)
    oracle = nx.pagerank(
        _networkx(adjacency),
        alpha=0.85,
        personalization=dict.fromkeys(seeds, 1.0),
        weight="weight",
        tol=1e-13,
        max_iter=10_000,
    )
    assert ours == pytest.approx(oracle, abs=1e-8)
    assert sum(ours.values()) == pytest.approx(1.0)


def _solve(
    adjacency: Adjacency, seeds: set[str], alpha: float, leak: dict[str, float]
) -> dict[str, float]:
    """Oracle: h_F = alpha D^-1 (W_FF h_F + W_FS 1), solved directly."""
    free = [n for n in adjacency if n not in seeds]
    index = {n: i for i, n in enumerate(free)}
    matrix = np.eye(len(free))
    vector = np.zeros(len(free))
    for n in free:
        total = sum(adjacency[n].values()) + leak[n]
        for m, w in adjacency[n].items():
            if total == 0:
                continue
            if m in seeds:
                vector[index[n]] += alpha * w / total
            else:
                matrix[index[n], index[m]] -= alpha * w / total
    solved = np.linalg.solve(matrix, vector) if free else np.zeros(0)
    return {**{s: 1.0 for s in seeds}, **{n: float(solved[index[n]]) for n in free}}


@settings(max_examples=60, deadline=None)
@given(graphs(), st.floats(0.0, 2.0))
def test_hit_probability_solves_its_system(case: tuple[Adjacency, set[str]], leak: float) -> None:
    adjacency, seeds = case
    leaks = dict.fromkeys(adjacency, leak)
    ours = hit_probability(adjacency, seeds, alpha=0.85, leak=leaks)
    assert ours == pytest.approx(_solve(adjacency, seeds, 0.85, leaks), abs=1e-9)
    assert all(0.0 <= v <= 1.0 for v in ours.values())


@settings(max_examples=100, deadline=None)
@given(graphs(), st.data())
def test_a_link_to_a_designated_party_never_lowers_exposure(
    case: tuple[Adjacency, set[str]], data: st.DataObject
) -> None:
    """Adding a link {v, s} with s designated, or raising its weight, lowers nobody.

    Only v's walk changes (s is absorbing), and at v the new link leads to a score of 1,
    at least what any other step leads to; the least fixed point can only rise.
    """
    adjacency, seeds = case
    leaks = dict.fromkeys(adjacency, 1.0)
    before = hit_probability(adjacency, seeds, leak=leaks)
    seed = data.draw(st.sampled_from(sorted(seeds)))
    node = data.draw(st.sampled_from(sorted(set(adjacency) - {seed}) or [seed]))
    weight = data.draw(st.floats(0.05, 1.0))
    if node != seed:
        grown = {n: dict(nbrs) for n, nbrs in adjacency.items()}
        w = max(weight, grown[node].get(seed, 0.0))
        grown[node][seed] = grown[seed][node] = w
        after = hit_probability(grown, seeds, leak=leaks)
        assert all(after[n] >= before[n] - 1e-12 for n in adjacency)
        assert after[node] >= before[node]


def test_pagerank_is_not_monotone() -> None:
    # s - a: the walker restarting at s spends its time on a. Link a new party c to s:
    # the walker now also visits c, and a's PageRank falls though nothing of a changed.
    before = personalized_pagerank({"s": {"a": 1.0}, "a": {"s": 1.0}, "c": {}}, {"s"})
    after = personalized_pagerank(
        {"s": {"a": 1.0, "c": 1.0}, "a": {"s": 1.0}, "c": {"s": 1.0}}, {"s"}
    )
    assert after["a"] < before["a"]
    hit_before = hit_probability({"s": {"a": 1.0}, "a": {"s": 1.0}, "c": {}}, {"s"})
    hit_after = hit_probability(
        {"s": {"a": 1.0, "c": 1.0}, "a": {"s": 1.0}, "c": {"s": 1.0}}, {"s"}
    )
    assert hit_after["a"] == hit_before["a"]  # a's exposure is its own business


def test_scores_read_as_probabilities() -> None:
    leak = {"x": 1.0, "y": 1.0}
    # one ownership link (1.0) to a designated party, against the leak of 1: 0.85 * 1/2
    assert hit_probability({"s": {"x": 1.0}, "x": {"s": 1.0}}, {"s"}, leak=leak)[
        "x"
    ] == pytest.approx(0.425)
    # a lone weak link (0.05) says little, though it is x's only link
    weak = hit_probability({"s": {"y": 0.05}, "y": {"s": 0.05}}, {"s"}, leak=leak)["y"]
    assert weak == pytest.approx(0.85 * 0.05 / 1.05)
    assert personalized_pagerank({}, {"s"}) == {}
