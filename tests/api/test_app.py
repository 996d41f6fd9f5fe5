"""The assembled application: routes, OpenAPI with examples and documented limits."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from fullcourt.api import ApiSettings, create_app
from fullcourt.engine import Engine


def openapi(client: TestClient) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    spec: dict[str, Any] = response.json()
    return spec


def test_routes(client: TestClient) -> None:
    paths = openapi(client)["paths"]
    assert set(paths) >= {
        "/match/{dataset}",
        "/search/{dataset}",
        "/entities/{entity_id}",
        "/decisions",
        "/healthz",
        "/network/{entity_id}",
        "/exposure",
        "/vessels/{key}",
        "/events",
    }
    assert client.get("/docs").status_code == 200


def test_match_documents_examples_limits_and_errors(client: TestClient) -> None:
    post = openapi(client)["paths"]["/match/{dataset}"]["post"]
    examples = post["requestBody"]["content"]["application/json"]["examples"]
    person = examples["person"]["value"]["queries"]["q1"]
    assert person["properties"]["name"] == ["Kim Jong Un"]
    vessel = examples["vessel"]["value"]["queries"]["ship"]
    assert vessel == {"schema": "Vessel", "properties": {"imoNumber": ["IMO 7937317"]}}
    assert {"400", "404", "413", "422", "503"} <= set(post["responses"])
    assert "at most 100 queries per request (FULLCOURT_MAX_BATCH)" in post["description"]
    limit = next(p for p in post["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 100 and limit["schema"]["default"] == 5
    threshold = next(p for p in post["parameters"] if p["name"] == "threshold")
    assert threshold["schema"]["default"] == 0.8


def test_operator_limits_are_the_documented_ones(store_path: Path, engine: Engine) -> None:
    settings = ApiSettings(store_path=store_path, max_batch=2, max_limit=7, default_limit=3)
    with TestClient(create_app(engine, settings)) as client:
        post = openapi(client)["paths"]["/match/{dataset}"]["post"]
        assert "at most 2 queries per request" in post["description"]
        limit = next(p for p in post["parameters"] if p["name"] == "limit")
        assert (limit["schema"]["maximum"], limit["schema"]["default"]) == (7, 3)
        query = {"schema": "Person", "properties": {"name": ["Kim"]}}
        response = client.post(
            "/match/default", json={"queries": {"a": query, "b": query, "c": query}}
        )
        assert response.status_code == 413
        assert "3; the limit is 2 (FULLCOURT_MAX_BATCH)" in response.json()["detail"]


def test_a_store_locked_by_a_load_elsewhere_is_503_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    hold = (
        f"from fullcourt.store import Store; s = Store({str(path)!r}); "
        "print('held', flush=True); input()"
    )
    loader = subprocess.Popen(
        [sys.executable, "-c", hold], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert loader.stdout is not None and loader.stdout.readline() == "held\n"
        with TestClient(create_app(Engine.for_store(path), ApiSettings(store_path=path))) as client:
            for response in (client.get("/entities/x"), client.get("/healthz")):
                assert response.status_code == 503
                assert "Could not set lock" in response.json()["detail"]
    finally:
        loader.communicate("\n", timeout=10)  # the process this test started releases its lock
