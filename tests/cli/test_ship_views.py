"""Presentation of the ship commands: load summaries, vessel pages, event exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from fullcourt.cli.ship_views import (
    CSV_COLUMNS,
    LoadTally,
    bucket,
    events_table,
    print_load,
    print_vessel,
    render_events,
)
from fullcourt.maritime.analysis import Analysis, analyse, find_vessel
from fullcourt.maritime.listed import ListedShip, Party
from fullcourt.maritime.synth import imo_number
from fullcourt.sources.report import ParseReport

from ..maritime.ship_scenarios import PARTNER, traffic


@pytest.mark.parametrize(
    ("kind", "problem"),
    [
        ("nmea:bad checksum", "bad checksum"),
        ("nmea:bad tag block checksum", "bad checksum"),
        ("nmea:unused type 21", "unknown"),  # aids to navigation: not used
        ("nmea:other sentence", "unknown"),  # $GPGGA and friends
        ("nmea:no timestamp", "no time"),
        ("nmea:MissingPayloadException", "broken"),
        ("nmea:incomplete multi-sentence message", "broken"),
        ("csv:unreadable mmsi", "broken"),
    ],
)
def test_problems(kind: str, problem: str) -> None:
    assert bucket(kind) == problem


def test_load_summary(tmp_path: Path) -> None:
    report = ParseReport()
    report.records = 12
    report.note("nmea:bad checksum", "!AIVDM,1,1,,A,13HOI:0P0000VOHLCnHQKwvL05Ip,0*24")
    report.note("nmea:unused type 4", "!AIVDM,1,1,,A,402B4L1uubaN`1d:>REe@jA028Gh,0*6B")
    tally = LoadTally(folder=tmp_path, positions=10, statics=1, skipped=[tmp_path / "x.csv"])
    tally.add(tmp_path / "a.nmea", report)
    assert tally.counts() == {"broken": 0, "bad checksum": 1, "unknown": 1}
    console = Console(record=True, width=200)
    print_load(console, tally)
    text = console.export_text()
    assert "1 files, 12 messages: 10 positions, 1 static reports" in text
    assert "bad checksum" in text and f"skipped (not AIS): {tmp_path / 'x.csv'}" in text
    assert json.loads(json.dumps(tally.as_dict()))["counts"]["unknown"] == 1


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    owner = Party("o", "OWNER LTD", "Company", "owner")
    ship = ListedShip("s", ("OCEAN BLUE",), imos=(imo_number(930000),), parties=(owner,))
    return analyse(*traffic(), [ship])


def test_event_exports(analysis: Analysis) -> None:
    events = [e for e in analysis.events if PARTNER in (e.mmsi, e.other_mmsi)]
    rows = list(csv.DictReader(io.StringIO(render_events(analysis, events, "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == len(events)
    lines = render_events(analysis, events, "jsonl").splitlines()
    assert [json.loads(line)["kind"] for line in lines] == [e.kind for e in events]
    data = json.loads(render_events(analysis, events, "geojson"))
    assert len(data["features"]) == len(events)
    assert all("severity" in f["properties"] for f in data["features"])
    assert "Events" in render_events(analysis, events, "table")
    assert events_table(analysis, events).row_count == len(events)


def test_vessel_page(analysis: Analysis) -> None:
    console = Console(record=True, width=250)
    print_vessel(console, find_vessel(analysis, "OCEAN BLUE"))
    text = console.export_text()
    assert "OCEAN BLUE IMO 9300001: named on a list, no entry of its own" in text
    assert "owner: OWNER LTD (not listed)" in text
    assert "Owner: OWNER LTD (not itself listed)" in text
    assert "first seen" in text and "Meeting at sea" in text
    unheard = Console(record=True)
    print_vessel(unheard, find_vessel(analysis, "NOBODY"))
    assert unheard.export_text() == "Not heard in the AIS store.\n"
