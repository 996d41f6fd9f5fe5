"""benchmarks/network.py runs end to end at a tiny size (its figures are not checked)."""

from __future__ import annotations

import pytest
from benchmarks.network import main


def test_tiny_run(capsys: pytest.CaptureFixture[str]) -> None:
    figures = main(
        [
            "--companies",
            "400",
            "--officers",
            "600",
            "--links",
            "1500",
            "--sample",
            "300",
            "--designated",
            "20",
            "--rounds",
            "5",
        ]
    )
    assert figures["sample parties"] == 300
    assert float(figures["max |arrays - networkx|"]) < 1e-8  # both compute the same scores
    assert figures["walk nodes"] >= 1000
    assert "exposure" in capsys.readouterr().out
