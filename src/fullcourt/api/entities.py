"""``GET /entities/{entity_id}``: one listed entity with the evidence behind it.

An analyst checking a hit needs what each list says (every list record, not a
merge), where each value came from (source file, list version, first and last
seen) and what points at the entity (sanctions, links, owners). The store is opened
read-only for the request only, so a load from another process is not blocked.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path
from pydantic import BaseModel, Field

from fullcourt.api.models import ErrorResponse
from fullcourt.engine import Engine
from fullcourt.store import Store, StoreError
from fullcourt.store.query import EntityView, ListRecord, get_entity


class Statement(BaseModel):
    prop: str = Field(examples=["birthDate"])
    value: str = Field(examples=["1984-01-08"])
    dataset: str
    version: str
    origin: str | None = Field(description="The source file the value was read from")
    first_seen: str
    last_seen: str


class RecordOut(BaseModel):
    dataset: str = Field(examples=["us_ofac_sdn"])
    version: str
    entity_id: str
    schema_: str = Field(alias="schema")
    source_id: str | None = Field(description="The publisher's own id of the entry")
    caption: str
    statements: list[Statement]


class Reference(BaseModel):
    entity_id: str
    schema_: str = Field(alias="schema", examples=["Sanction"])
    prop: str = Field(examples=["entity"])
    caption: str


class EntityOut(BaseModel):
    id: str
    caption: str
    schema_: str = Field(alias="schema")
    datasets: list[str]
    properties: dict[str, list[str]]
    records: list[RecordOut]
    link_evidence: str | None = Field(description="Why the records are one entity")
    references: list[Reference] = Field(description="Entities that point at this one")


def entities_router(engine: Engine) -> APIRouter:
    router = APIRouter(tags=["Entities"])

    @router.get(
        "/entities/{entity_id}",
        response_model=EntityOut,
        responses={
            404: {"model": ErrorResponse, "description": "No such entity"},
            503: {"model": ErrorResponse, "description": "No store loaded yet"},
        },
        summary="A listed entity with its list records and provenance",
    )
    def entity(
        entity_id: Annotated[
            str, Path(description="An id from /match, a list's entity id or its own id")
        ],
    ) -> dict[str, Any]:
        with Store(engine.store_path, read_only=True) as store:
            try:
                view = get_entity(store, entity_id)
            except StoreError as exc:
                raise HTTPException(404, str(exc)) from None
        return entity_body(view)

    return router


def entity_body(view: EntityView) -> dict[str, Any]:
    """The view as JSON: records kept apart, plus their merged properties."""
    properties: dict[str, list[str]] = {}
    for record in view.records:
        for stmt in record.statements:
            values = properties.setdefault(stmt.prop, [])
            if stmt.value not in values:
                values.append(stmt.value)
    first = view.records[0]
    return {
        "id": view.canonical_id,
        "caption": first.caption,
        "schema": first.schema,
        "datasets": sorted({r.dataset for r in view.records}),
        "properties": properties,
        "records": [_record(r) for r in view.records],
        "link_evidence": view.link_evidence,
        "references": [
            {"entity_id": e, "schema": s, "prop": p, "caption": c} for e, s, p, c in view.references
        ],
    }


def _record(record: ListRecord) -> dict[str, Any]:
    return {
        "dataset": record.dataset,
        "version": record.version,
        "entity_id": record.entity_id,
        "schema": record.schema,
        "source_id": record.source_id,
        "caption": record.caption,
        "statements": [
            {
                "prop": s.prop,
                "value": s.value,
                "dataset": s.dataset,
                "version": s.version,
                "origin": s.origin,
                "first_seen": s.first_seen,
                "last_seen": s.last_seen,
            }
            for s in record.statements
        ],
    }
