"""An analyst's false-positive decision suppresses that result on the next same query."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

QUERY = {"queries": {"c1": {"schema": "Person", "properties": {"name": ["Kim Jong Un"]}}}}


def screen(client: TestClient) -> dict[str, Any]:
    response = client.post("/match/default", json=QUERY)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()["responses"]["c1"]
    return answer


def decide(client: TestClient, **fields: str) -> Any:
    return client.post("/decisions", json={"analyst": "j.smith", **fields})


def test_false_positive_then_clear(client: TestClient, store_path: Path) -> None:
    first = screen(client)
    top = first["results"][0]
    assert top["match"] is True and top["suppressed"] is False
    made = decide(
        client,
        query_key=first["query_key"],
        entity_id=top["id"],
        decision="false_positive",
        note="customer born 1990, passport checked",
    )
    assert made.status_code == 201, made.text
    assert made.json()["decision"] == "false_positive" and made.json()["at"]

    again = screen(client)
    assert again["query_key"] == first["query_key"]
    suppressed = next(r for r in again["results"] if r["id"] == top["id"])
    assert suppressed["suppressed"] is True and suppressed["match"] is False
    assert suppressed["score"] == top["score"]  # shown, not hidden, with the reason
    assert suppressed["decision"]["note"] == "customer born 1990, passport checked"

    decide(client, query_key=first["query_key"], entity_id=top["id"], decision="clear")
    restored = next(r for r in screen(client)["results"] if r["id"] == top["id"])
    assert restored["match"] is True and restored["suppressed"] is False

    audit = store_path.with_name(store_path.name + ".audit.jsonl").read_text().splitlines()
    kinds = [json.loads(line)["kind"] for line in audit]
    assert kinds == ["screening", "decision", "screening", "decision", "screening"]


def test_unknown_entity_is_404(client: TestClient) -> None:
    response = decide(
        client, query_key="0" * 32, entity_id="no-such-entity", decision="false_positive"
    )
    assert response.status_code == 404 and "no-such-entity" in response.json()["detail"]


def test_bad_decisions_are_422_naming_the_field(client: TestClient) -> None:
    for fields, field in (
        ({"query_key": "0" * 32, "entity_id": "x", "decision": "ignore"}, "decision"),
        ({"query_key": "not-a-key", "entity_id": "x", "decision": "clear"}, "query_key"),
        ({"query_key": "0" * 32, "entity_id": "x", "decision": "clear", "analyst": " "}, "analyst"),
    ):
        response = decide(client, **fields)
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["body", field]
