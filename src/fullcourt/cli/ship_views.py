"""How the ship commands present results: Rich tables for people, CSV/JSON/GeoJSON for tools.

Every row of an events listing carries its severity and its sentence, so an export read
outside fullcourt still says why each event matters.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from fullcourt.maritime.analysis import Analysis, VesselView
from fullcourt.maritime.events import Event
from fullcourt.maritime.geojson import collection, dumps, event_features
from fullcourt.sources.report import ParseReport

CSV_COLUMNS = (
    "rank",
    "severity",
    "kind",
    "mmsi",
    "other_mmsi",
    "start",
    "end",
    "tier",
    "confidence",
    "lat",
    "lon",
    "text",
    "evidence",
)


def bucket(kind: str) -> str:
    """What a reader's complaint means to an analyst loading files."""
    if "checksum" in kind:
        return "bad checksum"
    if "unused type" in kind or "other sentence" in kind:
        return "unknown"
    if "no timestamp" in kind:
        return "no time"
    return "broken"


@dataclass
class LoadTally:
    folder: Path
    files: list[str] = field(default_factory=list)
    positions: int = 0
    statics: int = 0
    report: ParseReport = field(default_factory=ParseReport)
    skipped: list[Path] = field(default_factory=list)

    def add(self, path: Path, report: ParseReport) -> None:
        self.files.append(str(path))
        self.report.merge(report)

    def counts(self) -> dict[str, int]:
        found: Counter[str] = Counter({"broken": 0, "bad checksum": 0, "unknown": 0})
        for kind, count in self.report.unknown.items():
            found[bucket(kind)] += count
        return dict(found)

    def as_dict(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder),
            "files": self.files,
            "skipped": [str(p) for p in self.skipped],
            "messages": self.report.records,
            "positions": self.positions,
            "statics": self.statics,
            "counts": self.counts(),
            "details": self.report.as_dict()["unknown"],
        }


def print_load(console: Console, tally: LoadTally) -> None:
    counts = ", ".join(f"{n:,} {k}" for k, n in tally.counts().items())
    console.print(
        f"{len(tally.files)} files, {tally.report.records:,} messages: {tally.positions:,} "
        f"positions, {tally.statics:,} static reports into {tally.folder}; {counts}",
        highlight=False,
    )
    table = Table("problem", "kind", "count", "example")
    for kind, count in tally.report.unknown.most_common():
        example = (tally.report.examples.get(kind) or [""])[0]
        table.add_row(bucket(kind), kind, f"{count:,}", example[:60])
    if table.row_count:
        console.print(table)
    for path in tally.skipped:
        console.print(f"skipped (not AIS): {path}", highlight=False)


def _time(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else ""


def print_vessel(console: Console, view: VesselView) -> None:
    for ship in view.ships:
        imo = f" IMO {', '.join(ship.imos)}" if ship.imos else ""
        console.print(f"[bold]{ship.name}[/bold]{imo}: {ship.status()}")
        for party in ship.parties:
            state = "listed" if party.listed else "not listed"
            console.print(f"  {party.role}: {party.name} ({state})", highlight=False)
    if not view.mmsis:
        console.print("Not heard in the AIS store.")
    if view.history.height:
        table = Table("MMSI", "field", "value", "first seen", "last seen", "reports")
        for row in view.history.sort("mmsi", "field", "first_seen").iter_rows(named=True):
            table.add_row(
                f"{row['mmsi']:09d}",
                row["field"],
                row["value"],
                _time(row["first_seen"]),
                _time(row["last_seen"]),
                str(row["count"]),
            )
        console.print(table)
    for risk in view.risks:
        console.print(f"[bold]{risk.key}[/bold] {', '.join(risk.names)}")
        for status in risk.status_lines():
            console.print(f"  {status}", highlight=False)
        table = Table("#", "MMSI", "what happened")
        for line in risk.lines:
            table.add_row(str(line.severity.rank), f"{line.mmsi:09d}", line.text)
        if table.row_count:
            console.print(table)


def events_table(analysis: Analysis, events: Sequence[Event]) -> Table:
    table = Table("#", "kind", "MMSI", "start", "tier", "what happened", title="Events")
    for event in events:
        line = analysis.explain(event)
        table.add_row(
            str(line.severity.rank),
            event.kind,
            f"{event.mmsi:09d}",
            _time(event.start),
            event.tier,
            line.text,
        )
    return table


def render_events(analysis: Analysis, events: Sequence[Event], fmt: str) -> str:
    """Events as CSV, JSON lines, a GeoJSON FeatureCollection or a plain-text table."""
    if fmt == "geojson":
        extra = analysis.explain
        features = event_features(
            events,
            analysis.positions,
            lambda e: {"severity": extra(e).severity.code, "text": extra(e).text},
        )
        return dumps(collection(features)) + "\n"
    rows = [analysis.event_dict(e) for e in events]
    buffer = io.StringIO()
    if fmt == "jsonl":
        buffer.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    elif fmt == "csv":
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({**r, "evidence": json.dumps(r["evidence"])} for r in rows)
    else:
        Console(file=buffer, width=160).print(events_table(analysis, events))
    return buffer.getvalue()
