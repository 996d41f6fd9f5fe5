"""``fullcourt``: load, fetch, inspect, diff and export sanctions lists.

Commands only translate: they call ingest, store and fetch functions and present the
results. Every error is one line on stderr and a non-zero exit code.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer
from rich.console import Console

from fullcourt.cli import views
from fullcourt.cli.network import register as register_network
from fullcourt.cli.screen import register as register_screening
from fullcourt.cli.ships import register as register_ships
from fullcourt.defaults import load_defaults
from fullcourt.fetch import PUBLISHERS, FetchError, fetch_lists
from fullcourt.ingest import load_paths
from fullcourt.sources.errors import SourceError
from fullcourt.store import Store, StoreError
from fullcourt.store.diff import diff_versions
from fullcourt.store.export import write_statements_csv, write_statements_parquet
from fullcourt.store.query import get_entity, iter_records, list_datasets

app = typer.Typer(
    name="fullcourt",
    help="Sanctions lists in one store: load, fetch, inspect, diff and export.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

P = ParamSpec("P")
R = TypeVar("R")
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]
DbOption = Annotated[
    Path | None,
    typer.Option("--db", envvar="FULLCOURT_DB", help="Store file (default ./fullcourt.duckdb)."),
]


def one_line_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Known failures become one line on stderr and exit code 1."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except (SourceError, StoreError, FetchError) as exc:
            err.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper


@app.command()
@one_line_errors
def load(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of list data.")],
    dataset: Annotated[str | None, typer.Option(help="Dataset name (default by format).")] = None,
    version: Annotated[str | None, typer.Option(help="Version label (default: from data).")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Load list files; the format is recognised from the content."""
    with Store(db) as store, views.record_progress(err, enabled=not as_json) as tick:
        results = load_paths(store, paths, dataset=dataset, version=version, tick=tick)
    if as_json:
        print(json.dumps([views.load_result_dict(r) for r in results], indent=2))
    else:
        out.print(views.load_table(results))


@app.command()
@one_line_errors
def fetch(
    datasets: Annotated[list[str] | None, typer.Argument(help="Datasets to fetch.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Download the official lists from their publishers and load them."""
    names = datasets or list(PUBLISHERS)
    with Store(db) as store:
        results = fetch_lists(store, names)
    if as_json:
        print(json.dumps([views.load_result_dict(r) for r in results], indent=2))
    else:
        out.print(views.load_table(results))


@app.command()
@one_line_errors
def datasets(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Datasets in the store, their versions and entity counts."""
    with Store(db, read_only=True) as store:
        found = list_datasets(store)
    if as_json:
        print(json.dumps({k: [v.as_dict() for v in vs] for k, vs in found.items()}, indent=2))
    else:
        out.print(views.datasets_table(found))


@app.command()
@one_line_errors
def diff(
    dataset: str,
    old: str,
    new: str,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Entries designated, delisted and changed between two versions of a list."""
    with Store(db, read_only=True) as store:
        result = diff_versions(store, dataset, old, new)
    if as_json:
        print(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
    else:
        views.print_diff(out, result)


@app.command()
@one_line_errors
def show(entity: str, db: DbOption = None, as_json: JsonOption = False) -> None:
    """One entity: every list record behind it, each value's provenance, its links."""
    with Store(db, read_only=True) as store:
        view = get_entity(store, entity)
    if as_json:
        print(json.dumps(views.entity_dict(view), indent=2, ensure_ascii=False))
    else:
        views.print_entity(out, view)


@app.command()
@one_line_errors
def export(
    fmt: Annotated[str, typer.Option("--format", help="ftm, csv or parquet.")] = "ftm",
    dataset: Annotated[str | None, typer.Option(help="Only this dataset.")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write; '-' is stdout.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Export the current version of the lists (FtM JSON lines, or statements as CSV/Parquet)."""
    from fullcourt.sources.ftm_jsonl import write_ftm_jsonl

    with Store(db, read_only=True) as store:
        if fmt == "parquet":
            if output is None or str(output) == "-":
                raise StoreError("parquet export needs --output FILE")
            write_statements_parquet(store, output, dataset)
            return
        handle = sys.stdout if output is None or str(output) == "-" else output.open("w")
        try:
            if fmt == "ftm":
                write_ftm_jsonl(iter_records(store, dataset), handle)
            elif fmt == "csv":
                write_statements_csv(store, handle, dataset)
            else:
                raise StoreError(f"unknown export format {fmt!r}; use ftm, csv or parquet")
        finally:
            if handle is not sys.stdout:
                handle.close()


HostOption = Annotated[str, typer.Option(help="Address to listen on.")]
PortOption = Annotated[int, typer.Option(help="Port to listen on.")]


@app.command()
@one_line_errors
def run(
    db: DbOption = None,
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
    serve_api: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Start the screening API after loading.")
    ] = True,
) -> None:
    """Load the bundled default data into an empty store, summarise it, serve the API."""
    with Store(db) as store:
        if not list_datasets(store):
            err.print("Loading the bundled default data (North Korea related entries)...")
            load_defaults(store)
        found = list_datasets(store)
        path = store.path
    out.print(views.datasets_table(found))
    out.print(f"Store ready: {path}")
    if serve_api:
        _serve(host, port, path)


@app.command()
@one_line_errors
def serve(db: DbOption = None, host: HostOption = "127.0.0.1", port: PortOption = 8000) -> None:
    """Serve the screening API (yente-compatible /match, /search, /entities, /healthz)."""
    with Store(db, read_only=True) as store:
        path = store.path
    _serve(host, port, path)


def _serve(host: str, port: int, path: Path) -> None:
    from fullcourt.api.serve import serve as serve_api

    out.print(f"Screening API on http://{host}:{port} (docs at /docs); Ctrl-C stops it.")
    serve_api(host, port, path)


register_screening(app)
register_network(app)
register_ships(app)


def main() -> None:
    app()
