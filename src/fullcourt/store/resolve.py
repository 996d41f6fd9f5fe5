"""Cross-list links: list records that are the same ship, person or company.

Only strong identifiers link: a valid IMO number for vessels, a passport number for
people, a registration number for legal entities, each within compatible schemata. A
name never links on its own, because different people share names and merging two of
them would put an innocent party on a list. Links are rebuilt over the current
version of every dataset after each load, so they follow delistings too.

Only list entries link here (``listed.py``). Outside records (a registry extract, the
ICIJ leaks, a customer file) often carry the same numbers, but joining them here would
rename list entities whenever outside data is loaded and would bypass the analyst's
review: they are attached to list entities by the linking workflow
(``fullcourt link``), where a rejection stands even where a number matched.
"""

from __future__ import annotations

import re

from fullcourt.model.identifiers import imo_digits, is_valid_imo
from fullcourt.store.db import Store
from fullcourt.store.listed import listed_records

# property -> schemata whose records may be linked on it
ORGANIZATIONS = ("Company", "Organization", "LegalEntity", "PublicBody")
STRONG_IDENTIFIERS: dict[str, tuple[str, ...]] = {
    # ships, and the shipping companies that carry an IMO company number
    "imoNumber": ("Vessel", *ORGANIZATIONS),
    "swiftBic": ORGANIZATIONS,
    "passportNumber": ("Person",),
    "registrationNumber": ORGANIZATIONS,
    # The UN reference number (KPi.001) that national lists cite for a UN designation,
    # read from each record's Sanction entity.
    "unscId": ("Person", *ORGANIZATIONS),
}
_NON_ALNUM = re.compile(r"[^0-9A-Z]")
MIN_IDENTIFIER_LENGTH = 5


def _family(schema: str) -> str:
    return schema if schema in ("Person", "Vessel") else "Organization"


def normalize_identifier(prop: str, value: str) -> str | None:
    """The comparable form of an identifier, or None when too weak to link on."""
    if prop == "imoNumber":
        digits = imo_digits(value)
        return digits if is_valid_imo(digits) else None
    if prop == "swiftBic":  # the branch code does not make another bank
        text = _NON_ALNUM.sub("", value.upper())
        return text[:8] if len(text) in (8, 11) else None
    text = _NON_ALNUM.sub("", value.upper())
    return text if len(text) >= MIN_IDENTIFIER_LENGTH else None


def _candidates(store: Store) -> list[tuple[str, str, str, str, str]]:
    """(entity id, dataset, schema, property, value) of the list entries' identifiers."""
    listed = listed_records(store)
    props = list(STRONG_IDENTIFIERS)
    placeholders = ", ".join("?" for _ in props)
    rows = store.conn.execute(
        f"""WITH current AS (
                SELECT s.* FROM statements s JOIN current_versions USING (dataset, version)
                WHERE s.prop IN ({placeholders}) OR (s.schema = 'Sanction' AND s.prop = 'entity')
            ), entries AS (
                SELECT r.dataset, r.entity_id, r.schema FROM records r
                JOIN current_versions USING (dataset, version) WHERE r.source_id IS NOT NULL
            )
            SELECT DISTINCT c.entity_id, c.dataset, c.schema, c.prop, c.value
            FROM current c JOIN entries e USING (dataset, entity_id)
            WHERE c.prop <> 'unscId' AND c.prop <> 'entity'
            UNION
            SELECT DISTINCT e.entity_id, s.dataset, e.schema, s.prop, s.value
            FROM current s JOIN current t ON t.dataset = s.dataset
                AND t.entity_id = s.entity_id AND t.prop = 'entity'
            JOIN entries e ON e.dataset = t.dataset AND e.entity_id = t.value
            WHERE s.schema = 'Sanction' AND s.prop = 'unscId'""",
        props,
    ).fetchall()
    return [
        (str(a), str(b), str(c), str(d), str(e))
        for a, b, c, d, e in rows
        if (str(b), str(a)) in listed
    ]


Member = tuple[str, str]  # (dataset, entity_id): ids are unique within a dataset only


def _find(parent: dict[Member, Member], item: Member) -> Member:
    root = item
    while parent[root] != root:
        root = parent[root]
    while parent[item] != root:
        parent[item], item = root, parent[item]
    return root


def group_records(
    rows: list[tuple[str, str, str, str, str]],
) -> list[tuple[set[Member], set[str]]]:
    """Union-find over shared identifiers: groups of members with their evidence."""
    by_key: dict[tuple[str, str, str], list[Member]] = {}
    for entity_id, dataset, schema, prop, value in rows:
        if schema not in STRONG_IDENTIFIERS[prop]:
            continue
        norm = normalize_identifier(prop, value)
        if norm is not None:
            # people link only with people, ships with ships, organisations among themselves
            by_key.setdefault((prop, norm, _family(schema)), []).append((dataset, entity_id))
    parent: dict[Member, Member] = {}
    evidence: dict[Member, set[str]] = {}
    for (prop, norm, _), found in by_key.items():
        members = sorted(set(found))
        if len(members) < 2:
            continue
        for member in members:
            parent.setdefault(member, member)
        for member in members[1:]:
            parent[_find(parent, member)] = _find(parent, members[0])
        for member in members:
            evidence.setdefault(member, set()).add(f"{prop}={norm}")
    groups: dict[Member, tuple[set[Member], set[str]]] = {}
    for member in parent:
        group, proof = groups.setdefault(_find(parent, member), (set(), set()))
        group.add(member)
        proof.update(evidence[member])
    return list(groups.values())


def rebuild_links(store: Store) -> int:
    """Recompute the links table; returns the number of linked records."""
    store.conn.execute("DELETE FROM links")
    linked: list[tuple[str, str, str, str]] = []
    for members, proof in group_records(_candidates(store)):
        canonical = "fc-" + min(entity_id for _, entity_id in members)
        evidence = "; ".join(sorted(proof))
        linked.extend((canonical, eid, dataset, evidence) for dataset, eid in sorted(members))
    if linked:  # one statement with list parameters: executemany costs a millisecond a row
        columns = [list(column) for column in zip(*linked, strict=True)]
        store.conn.execute(
            """INSERT INTO links SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[]),
                                        unnest($3::VARCHAR[]), unnest($4::VARCHAR[])""",
            columns,
        )
    return len(linked)
