"""A graph (whole or a neighbourhood) for the tools analysts already use.

GraphML and GEXF (Gephi) go through networkx's writers, which take only simple values:
every attribute here is a string, a number or a boolean, lists are joined with ";",
and missing values are left out rather than written as "None". Cytoscape.js JSON is
what a web page draws directly. The FtM export is the entities behind the graph
(parties, the relations and sanctions it was built from), so the subgraph can be
loaded into another FtM tool with its evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from fullcourt.model import Record
from fullcourt.network import model as m
from fullcourt.network.exposure import Settings
from fullcourt.network.graph import Graph

if TYPE_CHECKING:
    import networkx as nx

SEPARATOR = ";"


def _joined(values: Iterable[str]) -> str:
    return SEPARATOR.join(values)


def list_ids(node: m.Node) -> tuple[str, ...]:
    """The publishers' own ids of the party's entries, as "dataset:id"."""
    return tuple(f"{d.dataset}:{d.source_id}" for d in node.designations if d.source_id)


def party_attributes(node: m.Node) -> dict[str, str | bool]:
    return {
        "label": node.caption,
        "kind": "party",
        "schema": node.schema,
        "category": node.category,
        "designated": node.designated,
        "datasets": _joined(node.datasets),
        "programs": _joined(node.programs),
        "countries": _joined(node.countries),
        "list_ids": _joined(list_ids(node)),
        "entity_ids": _joined(node.entity_ids),
    }


def value_label(attr: m.Attribute) -> str:
    return attr.texts[0] if attr.texts else attr.value


def value_attributes(attr: m.Attribute) -> dict[str, str | int | float]:
    return {
        "label": value_label(attr),
        "kind": "value",
        "value_kind": attr.kind,
        "value": attr.value,
        "holders": attr.degree,
        "weight": round(attr.weight, 6),
    }


def link_attributes(link: m.Link, settings: Settings) -> dict[str, str | float]:
    found: dict[str, str | float | None] = {
        "kind": link.kind,
        "label": link.role or link.kind,
        "role": link.role,
        "share": link.share,
        "weight": settings.weight(link.kind),
        "datasets": _joined(link.datasets),
        "record_ids": _joined(link.record_ids),
    }
    return {k: v for k, v in found.items() if v is not None}


def to_networkx(graph: Graph, settings: Settings | None = None) -> nx.MultiDiGraph[str]:
    """Parties, shared values and links with simple attributes only (for the writers)."""
    import networkx as nx

    settings = settings or Settings()
    out: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node in graph.nodes.values():
        out.add_node(node.id, **party_attributes(node))
    for attr in graph.attributes.values():
        out.add_node(attr.id, **value_attributes(attr))
    count = 0
    for link in graph.links:
        out.add_edge(link.source, link.target, key=f"e{count}", **link_attributes(link, settings))
        count += 1
    for attr in graph.attributes.values():
        weight = round(settings.weight(attr.kind) * attr.weight, 6)
        for holder in attr.holders:
            data = {"kind": attr.kind, "label": attr.kind, "weight": weight}
            out.add_edge(holder, attr.id, key=f"e{count}", **data)
            count += 1
    return out


def write_graphml(graph: Graph, out: IO[bytes]) -> None:
    import networkx as nx

    nx.write_graphml(to_networkx(graph), out, encoding="utf-8")


def write_gexf(graph: Graph, out: IO[bytes]) -> None:
    import networkx as nx

    nx.write_gexf(to_networkx(graph), out, encoding="utf-8")


def cytoscape(graph: Graph, distance: dict[str, int] | None = None) -> dict[str, Any]:
    """Cytoscape.js elements; ``distance`` (hops from a center) is added when given."""
    settings = Settings()
    nodes: list[dict[str, Any]] = []
    for node in graph.nodes.values():
        data: dict[str, Any] = {"id": node.id, **party_attributes(node)}
        for key in ("datasets", "programs", "countries", "list_ids", "entity_ids"):
            data[key] = [v for v in str(data[key]).split(SEPARATOR) if v]
        if distance is not None and node.id in distance:
            data["distance"] = distance[node.id]
        classes = f"party {node.category}" + (" designated" if node.designated else "")
        nodes.append({"data": data, "classes": classes})
    for attr in graph.attributes.values():
        nodes.append({"data": {"id": attr.id, **value_attributes(attr)}, "classes": "value"})
    edges: list[dict[str, Any]] = []
    for link in graph.links:
        data = {"source": link.source, "target": link.target}
        data.update(link_attributes(link, settings))
        data["datasets"], data["record_ids"] = list(link.datasets), list(link.record_ids)
        edges.append({"data": {"id": f"e{len(edges)}", **data}, "classes": f"link {link.kind}"})
    for attr in graph.attributes.values():
        for holder in attr.holders:
            data = {"id": f"e{len(edges)}", "source": holder, "target": attr.id}
            edges.append({"data": {**data, "kind": attr.kind}, "classes": "shares"})
    return {"elements": {"nodes": nodes, "edges": edges}}


def record_ids(graph: Graph) -> set[str]:
    """Ids of the entities the graph was built from: party records, relations, sanctions."""
    ids = {e for n in graph.nodes.values() for e in n.entity_ids}
    ids.update(d.sanction_id for n in graph.nodes.values() for d in n.designations)
    ids.update(r for link in graph.links for r in link.record_ids)
    return ids


def graph_records(graph: Graph, records: Iterable[Record]) -> Iterator[Record]:
    """The records among ``records`` (a store's, in any order) that the graph stands on."""
    wanted = record_ids(graph)
    return (r for r in records if str(r.entity.id) in wanted)
