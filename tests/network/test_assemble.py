"""Resolving entities into one network, whatever order they arrive in."""

from __future__ import annotations

from fullcourt.model import make_entity
from fullcourt.network import build_graph
from tests.network.entities import party, relation, sanction


def test_records_of_one_party_merge_with_their_designations() -> None:
    # Phyongchon Shipping & Marine: the UK and UN records are one company
    uk = party("Organization", "gb-dpr0185", "PHYONGCHON SHIPPING & MARINE", "gb", country="kp")
    un = party("LegalEntity", "unsc-kpe-070", "PHYONGCHON SHIPPING & MARINE", "un")
    entities = [
        sanction("unsc-kpe-070", "un", "DPRK", "KPe.070"),
        uk,
        un,
        sanction("gb-dpr0185", "gb"),
    ]
    same = {"gb-dpr0185": "fc-1", "unsc-kpe-070": "fc-1"}
    graph = build_graph(entities, same_as=same)
    (node,) = graph.nodes.values()
    assert node.id == "fc-1"
    assert node.schema == "Organization"  # the more specific of the two
    assert node.entity_ids == ("gb-dpr0185", "unsc-kpe-070")
    assert node.datasets == ("gb", "un")
    assert node.countries == ("kp",)


def test_topic_sanction_designates_without_a_sanction_record() -> None:
    # FtM files from other tools mark a designated party by its topic alone
    graph = build_graph(
        [
            party("Person", "x", "Xu", "case", topics="sanction"),
            party("Company", "a", "Alpha", "case", topics="sanction"),
            sanction("a", "case", "DPRK"),  # the topic and a Sanction record: counted once
            party("Company", "b", "Beta", "case", topics="sanction.linked"),  # not designated
            party("Company", "c", "Gamma", "other", topics="sanction"),
            party("Company", "d", "Gamma", "un"),  # merged with c
            sanction("d", "un", "DPRK"),
        ],
        same_as={"c": "fc-c", "d": "fc-c"},
    )
    nodes = graph.nodes
    assert [(d.dataset, d.sanction_id, d.by_topic) for d in nodes["x"].designations] == [
        ("case", "x", True)
    ]
    assert [d.by_topic for d in nodes["a"].designations] == [False]
    assert not nodes["b"].designated
    # a topic on one record and a Sanction record of another list on the other
    assert [(d.dataset, d.by_topic) for d in nodes["fc-c"].designations] == [
        ("other", True),
        ("un", False),
    ]


def test_relations_before_parties_are_resolved_and_merged() -> None:
    a, b = (
        party("Person", "a", "Choe Song Il"),
        party("Organization", "b", "TANCHON COMMERCIAL BANK"),
    )
    # the same OFAC "Linked To" stated from both ends, and by a second list
    links = [
        relation("UnknownLink", "l1", {"subject": "a", "object": "b"}, role="Linked To"),
        relation("UnknownLink", "l2", {"subject": "b", "object": "a"}, "other", role="Linked To"),
    ]
    graph = build_graph([*links, a, b])
    (link,) = graph.links
    assert (link.source, link.target, link.kind, link.role) == ("a", "b", "linked", "Linked To")
    assert link.record_ids == ("l1", "l2")
    assert link.datasets == ("other", "test")


def test_vehicle_roles_point_from_operator_to_vehicle() -> None:
    # OFAC states the aircraft as subject: P-532 "Linked To" AIR KORYO, role Operator
    plane, airline = party("Airplane", "p532", "P-532"), party("Organization", "koryo", "AIR KORYO")
    link = relation("UnknownLink", "l", {"subject": "p532", "object": "koryo"}, role="Operator")
    (found,) = build_graph([plane, airline, link]).links
    assert (found.source, found.target, found.kind) == ("koryo", "p532", "operator")


def test_dangling_self_and_value_relations() -> None:
    person = party("Person", "p", "Song Nam KANG")
    other = party("Person", "q", "Another")
    account = make_entity("BankAccount", "acc", "test")
    account.add("iban", "DE89370400440532013000")
    entities = [
        person,
        other,
        account,
        relation("UnknownLink", "gone", {"subject": "p", "object": "ofac-25436"}),  # not bundled
        relation("UnknownLink", "self", {"subject": "p", "object": "p-twin"}),
        relation("Ownership", "o1", {"owner": "p", "asset": "acc"}),
        relation("Ownership", "o2", {"owner": "q", "asset": "acc"}),
        party("Person", "p-twin", "Song Nam KANG"),
        sanction("ghost"),  # a sanction of an entity not in the data
    ]
    graph = build_graph(entities, same_as={"p-twin": "p"})
    assert [(d.record_id, d.missing) for d in graph.dangling] == [
        ("ghost-sanction-test", "ghost"),
        ("gone", "ofac-25436"),
    ]
    assert graph.links == []  # the self link of merged records is dropped
    (attr,) = graph.attributes.values()  # the account two parties own ties them
    assert (attr.kind, attr.holders) == ("bankAccount", ("p", "q"))


def test_passports_and_hub_cap() -> None:
    people = [party("Person", f"p{i}", f"Person {i}") for i in range(4)]
    shared_address = "Room 2105, Trend Centre, 29-31 Cheung Lee Street, Chai Wan, Hong Kong"
    for p in people:
        p.add("address", shared_address)
    passport = make_entity("Passport", "pp", "test")
    passport.add("number", "563120238")
    passport.add("holder", "p0")
    people[1].add("passportNumber", "563120238")  # the same number stated on the person
    graph = build_graph([*people, passport], hub_cap=3)
    (attr,) = graph.attributes.values()
    assert (attr.kind, attr.holders) == ("passportNumber", ("p0", "p1"))
    (hub,) = graph.hubs  # four holders over a cap of three: kept aside, never linked
    assert (hub.kind, hub.degree, hub.weight) == ("address", 4, 0.0)
    assert hub.texts == (shared_address,)


def test_parties_naming_one_address_entity_share_it() -> None:
    # OpenSanctions states addresses as Address entities the parties name; its full
    # text ties them as the same text written on each would, and so does one written
    # from its parts
    full = make_entity("Address", "addr-1", "test")
    full.add("full", "Room 1010, Wing Hing Commercial Building, 139 Wing Lok Street")
    parts = make_entity("Address", "addr-2", "test")
    parts.add("street", "45 Sungri Street")
    parts.add("city", "Pyongyang")
    parts.add("country", "kp")
    company = party("Company", "c", "Canal Logistics", addressEntity="addr-1")
    person = party("Person", "p", "Quebec Second", addressEntity="addr-1")
    written = party(
        "Company",
        "w",
        "Wing Lok Trading",
        address="Room 1010, Wing Hing Commercial Building, 139 Wing Lok Street, Hong Kong",
    )
    ship = party("Company", "s", "Sungri Shipping", addressEntity="addr-2")
    other = party("Company", "o", "Other", address="45 Sungri Street, Pyongyang")
    graph = build_graph([full, parts, company, person, written, ship, other])
    holders = sorted((a.kind, a.holders) for a in graph.attributes.values())
    assert holders == [("address", ("c", "p", "w")), ("address", ("o", "s"))]
