"""GET /healthz: ok with the list versions served; 503 while nothing can be screened."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from fastapi.testclient import TestClient

from fullcourt.api import ApiSettings, create_app
from fullcourt.api.health import StoreCheck, store_problem
from fullcourt.defaults import read_manifest
from fullcourt.engine import Engine
from fullcourt.screening.score import ALGORITHM, ALGORITHM_VERSION
from fullcourt.store import Store
from tests.api.rows import store_rows


def test_healthy_store_reports_versions_entities_algorithm(
    client: TestClient, store_path: Path
) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["algorithm"] == f"{ALGORITHM}/{ALGORITHM_VERSION}"
    assert body["datasets"] == {e["dataset"]: e["version"] for e in read_manifest()}
    # records of one entity on several lists are one screening entity: fewer than entries
    ((entries,),) = store_rows(
        store_path, "SELECT count(*) FROM records WHERE source_id IS NOT NULL"
    )
    assert 0 < body["entities"] <= int(str(entries))


def unavailable(path: Path) -> dict[str, str]:
    app = create_app(Engine.for_store(path), ApiSettings(store_path=path))
    with TestClient(app) as client:  # starts although nothing can be screened
        response = client.get("/healthz")
        assert response.status_code == 503
        assert client.post("/match/default", json={"queries": {}}).status_code == 503
        body: dict[str, str] = response.json()
        return body


def test_missing_store_is_503(tmp_path: Path) -> None:
    body = unavailable(tmp_path / "none.duckdb")
    assert body["status"] == "unavailable"
    assert body["detail"].endswith("none.duckdb: no store here yet; load a list first")


def test_empty_store_is_503(tmp_path: Path) -> None:
    Store(tmp_path / "empty.duckdb").close()
    assert unavailable(tmp_path / "empty.duckdb")["detail"].endswith("no list loaded yet")
    assert store_problem(tmp_path / "empty.duckdb") is not None


def test_store_check_keeps_only_a_healthy_answer(tmp_path: Path, default_store: Path) -> None:
    path = tmp_path / "store.duckdb"
    Store(path).close()
    check = StoreCheck(path)
    assert check() is not None  # no list yet
    shutil.copy(default_store, path)
    assert check() is None  # a problem is not kept: the loaded store is seen at once
    # while the files keep their time and size the store is not opened again: a file
    # swapped for junk behind the probe's back shows only once it changes
    stat = path.stat()
    path.write_bytes(b"\0" * stat.st_size)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert check() is None and store_problem(path) is not None
    path.unlink()
    assert check() is not None
