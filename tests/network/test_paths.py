"""Explaining paths: the cheapest chains to designated parties, held to networkx."""

from __future__ import annotations

from itertools import pairwise

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fullcourt.network import Graph, build_graph, compute_exposure, explain
from fullcourt.network.paths import cheapest, costs_of, describe
from tests.network.entities import party, relation, sanction

Costs = dict[str, dict[str, float]]


@st.composite
def weighted(draw: st.DrawFn) -> tuple[Costs, set[str]]:
    size = draw(st.integers(2, 10))
    nodes = [f"n{i}" for i in range(size)]
    costs: Costs = {n: {} for n in nodes}
    for i, j, c in draw(
        st.lists(st.tuples(st.integers(0, size - 1), st.integers(0, size - 1), st.floats(1, 20)))
    ):
        if i != j:
            costs[nodes[i]][nodes[j]] = costs[nodes[j]][nodes[i]] = c
    seeds = set(draw(st.lists(st.sampled_from(nodes[1:]), min_size=1, max_size=4)))
    return costs, seeds


@settings(max_examples=80, deadline=None)
@given(weighted())
def test_cheapest_equals_networkx_dijkstra(case: tuple[Costs, set[str]]) -> None:
    costs, seeds = case
    # the oracle walks a directed copy without the arcs leaving a seed: a path stops at one
    oracle = nx.DiGraph()
    oracle.add_nodes_from(costs)
    oracle.add_weighted_edges_from(
        (a, b, c) for a, nbrs in costs.items() if a not in seeds for b, c in nbrs.items()
    )
    distance, _ = nx.single_source_dijkstra(oracle, "n0", weight="weight")
    expected = sorted((d, s) for s, d in distance.items() if s in seeds)
    found = cheapest(costs, "n0", seeds, limit=len(seeds))
    assert [(round(c, 9), p[-1]) for c, p in found] == [(round(d, 9), s) for d, s in expected]
    for cost, path in found:
        assert path[0] == "n0" and not set(path[1:-1]) & seeds
        assert sum(costs[a][b] for a, b in pairwise(path)) == pytest.approx(cost)


def _graph() -> Graph:
    """Beta shares an address with Alpha, which a designated person controls."""
    office = "Room 2105, Trend Centre, 29-31 Cheung Lee Street, Chai Wan, Hong Kong"
    return build_graph(
        [
            party("Person", "x", "Designated Person", "us"),
            sanction("x", "us"),
            party("Company", "a", "Alpha Trading", address=office),
            party("Company", "b", "Beta Shipping", address=office),
            party("Company", "c", "Gamma Hub", address=office),
            relation("Ownership", "o", {"owner": "x", "asset": "a"}, percentage="60%"),
        ]
    )


def test_explain_collapses_shared_values() -> None:
    graph = _graph()
    found = compute_exposure(graph)
    why = explain(graph, found, "b")
    (path,) = why.paths
    assert path.seed == "x" and path.nodes == ("b", "a", "x")
    shared, owned = path.hops
    assert (shared.kind, shared.holders) == ("address", 3)
    assert shared.value is not None and shared.value.startswith("Room 2105")
    assert (owned.kind, owned.share, owned.reverse, owned.record_ids) == (
        "ownership",
        "60%",
        True,
        ("o",),
    )
    assert describe(graph, path) == (
        "Beta Shipping -[shares address 'Room 2105, Trend Centre, 29-31 Cheung Lee Street, "
        "Chai Wan, Hong Kong' (3 parties)]-> Alpha Trading <-[ownership: 60%]- Designated Person"
    )
    assert not why.designated and why.score == found.score["b"] and why.hubs == []


def test_explain_names_hub_values_left_out() -> None:
    office = "Room 2105, Trend Centre, 29-31 Cheung Lee Street, Chai Wan, Hong Kong"
    graph = build_graph(
        [party("Company", f"c{i}", f"Shell {i}", address=office) for i in range(4)]
        + [sanction("c0", "us")],
        hub_cap=3,
    )
    why = explain(graph, compute_exposure(graph), "c1")
    assert why.paths == [] and why.score == 0.0
    (hub,) = why.hubs  # the registered office four shells share: over the cap, not a link
    assert (hub.kind, hub.degree) == ("address", 4)


def test_costs_invert_weights() -> None:
    assert costs_of({"a": {"b": 0.5, "c": 0.0}}) == {"a": {"b": 2.0}}


def test_default_data_explains_tanchon(default_graph: Graph) -> None:
    found = compute_exposure(default_graph, datasets=["un_sc_sanctions"])
    why = explain(default_graph, found, "ofac-9346", limit=3)
    assert len(why.paths) == 3
    first = why.paths[0]
    assert len(first.hops) == 1
    (hop,) = first.hops
    # OFAC: Choe Song Il (18557) "Linked To" the bank; the UN lists him as KPi.014
    assert (hop.kind, hop.role, hop.reverse) == ("linked", "Linked To", True)
    assert hop.record_ids == ("ofac-unknownlink-ofac-18557-ofac-9346-linked-to",)
    seed = default_graph.node(first.seed)
    assert "KPi.014" in {d.source_id for d in seed.designations}
