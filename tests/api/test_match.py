"""POST /match on the bundled lists: yente's shapes, hits, limits and the audit trail."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from fullcourt.api.examples import YENTE_DOCUMENTATION
from fullcourt.defaults import read_manifest
from fullcourt.screening.score import ALGORITHM, ALGORITHM_VERSION
from tests.api.rows import store_rows

KIM = {"schema": "Person", "properties": {"name": ["Kim Jong Un"]}}


def match(client: TestClient, body: dict[str, Any], path: str = "default", **params: Any) -> Any:
    return client.post(f"/match/{path}", json=body, params=params)


def ok(client: TestClient, body: dict[str, Any], **params: Any) -> dict[str, Any]:
    response = match(client, body, **params)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def audit_lines(store_path: Path) -> list[dict[str, Any]]:
    path = store_path.with_name(store_path.name + ".audit.jsonl")
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_kim_jong_un_is_found_with_yente_fields(client: TestClient) -> None:
    body = ok(client, {"queries": {"q1": KIM}})
    assert set(body) >= {"responses", "matcher", "limit", "algorithm", "versions"}
    assert body["limit"] == 5 and body["algorithm"] == "fullcourt-v1"
    answer = body["responses"]["q1"]
    assert answer["status"] == 200
    assert answer["query"] == {
        "id": None,
        "schema": "Person",
        "properties": {"name": ["Kim Jong Un"]},
    }
    top = answer["results"][0]
    assert answer["total"] == {"value": len(answer["results"]), "relation": "eq"}
    # OFAC publishes him as last name KIM, first name Jong Un (ent_num 20157)
    assert "ofac-20157" in {r["entity_id"] for r in top["records"]}
    assert top["schema"] == "Person" and top["score"] >= 0.8 and top["match"] is True
    yente_fields = {"id", "caption", "schema", "properties", "datasets", "referents", "target"}
    assert yente_fields | {"first_seen", "last_seen", "score", "match", "features"} <= set(top)
    assert top["explanations"]["name"]["score"] == top["features"]["name"]


def test_vessel_by_imo_alone_is_a_hit(client: TestClient, store_path: Path) -> None:
    ((imo, entity_id),) = store_rows(
        store_path,
        """SELECT value, entity_id FROM statements WHERE prop = 'imoNumber'
           AND schema = 'Vessel' ORDER BY value LIMIT 1""",
    )
    vessel = {"schema": "Vessel", "properties": {"imoNumber": [f"IMO {imo}"]}}
    (top, *_) = ok(client, {"queries": {"ship": vessel}})["responses"]["ship"]["results"]
    assert entity_id in {r["entity_id"] for r in top["records"]}
    assert top["match"] is True and top["features"]["identifier_imo"] == 0.99


def test_the_request_from_yentes_documentation_works_unchanged(client: TestClient) -> None:
    body = ok(client, YENTE_DOCUMENTATION)
    assert set(body["responses"]) == {"entity1", "entity2"}
    company = body["responses"]["entity2"]
    assert company["query"]["properties"]["jurisdiction"] == ["hk"]
    assert all(not r["match"] for a in body["responses"].values() for r in a["results"])


def test_yente_algorithm_names_are_answered_by_ours(client: TestClient) -> None:
    body = ok(client, {"queries": {"q1": KIM}}, algorithm="logic-v2")
    assert body["matcher"] == {
        "name": ALGORITHM,
        "version": ALGORITHM_VERSION,
        "requested": "logic-v2",
    }
    assert body["warnings"] == ["algorithm 'logic-v2' was answered by fullcourt-v1"]
    response = match(client, {"queries": {"q1": KIM}}, algorithm="logic-v9")
    assert (
        response.status_code == 400 and "unknown algorithm 'logic-v9'" in response.json()["detail"]
    )


def test_every_query_is_audited_with_versions_and_algorithm(
    client: TestClient, store_path: Path
) -> None:
    before = len(audit_lines(store_path))
    queries = {f"q{i}": {"schema": "Person", "properties": {"name": [n]}} for i, n in
               enumerate(["Kim Jong Un", "Choe Ryong Hae", "Nobody Atall"])}  # fmt: skip
    body = ok(client, {"queries": queries}, threshold=0.9)
    new = audit_lines(store_path)[before:]
    assert len(new) == 3
    expected = sorted([e["dataset"], e["version"]] for e in read_manifest())
    for line, (key, answer) in zip(new, body["responses"].items(), strict=True):
        assert line["kind"] == "screening" and line["channel"] == "api"
        assert line["hash"] == answer["receipt"] and line["query_key"] == answer["query_key"]
        assert line["query"]["properties"] == queries[key]["properties"]
        assert sorted(line["versions"]) == expected
        assert line["algorithm"] == f"{ALGORITHM}/{ALGORITHM_VERSION}" and line["threshold"] == 0.9
    assert body["versions"] == {d: v for d, v in expected}


def test_threshold_limit_and_cutoff(client: TestClient) -> None:
    strict = ok(client, {"queries": {"q": KIM}}, threshold=1.0, limit=1)
    assert strict["limit"] == 1 and len(strict["responses"]["q"]["results"]) <= 1
    assert all(r["match"] == (r["score"] >= 1.0) for r in strict["responses"]["q"]["results"])
    high = ok(client, {"queries": {"q": KIM}}, cutoff=0.99, limit=20)
    assert all(r["score"] >= 0.99 for r in high["responses"]["q"]["results"])


def test_one_list_by_path_and_by_include(client: TestClient) -> None:
    for params, path in (({}, "us_ofac_sdn"), ({"include_dataset": "us_ofac_sdn"}, "default")):
        body = ok(client, {"queries": {"q": KIM}}, path=path, **params)
        assert all("us_ofac_sdn" in r["datasets"] for r in body["responses"]["q"]["results"])
    body = ok(client, {"queries": {"q": KIM}}, exclude_dataset="us_ofac_sdn")
    assert all(r["datasets"] != ["us_ofac_sdn"] for r in body["responses"]["q"]["results"])


def test_unknown_dataset_is_404_naming_the_known_ones(client: TestClient) -> None:
    response = match(client, {"queries": {"q": KIM}}, path="eu_fsf")
    assert response.status_code == 404
    assert response.json()["detail"].startswith("No such dataset: 'eu_fsf'. Known: default,")
    assert "us_ofac_sdn" in response.json()["detail"]


def test_unknown_schema_is_400_naming_it(client: TestClient) -> None:
    response = match(client, {"queries": {"q": {"schema": "Persn", "properties": {"name": "x"}}}})
    assert response.status_code == 400 and "unknown schema 'Persn'" in response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "status", "named"),
    [
        ({"queries": {f"q{i}": KIM for i in range(101)}}, 413, "the limit is 100"),
        (
            {"queries": {"q": {"schema": "Person", "properties": {"name": ["K" * 2_000]}}}},
            422,
            "the limit is 1000 characters",
        ),
        ({"queries": {}}, 400, "No queries provided."),
        ({"queries": {"q": {"properties": {"name": ["x"]}}}}, 422, "Field required"),
    ],
)
def test_limits_and_malformed_bodies_are_refused_before_screening(
    client: TestClient, store_path: Path, body: dict[str, Any], status: int, named: str
) -> None:
    before = len(audit_lines(store_path))
    response = match(client, body)
    assert response.status_code == status
    assert named in response.text
    assert len(audit_lines(store_path)) == before  # nothing screened, nothing audited
