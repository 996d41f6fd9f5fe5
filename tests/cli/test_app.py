"""The CLI end to end on real files: load, datasets, diff, show, export, errors."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fullcourt.cli.app import app

MONTHLY = "ofac_sdn/jackdwyer_monthly"


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("FULLCOURT_DB", str(tmp_path / "store.duckdb"))
    return CliRunner()


def invoke(cli: CliRunner, *args: str, code: int = 0) -> str:
    result = cli.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.output


def entries(path: Path) -> dict[str, tuple[str, str]]:
    """ent_num -> (name, program), read with the csv module as an independent oracle."""
    with gzip.open(path, "rt", encoding="utf-8", errors="replace", newline="") as handle:
        return {row[0]: (row[1], row[3]) for row in csv.reader(handle) if len(row) > 3}


@pytest.mark.slow
def test_diff_reproduces_designations_between_monthly_snapshots(
    cli: CliRunner, shared: Path
) -> None:
    old, new = (
        shared / MONTHLY / "sdn_2023-11-30.csv.gz",
        shared / MONTHLY / "sdn_2023-12-28.csv.gz",
    )
    invoke(cli, "load", str(old))
    invoke(cli, "load", str(new))
    diff = json.loads(invoke(cli, "diff", "us_ofac_sdn", "2023-11-30", "2023-12-28", "--json"))
    before, after = entries(old), entries(new)
    assert {d["source_id"] for d in diff["added"]} == after.keys() - before.keys()
    assert {d["source_id"] for d in diff["removed"]} == before.keys() - after.keys()
    dprk_added = {d["source_id"] for d in diff["added"] if "DPRK" in after[d["source_id"]][1]}
    assert len(dprk_added) == 8  # SERIES_STATS: 471 -> 479 DPRK programme entries
    names = {d["source_id"]: d["name"] for d in diff["added"]}
    # the name as published, whatever order the model keeps its parts in
    assert all(
        set(names[i].split()) == set(after[i][0].replace(",", "").split()) for i in dprk_added
    )


def test_load_datasets_show_export(cli: CliRunner, shared: Path, tmp_path: Path) -> None:
    un = shared / "un_sc/2026-02-27_moov-watchman/consolidated.xml"
    assert "loaded" in invoke(cli, "load", str(un))
    again = json.loads(invoke(cli, "load", str(un), "--json"))
    assert again[0]["loaded"] is False  # same content twice: nothing changes
    found = json.loads(invoke(cli, "datasets", "--json"))
    (version,) = found["un_sc_sanctions"]
    assert version["version"] == "2026-02-27" and version["entries"] > 155
    shown = json.loads(invoke(cli, "show", "KPi.001", "--json"))
    assert shown["records"][0]["source_id"] == "KPi.001"
    first = shown["records"][0]["statements"][0]
    assert first["origin"] == "consolidated.xml" and first["first_seen"] == "2026-02-27"
    lines = invoke(cli, "export", "--format", "ftm", "--dataset", "un_sc_sanctions").splitlines()
    exported = [json.loads(line) for line in lines]
    assert any(e.get("source_id") == "KPi.001" for e in exported)
    target = tmp_path / "s.parquet"
    invoke(cli, "export", "--format", "parquet", "-o", str(target))
    assert target.stat().st_size > 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"\x00\x01binary junk that is no list", "not recognised"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    cli: CliRunner, tmp_path: Path, content: bytes, expected: str
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    output = invoke(cli, "load", str(bad), code=1)
    assert expected in output and str(bad) in output
    assert len(output.strip().splitlines()) == 1


def test_truncated_file_leaves_store_unchanged(
    cli: CliRunner, shared: Path, tmp_path: Path
) -> None:
    good = shared / "un_sc/2018-06-07_perchrh/consolidated.xml"
    invoke(cli, "load", str(good))
    before = invoke(cli, "datasets", "--json")
    cut = tmp_path / "cut.xml"
    cut.write_bytes(
        (shared / "un_sc/2026-02-27_moov-watchman/consolidated.xml").read_bytes()[:200_000]
    )
    output = invoke(cli, "load", str(cut), code=1)
    assert "cut.xml:" in output
    assert invoke(cli, "datasets", "--json") == before


def test_show_unknown_entity(cli: CliRunner, shared: Path) -> None:
    invoke(cli, "load", str(shared / "un_sc/2018-06-07_perchrh/consolidated.xml"))
    assert "no entity" in invoke(cli, "show", "nobody", code=1)


def test_read_commands_need_a_store(cli: CliRunner) -> None:
    assert "no store here yet" in invoke(cli, "datasets", code=1)
