"""Exposure scores and ranked lists, on hand-built and on the bundled data."""

from __future__ import annotations

import math

import pytest

from fullcourt.network import Graph, Settings, build_graph, compute_exposure, ranked
from fullcourt.network.exposure import DEFAULT_WEIGHT, by_category, walk_graph
from tests.network.entities import party, relation, sanction


def _graph() -> Graph:
    """A designated company S; A owns a stake in it and shares a phone with B."""
    return build_graph(
        [
            party("Company", "s", "Sanctioned Co", "us", country="kp"),
            sanction("s", "us"),
            party("Company", "a", "Alpha Trading", phone="+85023814410", country="cn"),
            party("Company", "b", "Beta Shipping", phone="+850 2 381 4410", country="hk"),
            party("Vessel", "v", "Unlisted Ship", country="pa"),
            party("Person", "p", "Loner"),
            relation("Ownership", "o", {"owner": "a", "asset": "s"}, percentage="20%"),
            relation("UnknownLink", "l1", {"subject": "a", "object": "s"}, role="Linked To"),
            relation("Membership", "m", {"member": "b", "organization": "v"}),
        ]
    )


def test_walk_graph_weights() -> None:
    graph = _graph()
    adjacency = walk_graph(graph, Settings())
    assert adjacency["a"]["s"] == 1.0  # ownership and "Linked To": the stronger counts
    phone = "attr:phone:+85023814410"
    assert adjacency["a"][phone] == pytest.approx(0.4 / math.log2(3))  # two holders
    assert adjacency[phone] == {"a": adjacency["a"][phone], "b": adjacency["b"][phone]}
    assert adjacency["p"] == {}
    only = walk_graph(graph, Settings(kinds=frozenset({"linked"})))
    assert only["a"] == {"s": 0.7} and phone not in only
    assert Settings().weight("somethingNew") == DEFAULT_WEIGHT


def test_scores_and_scope() -> None:
    graph = _graph()
    found = compute_exposure(graph)
    assert found.seeds == {"s"} and found.score["s"] == 1.0
    assert found.score["a"] > found.score["b"] > found.score["v"] > 0
    assert found.score["p"] == 0.0
    assert max(found.reach.values()) == 1.0 and "s" not in found.reach
    # nobody is listed by the UN here: no seeds, no exposure
    assert set(compute_exposure(graph, datasets=["un"]).score.values()) == {0.0}
    # through Linked To links only, the phone no longer ties Beta to Alpha
    linked = compute_exposure(graph, settings=Settings(kinds=frozenset({"linked"})))
    assert linked.score["b"] == 0.0 and linked.score["a"] > 0


def test_ranked_filters() -> None:
    graph = _graph()
    found = compute_exposure(graph)
    assert [r.node.id for r in ranked(graph, found)] == ["a", "b", "v"]  # p: no score
    assert [r.node.id for r in ranked(graph, found, category="vessel")] == ["v"]
    assert [r.node.id for r in ranked(graph, found, countries={"hk", "pa"})] == ["b", "v"]
    assert [r.node.id for r in ranked(graph, found, limit=1)] == ["a"]
    assert [r.node.id for r in by_category(graph, found)["company"]] == ["a", "b"]


# --- the bundled data -------------------------------------------------------------------


def test_default_data_every_listed_party_is_a_seed(default_graph: Graph) -> None:
    found = compute_exposure(default_graph)
    unlisted = [r.node for r in ranked(default_graph, found)]
    # the one unlisted party: OFAC's stub for a name Song Nam KANG is linked to
    assert [(n.caption, n.id) for n in unlisted] == [
        ("MINISTRY OF STATE SECURITY", "ofac-named-ministry-of-state-security")
    ]
    assert found.score[unlisted[0].id] == pytest.approx(0.85 * 0.7 / 1.7)


def test_default_data_exposure_to_un_designations(default_graph: Graph) -> None:
    found = compute_exposure(default_graph, datasets=["un_sc_sanctions"])
    assert len(found.seeds) == 155  # UN entries, one node each
    top = ranked(default_graph, found, limit=3)
    # OFAC's Tanchon Commercial Bank record (ent_num 9346) is linked to nine people, most
    # of them UN-designated: it is the UN's own KPe.003, which no shared identifier ties
    assert top[0].node.id == "ofac-9346"
    assert top[0].node.caption == "TANCHON COMMERCIAL BANK"
    assert top[0].score > 0.5
    vessels = ranked(default_graph, found, category="vessel", limit=5)
    assert all(not v.node.designated_by({"un_sc_sanctions"}) for v in vessels)
