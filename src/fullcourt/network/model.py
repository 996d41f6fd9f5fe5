"""The network's plain data: parties, their designations and the links between them.

Everything here is a frozen value so that the analyses (the 50% rule, exposure,
clusters) can be run, compared and tested over hand-written graphs as easily as over
a store; nothing refers back to FollowTheMoney objects.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from followthemoney import model

# Relation kinds, from FtM edge schemata and from properties that name another party.
OWNERSHIP = "ownership"  # Ownership owner -> asset, with a percentage
PARENT = "parent"  # LegalEntity.parent: parent -> subsidiary, share not stated
OWNER = "owner"  # a vehicle's registered owner -> the vehicle
OPERATOR = "operator"  # operator -> vehicle
MANAGER = "manager"  # ship manager -> vessel
DIRECTORSHIP = "directorship"
REPRESENTATION = "representation"
FAMILY = "family"
ASSOCIATE = "associate"
LINKED = "linked"  # UnknownLink, OFAC's "Linked To"
EMPLOYMENT = "employment"
MEMBERSHIP = "membership"
SUCCESSION = "succession"

# Kinds whose holder holds a stake in the target: the inputs of the 50% rule.
HOLDING_KINDS = frozenset({OWNERSHIP, PARENT, OWNER})

PERSON, COMPANY, VESSEL, AIRCRAFT, OTHER = "person", "company", "vessel", "aircraft", "other"


def is_party(schema: str) -> bool:
    """Parties are who can be designated and owned: legal entities and vehicles."""
    found = model.get(schema)
    return found is not None and (found.is_a("LegalEntity") or found.is_a("Vehicle"))


def category(schema: str) -> str:
    """The coarse kind ranked lists filter on (a ship is not ranked among companies)."""
    found = model.get(schema)
    if found is None:
        return OTHER
    if found.is_a("Person"):
        return PERSON
    if found.is_a("Vessel"):
        return VESSEL
    if found.is_a("Airplane"):
        return AIRCRAFT
    return COMPANY if found.is_a("LegalEntity") else OTHER


@dataclass(frozen=True, slots=True)
class Designation:
    """One list's sanction of a party, as its Sanction entity states it.

    A party whose record carries the topic ``sanction`` and that no Sanction record of
    its dataset names is designated by the topic: ``sanction_id`` is then the party's
    own record, the only evidence there is, and ``by_topic`` says so.
    """

    dataset: str
    sanction_id: str
    authority: str | None = None
    programs: tuple[str, ...] = ()
    source_id: str | None = None  # the publisher's id of the entry (authorityId)
    by_topic: bool = False


@dataclass(frozen=True, slots=True)
class Node:
    """A party: one or more list records of the same real-world entity."""

    id: str
    schema: str
    caption: str
    entity_ids: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    designations: tuple[Designation, ...] = ()

    @property
    def designated(self) -> bool:
        return bool(self.designations)

    def designated_by(self, datasets: Collection[str] | None = None) -> bool:
        """Listed by any of ``datasets`` (by any list when None)."""
        if datasets is None:
            return self.designated
        return any(d.dataset in datasets for d in self.designations)

    @property
    def datasets(self) -> tuple[str, ...]:
        return tuple(sorted({d.dataset for d in self.designations}))

    @property
    def programs(self) -> tuple[str, ...]:
        return tuple(sorted({p for d in self.designations for p in d.programs}))

    @property
    def category(self) -> str:
        return category(self.schema)


@dataclass(frozen=True, slots=True)
class Link:
    """A relation between two parties, merged over every record that states it."""

    source: str
    target: str
    kind: str
    role: str | None = None
    share: str | None = None  # ownership percentage text as written, parsed by shares.py
    record_ids: tuple[str, ...] = ()
    datasets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Attribute:
    """A value several parties share (a phone, an address, an IMO number).

    ``weight`` damps common values: a value held by many parties says little about
    any two of them. Values over the hub cap are kept aside, never linked.
    """

    id: str
    kind: str
    value: str
    holders: tuple[str, ...]
    weight: float
    texts: tuple[str, ...] = ()

    @property
    def degree(self) -> int:
        return len(self.holders)
