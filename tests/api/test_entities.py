"""GET /entities/{id}: every list record with each value's source file and sightings."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from fullcourt.defaults import read_manifest
from tests.api.rows import store_rows


def test_entity_with_provenance_and_references(client: TestClient) -> None:
    response = client.get("/entities/ofac-20157")
    assert response.status_code == 200, response.text
    entity = response.json()
    origins = {e["dataset"]: e["origin"] for e in read_manifest()}
    ofac = next(r for r in entity["records"] if r["entity_id"] == "ofac-20157")
    assert ofac["source_id"] == "20157" and ofac["schema"] == "Person"
    birth = next(s for s in ofac["statements"] if s["prop"] == "birthDate")
    assert birth["value"] == "1984-01-08"
    assert birth["origin"] == origins["us_ofac_sdn"]
    assert birth["version"] == "2024-06"
    # one version loaded: first and last seen are its publication (or load) date
    assert birth["first_seen"] == birth["last_seen"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", birth["first_seen"])
    assert "1984-01-08" in entity["properties"]["birthDate"]
    assert "Sanction" in {r["schema"] for r in entity["references"]}


def test_entity_by_the_publishers_own_id(client: TestClient, store_path: Path) -> None:
    ((entity_id,),) = store_rows(
        store_path, "SELECT entity_id FROM records WHERE source_id = 'KPi.001'"
    )
    body = client.get("/entities/KPi.001").json()
    assert entity_id in {r["entity_id"] for r in body["records"]}


def test_entity_by_the_id_match_returns(client: TestClient, store_path: Path) -> None:
    """A ship on several lists is one match result; its id opens every list's record."""
    ((imo, count),) = store_rows(
        store_path,
        """SELECT value, count(DISTINCT dataset) FROM statements
           WHERE prop = 'imoNumber' AND schema = 'Vessel'
           GROUP BY value ORDER BY 2 DESC, 1 LIMIT 1""",
    )
    query = {"schema": "Vessel", "properties": {"imoNumber": [str(imo)]}}
    answer = client.post("/match/default", json={"queries": {"s": query}}).json()
    top = answer["responses"]["s"]["results"][0]
    entity = client.get(f"/entities/{top['id']}").json()
    assert len(entity["datasets"]) == count and int(str(count)) > 1
    assert {r["entity_id"] for r in entity["records"]} == {r["entity_id"] for r in top["records"]}
    assert entity["link_evidence"]


def test_unknown_entity_is_404(client: TestClient) -> None:
    response = client.get("/entities/no-such-entity")
    assert response.status_code == 404
    assert "no-such-entity" in response.json()["detail"]
