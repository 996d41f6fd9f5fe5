"""Links between OFAC entries, resolved after the whole file has been read.

A ``Linked To:`` remark or a vessel owner names an entry that may come later in the
file, and an enhanced-XML relationship points at an entity id that may not be in the
file at all (the consolidated list links to SDN entries). Links are therefore held
until the end of the stream; only names and ids are kept per entry, not entities.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from fullcourt.model.entity import Entity, make_entity, make_id
from fullcourt.model.record import Record
from fullcourt.sources.report import ParseReport

LINKED_TO = "Linked To"
_OWNED_BY = {"owned or controlled by", "vessel owner"}
_OWNS = "owns, controls, or operates"
_PERSON_LINKS = {"family member of": "Family", "associate of": "Associate"}


@dataclass(frozen=True, slots=True)
class PendingLink:
    """``subject`` stands in relation ``role`` (OFAC's wording) to a named party."""

    subject: str
    role: str
    name: str
    target_id: str | None = None
    detail: str | None = None


def name_key(name: str) -> str:
    """Names compare case-blind, spacing-blind, without a final full stop."""
    return " ".join(name.casefold().split()).rstrip(".").strip()


def _index(index: dict[str, str | None], names: Iterable[str], entity_id: str) -> None:
    for name in names:
        key = name_key(name)
        if key and index.get(key, entity_id) != entity_id:
            index[key] = None
        elif key:
            index[key] = entity_id


class LinkBook:
    """Entry names and schemata of one file, and the links waiting for them."""

    def __init__(self, dataset: str, report: ParseReport) -> None:
        self._dataset = dataset
        self._report = report
        self._by_name: dict[str, str | None] = {}
        self._by_alias: dict[str, str | None] = {}
        self._schemata: dict[str, str] = {}
        self._pending: list[PendingLink] = []
        self._emitted: set[str] = set()

    def register(self, entity: Entity, names: Iterable[str], aliases: Iterable[str] = ()) -> None:
        """Remember an entry under its primary names, and its aliases as a fallback
        (a vessel's owner is written ``NITC``, an a.k.a. of NATIONAL IRANIAN TANKER
        COMPANY). A name two entries share resolves to neither, because a link to the
        wrong entry is worse than a stub."""
        entity_id = str(entity.id)
        self._schemata[entity_id] = entity.schema.name
        _index(self._by_name, names, entity_id)
        _index(self._by_alias, aliases, entity_id)

    def add(self, link: PendingLink) -> None:
        self._pending.append(link)

    def resolve(self) -> Iterator[Record]:
        """Stubs for parties outside the file, then one relation entity per link."""
        for link in self._pending:
            target, stub = self._target(link)
            if stub is not None:
                yield Record(stub)
            if target != link.subject:
                yield from self._relation(link, target)
        self._pending.clear()

    def _target(self, link: PendingLink) -> tuple[str, Entity | None]:
        """The id a link points at, and a stub to emit when that id is new."""
        key = name_key(link.name)
        if link.target_id is not None:
            target = make_id("ofac", link.target_id)
        elif key in self._by_name:
            target = self._by_name[key] or ""
        else:
            target = self._by_alias.get(key) or ""
        if not target and (key in self._by_name or key in self._by_alias):
            self._report.note("link:ambiguous name", link.name)
        target = target or make_id("ofac-named", name_key(link.name))
        if target in self._schemata:
            return target, None
        stub = make_entity("LegalEntity", target, self._dataset)
        stub.add("name", link.name)
        self._schemata[target] = stub.schema.name
        return target, stub

    def _relation(self, link: PendingLink, target: str) -> Iterator[Record]:
        role = name_key(link.role)
        if role in _OWNED_BY:
            entity = self._make("Ownership", {"owner": target, "asset": link.subject}, link)
        elif role == _OWNS:
            entity = self._make("Ownership", {"owner": link.subject, "asset": target}, link)
        elif role in _PERSON_LINKS and self._both_persons(link.subject, target):
            schema = _PERSON_LINKS[role]
            other = "relative" if schema == "Family" else "associate"
            entity = self._make(schema, {"person": link.subject, other: target}, link)
        else:
            entity = self._make("UnknownLink", {"subject": link.subject, "object": target}, link)
        if str(entity.id) not in self._emitted:
            self._emitted.add(str(entity.id))
            yield Record(entity)

    def _both_persons(self, first: str, second: str) -> bool:
        return self._schemata.get(first) == self._schemata.get(second) == "Person"

    def _make(self, schema: str, ends: dict[str, str], link: PendingLink) -> Entity:
        parts = list(ends.values())
        entity_id = make_id(f"ofac-{schema.lower()}", *parts, link.role)
        entity = make_entity(schema, entity_id, self._dataset)
        for prop, value in ends.items():
            entity.add(prop, value)
        role_prop = "relationship" if schema in ("Family", "Associate") else "role"
        entity.add(role_prop, link.role)
        if link.detail:
            entity.add("description", link.detail)
        return entity
