"""The parties around one party: hops over links and shared values, the cap, subgraphs."""

from __future__ import annotations

import networkx as nx
import pytest

from fullcourt.network import Graph, build_graph
from fullcourt.network.neighbourhood import neighbourhood, neighbours, subgraph
from tests.network.entities import party, relation, sanction

OFFICE = "Unit 503, Silvercord Tower 2, 30 Canton Road, Tsim Sha Tsui, Kowloon"


def _chain() -> Graph:
    """a -linked- b -owns- c, c shares an office with d, e stands alone."""
    return build_graph(
        [
            party("Company", "a", "Alpha"),
            party("Company", "b", "Beta"),
            party("Company", "c", "Gamma", address=OFFICE),
            party("Company", "d", "Delta", address=OFFICE),
            party("Company", "e", "Epsilon"),
            relation("UnknownLink", "l1", {"subject": "a", "object": "b"}, role="Linked To"),
            relation("Ownership", "o1", {"owner": "b", "asset": "c"}, percentage="60%"),
        ]
    )


def test_hops_count_links_and_shared_values() -> None:
    graph = _chain()
    assert neighbourhood(graph, "a", depth=0).distance == {"a": 0}
    assert neighbourhood(graph, "a", depth=1).distance == {"a": 0, "b": 1}
    # the shared office is one hop, as in the explaining paths
    assert neighbourhood(graph, "a", depth=3).distance == {"a": 0, "b": 1, "c": 2, "d": 3}
    assert "d" not in neighbourhood(graph, "a", depth=3, values=False).distance
    assert not neighbourhood(graph, "a", depth=3).truncated


def test_subgraph_keeps_links_and_values_inside() -> None:
    graph = _chain()
    near = neighbourhood(graph, "b", depth=1)
    assert set(near.graph.nodes) == {"a", "b", "c"}
    assert [(k.source, k.target, k.kind) for k in near.graph.links] == [
        ("a", "b", "linked"),
        ("b", "c", "ownership"),
    ]
    assert near.graph.attributes == {}  # d, the office's other holder, is outside
    pair = subgraph(graph, ["c", "d", "nobody"])
    (office,) = pair.attributes.values()
    assert office.holders == ("c", "d")
    assert office.weight == graph.attributes[office.id].weight  # weight in the whole graph
    assert pair.links == []


def test_cap_keeps_relations_and_designated_first() -> None:
    """A hub with a designated and an unlisted partner, and two sharing its address."""
    graph = build_graph(
        [
            party("Company", "hub", "Hub", address=OFFICE),
            party("Company", "x1", "Aardvark Ltd", address=OFFICE),
            party("Company", "x2", "Abacus Ltd", address=OFFICE),
            party("Company", "p1", "Zulu Ltd"),
            party("Company", "p2", "Yankee Ltd"),
            relation("UnknownLink", "l1", {"subject": "hub", "object": "p1"}),
            relation("UnknownLink", "l2", {"subject": "hub", "object": "p2"}),
            sanction("p1", "un"),
        ]
    )
    near = neighbourhood(graph, "hub", depth=1, max_nodes=2)
    assert near.truncated and set(near.distance) == {"hub", "p1"}
    near = neighbourhood(graph, "hub", depth=1, max_nodes=3)
    assert set(near.distance) == {"hub", "p1", "p2"}
    assert near.size == 3 and near.truncated
    assert not neighbourhood(graph, "hub", depth=1, max_nodes=5).truncated


def test_hubs_are_not_walked() -> None:
    entities = [party("Company", f"c{i}", f"Company {i}", address=OFFICE) for i in range(4)]
    graph = build_graph(entities, hub_cap=3)  # four holders: over the cap
    assert graph.hubs and not graph.attributes
    assert list(neighbours(graph, "c0")) == []
    assert neighbourhood(graph, "c0").distance == {"c0": 0}


def test_unknown_center() -> None:
    with pytest.raises(KeyError):
        neighbourhood(_chain(), "nobody")


def _party_projection(graph: Graph) -> nx.Graph[str]:
    """Parties joined when linked or holding a shared value: the oracle's graph."""
    g: nx.Graph[str] = nx.Graph()
    g.add_nodes_from(graph.nodes)
    g.add_edges_from((k.source, k.target) for k in graph.links)
    for attr in graph.attributes.values():
        g.add_edges_from((a, b) for a in attr.holders for b in attr.holders if a < b)
    return g


def test_default_data_matches_breadth_first_oracle(default_graph: Graph) -> None:
    center = default_graph.find("KPe.002")  # UN: Korea Ryonbong General Corporation
    assert center is not None and "unsc-kpe-002" in center.entity_ids
    near = neighbourhood(default_graph, center.id, depth=2, max_nodes=10_000)
    oracle = nx.single_source_shortest_path_length(
        _party_projection(default_graph), center.id, cutoff=2
    )
    assert near.distance == oracle
    # OFAC's Ri Su Yong (21735) is Linked To OFAC's own Ryonbong record (9347), which
    # shares the Rakwon-dong address with the UN record: two hops
    ri = default_graph.find("21735")
    assert ri is not None and near.distance[ri.id] == 2
    assert all(k.source in near.distance and k.target in near.distance for k in near.graph.links)
