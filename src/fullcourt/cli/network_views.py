"""Rich tables and JSON shapes for ``network``, ``exposure``, ``ownership`` and ``link``.

The JSON of ``exposure --json`` is an interface outside checks read (see the issue):
one object per line with ``id``, ``score`` and ``paths``; keep those keys stable. That
of ``ownership --json`` is ``evidence.ownership_answer``, shared with the API.
"""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from fullcourt.network.evidence import Exposed, OwnershipRow, plain
from fullcourt.network.export import list_ids, value_label
from fullcourt.network.linking import LinkDecision, Proposal, decision_state
from fullcourt.network.neighbourhood import Neighbourhood


def _row(table: Table, *cells: str) -> None:
    """Cells as plain text: list values hold brackets that rich would read as markup."""
    table.add_row(*(Text(c) for c in cells))


def neighbourhood_dict(near: Neighbourhood) -> dict[str, Any]:
    """The neighbourhood as plain JSON: parties by distance, links, shared values."""
    graph = near.graph
    nodes = sorted(graph.nodes.values(), key=lambda n: (near.distance[n.id], n.caption, n.id))
    return {
        "center": near.center,
        "depth": near.depth,
        "truncated": near.truncated,
        "nodes": [
            {
                "id": n.id,
                "caption": n.caption,
                "schema": n.schema,
                "distance": near.distance[n.id],
                "designated": n.designated,
                "list_ids": list(list_ids(n)),
                "countries": list(n.countries),
            }
            for n in nodes
        ],
        "links": [plain(link) for link in graph.links],
        "values": [
            {"kind": a.kind, "value": value_label(a), "holders": list(a.holders)}
            for a in graph.attributes.values()
        ],
    }


def neighbourhood_tables(near: Neighbourhood) -> list[Table]:
    graph = near.graph
    cut = ", cut at the node cap" if near.truncated else ""
    parties = Table("hops", "party", "schema", "lists", "id", title=f"{near.size} parties{cut}")
    for n in sorted(graph.nodes.values(), key=lambda n: (near.distance[n.id], n.caption)):
        lists = ", ".join(list_ids(n)) or ("designated" if n.designated else "-")
        _row(parties, str(near.distance[n.id]), n.caption, n.schema, lists, n.id)
    links = Table("from", "link", "to", "lists", title=f"{len(graph.links)} links")
    for link in graph.links:
        kind = ": ".join(x for x in (link.kind, link.role, link.share) if x)
        source, target = graph.node(link.source), graph.node(link.target)
        _row(links, source.caption, kind, target.caption, ", ".join(link.datasets))
    values = Table("kind", "value", "held by", title=f"{len(graph.attributes)} shared values")
    for a in graph.attributes.values():
        held = "; ".join(graph.node(h).caption for h in a.holders)
        _row(values, a.kind, value_label(a), held)
    return [parties, links, values]


def exposure_table(rows: list[Exposed], against: str) -> Table:
    table = Table(
        "#", "score", "reach", "party", "category", "lists", "nearest designated", title=against
    )
    for i, row in enumerate(rows, 1):
        path = row.paths[0].text if row.paths else "-"
        lists = ", ".join(row.list_ids) or "-"
        _row(
            table,
            str(i),
            f"{row.score:.3f}",
            f"{row.reach:.2f}",
            row.party.caption,
            row.category,
            lists,
            path,
        )
    return table


def ownership_table(rows: tuple[OwnershipRow, ...], caption: str) -> Table:
    table = Table("rule", "status", "share held by blocked owners", "chains", title=caption)
    for row in rows:
        chains = "\n".join(" ; ".join(chain) for chain in row.chains) or "-"
        status = row.status.replace("_", " ") + (" (designated)" if row.designated else "")
        _row(table, row.rule_name, status, row.share, chains)
    return table


def exposed_dict(row: Exposed) -> dict[str, Any]:
    """One ``exposure --json`` line: the party's id first, its score and paths."""
    return {
        "id": row.party.id,
        "caption": row.party.caption,
        "category": row.category,
        "countries": list(row.countries),
        "list_ids": list(row.list_ids),
        "score": row.score,
        "reach": row.reach,
        "paths": plain(row.paths),
    }


def proposal_dict(proposal: Proposal, decisions: list[LinkDecision]) -> dict[str, Any]:
    """One ``link --json`` line: the proposal and the decision standing on it, if any."""
    verdict, in_force = decision_state(proposal, decisions)
    return {**plain(proposal), "decision": verdict, "in_force": in_force}


def link_table(proposals: tuple[Proposal, ...], decisions: list[LinkDecision], title: str) -> Table:
    table = Table("score", "kind", "outside record", "list party", "decision", title=title)
    for proposal in proposals:
        row = proposal_dict(proposal, decisions)
        kind = "automatic" if proposal.automatic else "proposal"
        _row(
            table,
            f"{proposal.score:.2f}",
            kind,
            f"{proposal.caption} ({proposal.record_id})",
            f"{proposal.list_caption} ({proposal.list_id})",
            (row["decision"] or "-") + (" (in force)" if row["in_force"] else ""),
        )
    return table
