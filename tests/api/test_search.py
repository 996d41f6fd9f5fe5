"""GET /search: free text over every listed name, in yente's search shape."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_search_finds_a_listed_person(client: TestClient) -> None:
    response = client.get("/search/default", params={"q": "Kim Jong Un", "limit": 3})
    assert response.status_code == 200
    body = response.json()
    assert body["limit"] == 3 and body["offset"] == 0 and body["facets"] == {}
    assert body["total"] == {"value": len(body["results"]), "relation": "eq"}
    assert 0 < len(body["results"]) <= 3
    assert "ofac-20157" in {r["entity_id"] for r in body["results"][0]["records"]}


def test_search_in_one_list_and_one_schema(client: TestClient) -> None:
    body = client.get("/search/un_sc_sanctions", params={"q": "Kim", "schema": "Person"}).json()
    assert body["results"]
    assert all("un_sc_sanctions" in r["datasets"] for r in body["results"])
    assert all(r["schema"] == "Person" for r in body["results"])


def test_search_refusals(client: TestClient) -> None:
    assert client.get("/search/nowhere", params={"q": "Kim"}).status_code == 404
    assert client.get("/search/default", params={"q": "Kim", "schema": "Nope"}).status_code == 400
    missing = client.get("/search/default")
    assert missing.status_code == 422 and missing.json()["detail"][0]["loc"] == ["query", "q"]
    long = client.get("/search/default", params={"q": "K" * 1_001})
    assert long.status_code == 422 and "1000 characters" in long.text
