"""Linking outside records to the bundled North Korea lists, and the graph they make.

The outside data are the hand-written fixtures in tests/sources/fixtures (registry,
icij); the lists are the bundled default data, screened with the real engine.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import cast

import pytest

from fullcourt.model import Entity, make_entity
from fullcourt.network import build_graph
from fullcourt.network.linking import (
    ACCEPT,
    REJECT,
    LinkDecisions,
    Linking,
    Proposal,
    audit_linking,
    in_force,
    link_entities,
    link_entity,
    linked_same_as,
)
from fullcourt.network.loader import same_as
from fullcourt.network.ownership import EU, OFAC, UK, Status, assess_graph
from fullcourt.screening.index import ListEntity
from fullcourt.screening.matcher import Matcher
from fullcourt.screening.subject import make_subject
from fullcourt.sources.ftm_jsonl import parse_ftm_jsonl
from fullcourt.sources.icij_csv import parse_icij_folder
from fullcourt.sources.registry_csv import parse_registry_folder
from fullcourt.sources.report import ParseReport
from fullcourt.store import Store
from fullcourt.store.query import iter_records

FIXTURES = Path(__file__).parents[1] / "sources" / "fixtures"
WEE_TIONG, FRONT, BUNKER = "ofac-25687", "sg-extract-201907731k", "sg-extract-202011458d"


@pytest.fixture(scope="module")
def matcher(default_matcher: object) -> Matcher:
    return cast(Matcher, default_matcher)


@pytest.fixture(scope="module")
def listed(default_store: Path) -> tuple[list[Entity], dict[str, str]]:
    with Store(default_store, read_only=True) as store:
        return [r.entity for r in iter_records(store)], same_as(store)


@pytest.fixture(scope="module")
def registry() -> list[Entity]:
    report = ParseReport()
    return [
        r.entity
        for r in parse_registry_folder(FIXTURES / "registry", dataset="sg_extract", report=report)
    ]


@pytest.fixture(scope="module")
def icij() -> list[Entity]:
    report = ParseReport()
    return [r.entity for r in parse_icij_folder(FIXTURES / "icij", dataset="icij", report=report)]


@pytest.fixture(scope="module")
def registry_links(registry: list[Entity], matcher: Matcher) -> Linking:
    return link_entities(registry, matcher)


@pytest.fixture(scope="module")
def icij_links(icij: list[Entity], matcher: Matcher) -> Linking:
    return link_entities(icij, matcher)


def test_registry_numbers_link_automatically(registry_links: Linking) -> None:
    automatic = {p.record_id: p.list_id for p in registry_links.automatic}
    assert automatic == {
        "sg-extract-199308567k": WEE_TIONG,  # WEE TIONG (S) PTE LTD, 199308567K
        "sg-extract-201616714z": "ofac-25688",  # WT MARINE PTE LTD
        "sg-extract-201318227n": "ofac-24567",  # SINSMS PTE. LTD.
        "sg-extract-2400341": "ofac-27533",  # SILVER BRIDGE: company number and IMO
    }
    silver = registry_links.find("sg-extract-2400341")[0]
    assert "identifier_imo +0.99: same imo: 5931563" in silver.evidence
    assert "identifier_registration +0.99: same registration: 2400341" in silver.evidence


def test_names_alone_are_proposals(registry_links: Linking) -> None:
    pending = {p.record_id: p for p in registry_links.pending}
    # the director, by name, date of birth and nationality; the holder by name only
    assert set(pending) == {
        "sg-extract-party-tan-wee-beng-1977-02-14",
        "sg-extract-party-199308567k-tan-wee-beng",
    }
    director = pending["sg-extract-party-tan-wee-beng-1977-02-14"]
    assert (director.list_id, director.list_caption) == ("ofac-25686", "Wee Beng TAN")
    assert director.score == 1.0
    assert director.evidence == (
        "name +1.00: 'tan wee beng' ~ 'wee beng tan'",
        "dob_match +0.03: date of birth agrees",
        "country_match +0.02: country agrees: sg",
    )


def test_chain_through_a_front_is_blocked(
    registry: list[Entity], registry_links: Linking, listed: tuple[list[Entity], dict[str, str]]
) -> None:
    entities, base = listed
    graph = build_graph([*entities, *registry], same_as=linked_same_as(registry_links, None, base))
    wee = graph.node(WEE_TIONG)  # the registry record merged into the listed company
    assert set(wee.entity_ids) == {WEE_TIONG, "sg-extract-199308567k"}
    assert wee.designated
    findings = assess_graph(graph, OFAC)
    assert findings[FRONT].status == Status.BLOCKED
    assert str(findings[FRONT].share) == "60%"
    bunker = findings[BUNKER]
    assert bunker.status == Status.BLOCKED  # 50% held by a blocked front: "50% or more"
    assert [[(h.owner, h.asset, h.text) for h in chain] for chain in bunker.chains] == [
        [(WEE_TIONG, FRONT, "60%"), (FRONT, BUNKER, "50.00")]
    ]
    assert findings["sg-extract-201533310r"].status == Status.NOT_BLOCKED  # MERLION
    eu = assess_graph(graph, EU)  # "50% or more" as OFAC; the UK needs more than 50%
    assert (eu[FRONT].status, eu[BUNKER].status) == (Status.BLOCKED, Status.BLOCKED)
    uk = assess_graph(graph, UK)
    assert (uk[FRONT].status, uk[BUNKER].status) == (Status.BLOCKED, Status.NOT_BLOCKED)
    # without the link the registry's chain starts at nobody
    unlinked = build_graph([*entities, *registry], same_as=base)
    assert assess_graph(unlinked, OFAC)[FRONT].status == Status.NOT_BLOCKED


def test_icij_links(icij_links: Linking) -> None:
    automatic = [(p.record_id, p.list_id) for p in icij_links.automatic]
    assert automatic == [("icij-10100002", "ofac-23825")]  # ibcRUC 90132, OFAC's number
    pending = {(p.record_id, p.list_id) for p in icij_links.pending}
    assert ("icij-10100001", "fc-gb-dpr0132") in pending  # DCB FINANCE: UN and UK records
    assert ("icij-12100003", "fc-eu-oj-32017r1509-xiii-a-80") in pending  # TSANG YUNG YUAN
    kim = {p.list_id: p for p in icij_links.find("icij-12100001")}
    # same name, but ICIJ places him in China and the lists in North Korea
    assert "country_conflict -0.05: countries differ" in kim["ofac-16084"].evidence
    assert kim["ofac-16084"].score == 0.95


# An investigator's own FtM file: the hull of WOORY STAR (IMO 8408595) under a new name,
# and a person holding KIM CHOL SAM's passport number (both numbers from the lists).
FTM_LINES = [
    {
        "id": "case-ship",
        "schema": "Vessel",
        "properties": {"name": ["OCEAN PEARL"], "imoNumber": ["8408595"]},
    },
    {
        "id": "case-kim",
        "schema": "Person",
        "properties": {"name": ["Kim Chol-sam"], "passportNumber": ["645120378"]},
    },
]


def test_ftm_records_link_by_imo_and_passport(tmp_path: Path, matcher: Matcher) -> None:
    path = tmp_path / "case.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in FTM_LINES))
    with path.open("rb") as handle:
        records = list(
            parse_ftm_jsonl(handle, name=str(path), dataset="case", report=ParseReport())
        )
    linking = link_entities([r.entity for r in records], matcher)
    assert [(p.record_id, p.list_id) for p in linking.automatic] == [
        ("case-kim", "fc-eu-oj-32017r1509-xiii-a-35"),  # UN, UK and EU records, one passport
        ("case-ship", "fc-eu-oj-32017r1509-xiv-a-13"),  # OFAC, UK and EU records of the hull
    ]
    ship = linking.automatic[1]
    assert ship.evidence == ("identifier_imo +0.99: same imo: 8408595",)  # renamed: no name
    # OFAC's record of Kim has no passport: the name makes it a proposal
    assert ("case-kim", "ofac-16084") in {(p.record_id, p.list_id) for p in linking.pending}


def test_identifier_with_contrary_evidence_is_a_proposal(matcher: Matcher) -> None:
    entity = make_entity("Company", "my-1", "outside")
    entity.add("name", "WEE TIONG (S) PTE LTD")
    entity.add("registrationNumber", "199308567K")
    entity.add("jurisdiction", "Malaysia")  # same number in another register
    (found,) = link_entity(entity, matcher)
    assert (found.list_id, found.automatic) == (WEE_TIONG, False)
    assert "country_conflict -0.05: countries differ" in found.evidence


def _listed(entity_id: str, name: str) -> ListEntity:
    props = {"name": [name], "registrationNumber": ["HRB 12345"]}
    subject = make_subject("Company", props)
    records = (("test", entity_id, entity_id),)
    return ListEntity(entity_id, "Company", name, subject, props, ("test",), records)


def test_identifier_shared_by_two_listings_is_ambiguous() -> None:
    matcher = Matcher.from_entities([_listed("a", "ALPHA GMBH"), _listed("b", "BETA GMBH")])
    entity = make_entity("Company", "c", "outside")
    entity.add("name", "ALPHA GMBH")
    entity.add("registrationNumber", "HRB 12345")
    found = link_entity(entity, matcher)
    assert [(p.list_id, p.automatic) for p in found] == [("a", False), ("b", False)]
    assert link_entity(make_entity("Address", "d", "outside"), matcher) == []  # no party


def test_decisions(
    tmp_path: Path,
    icij: list[Entity],
    icij_links: Linking,
    listed: tuple[list[Entity], dict[str, str]],
) -> None:
    entities, base = listed
    decisions = LinkDecisions.for_store(tmp_path / "store.duckdb")
    bank = next(p for p in icij_links.find("icij-12100002") if p.list_id == "fc-gb-dpr0131")
    kingly = icij_links.automatic[0]
    decisions.record(bank, ACCEPT, "analyst@example.org", "UN KPe.023, shareholder of DCB Finance")
    decisions.record(kingly, REJECT, "analyst@example.org")
    mapping = linked_same_as(icij_links, decisions, base)
    assert mapping["icij-12100002"] == "fc-gb-dpr0131"
    assert "icij-10100002" not in mapping  # a rejection undoes the automatic link
    graph = build_graph([*entities, *icij], same_as=mapping)
    finding = assess_graph(graph, OFAC)["icij-10100001"]  # DCB FINANCE LIMITED
    # the listed bank is a shareholder; ICIJ gives no percentage, so: possibly blocked
    assert (finding.status, str(finding.share)) == (Status.POSSIBLY_BLOCKED, "[0%, 100%]")
    # the latest decision stands
    decisions.record(kingly, ACCEPT, "lead@example.org", "registration number checked")
    assert linked_same_as(icij_links, decisions, base)["icij-10100002"] == "ofac-23825"
    lines = decisions.path.read_text().splitlines()
    assert [json.loads(line)["decision"] for line in lines] == [ACCEPT, REJECT, ACCEPT]
    assert decisions.audit is not None and decisions.audit.verify() == 3
    assert [e["kind"] for e in decisions.audit] == ["link_decision"] * 3


def test_decision_survives_a_new_canonical_id(tmp_path: Path, icij_links: Linking) -> None:
    decisions = LinkDecisions(tmp_path / "decisions.jsonl")
    bank = next(p for p in icij_links.find("icij-12100002") if p.list_id == "fc-gb-dpr0131")
    decisions.record(bank, ACCEPT, "analyst")
    # the store re-linked the UN and UK records under another canonical id
    moved = dataclasses.replace(bank, list_id="fc-unsc-kpe-023")
    assert in_force(Linking((moved,)), decisions) == [moved]
    elsewhere = dataclasses.replace(bank, list_id="fc-x", list_records=("ofac-1",))
    assert in_force(Linking((elsewhere,)), decisions) == []


def test_bad_decisions(tmp_path: Path, registry_links: Linking) -> None:
    decisions = LinkDecisions(tmp_path / "decisions.jsonl")
    proposal: Proposal = registry_links.proposals[0]
    with pytest.raises(ValueError, match="accept or reject"):
        decisions.record(proposal, "maybe", "analyst")
    with pytest.raises(ValueError, match="analyst"):
        decisions.record(proposal, ACCEPT, " ")
    assert decisions.current() == {}


def test_audit_of_a_run(tmp_path: Path, registry_links: Linking) -> None:
    decisions = LinkDecisions.for_store(tmp_path / "store.duckdb")
    assert decisions.audit is not None
    audit_linking(decisions.audit, registry_links, actor="analyst")
    (event,) = list(decisions.audit)
    assert event["kind"] == "linking"
    assert event["proposals"] == 2
    assert event["automatic"][0] == ["sg_extract", "sg-extract-199308567k", WEE_TIONG, 1.0]
    assert len(event["automatic"]) == 4
    # the list versions the links were made against, for a later review
    assert ["us_ofac_sdn", "2024-06"] in event["versions"]
    assert event["algorithm"] == "fullcourt-v1"
