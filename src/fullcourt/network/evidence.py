"""Answers about parties as plain rows: ownership under each rule, exposure with its
paths, the most exposed parties.

The CLI, the API, the evidence pack and the docs script all show these; building the
rows once here (captions resolved, chains and paths written out, record ids kept)
means the four can never disagree on what a finding says. ``ownership_answer`` is the
issue's JSON for one jurisdiction (``fullcourt ownership --json`` and
``GET /ownership/{id}``), an interface outside checks read: keep its keys stable.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from fullcourt.network import model as m
from fullcourt.network.analysis import JURISDICTIONS, RULES, Analysis
from fullcourt.network.export import list_ids
from fullcourt.network.exposure import ranked
from fullcourt.network.ownership import Holding
from fullcourt.network.paths import Path, describe, explain
from fullcourt.network.shares import ShareRange
from fullcourt.store import StoreError

PATHS = 3


@dataclass(frozen=True, slots=True)
class Party:
    """Another party as a row names it: enough to read it and to look it up."""

    id: str
    caption: str
    designated: bool


def party(node: m.Node) -> Party:
    return Party(node.id, node.caption, node.designated)


@dataclass(frozen=True, slots=True)
class OwnershipRow:
    rule: str  # ofac, eu, uk
    rule_name: str
    status: str  # blocked, possibly_blocked, not_blocked
    designated: bool
    share: str  # held by blocked owners, as a range
    controllers: tuple[str, ...]
    chains: tuple[tuple[str, ...], ...]  # each chain: "OWNER -[51%]-> ASSET" per holding


@dataclass(frozen=True, slots=True)
class PathRow:
    seed: Party
    cost: float
    text: str
    nodes: tuple[str, ...]
    record_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ExposureRow:
    against: str  # "all lists" or one dataset
    listed: bool  # those lists designate the party itself
    score: float
    reach: float
    paths: tuple[PathRow, ...]


@dataclass(frozen=True, slots=True)
class Exposed:
    """One line of a ranked list: an unlisted party and why it ranks."""

    party: Party
    category: str
    countries: tuple[str, ...]
    list_ids: tuple[str, ...]  # lists outside those it was scored against may name it
    score: float
    reach: float
    paths: tuple[PathRow, ...]


def _chain(analysis: Analysis, chain: tuple[Holding, ...]) -> tuple[str, ...]:
    node = analysis.graph.node
    return tuple(
        f"{node(h.owner).caption} -[{h.text or 'share not stated'}: {h.share}]-> "
        f"{node(h.asset).caption}"
        for h in chain
    )


def ownership_rows(
    analysis: Analysis, node: m.Node, rules: Iterable[str] | None = None
) -> tuple[OwnershipRow, ...]:
    """The 50% rule's finding on ``node`` under each rule (all three when None)."""
    rows = []
    for key in rules or RULES:
        found = analysis.findings(key).get(node.id)  # raises on an unknown rule
        name = RULES[key].name
        if found is None:  # nobody holds shares in it and no list names it
            rows.append(OwnershipRow(key, name, "not_blocked", False, "0%", (), ()))
            continue
        chains = tuple(_chain(analysis, c) for c in found.chains if c)
        status, share = str(found.status), str(found.share)
        rows.append(
            OwnershipRow(key, name, status, found.designated, share, found.controllers, chains)
        )
    return tuple(rows)


def _bounds(share: ShareRange) -> list[float]:
    return [float(share.low), float(share.high)]


def _hop(analysis: Analysis, hop: Holding) -> dict[str, Any]:
    node = analysis.graph.node
    return {
        "owner": hop.owner,
        "owner_caption": node(hop.owner).caption,
        "asset": hop.asset,
        "asset_caption": node(hop.asset).caption,
        "percentage": hop.text,
        "share": _bounds(hop.share),
        "record_ids": list(hop.record_ids),
    }


def ownership_answer(analysis: Analysis, node: m.Node, jurisdiction: str = "us") -> dict[str, Any]:
    """``{"status", "blocked_share": [low, high], "chains"}`` under one jurisdiction's rule:
    the share blocked owners hold in percent, and each chain from a designated owner
    down to the party, hop by hop. A party nobody holds shares in and no list names has
    no finding: not blocked, 0%."""
    if jurisdiction not in JURISDICTIONS:
        raise StoreError(f"unknown jurisdiction {jurisdiction!r}; use {', '.join(JURISDICTIONS)}")
    finding = analysis.findings(JURISDICTIONS[jurisdiction]).get(node.id)
    if finding is None:
        return {"status": "not_blocked", "blocked_share": [0.0, 0.0], "chains": []}
    return {
        "status": str(finding.status),
        "blocked_share": _bounds(finding.share),
        "chains": [[_hop(analysis, h) for h in chain] for chain in finding.chains if chain],
    }


def path_rows(analysis: Analysis, paths: Iterable[Path]) -> tuple[PathRow, ...]:
    graph = analysis.graph
    return tuple(
        PathRow(
            party(graph.node(p.seed)),
            round(p.cost, 4),
            describe(graph, p),
            p.nodes,
            tuple(sorted({r for h in p.hops for r in h.record_ids})),
        )
        for p in paths
    )


def exposure_row(analysis: Analysis, node: m.Node, against: str | None = None) -> ExposureRow:
    """Exposure to the designations of ``against`` (one dataset, all lists when None)."""
    found = analysis.exposure(None if against is None else [against])
    why = explain(analysis.graph, found, node.id, PATHS)
    return ExposureRow(
        against or "all lists",
        why.designated,
        round(why.score, 4),
        round(found.reach.get(node.id, 0.0), 4),
        path_rows(analysis, why.paths),
    )


def most_exposed(
    analysis: Analysis,
    *,
    top: int = 20,
    category: str | None = None,
    countries: Collection[str] | None = None,
    datasets: Collection[str] | None = None,
    paths: int = 1,
    link_types: Collection[str] | None = None,
) -> list[Exposed]:
    """Parties not designated by ``datasets`` (by any list when None), most exposed first,
    through links of ``link_types`` only when given."""
    found = analysis.exposure(datasets, link_types)
    rows = ranked(analysis.graph, found, category=category, countries=countries, limit=top)
    return [
        Exposed(
            party(r.node),
            r.node.category,
            r.node.countries,
            list_ids(r.node),
            round(r.score, 4),
            round(r.reach, 4),
            path_rows(analysis, explain(analysis.graph, found, r.node.id, paths).paths),
        )
        for r in rows
    ]


def plain(value: Any) -> Any:
    """Rows (dataclasses, tuples) as JSON-ready dicts and lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    return value
