"""Resolving what the entities said into nodes, links and shared values.

Kept apart from graph.py so that the order-independent bookkeeping (records of one
party on several lists, relations read before their parties, passports and wallets
that name their holder) stays out of the container the analyses read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from followthemoney import model
from followthemoney.exc import InvalidData

from fullcourt.model import Entity
from fullcourt.network import model as m
from fullcourt.network.attributes import damping
from fullcourt.network.extract import (
    RELATIONS,
    VALUE_ENTITIES,
    Party,
    Relation,
    Value,
    read_party,
    read_relation,
    read_sanction,
    read_value_entity,
)

SYMMETRIC = frozenset({m.LINKED, m.FAMILY, m.ASSOCIATE})
VEHICLE_ROLES = frozenset({m.OWNER, m.OPERATOR, m.MANAGER})  # party -> vehicle
Finished = tuple[
    dict[str, m.Node],
    list[m.Link],
    dict[str, m.Attribute],
    list[m.Attribute],
    list[tuple[str, str]],
]


class Assembler:
    """Collects facts entity by entity, then resolves ids once all have been seen."""

    def __init__(self, same_as: Mapping[str, str]) -> None:
        self.same_as = same_as
        self.parties: dict[str, list[Party]] = defaultdict(list)
        self.relations: list[Relation] = []
        self.sanctions: list[tuple[str, m.Designation]] = []
        self.values: dict[str, Value | None] = {}
        self.held: list[tuple[str, str]] = []  # (holder entity id, value entity id)

    def canon(self, entity_id: str) -> str:
        return self.same_as.get(entity_id, entity_id)

    def add(self, entity: Entity) -> None:
        name = entity.schema.name
        if name == "Sanction":
            found = read_sanction(entity)
            self.sanctions.extend([found] if found else [])
        elif name in RELATIONS:
            relation = read_relation(entity)
            self.relations.extend([relation] if relation else [])
        elif name in VALUE_ENTITIES:
            value, holders = read_value_entity(entity)
            self.values[str(entity.id)] = value
            self.held.extend((h, str(entity.id)) for h in holders)
        elif m.is_party(name):
            party, relations = read_party(entity)
            self.parties[party.id].append(party)
            self.held.extend((party.id, value_id) for value_id in party.value_ids)
            self.relations.extend(relations)

    def finish(self, hub_cap: int) -> Finished:
        nodes = self._nodes()
        dangling = [(d.sanction_id, t) for t, d in self.sanctions if self.canon(t) not in nodes]
        merged: dict[tuple[str, str, str, str | None, str | None], list[Relation]] = {}
        shared: list[tuple[str, Value]] = []  # (node id, value) from passports, accounts...
        for rel in self.relations:
            ends = self._ends(rel, nodes)
            if ends is None:
                self._unresolved(rel, nodes, shared, dangling)
            elif ends[0] != ends[1]:  # records merged into one party do not link to it
                merged.setdefault((*ends, rel.kind, rel.role, rel.share), []).append(rel)
        for holder, value_id in self.held:
            value = self.values.get(value_id)
            if value is not None and self.canon(holder) in nodes:
                shared.append((self.canon(holder), value))
        attributes, hubs = self._attributes(shared, hub_cap)
        return nodes, _links(merged), attributes, hubs, dangling

    def _nodes(self) -> dict[str, m.Node]:
        groups: dict[str, list[Party]] = defaultdict(list)
        for entity_id, parties in self.parties.items():
            groups[self.canon(entity_id)].extend(parties)
        designations = self._designations()
        nodes = {}
        for node_id, parties in sorted(groups.items()):
            parties.sort(key=lambda p: (p.dataset, p.id))
            found = sorted(designations.get(node_id, []), key=lambda d: (d.dataset, d.sanction_id))
            nodes[node_id] = m.Node(
                id=node_id,
                schema=_common_schema([p.schema for p in parties]),
                caption=parties[0].caption,
                entity_ids=tuple(sorted({p.id for p in parties})),
                countries=tuple(sorted({c for p in parties for c in p.countries})),
                designations=tuple(dict.fromkeys(found)),
            )
        return nodes

    def _designations(self) -> dict[str, list[m.Designation]]:
        """Designations by node: Sanction records, then the topic ``sanction`` of records
        no Sanction record of their own dataset names (so no party counts twice)."""
        designations: dict[str, list[m.Designation]] = defaultdict(list)
        for target, designation in self.sanctions:
            designations[self.canon(target)].append(designation)
        stated = {(d.dataset, target) for target, d in self.sanctions}
        for entity_id, parties in self.parties.items():
            for party in parties:
                if party.sanction_topic and (party.dataset, entity_id) not in stated:
                    topic = m.Designation(party.dataset, entity_id, by_topic=True)
                    designations[self.canon(entity_id)].append(topic)
        return designations

    def _ends(self, rel: Relation, nodes: Mapping[str, m.Node]) -> tuple[str, str] | None:
        """The relation's two parties in link order; None when an end is no party."""
        source, target = self.canon(rel.source), self.canon(rel.target)
        if source not in nodes or target not in nodes:
            return None
        if rel.kind in SYMMETRIC and target < source:
            return target, source
        if rel.kind in VEHICLE_ROLES and _vehicle(nodes[source]) and not _vehicle(nodes[target]):
            return target, source  # OFAC states the vessel as "Linked To" its operator
        return source, target

    def _unresolved(
        self,
        rel: Relation,
        nodes: Mapping[str, m.Node],
        shared: list[tuple[str, Value]],
        dangling: list[tuple[str, str]],
    ) -> None:
        """A relation to a bank account or wallet makes its value the party's; a relation
        to an id nobody stated dangles."""
        source, target = self.canon(rel.source), self.canon(rel.target)
        value = self.values.get(rel.target) or self.values.get(rel.source)
        party = source if source in nodes else target if target in nodes else None
        if value is not None and party is not None:
            shared.append((party, value))
        elif rel.source not in self.values and rel.target not in self.values:
            dangling.append((rel.record_id, rel.source if source not in nodes else rel.target))

    def _attributes(
        self, shared: list[tuple[str, Value]], hub_cap: int
    ) -> tuple[dict[str, m.Attribute], list[m.Attribute]]:
        holders: dict[tuple[str, str], set[str]] = defaultdict(set)
        texts: dict[tuple[str, str], set[str]] = defaultdict(set)
        entries = [
            (self.canon(pid), v) for pid, ps in self.parties.items() for p in ps for v in p.values
        ]
        for node_id, value in entries + shared:
            holders[(value.kind, value.value)].add(node_id)
            texts[(value.kind, value.value)].add(value.text)
        attributes: dict[str, m.Attribute] = {}
        hubs: list[m.Attribute] = []
        for (kind, norm), held in sorted(holders.items()):
            if len(held) < 2:
                continue
            attr = m.Attribute(
                f"attr:{kind}:{norm}",
                kind,
                norm,
                tuple(sorted(held)),
                damping(len(held)) if len(held) <= hub_cap else 0.0,
                tuple(sorted(texts[(kind, norm)])),
            )
            if len(held) > hub_cap:
                hubs.append(attr)
            else:
                attributes[attr.id] = attr
        return attributes, hubs


def _links(
    merged: Mapping[tuple[str, str, str, str | None, str | None], list[Relation]],
) -> list[m.Link]:
    """One link per (ends, kind, role, share), carrying every record and list stating it."""
    return [
        m.Link(
            source,
            target,
            kind,
            role,
            share,
            tuple(sorted({r.record_id for r in rels})),
            tuple(sorted({r.dataset for r in rels})),
        )
        for (source, target, kind, role, share), rels in sorted(
            merged.items(), key=lambda kv: tuple(str(k) for k in kv[0])
        )
    ]


def _vehicle(node: m.Node) -> bool:
    schema = model.get(node.schema)
    return schema is not None and schema.is_a("Vehicle")


def _common_schema(names: list[str]) -> str:
    """The most specific schema all records fit (an Organization and a LegalEntity)."""
    schema = model.get(names[0])
    for name in names[1:]:
        try:
            schema = model.common_schema(schema, name) if schema else None
        except InvalidData:  # incompatible records merged by an outside link: keep the first
            break
    return schema.name if schema else names[0]
