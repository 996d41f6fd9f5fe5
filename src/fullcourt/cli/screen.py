"""``fullcourt screen``, ``decide`` and ``audit-verify``: batch screening and its record.

``screen`` streams end to end (reader, queries, results, writer are generators and
nothing is kept per row), so a file of ten million customers runs in the memory of a
small one. Every row is screened through the :class:`Engine`, which writes it to the
audit log; ``decide`` records an analyst's decision on one hit, which later runs of
the same query show as suppressed; ``audit-verify`` checks the log's hash chain.

Register on the main app with ``register(app)`` once ``one_line_errors`` is defined.
"""

from __future__ import annotations

import csv
import gc
import getpass
import json
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.progress import (
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from fullcourt.audit import DECISIONS, AuditError, AuditLog
from fullcourt.engine import Engine
from fullcourt.screening.batch import (
    CSV_COLUMNS,
    SCHEMATA,
    ColumnPlan,
    Query,
    Tally,
    csv_rows,
    json_record,
    make_query,
    parse_maps,
    plan_columns,
)
from fullcourt.screening.matcher import Match, Matcher
from fullcourt.screening.parallel import MatchPool, MatchSettings, default_workers
from fullcourt.screening.score import DEFAULT_THRESHOLD
from fullcourt.sources.customers import FORMATS, CustomerRow, read_customers
from fullcourt.sources.errors import SourceError

err = Console(stderr=True)
COLLECT_EVERY = 1000
DbOption = Annotated[
    Path | None,
    typer.Option("--db", envvar="FULLCOURT_DB", help="Store file (default ./fullcourt.duckdb)."),
]


class BatchEngine(Engine):
    """An engine that answers a whole batch from the list versions it started with.

    A batch is one compliance run: every row must be screened against the same list
    versions (the audit log then shows one set for the run), and checking the store
    for a newer version on every row would reopen it millions of times.
    """

    def matcher(self) -> Matcher:
        return self._matcher if self._matcher is not None else super().matcher()


Writer = Callable[[Query, str, list[dict[str, Any]], str | None], None]


def _output_format(output: str, given: str | None) -> str:
    if given is not None:
        if given not in FORMATS:
            raise SourceError(f"--format must be csv or jsonl, not {given!r}")
        return given
    return "jsonl" if output.endswith((".jsonl", ".json", ".ndjson")) else "csv"


def _open(output: str) -> TextIO:
    if output == "-":
        return sys.stdout
    return open(output, "w", encoding="utf-8", newline="")  # closed by open_writer


@contextmanager
def open_writer(output: str, fmt: str, hits_above: float | None) -> Iterator[Writer]:
    """A per-query writer to a file or stdout; nothing is kept between queries."""
    handle = _open(output)
    table = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)

    def write(query: Query, key: str, results: list[dict[str, Any]], receipt: str | None) -> None:
        if fmt == "csv":
            table.writerows(csv_rows(query, key, results, hits_above=hits_above))
            return
        record = json_record(query, key, results, receipt, hits_above=hits_above)
        if record is not None:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    try:
        if fmt == "csv":
            table.writeheader()
        yield write
    finally:
        handle.flush()
        if handle is not sys.stdout:
            handle.close()


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} rows/s" if speed else "", style="progress.data.speed")


@contextmanager
def _progress(console: Console) -> Iterator[Callable[[], None]]:
    """Rows done and the rate on stderr; the total is unknown while streaming."""
    columns = (
        SpinnerColumn(),
        TextColumn("{task.completed:,} rows screened"),
        _RateColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("screen", total=None)
        yield lambda: progress.advance(task)


def _summary(tally: Tally, seconds: float, plan: ColumnPlan, encodings: set[str]) -> None:
    """What was read how, and the counts; one line each, whatever the terminal width."""
    rate = tally.rows / seconds if seconds > 0 else 0.0
    mapped = ", ".join(
        f"{p}<-{'+'.join(c)}{' (guessed)' if p in plan.guessed else ''}"
        for p, c in plan.props.items()
    )
    kinds = f"; type: {plan.schema_column}" if plan.schema_column else ""
    lines = [
        f"columns: {mapped}; id: {plan.id_column or 'line number'}{kinds}; "
        f"encodings: {', '.join(sorted(encodings)) or '-'}",
        f"{tally.rows:,} rows, {tally.matched:,} with matches, {tally.suppressed:,} with "
        f"suppressed hits only, {tally.errors:,} errors, {tally.warnings:,} with warnings; "
        f"{seconds:.1f} s, {rate:,.0f} rows/s",
    ]
    if tally.errors:
        more = ", ..." if tally.errors > len(tally.error_lines) else ""
        lines.append(f"rows with errors at lines {', '.join(map(str, tally.error_lines))}{more}")
    for line in lines:
        err.print(line, highlight=False, soft_wrap=True, markup=False)


def screen(
    file: Annotated[Path, typer.Argument(help="Customer file: CSV or JSON lines.")],
    name_column: Annotated[
        str | None, typer.Option(help="Column with the names (same as --map name=COL).")
    ] = None,
    schema: Annotated[str, typer.Option(help=", ".join(SCHEMATA))] = "LegalEntity",
    fmt: Annotated[
        str | None,
        typer.Option("--format", "--output-format", help="Output: csv or jsonl (default: by -o)."),
    ] = None,
    input_format: Annotated[
        str | None, typer.Option(help="Input: csv or jsonl (default: read from the file).")
    ] = None,
    maps: Annotated[
        list[str] | None, typer.Option("--map", help="PROPERTY=COLUMN, e.g. birthDate=DOB.")
    ] = None,
    id_column: Annotated[str | None, typer.Option(help="Column with the row's id.")] = None,
    schema_column: Annotated[
        str | None, typer.Option(help="Column with each row's type (Person, Vessel...).")
    ] = None,
    threshold: Annotated[float, typer.Option(help="Score for a match.")] = DEFAULT_THRESHOLD,
    limit: Annotated[int, typer.Option(min=1, help="Results per row.")] = 3,
    output: Annotated[str, typer.Option("--output", "-o", help="File, or '-'.")] = "-",
    only_matches: Annotated[bool, typer.Option(help="Only rows with hits.")] = False,
    dataset: Annotated[list[str] | None, typer.Option(help="Only these lists.")] = None,
    actor: Annotated[str | None, typer.Option(help="Who runs it (default: user).")] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Processes that match (default: one per core).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Screen every row of a customer file against the lists, streaming."""
    out_fmt = _output_format(output, fmt)
    if name_column is not None:
        maps = [*(maps or []), f"name={name_column}"]
    engine = BatchEngine.for_store(db)
    settings = RunSettings(
        threshold, limit, frozenset(dataset or []) or None, actor or getpass.getuser()
    )
    with file.open("rb") as handle:
        customers = read_customers(handle, name=str(file), fmt=input_format)
        plan = plan_columns(
            customers.columns,
            parse_maps(maps or []),
            schema,
            id_column,
            schema_column=schema_column,
            file=str(file),
        )
        matcher = engine.matcher()  # build the index first, so its errors come first
        run = {"file": str(file), "columns": plan.props, "settings": settings.as_dict()}
        _log(engine, "batch_started", {**run, "versions": [list(v) for v in matcher.versions]})
        started = time.monotonic()
        with (
            # the workers fork before the progress bar starts its thread
            MatchPool(matcher, workers or default_workers()) as pool,
            open_writer(output, out_fmt, threshold if only_matches else None) as write,
            _progress(err) as tick,
            _synced(engine),
        ):
            tally = screen_rows(engine, customers.rows, plan, write, settings, tick, pool)
    seconds = time.monotonic() - started
    _log(engine, "batch_finished", {**run, **tally.counts(), "seconds": round(seconds, 3)})
    _summary(tally, seconds, plan, customers.encodings)


AUDIT_SYNC_ROWS = 1000


@contextmanager
def _synced(engine: Engine) -> Iterator[None]:
    """Rows' audit events synced to disk in groups; ``batch_finished``, written after,
    is synced on its own and proves the run's events complete."""
    if engine.audit is None:
        yield
        return
    with engine.audit.synced_every(AUDIT_SYNC_ROWS):
        yield


def _log(engine: Engine, kind: str, body: dict[str, Any]) -> None:
    """Bracket a run in the audit log, so its row events can be told from others."""
    if engine.audit is not None:
        engine.audit.append(kind, {"channel": "batch", "actor": body["settings"]["actor"], **body})


@dataclass(frozen=True, slots=True)
class RunSettings:
    threshold: float = DEFAULT_THRESHOLD
    limit: int = 3
    datasets: frozenset[str] | None = None
    actor: str = ""

    def as_dict(self) -> dict[str, Any]:
        datasets = sorted(self.datasets) if self.datasets is not None else None
        return {
            "threshold": self.threshold,
            "limit": self.limit,
            "datasets": datasets,
            "actor": self.actor,
        }


def screen_rows(
    engine: Engine,
    rows: Iterable[CustomerRow],
    plan: ColumnPlan,
    write: Writer,
    settings: RunSettings,
    tick: Callable[[], None] | None = None,
    pool: MatchPool | None = None,
) -> Tally:
    """Screen and write row by row, in input order; only the counts outlive a row.

    Matching runs on the processes of ``pool`` (parallel.py; this one alone without
    it); decisions, the audit log and the output stay in this one, in order. Each row
    allocates and drops the same small objects. CPython keeps dropped tuples and
    floats on free lists that only a full collection empties, and the index's hundreds
    of thousands of objects make full collections rare, so memory would creep with the
    length of the run. The heap is frozen for the run (a full collection then skips the
    index and costs microseconds) and collected every ``COLLECT_EVERY`` rows.
    """
    tally = Tally(threshold=settings.threshold)
    matcher = pool.matcher if pool is not None else engine.matcher()
    match = MatchSettings(settings.threshold, settings.limit, settings.datasets)
    in_flight: deque[Query] = deque()

    def requests() -> Iterator[tuple[str, dict[str, list[str]]] | None]:
        for row in rows:
            query = make_query(row, plan)
            in_flight.append(query)
            # a row that cannot be screened keeps its place, with no matches
            yield (query.schema, query.properties) if query.error is None else None

    frozen_here = gc.get_freeze_count() == 0
    gc.freeze()
    try:
        with MatchPool(matcher) if pool is None else nullcontext(pool) as running:
            for matches in running.run(requests(), match):
                query = in_flight.popleft()
                _write_row(engine, query, matches, write, settings, tally, matcher.versions)
                _tick(tick, tally)
    finally:
        if frozen_here:
            gc.unfreeze()
    return tally


def _tick(tick: Callable[[], None] | None, tally: Tally) -> None:
    if tick is not None:
        tick()
    if tally.rows % COLLECT_EVERY == 0:
        gc.collect()


def _write_row(
    engine: Engine,
    query: Query,
    matches: list[Match],
    write: Writer,
    settings: RunSettings,
    tally: Tally,
    versions: tuple[tuple[str, str], ...],
) -> None:
    key, results, receipt = "", [], None
    if query.error is None:
        outcome = engine.record(
            query.schema,
            query.properties,
            matches,
            versions,
            threshold=settings.threshold,
            actor=settings.actor,
            channel="batch",
        )
        key, results, receipt = outcome.query_key, outcome.results, outcome.receipt
    write(query, key, results, receipt)
    tally.add(query, results)


def decide(
    query_key: Annotated[str, typer.Argument(help="query_key from the screening output.")],
    entity_id: Annotated[str, typer.Argument(help="entity_id of the hit.")],
    decision: Annotated[str, typer.Option(help=", ".join(DECISIONS))],
    analyst: Annotated[str, typer.Option(help="Who decided.")],
    note: Annotated[str, typer.Option(help="Why.")] = "",
    db: DbOption = None,
) -> None:
    """Record an analyst's decision on one hit; a false positive is suppressed from then on."""
    engine = Engine.for_store(db)
    if engine.audit is None or engine.decisions is None:  # pragma: no cover - for_store sets both
        raise SourceError("no audit log")
    if not _was_returned(engine.audit, query_key, entity_id):
        raise SourceError(
            f"no screening in the audit log returned {entity_id!r} for query {query_key!r}",
            file=str(engine.audit.path),
        )
    try:
        made = engine.decisions.record(query_key, entity_id, decision, analyst, note)
    except ValueError as exc:
        raise SourceError(str(exc), file="<options>") from None
    print(f"{made.decision} recorded by {made.analyst} at {made.at}: {entity_id} for {query_key}")


def _was_returned(audit: AuditLog, query_key: str, entity_id: str) -> bool:
    """Whether a screening of this query ever showed this entity (guards against typos).

    The raw line is tested for both strings before it is parsed, so that a log of
    millions of batch screenings is scanned at disk speed.
    """
    if not audit.path.exists():
        return False
    key, entity = query_key.encode(), json.dumps(entity_id).encode()
    with audit.path.open("rb") as handle:
        for line in handle:
            if key in line and entity in line and _shows(line, query_key, entity_id):
                return True
    return False


def _shows(line: bytes, query_key: str, entity_id: str) -> bool:
    try:
        event = json.loads(line)
    except ValueError:
        return False  # audit-verify reports broken lines; here they show nothing
    return (
        event.get("kind") == "screening"
        and event.get("query_key") == query_key
        and any(r.get("id") == entity_id for r in event.get("results", []))
    )


def _first_unreadable(path: Path) -> int:
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                event = json.loads(line)
                event["hash"]
            except (ValueError, KeyError, TypeError):
                return number
    return 0


def audit_verify(
    log: Annotated[Path | None, typer.Option(help="Audit log (default: beside the store).")] = None,
    db: DbOption = None,
) -> None:
    """Check the audit log's hash chain: exit 1 naming the first line that was changed."""
    audit = AuditLog(log) if log is not None else Engine.for_store(db).audit
    if audit is None or not audit.path.exists():
        raise SourceError("no audit log", file=str(log or db or "<store>"))
    try:
        count = audit.verify()
    except AuditError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    except (ValueError, KeyError, TypeError):
        line = _first_unreadable(audit.path)
        raise SourceError("unreadable audit event", file=str(audit.path), line=line) from None
    print(f"audit log intact: {count:,} events in {audit.path}")


def register(app: typer.Typer) -> None:
    """Add ``screen``, ``decide`` and ``audit-verify`` to the main app."""
    from fullcourt.cli.app import one_line_errors

    app.command("screen")(one_line_errors(screen))
    app.command("decide")(one_line_errors(decide))
    app.command("audit-verify")(one_line_errors(audit_verify))
