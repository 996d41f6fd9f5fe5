"""``ais load``, ``vessel`` and ``events`` end to end: real receiver files, the bundled lists,
and the seeded scenario fleet written to an AIS store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from fullcourt.cli.ship_views import bucket
from fullcourt.cli.ships import expand, once, register
from fullcourt.maritime.ingest import read_ais, read_parquet, write_parquet
from fullcourt.sources.ais_frames import AisFrames

from ..maritime.ship_scenarios import NAMPO_CALLER, PARTNER, RENAMED, traffic

runner = CliRunner()
ENV = {"FULLCOURT_AIS": "", "COLUMNS": "200"}


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


@pytest.fixture(scope="module")
def real(shared: Path) -> list[Path]:
    return [
        shared / "ais/pyais/nmea_data_sample.txt",  # 898 lines, 778 decodable, no times
        shared / "ais/aisdb/test_data_20211101.nm4",  # 979 messages with tag-block times
    ]


@pytest.fixture(scope="module")
def real_store(
    app: typer.Typer, real: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    folder = tmp_path_factory.mktemp("real") / "ais"
    args = ["ais", "load", *map(str, real), "--into", str(folder), "--json"]
    result = runner.invoke(app, args, env=ENV)
    assert result.exit_code == 0, result.output
    (folder / "load.json").write_text(result.stdout)
    return folder


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scenario") / "ais"
    write_parquet(AisFrames(*traffic()), folder)
    return folder


def test_ais_load_counts_what_it_read(real_store: Path, real: list[Path]) -> None:
    loaded = json.loads((real_store / "load.json").read_text())
    assert loaded["messages"] == 778 + 979
    assert loaded["files"] == [str(p) for p in real]
    positions, statics, report = read_ais(real)  # the same files read in one go
    stored = read_parquet(real_store)
    assert stored.positions.height == positions.height
    assert stored.statics.height == statics.height
    expected = {"broken": 0, "bad checksum": 0, "unknown": 0}
    for kind, count in report.unknown.items():
        expected[bucket(kind)] = expected.get(bucket(kind), 0) + count
    assert loaded["counts"] == expected
    assert loaded["counts"]["broken"] == 120  # 100 empty payloads, 20 unfinished 2-part messages
    assert loaded["counts"]["no time"] == 764  # the pyais sample has no tag blocks


def test_ais_load_for_people(app: typer.Typer, real: list[Path], tmp_path: Path) -> None:
    result = runner.invoke(app, ["ais", "load", str(real[1]), "--into", str(tmp_path)], env=ENV)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 files, 979 messages:")
    assert "nmea:unused type 21" in result.stdout  # aisdb's file holds aids to navigation


def test_folders_and_globs_load_each_file_once(shared: Path, tmp_path: Path) -> None:
    pyais = shared / "ais/pyais"
    found = once(expand([str(pyais / "*.ais"), str(pyais), str(pyais / "sample.ais")]))
    names = [p.name for p, _ in found]
    assert len(names) == len(set(names)) == 7  # every file of the folder
    assert dict((p.name, named) for p, named in found)["sample.ais"] is True  # named outright


def test_files_that_are_not_ais(app: typer.Typer, shared: Path, tmp_path: Path) -> None:
    reference = shared / "ais/reference"  # ports, zones, hotspots: none of them AIS
    args = ["ais", "load", str(reference), "--into", str(tmp_path), "--json"]
    result = runner.invoke(app, args, env=ENV)
    assert result.exit_code == 0, result.output
    loaded = json.loads(result.stdout)
    assert loaded["files"] == [] and len(loaded["skipped"]) == 5
    named = runner.invoke(app, ["ais", "load", str(reference / "dprk_ports.csv")], env=ENV)
    assert named.exit_code == 1 and "not an AIS format" in named.stderr
    missing = runner.invoke(app, ["ais", "load", str(tmp_path / "nope*.nmea")], env=ENV)
    assert missing.exit_code == 1 and missing.stderr.count("\n") == 1


def invoke(app: typer.Typer, db: Path, ais: Path, *args: str) -> str:
    result = runner.invoke(app, [*args, "--db", str(db), "--ais", str(ais)], env=ENV)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_vessel_by_imo(app: typer.Typer, default_store: Path, scenario: Path) -> None:
    body = json.loads(invoke(app, default_store, scenario, "vessel", "IMO 8660313", "--json"))
    assert body["mmsis"] == [RENAMED]
    assert body["listed"][0]["names"] == ["CHON MA SAN", "Go Mal San 4"]
    assert body["risks"][0]["lines"][0]["severity"] == "listed_meeting"
    text = invoke(app, default_store, scenario, "vessel", "GLORY STAR")
    assert "CHON MA SAN IMO 8660313: listed on eu_journal_sanctions" in text
    assert "GLORY STAR" in text and "Meeting at sea involving a listed ship" in text


def test_vessel_unknown(app: typer.Typer, default_store: Path, scenario: Path) -> None:
    args = ["vessel", "NO SUCH SHIP", "--db", str(default_store), "--ais", str(scenario)]
    result = runner.invoke(app, args, env=ENV)
    assert result.exit_code == 1 and "no vessel" in result.stderr


def test_missing_stores_are_noted(app: typer.Typer, tmp_path: Path) -> None:
    args = ["events", "--db", str(tmp_path / "none.duckdb"), "--format", "jsonl"]
    result = runner.invoke(app, args, env=ENV)
    assert result.exit_code == 0 and result.stdout == ""
    assert "no list store at" in result.stderr and "no AIS store at" in result.stderr
    assert f"no AIS store at {tmp_path / 'none.duckdb.ais'}:" in result.stderr


def test_events_by_type_and_area(app: typer.Typer, default_store: Path, scenario: Path) -> None:
    args = ("events", "--type", "encounter", "--area", "west_korea_bay_chodo", "--format", "jsonl")
    (line,) = invoke(app, default_store, scenario, *args).splitlines()
    row = json.loads(line)
    assert (row["mmsi"], row["other_mmsi"], row["severity"]) == (
        PARTNER,
        RENAMED,
        "listed_meeting",
    )
    text = invoke(app, default_store, scenario, "events", "--type", "port_visit", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["severity"] == "dprk_port_call" and int(rows[0]["mmsi"]) == NAMPO_CALLER
    assert json.loads(rows[0]["evidence"])["level"] == 4
    table = invoke(app, default_store, scenario, "events", "--type", "gap,zone_entry")
    assert "AIS gap" in table and "territorial_sea_12nm" in table


def test_events_to_a_file(
    app: typer.Typer, default_store: Path, scenario: Path, tmp_path: Path
) -> None:
    target = tmp_path / "events.txt"
    invoke(app, default_store, scenario, "events", "--type", "identity", "-o", str(target))
    assert "mmsi_shared" in target.read_text()


def test_bad_options(app: typer.Typer, default_store: Path, scenario: Path) -> None:
    for args in (["--type", "gaps"], ["--area", "atlantis"], ["--format", "xml"]):
        result = runner.invoke(app, ["events", *args, "--db", str(default_store)], env=ENV)
        assert result.exit_code == 1 and result.stderr.startswith("error: <options>:")


def test_events_geojson_of_the_real_files(
    app: typer.Typer, default_store: Path, real_store: Path
) -> None:
    data = json.loads(invoke(app, default_store, real_store, "events", "--format", "geojson"))
    assert data["type"] == "FeatureCollection" and data["features"]
    # placeholders 000000000 and 123456789, coast and group stations, MID 704 (nobody's)
    assert sorted(f["properties"]["mmsi"] for f in data["features"]) == [
        0,
        133310,
        1245196,
        59700014,
        62585404,
        123456007,
        123456789,
        704687870,
    ]
    assert {f["properties"]["kind"] for f in data["features"]} == {"mmsi_invalid"}
    for feature in data["features"]:
        assert feature["properties"]["text"].startswith("Identity anomaly")
        assert feature["geometry"]["type"] == "Point"  # where the transmitter was heard
        assert feature["properties"]["located"] == "vessel"
