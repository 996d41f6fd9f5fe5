"""Networks over HTTP: neighbourhoods, exposure, the 50% rule and evidence packs.

``GET /network/{id}`` answers Cytoscape.js JSON a web page draws as is; ``/exposure``
ranks parties that lists do not designate by how close they sit to designated ones;
``/ownership/{id}?jurisdiction=us|eu|uk`` gives the 50% rule's finding with its chains,
the object ``fullcourt ownership --json`` prints; ``/reports/{id}`` the evidence pack
as a self-contained HTML page, JSON or Markdown. ``/links`` lists what
linking tied (or proposes to tie) outside records to, ``POST /links/run`` links again
and ``POST /links/decisions`` records an analyst's accept or reject, which the next
network answer applies.

The network is built once per state of the data and kept: a request checks the
store's current versions and the saved links (one small query, two file stats) and
rebuilds only when a version, a linking run or a decision changed.
"""

from __future__ import annotations

import threading
from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, HTTPException, Query
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, Field

from fullcourt.api.models import ErrorResponse
from fullcourt.engine import Engine
from fullcourt.network import model as m
from fullcourt.network.analysis import JURISDICTIONS, Analysis
from fullcourt.network.evidence import most_exposed, ownership_answer, plain
from fullcourt.network.export import cytoscape
from fullcourt.network.linked import linked_analysis, links_stamp, load_run, run_linking, save_run
from fullcourt.network.linking import (
    LinkDecisions,
    Linking,
    audit_linking,
    decision_state,
)
from fullcourt.network.neighbourhood import DEPTH, MAX_NODES, neighbourhood
from fullcourt.network.report import build_pack, pack_dict
from fullcourt.network.report_render import to_html, to_markdown
from fullcourt.screening.score import DEFAULT_THRESHOLD
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


class HopOut(BaseModel):
    owner: str
    owner_caption: str
    asset: str
    asset_caption: str
    percentage: str | None = Field(description="As the record states it", examples=["51%"])
    share: list[float] = Field(description="[low, high] in percent", examples=[[51.0, 51.0]])
    record_ids: list[str] = Field(description="The records stating the holding")


class OwnershipOut(BaseModel):
    """The same object ``fullcourt ownership --json`` prints."""

    status: Literal["blocked", "possibly_blocked", "not_blocked"]
    blocked_share: list[float] = Field(
        description="Held by blocked owners, [low, high] in percent", examples=[[50.0, 100.0]]
    )
    chains: list[list[HopOut]] = Field(description="Designated owner -> ... -> this party")


class ProposalOut(BaseModel):
    dataset: str = Field(examples=["icij_offshoreleaks"])
    record_id: str = Field(description="The outside record", examples=["icij-10100002"])
    caption: str
    list_id: str = Field(description="The list entity it may be", examples=["ofac-23825"])
    list_caption: str
    list_records: list[str]
    list_datasets: list[str]
    score: float
    automatic: bool = Field(description="Linked without a decision: a decisive identifier")
    evidence: list[str] = Field(examples=[["identifier_registration +0.99: same: 90132"]])
    decision: Literal["accept", "reject"] | None = Field(description="The standing decision")
    in_force: bool = Field(description="The network joins the two")


class LinksOut(BaseModel):
    algorithm: str
    versions: list[list[str]] = Field(description="List versions the run screened against")
    results: list[ProposalOut]


class LinkDecisionIn(BaseModel):
    record_id: str = Field(min_length=1, examples=["icij-10100002"])
    list_id: str = Field(min_length=1, description="The list entity or one of its records")
    decision: Literal["accept", "reject"]
    analyst: str = Field(min_length=1, pattern=r"\S", description="Who decided")
    note: str = ""


class LinkDecisionOut(BaseModel):
    dataset: str
    record_id: str
    list_id: str
    decision: str
    analyst: str
    note: str
    score: float
    at: str = Field(description="When it was recorded (UTC)")


def _all_versions(store: Store) -> tuple[tuple[str, str], ...]:
    rows = store.conn.execute("SELECT dataset, version FROM current_versions ORDER BY 1").fetchall()
    return tuple((str(d), str(v)) for d, v in rows)


class AnalysisCache:
    """The analysis of the store's current versions and links, rebuilt when they change."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[object, ...] | None = None
        self._analysis: Analysis | None = None

    def get(self, store: Store) -> Analysis:
        key = (_all_versions(store), links_stamp(store.path))
        with self._lock:
            if self._analysis is None or key != self._key:
                self._analysis, self._key = linked_analysis(store), key
            return self._analysis


def _links_out(linking: Linking, decisions: LinkDecisions, pending: bool) -> dict[str, Any]:
    standing = list(decisions.current().values())
    results = []
    for proposal in linking.proposals:
        verdict, held = decision_state(proposal, standing)
        if not pending or (verdict is None and not proposal.automatic):
            results.append({**plain(proposal), "decision": verdict, "in_force": held})
    versions = [list(v) for v in linking.versions]
    return {"algorithm": linking.algorithm, "versions": versions, "results": results}


def links_router(engine: Engine) -> APIRouter:
    """Linking of outside records: the saved run, a new run, decisions."""
    router = APIRouter(tags=["Networks"])
    decisions = LinkDecisions.for_store(engine.store_path)

    @router.get("/links", response_model=LinksOut, summary="Automatic links and proposals")
    def links(
        pending: Annotated[bool, Query(description="Only proposals nobody decided")] = False,
    ) -> dict[str, Any]:
        return _links_out(load_run(engine.store_path), decisions, pending)

    @router.post(
        "/links/run",
        response_model=LinksOut,
        responses={404: ERRORS[404], 503: ERRORS[503]},
        summary="Screen outside records against the lists and save the result",
    )
    def run(
        dataset: Annotated[
            list[str] | None, Query(description="Outside datasets (default: all)")
        ] = None,
        threshold: Annotated[float, Query(ge=0, le=1)] = DEFAULT_THRESHOLD,
    ) -> dict[str, Any]:
        matcher = engine.matcher()
        with Store(engine.store_path, read_only=True) as store:
            try:
                chosen, found = run_linking(store, matcher, dataset, threshold=threshold)
            except StoreError as exc:
                raise HTTPException(404, str(exc)) from None
        save_run(engine.store_path, chosen, found)
        if decisions.audit is not None:
            audit_linking(decisions.audit, found, actor="api")
        return _links_out(found, decisions, False)

    @router.post(
        "/links/decisions",
        status_code=201,
        response_model=LinkDecisionOut,
        responses={404: {"model": ErrorResponse, "description": "No such proposal"}},
        summary="Accept or reject a proposal (or an automatic link)",
    )
    def decide(body: Annotated[LinkDecisionIn, Body()]) -> LinkDecisionOut:
        proposal = load_run(engine.store_path).pair(body.record_id, body.list_id)
        if proposal is None:
            message = f"No proposal links {body.record_id!r} to {body.list_id!r}"
            raise HTTPException(404, message)
        made = decisions.record(proposal, body.decision, body.analyst.strip(), body.note)
        return LinkDecisionOut.model_validate(asdict(made))

    return router


def _party(analysis: Analysis, entity_id: str) -> m.Node:
    try:
        return analysis.party(entity_id)
    except StoreError as exc:
        raise HTTPException(404, str(exc)) from None


def _jurisdiction(jurisdiction: str | None, rule: str | None) -> str:
    """The jurisdiction asked for; the deprecated ``rule`` names one by its rule (ofac: us).
    Both at once must agree, since answering one would silently ignore the other."""
    by_rule = {key: name for name, key in JURISDICTIONS.items()}
    named = by_rule[rule] if rule else None
    if jurisdiction and named and jurisdiction != named:
        raise HTTPException(422, f"jurisdiction={jurisdiction} contradicts rule={rule}")
    return jurisdiction or named or "us"


def network_router(engine: Engine) -> APIRouter:
    router = APIRouter(tags=["Networks"])
    router.include_router(links_router(engine))
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
        link_type: Annotated[
            list[str] | None,
            Query(description="Only through these links, e.g. ownership, address"),
        ] = None,
    ) -> dict[str, Any]:
        countries = [c.lower() for c in country] if country else None
        try:
            rows = most_exposed(
                analysis(),
                top=top,
                category=category,
                countries=countries,
                datasets=dataset,
                link_types=link_type,
            )
        except StoreError as exc:
            raise HTTPException(422, str(exc)) from None
        return {"against": dataset, "results": plain(rows)}

    @router.get(
        "/ownership/{entity_id}",
        response_model=OwnershipOut,
        responses=ERRORS,
        summary="The 50% rule's finding on a party, with its chains",
    )
    def ownership(
        entity_id: EntityId,
        jurisdiction: Annotated[
            Literal["us", "eu", "uk"] | None,
            Query(description="us, eu: 50% or more, added up; uk: more than 50%, per person"),
        ] = None,
        rule: Annotated[
            Literal["ofac", "eu", "uk"] | None,
            Query(deprecated=True, description="Use jurisdiction; ofac is us"),
        ] = None,
    ) -> dict[str, Any]:
        chosen = _jurisdiction(jurisdiction, rule)
        found = analysis()
        return ownership_answer(found, _party(found, entity_id), chosen)

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
