"""``fullcourt ais load``, ``vessel`` and ``events``: ships on the command line.

``ais load`` appends AIS files to the Parquet AIS store (beside the list store unless
``--into`` or ``FULLCOURT_AIS`` says otherwise); ``vessel`` and ``events`` analyse the
whole AIS store against the listed ships of the list store each time they run, so they
always reflect the latest lists and AIS. Presentation lives in ``cli/ship_views.py``.

Register on the main app with ``register(app)`` once ``one_line_errors`` is defined.
"""

from __future__ import annotations

import glob
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

from fullcourt.cli import ship_views as views
from fullcourt.maritime.analysis import Analysis, find_vessel, kinds_for
from fullcourt.maritime.areas import parse_area, select_events
from fullcourt.maritime.ingest import detect_format, iter_ais, write_parquet
from fullcourt.maritime.places import default_places
from fullcourt.maritime.stored import analyse_stored, default_ais_folder
from fullcourt.sources.errors import SourceError
from fullcourt.sources.report import ParseReport
from fullcourt.sources.stream import decompress, peek
from fullcourt.store.db import default_path

out = Console()
err = Console(stderr=True)
FORMATS = ("table", "csv", "jsonl", "geojson")
DbOption = Annotated[
    Path | None,
    typer.Option("--db", envvar="FULLCOURT_DB", help="Store file (default ./fullcourt.duckdb)."),
]
AisOption = Annotated[
    Path | None,
    typer.Option("--ais", help="AIS store folder (default: FULLCOURT_AIS, or beside the store)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]


def _folders(db: Path | None, ais: Path | None) -> tuple[Path, Path]:
    store = db or default_path()
    return store, ais or default_ais_folder(store)


def _analyse(db: Path | None, ais: Path | None) -> Analysis:
    """The analysis of both stores, saying on stderr when one of them is missing."""
    store, folder = _folders(db, ais)
    if not store.exists():
        note = f"note: no list store at {store}: vessels are not matched to the lists"
        err.print(note, highlight=False, soft_wrap=True)
    if not folder.is_dir():
        note = f"note: no AIS store at {folder}: load files with `fullcourt ais load`"
        err.print(note, highlight=False, soft_wrap=True)
    return analyse_stored(store, folder)


def expand(args: list[str]) -> Iterator[tuple[Path, bool]]:
    """Files named, globbed or found in folders; the flag is True for files named outright."""
    for arg in args:
        path = Path(arg)
        matches = [path] if path.exists() else [Path(p) for p in sorted(glob.glob(arg))]
        if not matches:
            raise SourceError("no such file or folder, and no file matches it", file=arg)
        for match in matches:
            if match.is_dir():
                found = sorted(p for p in match.rglob("*") if p.is_file())
                yield from ((p, False) for p in found if not p.name.startswith("."))
            else:
                yield match, match == path


def once(found: Iterable[tuple[Path, bool]]) -> list[tuple[Path, bool]]:
    """Each file once, in first-seen order; named outright if any argument named it."""
    seen: dict[Path, tuple[Path, bool]] = {}
    for path, explicit in found:
        first, named = seen.get(path.resolve(), (path, False))
        seen[path.resolve()] = (first, named or explicit)
    return list(seen.values())


def _is_ais(path: Path) -> bool:
    with path.open("rb") as handle:
        head = peek(decompress(handle, path.name))
    return detect_format(head) is not None


def load_files(files: list[Path], folder: Path, progress: Progress) -> views.LoadTally:
    """Append every file's batches to the AIS store, counting what was read and skipped."""
    tally = views.LoadTally(folder=folder)
    task = progress.add_task("AIS", total=sum(p.stat().st_size for p in files))
    done = 0
    for path in files:
        progress.update(task, description=path.name)
        report = ParseReport()
        with path.open("rb") as handle:
            for frames in iter_ais(handle, name=path.name, report=report):
                write_parquet(frames, folder)
                tally.positions += frames.positions.height
                tally.statics += frames.statics.height
                progress.update(task, completed=done + handle.tell())
        done += path.stat().st_size
        progress.update(task, completed=done)
        tally.add(path, report)
    return tally


def ais_load(
    paths: Annotated[list[str], typer.Argument(help="AIS files, folders or glob patterns.")],
    into: Annotated[Path | None, typer.Option("--into", help="AIS store folder.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Load AIS files (NMEA, CSV, JSON lines; gzip/zip too) into the Parquet AIS store."""
    _, folder = _folders(db, into)
    named = once(expand(paths))
    files = [p for p, explicit in named if explicit or _is_ais(p)]
    skipped = [p for p, explicit in named if not explicit and p not in files]
    columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=as_json) as progress:
        tally = load_files(files, folder, progress)
    tally.skipped = skipped
    if as_json:
        print(json.dumps(tally.as_dict(), indent=2))
    else:
        views.print_load(out, tally)


def vessel(
    key: Annotated[str, typer.Argument(help="MMSI, IMO (7 digits or 'IMO 1234567') or name.")],
    db: DbOption = None,
    ais: AisOption = None,
    as_json: JsonOption = False,
) -> None:
    """A vessel's list entries, identity timeline and events, most serious first."""
    view = find_vessel(_analyse(db, ais), key)
    if not view.mmsis and not view.ships:
        raise SourceError("no vessel with this MMSI, IMO or name in AIS or the lists", file=key)
    if as_json:
        print(json.dumps(view.as_dict(), indent=2, ensure_ascii=False))
    else:
        views.print_vessel(out, view)


def events(
    types: Annotated[
        list[str] | None,
        typer.Option("--type", help="encounter, gap, loitering, port_visit, zone_entry, identity."),
    ] = None,
    area: Annotated[
        str | None, typer.Option(help="Zone, hotspot or port name, or lon1,lat1,lon2,lat2.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help=", ".join(FORMATS))] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write.")] = None,
    db: DbOption = None,
    ais: AisOption = None,
) -> None:
    """Events found in the AIS store, most serious first, filtered by type and area."""
    if fmt not in FORMATS:
        raise SourceError(f"--format must be one of {', '.join(FORMATS)}", file="<options>")
    try:
        kinds = kinds_for(types or [])
        where = parse_area(area, default_places()) if area else None
    except ValueError as exc:
        raise SourceError(str(exc), file="<options>") from None
    analysis = _analyse(db, ais)
    chosen = select_events(analysis.events, kinds=kinds, area=where, positions=analysis.positions)
    chosen.sort(key=lambda e: analysis.explain(e).sort_key())
    if fmt == "table" and output is None:
        out.print(views.events_table(analysis, chosen))
        return
    text = views.render_events(analysis, chosen, fmt)
    if output is None:
        print(text, end="")
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"{len(chosen):,} events written to {output}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add ``ais load``, ``vessel`` and ``events`` to the main app."""
    from fullcourt.cli.app import one_line_errors

    ais_app = typer.Typer(help="AIS data: load receiver files into the AIS store.")
    ais_app.command("load")(one_line_errors(ais_load))
    app.add_typer(ais_app, name="ais")
    app.command("vessel")(one_line_errors(vessel))
    app.command("events")(one_line_errors(events))
