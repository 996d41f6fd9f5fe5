"""Shared fixtures: the real public lists in ../shared/data and a fresh store per test."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The folder of real public sanctions files; tests read them, never copy them."""
    if not SHARED.is_dir():
        pytest.fail(f"real data folder missing: {SHARED}")
    return SHARED
