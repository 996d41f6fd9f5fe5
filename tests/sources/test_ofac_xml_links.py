"""Resolving links between OFAC entries once a whole file has been read."""

from __future__ import annotations

from fullcourt.model.entity import Entity, make_entity
from fullcourt.model.record import Record
from fullcourt.sources.ofac_xml_links import LinkBook, PendingLink
from fullcourt.sources.report import ParseReport


def _entry(schema: str, entity_id: str) -> Entity:
    return make_entity(schema, entity_id, "t")


def _book(report: ParseReport) -> LinkBook:
    book = LinkBook("t", report)
    book.register(_entry("Person", "ofac-1"), ["KIM, Il", "Il KIM"])
    book.register(_entry("Person", "ofac-2"), ["KIM, Sol"], ["KIM SOL JU"])
    book.register(_entry("Organization", "ofac-3"), ["ACME TRADING"], ["ACME"])
    book.register(_entry("Organization", "ofac-4"), ["ACME TRADING"])  # same name
    return book


def _resolve(links: list[PendingLink]) -> tuple[list[Record], ParseReport]:
    report = ParseReport()
    book = _book(report)
    for link in links:
        book.add(link)
    return list(book.resolve()), report


def test_family_between_two_persons_found_by_name_in_either_order() -> None:
    (record,) = _resolve([PendingLink("ofac-2", "Family member of", "Il Kim")])[0]
    family = record.entity
    assert family.schema.name == "Family"
    assert (family.get("person"), family.get("relative")) == (["ofac-2"], ["ofac-1"])
    assert family.get("relationship") == ["Family member of"]


def test_family_with_a_non_person_falls_back_to_an_unknown_link() -> None:
    link = PendingLink("ofac-1", "Associate Of", "X", target_id="3")
    (record,) = _resolve([link])[0]
    assert record.entity.schema.name == "UnknownLink"
    assert record.entity.get("object") == ["ofac-3"]


def test_alias_resolves_when_no_primary_name_matches() -> None:
    (record,) = _resolve([PendingLink("ofac-1", "Linked To", "acme.")])[0]
    assert record.entity.get("object") == ["ofac-3"]


def test_shared_name_gives_a_stub_and_a_note() -> None:
    records, report = _resolve([PendingLink("ofac-1", "Linked To", "ACME TRADING")])
    stub, link = (r.entity for r in records)
    assert (stub.schema.name, stub.id) == ("LegalEntity", "ofac-named-acme-trading")
    assert link.get("object") == [stub.id]
    assert report.unknown["link:ambiguous name"] == 1


def test_id_outside_the_file_gets_one_stub_under_its_ofac_id() -> None:
    links = [
        PendingLink("ofac-1", "Owned or Controlled By", "HAMAS", target_id="4695"),
        PendingLink("ofac-2", "Owned or Controlled By", "HAMAS", target_id="4695"),
    ]
    records, _ = _resolve(links)
    schemata = [r.entity.schema.name for r in records]
    assert schemata == ["LegalEntity", "Ownership", "Ownership"]
    assert all(r.source_id is None for r in records)


def test_duplicate_links_are_emitted_once_and_self_links_dropped() -> None:
    link = PendingLink("ofac-1", "Linked To", "ACME", target_id=None)
    self_link = PendingLink("ofac-3", "Linked To", "ACME TRADING", target_id="3")
    records, _ = _resolve([link, link, self_link])
    assert len(records) == 1
