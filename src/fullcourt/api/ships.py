"""``/vessels/{key}``, ``/events`` and ``/tracks/{mmsi}.geojson``: ships over HTTP.

The analysis of the AIS store against the listed ships is computed once and reused
until either store changes (a new AIS part, a new list version), so a map polling for
events does not re-run every detector. The AIS store is the one ``fullcourt ais load``
writes: ``app.state.ais_folder`` if set, else ``FULLCOURT_AIS``, else beside the store.

Include with ``include_ships(app)`` after ``create_app`` has set ``app.state.engine``.
"""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from fullcourt.api.models import ErrorResponse
from fullcourt.maritime.analysis import Analysis, find_vessel, kinds_for
from fullcourt.maritime.areas import parse_area, select_events
from fullcourt.maritime.events import Event
from fullcourt.maritime.geojson import MEDIA_TYPE, collection, dumps, event_features, track_features
from fullcourt.maritime.places import default_places
from fullcourt.maritime.stored import analyse_stored, default_ais_folder, store_version

router = APIRouter(tags=["Ships"])
_lock = threading.Lock()
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "Nothing known by this key"}
}
BAD_QUERY: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorResponse, "description": "Unknown event type or area"}
}


def include_ships(app: FastAPI, ais_folder: Path | None = None) -> None:
    """Serve the ship routes on ``app`` (AIS store: ``ais_folder`` or the default)."""
    app.state.ais_folder = ais_folder
    app.include_router(router)


def _analysis(request: Request) -> Analysis:
    """The cached analysis of the app's stores, recomputed when either has changed."""
    state = request.app.state
    db = Path(state.engine.store_path)
    folder = getattr(state, "ais_folder", None) or default_ais_folder(db)
    key = store_version(db, folder)
    with _lock:
        cached: tuple[object, Analysis] | None = getattr(state, "ships_analysis", None)
        if cached is None or cached[0] != key:
            cached = (key, analyse_stored(db, folder))
            state.ships_analysis = cached
        return cached[1]


def _said(analysis: Analysis, event: Event) -> dict[str, str]:
    """Severity and sentence, as properties of an event feature."""
    line = analysis.explain(event)
    return {"severity": line.severity.code, "text": line.text}


def _geojson(data: dict[str, Any]) -> Response:
    return Response(dumps(data), media_type=MEDIA_TYPE)


@router.get(
    "/vessels/{key}",
    responses=NOT_FOUND,
    summary="A vessel by MMSI, IMO or name: list entries, identity timeline, ranked events",
)
def vessel(key: str, request: Request) -> dict[str, Any]:
    view = find_vessel(_analysis(request), key)
    if not view.mmsis and not view.ships:
        raise HTTPException(404, f"no vessel {key!r} in AIS or the lists")
    return view.as_dict()


@router.get(
    "/events",
    responses={
        **BAD_QUERY,
        200: {"content": {MEDIA_TYPE: {}}, "description": "JSON, or a FeatureCollection"},
    },
    summary="Events of all vessels, most serious first, by type and area",
)
def events(
    request: Request,
    type: Annotated[
        list[str] | None,
        Query(description="encounter, gap, loitering, port_visit, zone_entry, identity"),
    ] = None,
    area: Annotated[
        str | None, Query(description="Zone, hotspot or port name, or lon1,lat1,lon2,lat2")
    ] = None,
    format: Annotated[str, Query(pattern="^(json|geojson)$")] = "json",
) -> Any:
    try:
        kinds = kinds_for(type or [])
        where = parse_area(area, default_places()) if area else None
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    analysis = _analysis(request)
    chosen = select_events(analysis.events, kinds=kinds, area=where, positions=analysis.positions)
    chosen.sort(key=lambda e: analysis.explain(e).sort_key())
    if format == "geojson":
        features = event_features(chosen, analysis.positions, partial(_said, analysis))
        return _geojson(collection(features))
    return JSONResponse({"count": len(chosen), "events": [analysis.event_dict(e) for e in chosen]})


@router.get(
    "/tracks/{mmsi}.geojson",
    response_class=Response,
    responses={**NOT_FOUND, 200: {"content": {MEDIA_TYPE: {}}, "description": "Tracks"}},
    summary="A vessel's track (one LineString per segment) and its events, as GeoJSON",
)
def track(mmsi: int, request: Request, with_events: bool = True) -> Response:
    analysis = _analysis(request)
    features = track_features(analysis.positions, [mmsi])
    if not features:
        raise HTTPException(404, f"no positions of MMSI {mmsi} in the AIS store")
    if with_events:
        mine = [e for e in analysis.events if mmsi in (e.mmsi, e.other_mmsi)]
        features += event_features(mine, analysis.positions)
    return _geojson(collection(features))
