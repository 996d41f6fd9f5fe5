"""The bundled North Korea data as a network, built once for every network test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fullcourt.defaults import load_defaults
from fullcourt.network import Graph, graph_from_store
from fullcourt.store import Store


@pytest.fixture(scope="session")
def default_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A store file holding the bundled OFAC, UN, UK and EU entries."""
    path = tmp_path_factory.mktemp("network") / "defaults.duckdb"
    with Store(path) as store:
        load_defaults(store)
    yield path


@pytest.fixture(scope="session")
def default_graph(default_store: Path) -> Graph:
    with Store(default_store, read_only=True) as store:
        return graph_from_store(store)
