"""``/network``, ``/exposure``, ``/ownership`` and ``/reports`` over the bundled data.

The router is mounted on an app of its own, so these tests do not depend on the
factory's registration line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from lxml import etree

from fullcourt.api.network import AnalysisCache, network_router
from fullcourt.defaults import load_defaults
from fullcourt.engine import Engine
from fullcourt.ingest import load_paths
from fullcourt.store import Store


@pytest.fixture(scope="module")
def net(engine: Engine) -> Iterator[TestClient]:
    app = FastAPI()
    app.include_router(network_router(engine))
    with TestClient(app) as client:
        yield client


def test_network_is_cytoscape_json(net: TestClient) -> None:
    response = net.get("/network/KPe.002", params={"depth": 1})
    assert response.status_code == 200
    body = response.json()
    assert (body["center"], body["depth"], body["truncated"]) == ("fc-gb-dpr0160", 1, False)
    nodes, edges = body["elements"]["nodes"], body["elements"]["edges"]
    ids = {n["data"]["id"] for n in nodes}
    assert all({"source", "target", "id"} <= e["data"].keys() for e in edges)
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    center = next(n for n in nodes if n["data"]["id"] == body["center"])
    assert center["data"]["list_ids"] == ["gb_fcdo_sanctions:DPR0160", "un_sc_sanctions:KPe.002"]
    assert center["data"]["distance"] == 0
    capped = net.get("/network/KPe.002", params={"max_nodes": 2}).json()
    assert (
        capped["truncated"]
        and sum(n["classes"] != "value" for n in capped["elements"]["nodes"]) == 2
    )


def test_exposure(net: TestClient) -> None:
    body = net.get("/exposure", params={"top": 3, "dataset": "un_sc_sanctions"}).json()
    assert body["against"] == ["un_sc_sanctions"]
    first = body["results"][0]
    assert first["party"] == {
        "id": "ofac-9346",
        "caption": "TANCHON COMMERCIAL BANK",
        "designated": True,
    }
    assert first["paths"][0]["record_ids"] == ["ofac-unknownlink-ofac-18557-ofac-9346-linked-to"]
    scores = [r["score"] for r in body["results"]]
    assert scores == sorted(scores, reverse=True) and len(scores) == 3
    vessels = net.get("/exposure", params={"dataset": "un_sc_sanctions", "category": "vessel"})
    assert {r["category"] for r in vessels.json()["results"]} == {"vessel"}
    assert net.get("/exposure", params={"category": "boat"}).status_code == 422
    owned = net.get("/exposure", params={"dataset": "un_sc_sanctions", "link_type": "ownership"})
    assert "ofac-9346" not in {r["party"]["id"] for r in owned.json()["results"]}
    unknown = net.get("/exposure", params={"link_type": "friendship"})
    assert unknown.status_code == 422 and "unknown link type" in unknown.json()["detail"]


def test_ownership(net: TestClient) -> None:
    # the object ``fullcourt ownership --json`` prints: a designated party is blocked by
    # its own designation, with no owner in the lists
    body = net.get("/ownership/9346", params={"jurisdiction": "uk"}).json()
    assert body == {"status": "blocked", "blocked_share": [0.0, 0.0], "chains": []}
    assert net.get("/ownership/9346").json() == body  # us when none is given
    # the deprecated rule names a jurisdiction by its rule; both must agree
    assert net.get("/ownership/9346", params={"rule": "ofac"}).json() == body
    both = net.get("/ownership/9346", params={"rule": "ofac", "jurisdiction": "us"})
    assert both.status_code == 200
    clash = net.get("/ownership/9346", params={"rule": "ofac", "jurisdiction": "uk"})
    assert clash.status_code == 422 and "contradicts" in clash.json()["detail"]
    assert net.get("/ownership/9346", params={"jurisdiction": "ofac"}).status_code == 422
    missing = net.get("/ownership/KPe.999")
    assert missing.status_code == 404 and "KPe.999" in missing.json()["detail"]


def test_reports(net: TestClient) -> None:
    page = net.get("/reports/9346")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = lxml.html.fromstring(page.text)
    assert "us_ofac_sdn:9346" in str(
        etree.tostring(html, method="text", encoding="unicode")
    ) and html.xpath("//svg")
    assert html.xpath("//script") == [] and html.xpath("//@src") == []
    md = net.get("/reports/9346", params={"format": "md"})
    assert md.headers["content-type"].startswith("text/markdown")
    assert md.text.startswith("# Evidence pack: TANCHON COMMERCIAL BANK")
    data = net.get("/reports/9346", params={"format": "json"}).json()
    assert data["query"] == "9346" and data["records"][0]["source_id"] == "9346"
    assert net.get("/reports/KPe.999").status_code == 404
    assert net.get("/reports/9346", params={"format": "pdf"}).status_code == 422


def test_analysis_kept_while_versions_stand(engine: Engine) -> None:
    cache = AnalysisCache()
    with Store(engine.store_path, read_only=True) as store:
        first = cache.get(store)
        assert cache.get(store) is first  # same list versions: no rebuild
    assert first.party("9346").caption == "TANCHON COMMERCIAL BANK"


FIXTURES = Path(__file__).parents[1] / "sources" / "fixtures"
DIRECTOR = "sg-extract-party-tan-wee-beng-1977-02-14"  # the registry's Wee Beng TAN


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A store of its own: the bundled lists and the registry extract fixture."""
    path = tmp_path_factory.mktemp("links") / "store.duckdb"
    with Store(path) as store:
        load_defaults(store)
        load_paths(store, [FIXTURES / "registry"])
    app = FastAPI()
    app.include_router(network_router(Engine.for_store(path)))
    with TestClient(app) as client:
        yield client


def test_links_run_list_and_decide(linked: TestClient) -> None:
    assert linked.get("/links").json()["results"] == []  # nothing linked yet
    front = "/ownership/sg-extract-201907731k"
    assert linked.get(front, params={"jurisdiction": "us"}).json()["status"] == "not_blocked"
    run = linked.post("/links/run").json()
    assert run["algorithm"] == "fullcourt-v1" and ["us_ofac_sdn", "2024-06"] in run["versions"]
    automatic = {r["record_id"] for r in run["results"] if r["automatic"]}
    assert "sg-extract-199308567k" in automatic
    # the cached network is rebuilt: the front company is now blocked through WEE TIONG
    blocked = linked.get(front, params={"jurisdiction": "us"}).json()
    assert blocked["status"] == "blocked" and blocked["blocked_share"] == [60.0, 60.0]
    ((hop,),) = blocked["chains"]
    assert (hop["asset"], hop["percentage"]) == ("sg-extract-201907731k", "60%")
    pending = linked.get("/links", params={"pending": True}).json()["results"]
    assert {r["record_id"] for r in pending} == {
        DIRECTOR,
        "sg-extract-party-199308567k-tan-wee-beng",
    }
    body = {"record_id": DIRECTOR, "list_id": "ofac-25686", "decision": "accept", "analyst": "ana"}
    made = linked.post("/links/decisions", json=body)
    assert made.status_code == 201
    assert (made.json()["decision"], made.json()["score"]) == ("accept", 1.0)
    after = linked.get("/links", params={"pending": True}).json()["results"]
    assert [r["record_id"] for r in after] == ["sg-extract-party-199308567k-tan-wee-beng"]
    network = linked.get("/network/ofac-25686", params={"depth": 0}).json()
    (center,) = network["elements"]["nodes"]
    assert center["data"]["id"] == "ofac-25686"
    node = linked.get(f"/reports/{DIRECTOR}", params={"format": "json"}).json()
    assert "ofac-25686" in json.dumps(node)  # the record is part of the listed party


def test_link_decision_errors(linked: TestClient) -> None:
    body = {"record_id": DIRECTOR, "list_id": "ofac-1", "decision": "accept", "analyst": "ana"}
    missing = linked.post("/links/decisions", json=body)
    assert missing.status_code == 404
    assert missing.json()["detail"] == f"No proposal links {DIRECTOR!r} to 'ofac-1'"
    assert linked.post("/links/decisions", json={**body, "decision": "maybe"}).status_code == 422
    assert linked.post("/links/decisions", json={**body, "analyst": " "}).status_code == 422
    assert linked.post("/links/run", params={"dataset": "nope"}).status_code == 404
