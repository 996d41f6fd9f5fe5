"""A real store of the bundled North Korea data, and an API client over it.

Each test module gets its own store, audit log and decisions file (module scope),
so that counting audit lines or recording decisions in one module never affects
another.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fullcourt.api import ApiSettings, create_app
from fullcourt.defaults import load_defaults
from fullcourt.engine import Engine
from fullcourt.store import Store


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "store.duckdb"
    with Store(path) as store:
        load_defaults(store)
    return path


@pytest.fixture(scope="module")
def engine(store_path: Path) -> Engine:
    return Engine.for_store(store_path)


@pytest.fixture(scope="module")
def client(engine: Engine, store_path: Path) -> Iterator[TestClient]:
    app = create_app(engine, ApiSettings(store_path=store_path))
    with TestClient(app) as client:  # runs the lifespan: the index is built once
        yield client
