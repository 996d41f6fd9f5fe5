"""``fullcourt network``, ``exposure``, ``ownership``, ``report``, ``graph-export``, ``link``.

Each command builds the network of the store's current versions (a second or two for
tens of thousands of parties), with outside records tied to list entries by the links
in force (``network.linked``), and answers one question about it; nothing is cached
between runs, so an answer always reflects the data as loaded and the decisions as
recorded. ``link`` screens outside records against the lists, saves what it found, and
``link accept`` / ``link reject`` record an analyst's decision on one proposal. Files are written in
the formats analysts' tools read: GraphML (yEd, Gephi), GEXF (Gephi), Cytoscape.js
JSON, FtM JSON lines (FtM tools, Aleph), and the evidence pack as HTML or Markdown.

Register on the main app with ``register(app)`` once ``one_line_errors`` is defined.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console

from fullcourt.cli import network_views as views
from fullcourt.network.analysis import JURISDICTIONS
from fullcourt.network.evidence import most_exposed, ownership_answer, ownership_rows
from fullcourt.network.export import cytoscape, graph_records, write_gexf, write_graphml
from fullcourt.network.graph import Graph
from fullcourt.network.linked import linked_analysis, load_run, run_linking, save_run
from fullcourt.network.linking import ACCEPT, REJECT, LinkDecisions, audit_linking
from fullcourt.network.neighbourhood import DEPTH, MAX_NODES, neighbourhood
from fullcourt.network.report import build_pack, to_json
from fullcourt.network.report_render import to_html, to_markdown
from fullcourt.screening.catalog import current_versions, iter_list_entities
from fullcourt.screening.matcher import Matcher
from fullcourt.screening.score import DEFAULT_THRESHOLD
from fullcourt.sources.ftm_jsonl import write_ftm_jsonl
from fullcourt.store import Store, StoreError
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


class Jurisdiction(StrEnum):
    US = "us"
    EU = "eu"
    UK = "uk"


RULE_KEYS = {j: JURISDICTIONS[j.value] for j in Jurisdiction}


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
        analysis = linked_analysis(store)
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
    link_type: Annotated[
        list[str] | None,
        typer.Option(help="Only through these links, e.g. ownership, directorship, address."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per line: id, score, paths...")
    ] = False,
    db: DbOption = None,
) -> None:
    """The parties closest to designated ones that those lists do not designate."""
    with Store(db, read_only=True) as store:
        analysis = linked_analysis(store)
    countries = [c.lower() for c in country] if country else None
    rows = most_exposed(
        analysis,
        top=top,
        category=category.value if category else None,
        countries=countries,
        datasets=dataset or None,
        link_types=link_type or None,
    )
    if as_json:
        for row in rows:
            print(json.dumps(views.exposed_dict(row), ensure_ascii=False))
    else:
        against = "exposure to " + (", ".join(dataset) if dataset else "all lists")
        out.print(views.exposure_table(rows, against))


def ownership(
    entity: EntityArgument,
    jurisdiction: Annotated[
        Jurisdiction | None,
        typer.Option(help="us, eu: 50% or more, added up; uk: more than 50%, per person."),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="{status, blocked_share, chains} under one rule (us)."),
    ] = False,
    db: DbOption = None,
) -> None:
    """Whether the 50% rule blocks a party, under the US, EU or UK rule (table: all three)."""
    with Store(db, read_only=True) as store:
        analysis = linked_analysis(store)
    node = analysis.party(entity)
    if as_json:
        answer = ownership_answer(analysis, node, jurisdiction or Jurisdiction.US)
        print(json.dumps(answer, ensure_ascii=False))
        return
    rows = ownership_rows(analysis, node, [RULE_KEYS[jurisdiction]] if jurisdiction else None)
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
        pack = build_pack(store, linked_analysis(store), entity)
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
        analysis = linked_analysis(store)
        write_graph(store, analysis.graph, fmt, output)


AnalystOption = Annotated[
    str | None,
    typer.Option(envvar="FULLCOURT_ANALYST", help="Who decides (or FULLCOURT_ANALYST)."),
]
NoteOption = Annotated[str, typer.Option(help="Why, for the audit log.")]


def link(
    ctx: typer.Context,
    dataset: Annotated[
        list[str] | None,
        typer.Option(help="Outside datasets to link (default: every dataset with no list entry)."),
    ] = None,
    threshold: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Lowest score proposed.")
    ] = DEFAULT_THRESHOLD,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per line and proposal.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Screen outside records against the lists: automatic links and proposals to decide."""
    if ctx.invoked_subcommand is not None:
        return
    with Store(db, read_only=True) as store:
        matcher = Matcher.from_entities(iter_list_entities(store), current_versions(store))
        datasets, found = run_linking(store, matcher, dataset, threshold=threshold)
        path = store.path
    save_run(path, datasets, found)
    decisions = LinkDecisions.for_store(path)
    receipt = audit_linking(decisions.audit, found) if decisions.audit is not None else None
    standing = list(decisions.current().values())
    if as_json:
        for proposal in found.proposals:
            print(json.dumps(views.proposal_dict(proposal, standing), ensure_ascii=False))
        return
    out.print(views.link_table(found.proposals, standing, ", ".join(datasets) or "no dataset"))
    if receipt:
        out.print(f"audit receipt {receipt}; decide with `fullcourt link accept|reject`")


def _decide(
    decision: str, record_id: str, list_id: str, analyst: str | None, note: str, db: Path | None
) -> None:
    with Store(db, read_only=True) as store:
        path = store.path
    proposal = load_run(path).pair(record_id, list_id)
    if proposal is None:
        raise StoreError(
            f"no proposal links {record_id!r} to {list_id!r}; `fullcourt link` lists them"
        )
    try:
        made = LinkDecisions.for_store(path).record(proposal, decision, analyst or "", note)
    except ValueError as exc:
        raise StoreError(f"{exc} (--analyst or FULLCOURT_ANALYST)") from None
    out.print(
        f"{made.decision}: {proposal.caption} ({made.record_id}) is "
        f"{'' if decision == ACCEPT else 'not '}{proposal.list_caption} ({made.list_id})",
        highlight=False,
    )


RecordArgument = Annotated[str, typer.Argument(help="The outside record's id.")]
ListArgument = Annotated[str, typer.Argument(help="The list entity's id (or a list record's).")]


def _decision_command(decision: str, doc: str) -> Callable[..., None]:
    """``link accept`` and ``link reject``: one signature, one decision each."""

    def command(
        record_id: RecordArgument,
        list_id: ListArgument,
        analyst: AnalystOption = None,
        note: NoteOption = "",
        db: DbOption = None,
    ) -> None:
        _decide(decision, record_id, list_id, analyst, note, db)

    command.__doc__ = doc
    command.__name__ = f"link_{decision}"
    return command


link_accept = _decision_command(
    ACCEPT, "Accept a proposal: the record becomes part of the listed party's node."
)
link_reject = _decision_command(
    REJECT, "Reject a proposal or an automatic link: the two stay apart."
)


def register(app: typer.Typer) -> None:
    """Add the network commands to the main app."""
    from fullcourt.cli.app import one_line_errors

    app.command("network")(one_line_errors(network))
    app.command("exposure")(one_line_errors(exposure))
    app.command("ownership")(one_line_errors(ownership))
    app.command("report")(one_line_errors(report))
    app.command("graph-export")(one_line_errors(graph_export))
    links = typer.Typer(help="Tie outside records to list entries; decide on proposals.")
    links.callback(invoke_without_command=True)(one_line_errors(link))
    links.command("accept")(one_line_errors(link_accept))
    links.command("reject")(one_line_errors(link_reject))
    app.add_typer(links, name="link")
