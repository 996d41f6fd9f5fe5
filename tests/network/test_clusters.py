"""Communities of parties, summarised for an analyst."""

from __future__ import annotations

from fullcourt.network import Graph, build_graph, find_clusters
from fullcourt.network.clusters import communities
from tests.network.entities import party, relation, sanction


def _graph() -> Graph:
    """Two rings of three companies, joined by one weak membership link."""
    office = "Unit 503, Silvercord Tower 2, 30 Canton Road, Tsim Sha Tsui, Kowloon"
    ring = [party("Company", f"a{i}", f"Alpha {i}", country="hk", address=office) for i in range(3)]
    ring += [party("Company", f"b{i}", f"Beta {i}", country="kp") for i in range(3)]
    links = [
        relation("Ownership", f"o{i}", {"owner": f"b{i}", "asset": f"b{(i + 1) % 3}"})
        for i in range(3)
    ]
    links.append(relation("Membership", "m", {"member": "a0", "organization": "b0"}))
    return build_graph([*ring, *links, party("Person", "lone", "Loner"), sanction("b1", "un")])


def test_two_groups_found_and_summarised() -> None:
    graph = _graph()
    alpha, beta = sorted(find_clusters(graph), key=lambda c: c.members)
    assert alpha.members == ("a0", "a1", "a2")
    assert alpha.designated == ()
    ((kind, value, holders),) = alpha.shared
    assert (kind, holders) == ("address", 3) and value.startswith("Unit 503")
    assert alpha.countries == (("hk", 3),)
    assert beta.members == ("b0", "b1", "b2")
    assert beta.designated == ("b1",)
    assert beta.link_kinds == (("ownership", 3),)
    assert {alpha.index, beta.index} == {1, 2}
    # the loner is its own group, below the minimum size
    assert {"lone"} in communities(graph)


def test_members_of_one_name_in_id_order() -> None:
    # lists repeat names (two companies of one name): the order falls back to the id,
    # whatever order the group's set yields them in
    phone = "+850 2 381 4410"
    ships = [party("Company", f"v{i}", "SAE BYOL", phone=phone) for i in (3, 1, 2)]
    (cluster,) = find_clusters(build_graph([*ships, party("Company", "c", "Alpha", phone=phone)]))
    assert cluster.members == ("c", "v1", "v2", "v3")


def test_same_seed_same_groups() -> None:
    graph = _graph()
    assert communities(graph, seed=7) == communities(graph, seed=7)


def test_default_data_largest_clusters(default_graph: Graph) -> None:
    clusters = find_clusters(default_graph)
    largest = [c for c in clusters if c.size == clusters[0].size]
    assert clusters[0].size == 19 and len(largest) == 2
    by_caption = {default_graph.node(m).caption: c for c in largest for m in c.members}
    # the Ryonbong group: UN-listed trading companies sharing one Pyongyang address
    ryonbong = by_caption["KOREA RYONBONG GENERAL CORPORATION"]
    ids = {d.source_id for m in ryonbong.members for d in default_graph.node(m).designations}
    assert {"KPe.002", "KPe.038", "KPe.019"} <= ids  # Ryonbong, Pugang, Complex Equipment
    assert ryonbong.shared[0][0] == "address" and ryonbong.shared[0][2] == 16
    assert ryonbong.countries[0] == ("kp", 14)
    # Air Koryo and the sixteen aircraft OFAC lists as operated by it
    koryo = by_caption["AIR KORYO"]
    assert dict(koryo.link_kinds)["operator"] == 16
    assert len(koryo.designated) == 19
