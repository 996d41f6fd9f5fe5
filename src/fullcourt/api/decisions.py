"""``POST /decisions``: an analyst's ruling on one result of one query.

The decision is keyed by the query's ``query_key`` (returned by ``/match``) and the
result's entity id, appended to the decisions file and to the audit log. The next
screening of the same query shows a false positive as ``suppressed`` with
``match: false``; it is never hidden, so a reviewer can still see and overturn it
(``clear`` or ``true_positive`` replaces the standing decision).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Body, HTTPException
from pydantic import BaseModel, Field

from fullcourt.api.examples import DECISION_EXAMPLE
from fullcourt.api.models import ErrorResponse
from fullcourt.api.settings import ApiSettings, env_name
from fullcourt.engine import Engine


class DecisionIn(BaseModel):
    query_key: str = Field(pattern=r"^[0-9a-f]{32}$", description="From a /match response")
    entity_id: str = Field(min_length=1, description="The result's `id`")
    decision: Literal["false_positive", "true_positive", "clear"]
    analyst: str = Field(min_length=1, pattern=r"\S", description="Who decided")
    note: str = ""


class DecisionOut(BaseModel):
    query_key: str
    entity_id: str
    decision: str
    analyst: str
    note: str
    at: str = Field(description="When it was recorded (UTC)")


def decisions_router(engine: Engine, settings: ApiSettings) -> APIRouter:
    router = APIRouter(tags=["Decisions"])
    max_length = settings.max_string_length

    @router.post(
        "/decisions",
        status_code=201,
        response_model=DecisionOut,
        responses={
            404: {"model": ErrorResponse, "description": "No such entity on the lists"},
            503: {"model": ErrorResponse, "description": "Decisions are not recorded here"},
        },
        summary="Record an analyst's decision on a screening result",
    )
    def decide(
        body: Annotated[DecisionIn, Body(openapi_examples={"fp": {"value": DECISION_EXAMPLE}})],
    ) -> DecisionOut:
        if engine.decisions is None:
            raise HTTPException(503, "this server keeps no decisions file")
        for field in ("entity_id", "analyst", "note"):
            if len(getattr(body, field)) > max_length:
                limit = f"{max_length} characters ({env_name('max_string_length')})"
                raise HTTPException(422, f"{field} is longer than the limit of {limit}")
        if body.entity_id not in {e.id for e in engine.matcher().index.entities}:
            raise HTTPException(404, f"No entity {body.entity_id!r} on the current lists")
        made = engine.decisions.record(
            body.query_key, body.entity_id, body.decision, body.analyst.strip(), body.note
        )
        return DecisionOut(
            query_key=made.query_key,
            entity_id=made.entity_id,
            decision=made.decision,
            analyst=made.analyst,
            note=made.note,
            at=made.at,
        )

    return router
