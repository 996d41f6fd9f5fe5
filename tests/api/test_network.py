"""``/network``, ``/exposure``, ``/ownership`` and ``/reports`` over the bundled data.

The router is mounted on an app of its own, so these tests do not depend on the
factory's registration line.
"""

from __future__ import annotations

from collections.abc import Iterator

import lxml.html
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from lxml import etree

from fullcourt.api.network import AnalysisCache, network_router
from fullcourt.engine import Engine
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


def test_ownership(net: TestClient) -> None:
    body = net.get("/ownership/9346", params={"rule": "uk"}).json()
    assert body["entity"] == "ofac-9346" and body["caption"] == "TANCHON COMMERCIAL BANK"
    (finding,) = body["findings"]
    assert (finding["rule"], finding["status"], finding["designated"]) == ("uk", "blocked", True)
    assert len(net.get("/ownership/9346").json()["findings"]) == 3
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
