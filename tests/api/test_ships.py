"""The ship routes over the bundled lists and the seeded scenario fleet in an AIS store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fullcourt.api import ApiSettings, create_app
from fullcourt.api.ships import router
from fullcourt.engine import Engine
from fullcourt.maritime.ingest import write_parquet
from fullcourt.sources.ais_frames import AisFrames

from ..maritime.ship_scenarios import NAMPO_CALLER, PARTNER, RENAMED, SPOOFED, traffic

GEOJSON = "application/geo+json"


@pytest.fixture(scope="module")
def ais(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ais") / "ais"
    write_parquet(AisFrames(*traffic()), folder)
    return folder


@pytest.fixture(scope="module")
def ships(store_path: Path, ais: Path) -> Iterator[TestClient]:
    app = create_app(Engine.for_store(store_path), ApiSettings(store_path=store_path))
    app.state.ais_folder = ais  # create_app already serves the ship routes
    with TestClient(app) as client:
        yield client


def test_routes_are_documented(ships: TestClient) -> None:
    paths = ships.get("/openapi.json").json()["paths"]
    assert {"/vessels/{key}", "/events", "/tracks/{mmsi}.geojson"} <= set(paths)
    assert {r.path for r in router.routes} == {  # type: ignore[attr-defined]
        "/vessels/{key}",
        "/events",
        "/tracks/{mmsi}.geojson",
    }


def test_vessel_by_imo_name_or_mmsi(ships: TestClient) -> None:
    for key in ("IMO 8660313", "CHON MA SAN", str(RENAMED)):
        body = ships.get(f"/vessels/{key}").json()
        assert body["mmsis"] == [RENAMED]
        assert body["listed"][0]["id"] == "fc-eu-oj-32017r1509-xiv-a-10"
        assert body["risks"][0]["key"] == "imo:8660313"
        assert body["risks"][0]["lines"][0]["severity"] == "listed_meeting"
    missing = ships.get("/vessels/NO SUCH SHIP")
    assert missing.status_code == 404 and "NO SUCH SHIP" in missing.json()["detail"]


def test_events_most_serious_first(ships: TestClient) -> None:
    body = ships.get("/events").json()
    assert body["count"] == len(body["events"]) > 20
    first = body["events"][0]
    assert (first["severity"], first["mmsi"]) == ("dprk_port_call", NAMPO_CALLER)
    ranks = [e["rank"] for e in body["events"]]
    assert ranks == sorted(ranks)


def test_events_as_geojson_by_type_and_area(ships: TestClient) -> None:
    params = {"type": ["encounter", "gap"], "area": "120,36,126,40", "format": "geojson"}
    response = ships.get("/events", params=params)
    assert response.status_code == 200 and response.headers["content-type"] == GEOJSON
    data = json.loads(response.text)
    kinds = sorted(f["properties"]["kind"] for f in data["features"])
    assert kinds == ["ais_gap", "encounter"]  # the meeting, and the partner's 14 h silence
    (gap,) = [f for f in data["features"] if f["properties"]["kind"] == "ais_gap"]
    assert gap["properties"]["mmsi"] == PARTNER and gap["properties"]["severity"] == "gap"
    assert gap["geometry"]["type"] in {"LineString", "Point"}


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({"type": "gaps"}, "unknown event type 'gaps'"),
        ({"area": "atlantis"}, "unknown area 'atlantis'"),
    ],
)
def test_bad_event_queries(ships: TestClient, params: dict[str, str], detail: str) -> None:
    response = ships.get("/events", params=params)
    assert response.status_code == 422 and detail in response.json()["detail"]
    assert ships.get("/events", params={"format": "xml"}).status_code == 422


def test_tracks(ships: TestClient) -> None:
    response = ships.get(f"/tracks/{SPOOFED}.geojson")
    assert response.status_code == 200 and response.headers["content-type"] == GEOJSON
    features = response.json()["features"]
    tracks = [f for f in features if f["properties"]["feature"] == "track"]
    events = [f for f in features if f["properties"]["feature"] == "event"]
    assert tracks and all(t["properties"]["mmsi"] == SPOOFED for t in tracks)
    assert "mmsi_shared" in {e["properties"]["kind"] for e in events}
    bare = ships.get(f"/tracks/{SPOOFED}.geojson", params={"with_events": False}).json()
    assert len(bare["features"]) == len(tracks)
    assert ships.get("/tracks/1.geojson").status_code == 404


def test_the_analysis_follows_new_ais(ships: TestClient, ais: Path) -> None:
    before = ships.get("/events").json()["count"]
    assert ships.get("/events").json()["count"] == before  # cached: same answer
    positions, statics = traffic(seed=7)
    moved = positions.with_columns(mmsi=positions["mmsi"] + 1)  # a second fleet
    write_parquet(AisFrames(moved, statics.with_columns(mmsi=statics["mmsi"] + 1)), ais)
    assert ships.get("/events").json()["count"] > before
