"""Rich tables and JSON shapes for the CLI's results."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from fullcourt.store.diff import EntryChange, VersionDiff
from fullcourt.store.load import LoadResult
from fullcourt.store.query import EntityView, VersionInfo


@contextmanager
def record_progress(console: Console, *, enabled: bool) -> Iterator[Callable[[], None] | None]:
    """A live count of parsed entities; a file's entity count is unknown until parsed."""
    if not enabled:
        yield None
        return
    columns = (
        SpinnerColumn(),
        TextColumn("{task.completed:,} entities parsed"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("load", total=None)
        yield lambda: progress.advance(task)


def load_result_dict(result: LoadResult) -> dict[str, object]:
    return {
        "dataset": result.dataset,
        "version": result.version,
        "loaded": result.loaded,
        "current_again": result.reinstated,
        "entities": result.entities,
        "statements": result.statements,
        "invalid_identifiers": result.flags,
        "report": result.report.as_dict(),
    }


def load_table(results: list[LoadResult]) -> Table:
    table = Table(title="Loaded")
    for column in (
        "dataset",
        "version",
        "status",
        "entities",
        "statements",
        "invalid ids",
        "unrecognised items",
    ):
        table.add_column(column)
    for r in results:
        status = "loaded" if r.loaded else "already in store"
        if r.reinstated:
            status += ", current again"
        unknown = sum(r.report.unknown.values())
        table.add_row(
            r.dataset,
            r.version,
            status,
            f"{r.entities:,}",
            f"{r.statements:,}",
            str(r.flags),
            str(unknown),
        )
    return table


def datasets_table(found: dict[str, list[VersionInfo]]) -> Table:
    table = Table(title="Datasets")
    for column in ("dataset", "version", "published", "entries", "entities", "current"):
        table.add_column(column)
    for dataset, versions in found.items():
        for v in versions:
            table.add_row(
                dataset,
                v.version,
                v.published or "-",
                f"{v.entries:,}",
                f"{v.entities:,}",
                "yes" if v.current else "",
            )
    return table


def _change_line(change: EntryChange) -> str:
    return f"{change.source_id}  {change.name}  ({change.schema})"


def print_diff(console: Console, result: VersionDiff) -> None:
    console.print(f"[bold]{result.dataset}[/bold] {result.old} -> {result.new}")
    for title, items in (("added", result.added), ("removed", result.removed)):
        console.print(f"[bold]{title}[/bold]: {len(items)}")
        for item in items:
            console.print(f"  {_change_line(item)}", highlight=False)
    console.print(f"[bold]changed[/bold]: {len(result.changed)}")
    for item in result.changed:
        console.print(f"  {_change_line(item)}", highlight=False)
        for sign, props in (("+", item.added), ("-", item.removed)):
            for prop, values in props.items():
                console.print(f"      {sign} {prop}: {'; '.join(values)}", highlight=False)


def entity_dict(view: EntityView) -> dict[str, object]:
    return {
        "canonical_id": view.canonical_id,
        "link_evidence": view.link_evidence,
        "records": [
            {
                "dataset": r.dataset,
                "version": r.version,
                "entity_id": r.entity_id,
                "source_id": r.source_id,
                "schema": r.schema,
                "caption": r.caption,
                "statements": [
                    {
                        "prop": s.prop,
                        "value": s.value,
                        "origin": s.origin,
                        "first_seen": s.first_seen,
                        "last_seen": s.last_seen,
                    }
                    for s in r.statements
                ],
            }
            for r in view.records
        ],
        "referenced_by": [
            {"entity_id": e, "schema": k, "prop": p, "caption": c} for e, k, p, c in view.references
        ],
    }


def print_entity(console: Console, view: EntityView) -> None:
    console.print(f"[bold]{view.records[0].caption}[/bold]  ({view.canonical_id})")
    if view.link_evidence:
        console.print(f"same entity on several lists: {view.link_evidence}", highlight=False)
    for record in view.records:
        table = Table(
            title=f"{record.dataset} {record.version}  {record.schema} {record.source_id or ''}"
        )
        for column in ("property", "value", "source file", "first seen", "last seen"):
            table.add_column(column)
        for s in record.statements:
            table.add_row(s.prop, s.value, s.origin or "", s.first_seen, s.last_seen)
        console.print(table)
    if view.references:
        table = Table(title="Linked")
        for column in ("entity", "schema", "via", "caption"):
            table.add_column(column)
        for row in view.references:
            table.add_row(*row)
        console.print(table)
