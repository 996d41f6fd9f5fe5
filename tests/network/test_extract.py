"""One entity at a time: what each schema tells the network."""

from __future__ import annotations

from fullcourt.model import make_entity
from fullcourt.network.extract import (
    Relation,
    Value,
    read_party,
    read_relation,
    read_sanction,
    read_value_entity,
)
from tests.network.entities import party, relation, sanction


def test_party_values_countries_and_property_links() -> None:
    vessel = party(
        "Vessel", "v", "WOORY STAR", imoNumber="IMO 8712362", flag="Korea, North", owner="c"
    )
    vessel.add("operator", "o")
    vessel.add("address", "Pyongyang, Korea, North")  # a city: read, not shared
    found, relations = read_party(vessel)
    assert (found.schema, found.caption, found.dataset) == ("Vessel", "WOORY STAR", "test")
    assert found.countries == {"kp"}
    assert found.values == [Value("imoNumber", "8712362", "IMO 8712362")]
    # a vessel names its owner and operator: links point from them to the vessel
    assert sorted(relations, key=lambda r: r.kind) == [
        Relation("v", "test", "o", "v", "operator"),
        Relation("v", "test", "c", "v", "owner"),
    ]


def test_topic_sanction_marks_the_party() -> None:
    marked = party("Company", "a", "ALPHA TRADING", topics="sanction")
    assert read_party(marked)[0].sanction_topic
    # a risk topic, but linked to a designation is not one
    linked = party("Company", "b", "BETA LOGISTICS", topics="sanction.linked")
    assert not read_party(linked)[0].sanction_topic
    assert not read_party(party("Company", "c", "GAMMA FOODS"))[0].sanction_topic


def test_unknown_link_role_names_vehicle_operation() -> None:
    # OFAC: "P-532" (Airplane) Linked To AIR KORYO with the role "Operator"
    link = relation("UnknownLink", "l1", {"subject": "p532", "object": "koryo"}, role="Operator")
    assert read_relation(link) == Relation("l1", "test", "p532", "koryo", "operator", "Operator")
    plain = relation("UnknownLink", "l2", {"subject": "a", "object": "b"}, role="Linked To")
    found = read_relation(plain)
    assert found is not None and (found.kind, found.role) == ("linked", "Linked To")
    manager = relation("UnknownLink", "l3", {"subject": "a", "object": "b"}, role="Ship Manager")
    found = read_relation(manager)
    assert found is not None and found.kind == "manager"


def test_ownership_keeps_percentage_text() -> None:
    own = relation("Ownership", "o1", {"owner": "x", "asset": "a"}, percentage="25-50%")
    assert read_relation(own) == Relation("o1", "test", "x", "a", "ownership", None, "25-50%")
    assert read_relation(relation("Ownership", "o2", {"owner": "x"})) is None  # no asset
    family = relation("Family", "f1", {"person": "p", "relative": "q"}, relationship="brother")
    assert read_relation(family) == Relation("f1", "test", "p", "q", "family", "brother")


def test_sanction_names_dataset_programs_and_list_id() -> None:
    found = read_sanction(sanction("ofac-23740", "us_ofac_sdn", "DPRK4", "23740"))
    assert found is not None
    target, designation = found
    assert target == "ofac-23740"
    assert (designation.dataset, designation.programs, designation.source_id) == (
        "us_ofac_sdn",
        ("DPRK4",),
        "23740",
    )
    assert read_sanction(make_entity("Sanction", "s", "test")) is None  # names nobody


def test_value_entities_become_values_of_their_holders() -> None:
    passport = make_entity("Passport", "pp", "test")
    passport.add("number", "563120238")
    passport.add("holder", "p1")
    assert read_value_entity(passport) == (
        Value("passportNumber", "563120238", "563120238"),
        ["p1"],
    )
    wallet = make_entity("CryptoWallet", "w", "test")
    wallet.add("publicKey", "0xB6F5EC1A0A9CD1526536D3F0426C429529471F40")
    wallet.add("holder", "p2")
    value, holders = read_value_entity(wallet)
    assert value is not None and value.value == "0xb6f5ec1a0a9cd1526536d3f0426c429529471f40"
    account = make_entity("BankAccount", "b", "test")
    account.add("iban", "DE89 3704 0044 0532 0130 00")
    value, holders = read_value_entity(account)
    assert value is not None and (value.kind, value.value) == (
        "bankAccount",
        "DE89370400440532013000",
    )
    assert holders == []  # accounts are tied to parties by Ownership relations
