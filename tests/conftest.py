"""Shared fixtures: the real public lists in ../shared/data and a fresh store per test."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests on a fixed sequence of examples, so that a run passes or
# fails on the code alone; `--hypothesis-profile explore` draws fresh ones to hunt
# for new counterexamples (each one found becomes a case in a test table).
settings.register_profile("ci", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("ci")

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The folder of real public sanctions files; tests read them, never copy them."""
    if not SHARED.is_dir():
        pytest.fail(f"real data folder missing: {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def default_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the bundled default data, built once; tests must only read it."""
    from fullcourt.defaults import load_defaults
    from fullcourt.store import Store

    path = tmp_path_factory.mktemp("default-store") / "store.duckdb"
    with Store(path) as store:
        load_defaults(store)
    return path


@pytest.fixture(scope="session")
def default_matcher(default_store: Path) -> object:
    """The screening index over the default data (typed loosely: fixtures stay light)."""
    from fullcourt.screening.catalog import current_versions, iter_list_entities
    from fullcourt.screening.matcher import Matcher
    from fullcourt.store import Store

    with Store(default_store, read_only=True) as store:
        return Matcher.from_entities(iter_list_entities(store), current_versions(store))
