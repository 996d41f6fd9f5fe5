"""The evidence pack as titled sections of sentences, lists and tables.

Markdown and HTML show the same facts in the same order; deciding here once what a
reader sees (which columns, how a chain or a path is written, what the summary says)
keeps the two renderings from drifting apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from fullcourt.network.evidence import Party
from fullcourt.network.model import Designation
from fullcourt.network.report import EvidencePack, LinkRow
from fullcourt.store.query import ListRecord


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    caption: str | None = None
    folded: bool = False  # long detail a reader opens on demand


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    anchor: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


def who(party: Party) -> str:
    return f"{party.caption} ({party.id}{', designated' if party.designated else ''})"


def _listed(pack: EvidencePack) -> str:
    if not pack.designations:
        return "Not designated by any list in the store."
    lists = "; ".join(
        f"{d.dataset} {d.source_id or d.sanction_id} ({', '.join(d.programs) or 'no program'})"
        for d in pack.designations
    )
    return f"Designated by {len({d.dataset for d in pack.designations})} list(s): {lists}."


def _gaps(pack: EvidencePack) -> str | None:
    """The lists that do not name the party, with its exposure to each one's designations."""
    gaps = [row for row in pack.exposure if row.against != "all lists"]
    if not gaps:
        return None
    scores = ", ".join(f"{row.against} ({row.score:.3f})" for row in gaps)
    best = max(gaps, key=lambda r: r.score)
    nearest = f"; nearest: {best.paths[0].text}" if best.paths else ""
    return f"Not listed by {scores}{nearest}."


def summary(pack: EvidencePack) -> Section:
    rule = "; ".join(f"{o.rule.upper()} {o.status.replace('_', ' ')}" for o in pack.ownership)
    items = [_listed(pack), f"50% rule: {rule}."]
    everyone = pack.exposure[0]
    if not everyone.listed:
        items.append(f"Exposure to designated parties: {everyone.score:.3f}.")
    if gaps := _gaps(pack):
        items.append(gaps)
    if pack.cluster:
        designated = sum(1 for m in pack.cluster.members if m.designated)
        items.append(
            f"Cluster {pack.cluster.index}: {len(pack.cluster.members)} parties, "
            f"{designated} designated."
        )
    items.append(
        f"{len(pack.records)} list record(s), {len(pack.links)} link(s), "
        f"{len(pack.shared)} shared value(s)."
    )
    head = f"{pack.schema} {pack.entity.id}, countries: {', '.join(pack.countries) or '-'}."
    return Section("Summary", "summary", [head], items)


def _basis(designation: Designation) -> str:
    """The record a designation stands on; a topic has none beyond the party's own."""
    if designation.by_topic:
        return f"topic 'sanction' on {designation.sanction_id}"
    return designation.sanction_id


def designations(pack: EvidencePack) -> Section:
    rows = [
        (d.dataset, d.source_id or "", ", ".join(d.programs), d.authority or "", _basis(d))
        for d in pack.designations
    ]
    table = Table(("list", "list id", "programs", "authority", "sanction record"), rows)
    return Section("Designations", "designations", [] if rows else [_listed(pack)], [], [table])


def ownership(pack: EvidencePack) -> Section:
    rows = [
        (o.rule_name, o.status.replace("_", " "), o.share, ", ".join(o.controllers) or "-")
        for o in pack.ownership
    ]
    items = [
        f"{o.rule.upper()} chain {i}: " + "; then ".join(chain)
        for o in pack.ownership
        for i, chain in enumerate(o.chains, 1)
    ]
    table = Table(("rule", "status", "share held by blocked owners", "blocked under"), rows)
    return Section("Ownership: the 50% rule", "ownership", [], items, [table])


def _paths(pack: EvidencePack) -> list[str]:
    """Each explaining path once, with the lists it explains exposure to."""
    against: dict[str, list[str]] = {}
    for row in pack.exposure:
        for p in row.paths:
            text = f"{p.text} (cost {p.cost:.2f}; records {', '.join(p.record_ids) or '-'})"
            against.setdefault(text, []).append(row.against)
    return [f"{text}; against {', '.join(names)}" for text, names in against.items()]


def exposure(pack: EvidencePack) -> Section:
    rows = [
        (row.against, "yes" if row.listed else "no", f"{row.score:.3f}", f"{row.reach:.2f}")
        for row in pack.exposure
    ]
    intro = (
        "Score: the chance a walk from this party reaches a designated party (1 for a "
        "designated one). Against a single list: how close the party is to that list's "
        "designations when that list does not name it. Paths are the cheapest chains of "
        "links to the nearest designated parties."
    )
    table = Table(("against", "listed by them", "score", "reach"), rows)
    return Section("Exposure and explaining paths", "exposure", [intro], _paths(pack), [table])


def _link_row(link: LinkRow) -> tuple[str, ...]:
    arrow = "->" if link.outgoing else "<-"
    detail = ", ".join(x for x in (link.role, link.share) if x)
    return (
        f"{arrow} {link.kind}",
        who(link.other),
        detail,
        ", ".join(link.datasets),
        ", ".join(link.record_ids),
    )


def links(pack: EvidencePack) -> Section:
    rows = [_link_row(link) for link in pack.links]
    values = [
        (
            s.kind,
            s.value,
            "; ".join(who(h) for h in s.holders),
            "hub: not used" if not s.weight else "",
        )
        for s in pack.shared
    ]
    return Section(
        "Links and shared values",
        "links",
        tables=[
            Table(("link", "other party", "role, share", "lists", "records"), rows, "Links"),
            Table(("kind", "value", "also held by", "note"), values, "Shared values"),
        ],
    )


def cluster(pack: EvidencePack) -> Section:
    found = pack.cluster
    if found is None:
        return Section("Cluster", "cluster", ["In no group of two or more parties."])
    shared = ", ".join(f"{k} {v!r} ({n})" for k, v, n in found.shared[:8]) or "none"
    kinds = ", ".join(f"{k} {n}" for k, n in found.link_kinds) or "none"
    return Section(
        f"Cluster {found.index}",
        "cluster",
        [f"{len(found.members)} parties. Shared values: {shared}. Links inside: {kinds}."],
        [who(m) for m in found.members],
    )


def _record_table(record: ListRecord) -> Table:
    rows = [(s.prop, s.value, s.origin or "", s.first_seen, s.last_seen) for s in record.statements]
    caption = (
        f"{record.dataset} {record.version}: {record.caption} ({record.schema} "
        f"{record.entity_id}, list id {record.source_id or '-'})"
    )
    header = ("property", "value", "source file", "first seen", "last seen")
    return Table(header, rows, caption, folded=True)


def records(pack: EvidencePack) -> Section:
    evidence = pack.link_evidence
    notes = [f"Records merged as one party because: {evidence}."] if evidence else []
    tables = [_record_table(r) for r in pack.records]
    return Section("List records and provenance", "records", notes, [], tables)


def versions(pack: EvidencePack) -> Section:
    rows = [(v.dataset, v.version, v.published or "") for v in pack.versions]
    return Section("Data", "data", [], [], [Table(("list", "version", "published"), rows)])


def sections(pack: EvidencePack) -> list[Section]:
    """Every section, in reading order (the neighbourhood drawing goes after the summary)."""
    return [
        summary(pack),
        designations(pack),
        ownership(pack),
        exposure(pack),
        links(pack),
        cluster(pack),
        records(pack),
        versions(pack),
    ]
