"""``fullcourt network``, ``exposure``, ``ownership``, ``report`` and ``graph-export``.

Each command builds the network of the store's current lists (a second or two for
tens of thousands of parties) and answers one question about it; nothing is cached
between runs, so an answer always reflects the lists as loaded. Files are written in
the formats analysts' tools read: GraphML (yEd, Gephi), GEXF (Gephi), Cytoscape.js
JSON, FtM JSON lines (FtM tools, Aleph), and the evidence pack as HTML or Markdown.

Register on the main app with ``register(app)`` once ``one_line_errors`` is defined.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console

from fullcourt.cli import network_views as views
from fullcourt.network.analysis import Analysis
from fullcourt.network.evidence import most_exposed, ownership_rows, plain
from fullcourt.network.export import cytoscape, graph_records, write_gexf, write_graphml
from fullcourt.network.graph import Graph
from fullcourt.network.neighbourhood import DEPTH, MAX_NODES, neighbourhood
from fullcourt.network.report import build_pack, to_json
from fullcourt.network.report_render import to_html, to_markdown
from fullcourt.sources.ftm_jsonl import write_ftm_jsonl
from fullcourt.store import Store
from fullcourt.store.query import iter_records

out = Console()
DbOption = Annotated[
    Path | None,
    typer.Option("--db", envvar="FULLCOURT_DB", help="Store file (default ./fullcourt.duckdb)."),
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="File to write; '-' or none: stdout.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]
EntityArgument = Annotated[
    str, typer.Argument(help="A node id, a list record id or a list's own id (9346, KPe.002).")
]


class NetworkFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CYTOSCAPE = "cytoscape"
    GRAPHML = "graphml"
    GEXF = "gexf"
    FTM = "ftm"


class ExportFormat(StrEnum):
    GRAPHML = "graphml"
    GEXF = "gexf"
    FTM = "ftm"
    CYTOSCAPE = "cytoscape"


class ReportFormat(StrEnum):
    HTML = "html"
    JSON = "json"
    MD = "md"


class RuleName(StrEnum):
    OFAC = "ofac"
    EU = "eu"
    UK = "uk"


class Category(StrEnum):
    COMPANY = "company"
    VESSEL = "vessel"
    PERSON = "person"
    AIRCRAFT = "aircraft"


def _stdout(output: Path | None) -> bool:
    return output is None or str(output) == "-"


@contextmanager
def _text_out(output: Path | None) -> Iterator[TextIO]:
    if output is None or _stdout(output):
        yield sys.stdout
        return
    with output.open("w", encoding="utf-8") as handle:
        yield handle


def write_graph(store: Store, graph: Graph, fmt: str, output: Path | None) -> None:
    """``graph`` as GraphML, GEXF, Cytoscape.js JSON or the FtM entities behind it."""
    if fmt in (ExportFormat.GRAPHML, ExportFormat.GEXF):
        buffer = io.BytesIO()
        (write_graphml if fmt == ExportFormat.GRAPHML else write_gexf)(graph, buffer)
        if output is None or _stdout(output):
            sys.stdout.buffer.write(buffer.getvalue())
        else:
            output.write_bytes(buffer.getvalue())
        return
    with _text_out(output) as handle:
        if fmt == ExportFormat.CYTOSCAPE:
            handle.write(json.dumps(cytoscape(graph), indent=2, ensure_ascii=False) + "\n")
        else:
            write_ftm_jsonl(graph_records(graph, iter_records(store)), handle)


def network(
    entity: EntityArgument,
    depth: Annotated[int, typer.Option(min=0, help="Hops out from the party.")] = DEPTH,
    max_nodes: Annotated[int, typer.Option(min=1, help="At most this many parties.")] = MAX_NODES,
    fmt: Annotated[NetworkFormat, typer.Option("--format")] = NetworkFormat.TABLE,
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    """The parties around one party: links and shared values, to a depth, with a node cap."""
    with Store(db, read_only=True) as store:
        analysis = Analysis.from_store(store)
        node = analysis.party(entity)
        near = neighbourhood(analysis.graph, node.id, depth=depth, max_nodes=max_nodes)
        if fmt == NetworkFormat.TABLE:
            with _text_out(output) as handle:
                console = out if handle is sys.stdout else Console(file=handle, width=160)
                for table in views.neighbourhood_tables(near):
                    console.print(table)
        elif fmt == NetworkFormat.JSON:
            with _text_out(output) as handle:
                text = json.dumps(views.neighbourhood_dict(near), indent=2, ensure_ascii=False)
                handle.write(text + "\n")
        elif fmt == NetworkFormat.CYTOSCAPE:
            with _text_out(output) as handle:
                data = cytoscape(near.graph, near.distance)
                handle.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        else:
            write_graph(store, near.graph, fmt, output)


def exposure(
    top: Annotated[int, typer.Option(min=1, help="How many parties.")] = 20,
    category: Annotated[Category | None, typer.Option(help="Only this kind of party.")] = None,
    country: Annotated[list[str] | None, typer.Option(help="Only parties of this country.")] = None,
    dataset: Annotated[
        list[str] | None,
        typer.Option(help="Exposure to these lists' designations (default: all lists)."),
    ] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """The parties closest to designated ones that those lists do not designate."""
    with Store(db, read_only=True) as store:
        analysis = Analysis.from_store(store)
    countries = [c.lower() for c in country] if country else None
    rows = most_exposed(
        analysis,
        top=top,
        category=category.value if category else None,
        countries=countries,
        datasets=dataset or None,
    )
    if as_json:
        print(json.dumps([plain(r) for r in rows], indent=2, ensure_ascii=False))
    else:
        against = "exposure to " + (", ".join(dataset) if dataset else "all lists")
        out.print(views.exposure_table(rows, against))


def ownership(
    entity: EntityArgument,
    rule: Annotated[RuleName | None, typer.Option(help="One rule (default: all three).")] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Whether the 50% rule blocks a party, under OFAC's, the EU's or the UK's reading."""
    with Store(db, read_only=True) as store:
        analysis = Analysis.from_store(store)
    node = analysis.party(entity)
    rows = ownership_rows(analysis, node, [rule.value] if rule else None)
    if as_json:
        body = {"entity": node.id, "caption": node.caption, "findings": plain(rows)}
        print(json.dumps(body, indent=2, ensure_ascii=False))
    else:
        out.print(views.ownership_table(rows, f"{node.caption} ({node.id})"))


def _report_format(fmt: ReportFormat | None, output: Path | None) -> ReportFormat:
    """The format asked for, else the output file's suffix, else Markdown for a terminal."""
    if fmt is not None:
        return fmt
    suffix = output.suffix.lower() if output is not None else ""
    by_suffix = {".html": ReportFormat.HTML, ".htm": ReportFormat.HTML, ".json": ReportFormat.JSON}
    return by_suffix.get(suffix, ReportFormat.MD)


def report(
    entity: EntityArgument,
    fmt: Annotated[
        ReportFormat | None, typer.Option("--format", help="Default: from -o's suffix, else md.")
    ] = None,
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    """The evidence pack of one party: records, provenance, links, 50% rule, exposure."""
    chosen = _report_format(fmt, output)
    with Store(db, read_only=True) as store:
        pack = build_pack(store, Analysis.from_store(store), entity)
    render = {ReportFormat.HTML: to_html, ReportFormat.JSON: to_json, ReportFormat.MD: to_markdown}
    text = render[chosen](pack)
    with _text_out(output) as handle:
        handle.write(text if text.endswith("\n") else text + "\n")


def graph_export(
    fmt: Annotated[ExportFormat, typer.Option("--format")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write; '-' is stdout.")],
    db: DbOption = None,
) -> None:
    """The whole network of the current lists for Gephi, yEd, Cytoscape or FtM tools."""
    with Store(db, read_only=True) as store:
        analysis = Analysis.from_store(store)
        write_graph(store, analysis.graph, fmt, output)


def register(app: typer.Typer) -> None:
    """Add the network commands to the main app."""
    from fullcourt.cli.app import one_line_errors

    app.command("network")(one_line_errors(network))
    app.command("exposure")(one_line_errors(exposure))
    app.command("ownership")(one_line_errors(ownership))
    app.command("report")(one_line_errors(report))
    app.command("graph-export")(one_line_errors(graph_export))
