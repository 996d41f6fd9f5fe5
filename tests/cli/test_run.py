"""``fullcourt run`` loads the bundled data into an empty store (serving is tested in the API)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from fullcourt.cli.app import app


def test_run_loads_defaults_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FULLCOURT_DB", str(tmp_path / "s.duckdb"))
    runner = CliRunner()
    first = runner.invoke(app, ["run", "--no-serve"])
    assert first.exit_code == 0, first.output
    assert "Loading the bundled default data" in first.output
    assert "us_ofac_sdn" in first.output and "Store ready" in first.output
    again = runner.invoke(app, ["run", "--no-serve"])
    assert again.exit_code == 0 and "Loading the bundled" not in again.output
