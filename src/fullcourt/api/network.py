"""Networks over HTTP: neighbourhoods, exposure, the 50% rule and evidence packs.

``GET /network/{id}`` answers Cytoscape.js JSON a web page draws as is; ``/exposure``
ranks parties that lists do not designate by how close they sit to designated ones;
``/ownership/{id}`` gives the 50% rule's finding with its chains; ``/reports/{id}`` the
evidence pack as a self-contained HTML page, JSON or Markdown.

The network is built once per set of list versions and kept: a request checks the
store's current versions (one small query) and rebuilds only when a list changed.
"""

from __future__ import annotations

import threading
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, Field

from fullcourt.api.models import ErrorResponse
from fullcourt.engine import Engine
from fullcourt.network import model as m
from fullcourt.network.analysis import Analysis
from fullcourt.network.evidence import most_exposed, ownership_rows, plain
from fullcourt.network.export import cytoscape
from fullcourt.network.neighbourhood import DEPTH, MAX_NODES, neighbourhood
from fullcourt.network.report import build_pack, pack_dict
from fullcourt.network.report_render import to_html, to_markdown
from fullcourt.screening.catalog import current_versions
from fullcourt.store import Store, StoreError

EntityId = Annotated[
    str, PathParam(description="A node id, a list record id or a list's own id (9346, KPe.002)")
]
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "No such party in the network"},
    503: {"model": ErrorResponse, "description": "No store loaded yet"},
}


class PartyOut(BaseModel):
    id: str
    caption: str
    designated: bool


class PathOut(BaseModel):
    seed: PartyOut = Field(description="The designated party the path reaches")
    cost: float
    text: str = Field(examples=["TANCHON COMMERCIAL BANK <-[linked: Linked To]- Choe Song Il"])
    nodes: list[str]
    record_ids: list[str] = Field(description="The list records stating each link")


class ExposedOut(BaseModel):
    party: PartyOut
    category: str
    countries: list[str]
    list_ids: list[str] = Field(description="Other lists' ids of the party, 'dataset:id'")
    score: float = Field(description="Chance a walk from the party reaches a designated one")
    reach: float
    paths: list[PathOut]


class ExposureOut(BaseModel):
    against: list[str] | None = Field(description="Lists whose designations count; null: all")
    results: list[ExposedOut]


class FindingOut(BaseModel):
    rule: str = Field(examples=["ofac"])
    rule_name: str
    status: str = Field(examples=["blocked", "possibly_blocked", "not_blocked"])
    designated: bool
    share: str = Field(description="Held by blocked owners, as a range", examples=["[50%, 100%]"])
    controllers: list[str]
    chains: list[list[str]] = Field(description="Designated owner -> ... -> this party")


class OwnershipOut(BaseModel):
    entity: str
    caption: str
    findings: list[FindingOut]


class AnalysisCache:
    """The analysis of the store's current list versions, rebuilt when they change."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._versions: tuple[tuple[str, str], ...] | None = None
        self._analysis: Analysis | None = None

    def get(self, store: Store) -> Analysis:
        versions = current_versions(store)
        with self._lock:
            if self._analysis is None or versions != self._versions:
                self._analysis, self._versions = Analysis.from_store(store), versions
            return self._analysis


def _party(analysis: Analysis, entity_id: str) -> m.Node:
    try:
        return analysis.party(entity_id)
    except StoreError as exc:
        raise HTTPException(404, str(exc)) from None


def network_router(engine: Engine) -> APIRouter:
    router = APIRouter(tags=["Networks"])
    cache = AnalysisCache()

    def analysis() -> Analysis:
        with Store(engine.store_path, read_only=True) as store:
            return cache.get(store)

    @router.get("/network/{entity_id}", responses=ERRORS, summary="Cytoscape.js neighbourhood")
    def network(
        entity_id: EntityId,
        depth: Annotated[int, Query(ge=0, le=6, description="Hops out")] = DEPTH,
        max_nodes: Annotated[int, Query(ge=1, le=2000, description="Party cap")] = MAX_NODES,
    ) -> dict[str, Any]:
        found = analysis()
        node = _party(found, entity_id)
        near = neighbourhood(found.graph, node.id, depth=depth, max_nodes=max_nodes)
        head = {"center": node.id, "depth": depth, "truncated": near.truncated}
        return {**head, **cytoscape(near.graph, near.distance)}

    @router.get(
        "/exposure",
        response_model=ExposureOut,
        responses={503: ERRORS[503]},
        summary="Parties not designated, most exposed to designated ones first",
    )
    def exposure(
        top: Annotated[int, Query(ge=1, le=1000)] = 20,
        category: Annotated[
            Literal["company", "vessel", "person", "aircraft"] | None, Query()
        ] = None,
        country: Annotated[list[str] | None, Query(description="ISO codes, e.g. kp")] = None,
        dataset: Annotated[
            list[str] | None, Query(description="Exposure to these lists (default: all)")
        ] = None,
    ) -> dict[str, Any]:
        countries = [c.lower() for c in country] if country else None
        rows = most_exposed(
            analysis(), top=top, category=category, countries=countries, datasets=dataset
        )
        return {"against": dataset, "results": plain(rows)}

    @router.get(
        "/ownership/{entity_id}",
        response_model=OwnershipOut,
        responses=ERRORS,
        summary="The 50% rule's finding on a party, with its chains",
    )
    def ownership(
        entity_id: EntityId,
        rule: Annotated[Literal["ofac", "eu", "uk"] | None, Query()] = None,
    ) -> dict[str, Any]:
        found = analysis()
        node = _party(found, entity_id)
        rows = ownership_rows(found, node, [rule] if rule else None)
        return {"entity": node.id, "caption": node.caption, "findings": plain(rows)}

    @router.get(
        "/reports/{entity_id}",
        responses={**ERRORS, 200: {"content": {"text/html": {}, "text/markdown": {}}}},
        summary="The evidence pack of a party: HTML page, JSON or Markdown",
    )
    def report(
        entity_id: EntityId,
        fmt: Annotated[Literal["html", "json", "md"], Query(alias="format")] = "html",
    ) -> Response:
        with Store(engine.store_path, read_only=True) as store:
            found = cache.get(store)
            _party(found, entity_id)  # 404 before any work
            pack = build_pack(store, found, entity_id)
        if fmt == "json":
            return JSONResponse(pack_dict(pack))
        if fmt == "md":
            return PlainTextResponse(to_markdown(pack), media_type="text/markdown")
        return HTMLResponse(to_html(pack))

    return router
