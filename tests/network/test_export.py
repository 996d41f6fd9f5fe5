"""GraphML and GEXF re-read with networkx, Cytoscape.js JSON, the FtM records of a subgraph."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from fullcourt.network import Graph, build_graph
from fullcourt.network.export import (
    cytoscape,
    graph_records,
    record_ids,
    to_networkx,
    write_gexf,
    write_graphml,
)
from fullcourt.network.neighbourhood import neighbourhood
from fullcourt.store import Store
from fullcourt.store.query import iter_records
from tests.network.entities import party, relation, sanction

OFFICE = "Unit 503, Silvercord Tower 2, 30 Canton Road, Tsim Sha Tsui, Kowloon"


@pytest.fixture
def small() -> Graph:
    """Characters XML must escape, an ownership with a share, a link without a role."""
    return build_graph(
        [
            party("Company", "a", "Alpha & <Sons>", country="kp", address=OFFICE),
            party("Person", "b", "Bo Ri", address=OFFICE),
            party("Vessel", "v", "Sea Star", imoNumber="9123456"),
            relation("Ownership", "o", {"owner": "b", "asset": "a"}, percentage="51%"),
            relation("UnknownLink", "l", {"subject": "a", "object": "v"}),
            sanction("b", "un", source_id="KPi.099"),
        ]
    )


def _same_as_written(graph: Graph, read: nx.Graph[str]) -> None:
    written = to_networkx(graph)
    assert {n: dict(d) for n, d in read.nodes(data=True)} == {
        n: dict(d) for n, d in written.nodes(data=True)
    }
    kinds = Counter(d["kind"] for _, _, d in read.edges(data=True))
    assert kinds == Counter(d["kind"] for _, _, d in written.edges(data=True))
    assert kinds == {"ownership": 1, "linked": 1, "address": 2}


def test_graphml_reads_back(small: Graph) -> None:
    buffer = io.BytesIO()
    write_graphml(small, buffer)
    assert b"None" not in buffer.getvalue()  # a missing role is left out, not "None"
    read = nx.read_graphml(io.BytesIO(buffer.getvalue()), force_multigraph=True)
    _same_as_written(small, read)
    assert read.nodes["a"]["label"] == "Alpha & <Sons>"
    assert read.nodes["b"]["designated"] is True and read.nodes["b"]["list_ids"] == "un:KPi.099"
    (share,) = [d["share"] for _, _, d in read.edges(data=True) if d["kind"] == "ownership"]
    assert share == "51%"


def test_gexf_reads_back(small: Graph) -> None:
    buffer = io.BytesIO()
    write_gexf(small, buffer)
    read = nx.read_gexf(io.BytesIO(buffer.getvalue()))
    # GEXF adds the edge id and networkx's key; the rest is what was written
    for _, _, data in read.edges(data=True):
        data.pop("id"), data.pop("networkx_key", None)
    _same_as_written(small, read)
    assert read.nodes["a"]["countries"] == "kp"


def test_cytoscape_shape(small: Graph) -> None:
    data = cytoscape(small, {"a": 0, "b": 1})
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    ids = [n["data"]["id"] for n in nodes]
    assert len(ids) == len(set(ids)) == 4  # three parties and the shared office
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    assert len({e["data"]["id"] for e in edges}) == len(edges) == 4
    b = next(n for n in nodes if n["data"]["id"] == "b")
    assert b["data"]["list_ids"] == ["un:KPi.099"] and b["data"]["distance"] == 1
    assert "designated" in b["classes"] and "distance" not in nodes[-1]["data"]
    owned = next(e for e in edges if e["data"]["kind"] == "ownership")
    assert (owned["data"]["source"], owned["data"]["target"], owned["data"]["share"]) == (
        "b",
        "a",
        "51%",
    )


def test_whole_default_graph_round_trips(default_graph: Graph) -> None:
    buffer = io.BytesIO()
    write_graphml(default_graph, buffer)
    read = nx.read_graphml(io.BytesIO(buffer.getvalue()), force_multigraph=True)
    stats = default_graph.stats()
    assert read.number_of_nodes() == stats["nodes"] + stats["attributes"]
    assert read.number_of_edges() == stats["links"] + stats["attribute_links"]


def test_records_of_a_subgraph(default_graph: Graph, default_store: Path) -> None:
    center = default_graph.find("9346")  # OFAC: Tanchon Commercial Bank
    assert center is not None
    near = neighbourhood(default_graph, center.id, depth=1)
    with Store(default_store, read_only=True) as store:
        records = list(graph_records(near.graph, iter_records(store)))
    found = {str(r.entity.id) for r in records}
    assert found == record_ids(near.graph)
    schemata = Counter(r.entity.schema.name for r in records)
    # nine people OFAC links to the bank, each a "Linked To" record of its own
    assert schemata["UnknownLink"] == len(near.graph.links) == 9
    assert schemata["Sanction"] == sum(len(n.designations) for n in near.graph.nodes.values())
    assert "ofac-9346" in found and "ofac-sanction-9346" in found
