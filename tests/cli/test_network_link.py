"""``fullcourt load`` of outside folders, ``fullcourt link`` and its decisions, end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from fullcourt.cli.app import app

FIXTURES = Path(__file__).parents[1] / "sources" / "fixtures"
DIRECTOR = "sg-extract-party-tan-wee-beng-1977-02-14"  # the registry's Wee Beng TAN


@pytest.fixture
def cli(default_store: Path, tmp_path: Path) -> CliRunner:
    path = tmp_path / "store.duckdb"
    shutil.copy(default_store, path)
    env = {"FULLCOURT_DB": str(path), "COLUMNS": "250", "FULLCOURT_ANALYST": ""}
    return CliRunner(env=env)


def invoke(cli: CliRunner, *args: str, code: int = 0) -> str:
    result = cli.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.output


def lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def test_link_workflow(cli: CliRunner) -> None:
    loaded = json.loads(
        invoke(cli, "load", str(FIXTURES / "registry"), str(FIXTURES / "icij"), "--json")
    )
    assert sorted(r["dataset"] for r in loaded) == ["icij_offshoreleaks", "sg_extract"]
    # before any linking the registry's front company is owned by an unlisted company
    front = json.loads(invoke(cli, "ownership", "sg-extract-201907731k", "--json"))
    assert front["status"] == "not_blocked"
    found = lines(invoke(cli, "link", "--json"))
    automatic = {(p["record_id"], p["list_records"][0]) for p in found if p["automatic"]}
    assert ("sg-extract-199308567k", "ofac-25687") in automatic  # WEE TIONG, by number
    assert all(p["in_force"] == p["automatic"] for p in found)
    director = next(p for p in found if p["record_id"] == DIRECTOR)
    assert (director["list_id"], director["score"], director["decision"]) == (
        "ofac-25686",
        1.0,
        None,
    )
    # the automatic link makes the front blocked: WEE TIONG (listed) holds 60%
    front = json.loads(invoke(cli, "ownership", "sg-extract-201907731k", "--json"))
    assert (front["status"], front["blocked_share"]) == ("blocked", [60.0, 60.0])
    ((hop,),) = front["chains"]
    assert (hop["owner_caption"], hop["percentage"]) == ("WEE TIONG (S) PTE LTD", "60%")
    # a decision needs an analyst; then it is recorded and shown
    output = invoke(cli, "link", "accept", DIRECTOR, "ofac-25686", code=1)
    assert "a decision needs the analyst who made it" in output
    output = invoke(cli, "link", "accept", DIRECTOR, "ofac-25686", "--analyst", "ana")
    assert output.startswith("accept: TAN WEE BENG")
    table = invoke(cli, "link")
    assert "accept (in force)" in table and "automatic" in table
    again = {p["record_id"]: p for p in lines(invoke(cli, "link", "--json"))}
    assert (again[DIRECTOR]["decision"], again[DIRECTOR]["in_force"]) == ("accept", True)
    # rejecting the automatic link of WEE TIONG undoes the block on its front
    invoke(cli, "link", "reject", "sg-extract-199308567k", "ofac-25687", "--analyst", "ana")
    front = json.loads(invoke(cli, "ownership", "sg-extract-201907731k", "--json"))
    assert front["status"] == "not_blocked"
    output = invoke(
        cli, "link", "reject", "sg-extract-199308567k", "ofac-1", "--analyst", "a", code=1
    )
    assert "no proposal links 'sg-extract-199308567k' to 'ofac-1'" in output
    output = invoke(cli, "link", "--dataset", "nope", code=1)
    assert output.strip() == "error: no dataset 'nope' in the store"
