"""What one FollowTheMoney entity tells the network, read without the rest of the graph.

Entities arrive in any order (a relation before the parties it joins), so each is
reduced here to plain facts that refer to other entities by id; graph.py resolves the
ids once everything has been read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from followthemoney import registry

from fullcourt.model import Entity
from fullcourt.network import model as m
from fullcourt.network.attributes import attribute_kind, normalize

# edge schema -> (kind, source property, target property, role property)
RELATIONS: dict[str, tuple[str, str, str, str | None]] = {
    "Ownership": (m.OWNERSHIP, "owner", "asset", "role"),
    "Directorship": (m.DIRECTORSHIP, "director", "organization", "role"),
    "Representation": (m.REPRESENTATION, "agent", "client", "role"),
    "Family": (m.FAMILY, "person", "relative", "relationship"),
    "Associate": (m.ASSOCIATE, "person", "associate", "relationship"),
    "UnknownLink": (m.LINKED, "subject", "object", "role"),
    "Employment": (m.EMPLOYMENT, "employee", "employer", "role"),
    "Membership": (m.MEMBERSHIP, "member", "organization", "role"),
    "Succession": (m.SUCCESSION, "predecessor", "successor", "role"),
}
# party property -> kind; the property's holder is the target (a vessel names its owner)
PROPERTY_LINKS = {"owner": m.OWNER, "operator": m.OPERATOR, "parent": m.PARENT}
# An UnknownLink whose role names a vehicle's operation is that relation, not a vague link.
ROLE_KINDS = (("manag", m.MANAGER), ("operat", m.OPERATOR), ("owner", m.OWNER))
# value entity schema -> (kind, properties holding the value, in order of preference)
VALUE_ENTITIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Passport": ("passportNumber", ("number",)),
    "Identification": ("idNumber", ("number",)),
    "CryptoWallet": ("cryptoWallet", ("publicKey",)),
    "BankAccount": ("bankAccount", ("iban", "accountNumber")),
    "Address": ("address", ("full",)),
}
# An Address entity without a full text is written from its parts, in postal order.
ADDRESS_PARTS = ("remarks", "street", "street2", "postalCode", "city", "region", "state")
# party property -> the value entities it names (the party holds their values)
VALUE_REFERENCES = ("addressEntity",)
# FtM files from other tools often mark a designated party by this topic alone, with no
# Sanction record; the contract for ``fullcourt load`` counts it as designated.
DESIGNATION_TOPIC = "sanction"


@dataclass(frozen=True, slots=True)
class Relation:
    """A link between two entity ids, before either is known to be a party."""

    record_id: str
    dataset: str
    source: str
    target: str
    kind: str
    role: str | None = None
    share: str | None = None


@dataclass(frozen=True, slots=True)
class Value:
    kind: str
    value: str  # normalised
    text: str  # as written


@dataclass(slots=True)
class Party:
    id: str
    dataset: str
    schema: str
    caption: str
    countries: set[str] = field(default_factory=set)
    values: list[Value] = field(default_factory=list)
    sanction_topic: bool = False  # carries the topic ``sanction``
    value_ids: list[str] = field(default_factory=list)  # value entities it names


def _first(entity: Entity, prop: str) -> str | None:
    values = entity.get(prop, quiet=True)
    return values[0] if values else None


def _dataset(entity: Entity) -> str:
    return str(entity.dataset.name)


def read_party(entity: Entity) -> tuple[Party, list[Relation]]:
    """A party's countries and shareable values, and the parties its properties name."""
    party = Party(str(entity.id), _dataset(entity), entity.schema.name, entity.caption)
    party.countries.update(entity.get_type_values(registry.country))
    party.sanction_topic = DESIGNATION_TOPIC in entity.get("topics", quiet=True)
    for prop, values in entity.properties.items():
        kind = attribute_kind(entity.schema, prop)
        if kind is None:
            continue
        for text in values:
            norm = normalize(kind, text)
            if norm:
                party.values.append(Value(kind, norm, text))
    party.value_ids.extend(v for prop in VALUE_REFERENCES for v in entity.get(prop, quiet=True))
    relations = [
        Relation(party.id, party.dataset, holder, party.id, kind)
        for prop, kind in PROPERTY_LINKS.items()
        for holder in entity.get(prop, quiet=True)
    ]
    return party, relations


def read_relation(entity: Entity) -> Relation | None:
    """An edge entity as a relation; None when an end is missing."""
    kind, source_prop, target_prop, role_prop = RELATIONS[entity.schema.name]
    source, target = _first(entity, source_prop), _first(entity, target_prop)
    if source is None or target is None:
        return None
    role = _first(entity, role_prop) if role_prop else None
    if kind == m.LINKED and role:
        kind = next((k for word, k in ROLE_KINDS if word in role.lower()), kind)
    share = _first(entity, "percentage") if kind == m.OWNERSHIP else None
    return Relation(str(entity.id), _dataset(entity), source, target, kind, role, share)


def read_sanction(entity: Entity) -> tuple[str, m.Designation] | None:
    target = _first(entity, "entity")
    if target is None:
        return None
    designation = m.Designation(
        _dataset(entity),
        str(entity.id),
        _first(entity, "authority"),
        tuple(sorted(set(entity.get("program")))),
        _first(entity, "authorityId"),
    )
    return target, designation


def read_value_entity(entity: Entity) -> tuple[Value | None, list[str]]:
    """A passport, wallet, account or address as a value, and the holders it names
    itself (parties name their addresses instead: ``Party.value_ids``)."""
    kind, props = VALUE_ENTITIES[entity.schema.name]
    text = next((v for p in props for v in entity.get(p, quiet=True)), None)
    if text is None and entity.schema.name == "Address":
        parts = [v for p in ADDRESS_PARTS for v in entity.get(p, quiet=True)]
        text = ", ".join(parts) or None
    norm = normalize(kind, text) if text else None
    value = Value(kind, norm, text) if norm and text else None
    return value, list(entity.get("holder", quiet=True))
