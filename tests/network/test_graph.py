"""The graph container: lookups the analyses and an analyst rely on."""

from __future__ import annotations

from fullcourt.network import Graph, build_graph
from tests.network.entities import party, relation, sanction


def _graph() -> Graph:
    ship = party("Vessel", "ofac-23740", "WOORY STAR", "us", imoNumber="8712362")
    ship_uk = party("Vessel", "gb-dpr0108", "WOORY STAR", "gb", imoNumber="8712362")
    owner = party("Organization", "ofac-23717", "PHYONGCHON SHIPPING & MARINE", "us")
    twin = party("Organization", "fc-x", "PHYONGCHON SHIPPING & MARINE", "gb")
    for company in (owner, twin):
        company.add("imoNumber", "5878561", cleaned=True)
        company.add("address", "Otan-dong, Chung-guyok, Pyongyang, Korea, North")
    other = party(
        "Organization", "z", "Elsewhere", "us", address="Otan-dong, Chung-guyok, Pyongyang"
    )
    return build_graph(
        [
            ship,
            ship_uk,
            owner,
            twin,
            other,
            sanction("ofac-23740", "us", "DPRK4", "23740"),
            sanction("gb-dpr0108", "gb", "DPRK", "DPR0108"),
            sanction("ofac-23717", "us", "DPRK4", "23717"),
            relation("UnknownLink", "l", {"subject": "ofac-23740", "object": "ofac-23717"}),
        ],
        same_as={"ofac-23740": "fc-ship", "gb-dpr0108": "fc-ship"},
        hub_cap=2,
    )


def test_lookups() -> None:
    graph = _graph()
    assert graph.designated() == {"fc-ship", "ofac-23717"}
    assert graph.designated(["gb"]) == {"fc-ship"}
    assert graph.designated(["un"]) == frozenset()
    ship = graph.find("23740")  # OFAC's own id of the entry
    assert ship is not None and ship.id == "fc-ship"
    assert graph.find("gb-dpr0108") == ship  # a record id
    assert graph.find("fc-ship") == ship
    assert graph.find("nothing") is None
    (link,) = graph.links_of("fc-ship")
    assert link.target == "ofac-23717"
    assert graph.links_of("z") == []
    assert [n.id for n in graph.iter_nodes("vessel")] == ["fc-ship"]


def test_attributes_of_include_hubs() -> None:
    graph = _graph()
    kinds = {(a.kind, a.id in graph.attributes) for a in graph.attributes_of("fc-x")}
    # the company IMO links the two records; the address (3 holders, cap 2) is a hub
    assert kinds == {("companyImoNumber", True), ("address", False)}
    assert graph.stats() == {
        "nodes": 4,
        "designated": 2,
        "links": 1,
        "attributes": 1,
        "attribute_links": 2,
        "hubs": 1,
        "dangling": 0,
    }


def test_to_networkx() -> None:
    nx_graph = _graph().to_networkx()
    assert nx_graph.number_of_nodes() == 5  # four parties and one shared value
    assert nx_graph.number_of_edges() == 3  # the link and two holder edges
    assert nx_graph.nodes["fc-ship"]["node"].caption == "WOORY STAR"
