"""Draw the network of the bundled North Korea data and write its figures for the docs.

Run from the project root: ``.venv/bin/python scripts/network_picture.py``. It loads the
bundled default data into a temporary store (or reads ``--db STORE``), builds the
network the CLI and the API answer from (with any links in force), and writes:

- ``docs/img/dprk_network.svg``: the largest clusters side by side, designated parties
  filled red (an SVG opens in any browser and on GitHub);
- ``docs/network_default_data.md``: nodes, links, designated parties, the largest
  clusters with their members, and the most exposed parties each list does not list,
  with the paths that explain them.

Both outputs are deterministic (fixed layout seed, sorted rows, no timestamps), so a
rerun on the same data changes nothing and a diff shows what new data changed.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from fullcourt.defaults import load_defaults
from fullcourt.network.analysis import Analysis
from fullcourt.network.clusters import Cluster
from fullcourt.network.evidence import Exposed, most_exposed
from fullcourt.network.export import list_ids
from fullcourt.network.linked import linked_analysis
from fullcourt.network.neighbourhood import subgraph
from fullcourt.network.svg import render_panels
from fullcourt.store import Store

SVG = Path("docs/img/dprk_network.svg")
MARKDOWN = Path("docs/network_default_data.md")
PICTURE = "img/dprk_network.svg"  # from the Markdown file
CLUSTERS = 6  # drawn and listed
TOP = 10  # exposed parties per list


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _counts(counter: Counter[str]) -> str:
    return ", ".join(
        f"{n:,} {k}" for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    )


def figures(analysis: Analysis) -> Iterator[str]:
    graph = analysis.graph
    stats = graph.stats()
    nodes = list(graph.nodes.values())
    alone = sum(1 for n in nodes if not graph.links_of(n.id) and not graph.attributes_of(n.id))
    multi = sum(1 for n in nodes if len(n.datasets) > 1)
    yield "## Figures"
    yield ""
    yield f"- **{stats['nodes']:,} parties** ({_counts(Counter(n.category for n in nodes))})."
    listed = stats["designated"]
    yield f"- **{listed:,} designated** by at least one list; {multi:,} by more than one."
    kinds = Counter(link.kind for link in graph.links)
    yield f"- **{stats['links']:,} links** between parties: {_counts(kinds) or 'none'}."
    values = Counter(a.kind for a in graph.attributes.values())
    yield (
        f"- **{stats['attributes']:,} shared values** tying {stats['attribute_links']:,} holders: "
        f"{_counts(values) or 'none'}; {stats['hubs']} over the hub cap of {graph.hub_cap}."
    )
    yield f"- {alone:,} parties have neither a link nor a shared value."
    yield f"- {stats['dangling']} relation(s) name an entity that is not in the data."
    yield ""


def _cluster_title(analysis: Analysis, cluster: Cluster) -> str:
    """Named after its two most tied members: the hubs a reader looks for first."""
    graph = analysis.graph
    inside = set(cluster.members)

    def ties(node_id: str) -> int:
        links = sum(1 for k in graph.links_of(node_id) if {k.source, k.target} <= inside)
        return links + len(graph.attributes_of(node_id))

    hubs = sorted(cluster.members, key=lambda n: (-ties(n), graph.node(n).caption))[:2]
    lead = ", ".join(graph.node(n).caption for n in hubs)
    return f"Cluster {cluster.index}: {cluster.size} parties, around {lead}"


def clusters(analysis: Analysis, chosen: list[Cluster]) -> Iterator[str]:
    graph = analysis.graph
    yield "## Largest clusters"
    yield ""
    yield (
        f"{len(analysis.clusters())} groups of two or more parties (Louvain, seed 0), "
        f"{sum(c.size for c in analysis.clusters()):,} parties in all. The largest:"
    )
    yield ""
    for cluster in chosen:
        shared = ", ".join(f"{k} {v!r} ({n})" for k, v, n in cluster.shared[:4]) or "none"
        links = ", ".join(f"{n} {k}" for k, n in cluster.link_kinds) or "none"
        listed = len(cluster.designated)
        yield f"### Cluster {cluster.index}: {cluster.size} parties, {listed} designated"
        yield ""
        yield f"Shared values: {shared}. Links inside: {links}."
        yield ""
        # by caption and id: clusters.py orders by caption alone, ties by hash order
        for node in sorted(map(graph.node, cluster.members), key=lambda n: (n.caption, n.id)):
            ids = ", ".join(list_ids(node)) or "not listed"
            yield f"- {node.caption} ({node.schema}; {ids})"
        yield ""


def _exposed_table(rows: list[Exposed]) -> Iterator[str]:
    if not rows:
        yield "(none above 0)"
        yield ""
        return
    yield "| score | reach | party | listed by | path |"
    yield "|---|---|---|---|---|"
    for row in rows:
        path = row.paths[0].text if row.paths else "-"
        ids = ", ".join(row.list_ids) or "not listed"
        cells = (f"{row.score:.3f}", f"{row.reach:.2f}", row.party.caption, ids, path)
        yield "| " + " | ".join(_cell(c) for c in cells) + " |"
    yield ""


def exposed(analysis: Analysis) -> Iterator[str]:
    yield "## Most exposed parties a list does not designate"
    yield ""
    yield (
        "Score: the chance a walk from the party reaches a designated party "
        "(docs/networks.md); the path is the cheapest chain of links to the nearest one."
    )
    yield ""
    yield "### Against all lists"
    yield ""
    yield from _exposed_table(most_exposed(analysis, top=TOP))
    for dataset in analysis.datasets():
        seeds = len(analysis.exposure([dataset]).seeds)
        yield f"### Against {dataset} ({seeds:,} designated parties), parties it does not list"
        yield ""
        yield from _exposed_table(most_exposed(analysis, top=TOP, datasets=[dataset]))


EXPLORE = [
    "## Explore it yourself",
    "",
    "After `make run` (or `fullcourt run --no-serve`):",
    "",
    "```",
    "fullcourt report 9346 -o tanchon.html           # evidence pack: records, links, 50% rule,",
    "                                                # exposure per list, cluster, drawing",
    "fullcourt network KPe.002 --depth 2             # the parties around UN KPe.002",
    "fullcourt network 20520 --format gexf -o air_koryo.gexf   # for Gephi",
    "fullcourt exposure --dataset un_sc_sanctions    # what the UN list does not name",
    "fullcourt ownership 9346 --jurisdiction eu --json",
    "fullcourt graph-export --format graphml -o dprk.graphml",
    "```",
    "",
    "Over HTTP (`fullcourt serve`): `GET /network/KPe.002?depth=2` (Cytoscape.js JSON),",
    "`GET /exposure?dataset=un_sc_sanctions&top=20`, `GET /ownership/9346?jurisdiction=uk`,",
    "`GET /reports/9346?format=html`.",
]


def markdown(analysis: Analysis, chosen: list[Cluster]) -> str:
    versions = "; ".join(
        f"{v.dataset} {v.version}" + (f" (published {v.published})" if v.published else "")
        for v in analysis.versions
    )
    lines = [
        "# The network of the bundled North Korea data",
        "",
        "Written by `scripts/network_picture.py` from the bundled default data "
        f"({versions}). See docs/networks.md for how the graph, the scores and the "
        "clusters are computed.",
        "",
        f"![The {len(chosen)} largest clusters, designated parties in red]({PICTURE})",
        "",
        *figures(analysis),
        *clusters(analysis, chosen),
        *exposed(analysis),
        *EXPLORE,
    ]
    return "\n".join(lines).rstrip() + "\n"


def picture(analysis: Analysis, chosen: list[Cluster]) -> str:
    panels = [(_cluster_title(analysis, c), subgraph(analysis.graph, c.members)) for c in chosen]
    title = f"North Korea related entries: the {len(chosen)} largest clusters"
    return render_panels(panels, title=title, columns=2, cell=(720, 500))


def main(db: Path | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = db or Path(tmp) / "defaults.duckdb"
        if db is None:
            with Store(path) as store:
                load_defaults(store)
        with Store(path, read_only=True) as store:
            analysis = linked_analysis(store)  # the graph the CLI and the API answer from
    chosen = analysis.clusters()[:CLUSTERS]
    SVG.parent.mkdir(parents=True, exist_ok=True)
    SVG.write_text(picture(analysis, chosen), encoding="utf-8")
    MARKDOWN.write_text(markdown(analysis, chosen), encoding="utf-8")
    print(f"wrote {SVG} and {MARKDOWN}: {analysis.graph.stats()}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="Read this store instead of the bundled data.")
    main(parser.parse_args().db)
