"""The issue's interfaces end to end: ``fullcourt load FILE.ftm.json`` into a fresh store,
then ``ownership --json [--jurisdiction]`` and ``exposure --json --top N``."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from fullcourt.cli.app import app


def _party(entity_id: str, schema: str, name: str, **props: list[str]) -> dict[str, Any]:
    return {"id": entity_id, "schema": schema, "properties": {"name": [name], **props}}


def _owns(owner: str, asset: str, percentage: str) -> dict[str, Any]:
    props = {"owner": [owner], "asset": [asset], "percentage": [percentage]}
    return {"id": f"own-{owner}-{asset}", "schema": "Ownership", "properties": props}


ENTITIES = [
    _party("kim", "Person", "Kim Designated", topics=["sanction"]),  # topic, no Sanction
    _party("lee", "Person", "Lee Unlisted"),
    *(_party(c, "Company", f"{c.upper()} TRADING") for c in "abcdefg"),
    _owns("kim", "a", "51%"),
    _owns("kim", "b", "25-50%"),
    _owns("kim", "c", ">25%"),
    _owns("kim", "d", ""),
    _owns("lee", "e", "51%"),
    _owns("kim", "f", "50%"),
    _owns("a", "g", "100%"),  # through a company kim's 51% blocks
]
# (entity, jurisdiction, status, blocked share [low, high])
CASES = [
    ("a", "us", "blocked", [51.0, 51.0]),
    ("a", "uk", "blocked", [51.0, 51.0]),
    ("b", "us", "possibly_blocked", [25.0, 50.0]),  # the band may reach 50
    ("b", "uk", "not_blocked", [25.0, 50.0]),  # never more than 50
    ("c", "eu", "possibly_blocked", [25.0, 100.0]),
    ("d", "us", "possibly_blocked", [0.0, 100.0]),  # no percentage: unknown
    ("e", "us", "not_blocked", [0.0, 0.0]),  # its owner is on no list
    ("f", "us", "blocked", [50.0, 50.0]),  # 50% or more
    ("f", "eu", "blocked", [50.0, 50.0]),
    ("f", "uk", "not_blocked", [50.0, 50.0]),  # more than 50%
    ("g", "us", "blocked", [100.0, 100.0]),
    ("kim", "us", "blocked", [0.0, 0.0]),  # designated itself; nobody owns it
]


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> CliRunner:
    folder = tmp_path_factory.mktemp("ftm")
    source = folder / "case.ftm.json"
    source.write_text("".join(json.dumps(e) + "\n" for e in ENTITIES), encoding="utf-8")
    runner = CliRunner(env={"FULLCOURT_DB": str(folder / "store.duckdb")})
    result = runner.invoke(app, ["load", str(source), "--json"])
    assert result.exit_code == 0, result.output
    (loaded,) = json.loads(result.output)
    assert (loaded["dataset"], loaded["entities"]) == ("ftm_import", len(ENTITIES))
    return runner


def run(cli: CliRunner, *args: str) -> str:
    result = cli.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(("entity", "jurisdiction", "status", "share"), CASES)
def test_ownership_json(
    cli: CliRunner, entity: str, jurisdiction: str, status: str, share: list[float]
) -> None:
    found = json.loads(run(cli, "ownership", entity, "--json", "--jurisdiction", jurisdiction))
    assert list(found) == ["status", "blocked_share", "chains"]
    assert (found["status"], found["blocked_share"]) == (status, share)


def test_chains_and_default_jurisdiction(cli: CliRunner) -> None:
    found = json.loads(run(cli, "ownership", "g", "--json"))  # us when none is given
    ((first, second),) = found["chains"]
    assert (first["owner"], first["asset"], first["percentage"]) == ("kim", "a", "51%")
    assert (second["owner"], second["asset"], second["share"]) == ("a", "g", [100.0, 100.0])
    assert json.loads(run(cli, "ownership", "f", "--json")) == json.loads(
        run(cli, "ownership", "f", "--json", "--jurisdiction", "us")
    )


def test_exposure_json_lines(cli: CliRunner) -> None:
    rows = [json.loads(line) for line in run(cli, "exposure", "--json", "--top", "5").splitlines()]
    assert len(rows) == 5
    assert all({"id", "score", "paths"} <= set(row) for row in rows)
    assert "kim" not in {row["id"] for row in rows}  # designated parties are not ranked
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert rows[0]["paths"][0]["seed"]["id"] == "kim"
    assert 0 < rows[-1]["score"] <= rows[0]["score"] <= 1
