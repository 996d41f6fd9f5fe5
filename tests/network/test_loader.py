"""The network of the bundled North Korea data, read from a store.

Figures are those of the bundled list versions (manifest.json): OFAC SDN 2024-06, UN
2026-02-27, UK 2026-05, EU 32017R1509.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from fullcourt.ingest import load_paths
from fullcourt.network import Graph, graph_from_store
from fullcourt.network.loader import same_as
from fullcourt.network.ownership import OFAC, UK, Status, assess_graph
from fullcourt.store import Store


def test_figures(default_graph: Graph) -> None:
    assert default_graph.stats() == {
        "nodes": 940,
        "designated": 939,
        "links": 233,
        "attributes": 45,
        "attribute_links": 120,
        "hubs": 0,
        "dangling": 1,
    }
    assert Counter(link.kind for link in default_graph.links) == {"linked": 217, "operator": 16}
    # the OFAC subset cites an entry that is not North Korea related, hence not bundled
    assert [d.missing for d in default_graph.dangling] == ["ofac-25436"]


def test_cross_list_links_make_one_node(default_store: Path) -> None:
    with Store(default_store, read_only=True) as store:
        mapping = same_as(store)
    assert len(mapping) == 612
    assert mapping["ofac-23740"] == mapping["gb-dpr0108"]  # WOORY STAR, by IMO number


def test_listed_vessel_and_its_owner(default_graph: Graph) -> None:
    ship = default_graph.find("23740")  # OFAC's ent_num for WOORY STAR
    assert ship is not None and ship.schema == "Vessel"
    assert set(ship.entity_ids) == {
        "ofac-23740",
        "gb-dpr0108",
        "eu-oj-32017r1509-xiv-a-13",
        "eu-oj-32017r1509-xiv-b-21",  # the EU lists the hull twice
    }
    assert ship.datasets == ("eu_journal_sanctions", "gb_fcdo_sanctions", "us_ofac_sdn")
    (link,) = default_graph.links_of(ship.id)
    assert (link.kind, link.role) == ("linked", "Linked To")
    owner = default_graph.node(link.target)
    # OFAC's record of the owner and the UK/UN records share the company IMO number
    # 5878561, so the store links them and the graph holds one owner node
    assert "ofac-23717" in owner.entity_ids
    assert {d.source_id for d in owner.designations} >= {"23717", "DPR0185", "KPe.070"}


def test_linked_to_between_two_ofac_entries(default_graph: Graph) -> None:
    bank = default_graph.node("ofac-9346")
    assert bank.caption == "TANCHON COMMERCIAL BANK"
    people = {default_graph.node(k.source).caption for k in default_graph.links_of(bank.id)}
    assert len(people) == 9 and "Choe Song Il" in people
    choe = default_graph.find("18557")
    assert choe is not None and len(choe.datasets) == 4  # on all four lists


def test_aircraft_point_from_their_operator(default_graph: Graph) -> None:
    koryo = default_graph.find("20520")
    assert koryo is not None and koryo.caption == "AIR KORYO"
    operated = [k for k in default_graph.links_of(koryo.id) if k.kind == "operator"]
    assert len(operated) == 16
    assert all(k.source == koryo.id and k.role == "Operator" for k in operated)
    assert {default_graph.node(k.target).schema for k in operated} == {"Airplane"}


def test_shared_swift_code_makes_one_bank(default_graph: Graph) -> None:
    # OFAC and the EU list Daedong Credit Bank with the same SWIFT code DCBKKPPY: one node
    bank = default_graph.find("ofac-16085")
    assert bank is not None
    assert {"us_ofac_sdn", "eu_journal_sanctions"} <= set(bank.datasets)


def test_hub_cap_keeps_common_values_out(default_store: Path) -> None:
    with Store(default_store, read_only=True) as store:
        capped = graph_from_store(store, hub_cap=10)
    (hub,) = [h for h in capped.hubs if h.kind == "address" and h.degree == 16]
    assert hub.value == "rakwon-dong, pothonggang district"
    assert hub.id not in capped.attributes


def test_topic_alone_designates(tmp_path: Path) -> None:
    # ``fullcourt load FILE.ftm.json``: a party with the topic ``sanction`` and no
    # Sanction record is designated in every graph of the store, not only the linked one
    lines = [
        '{"id": "x", "schema": "Person", "properties": {"name": ["Xu"], "topics": ["sanction"]}}',
        '{"id": "a", "schema": "Company", "properties": {"name": ["Alpha"]}}',
        '{"id": "xa", "schema": "Ownership", "properties": {"owner": ["x"], "asset": ["a"],'
        ' "percentage": ["50%"]}}',
    ]
    case = tmp_path / "case.ftm.json"
    case.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        load_paths(store, [case])
        graph = graph_from_store(store)
    assert graph.designated() == {"x"}
    assert assess_graph(graph, OFAC)["a"].status == Status.BLOCKED  # 50% or more
    assert assess_graph(graph, UK)["a"].status == Status.NOT_BLOCKED  # more than 50%
