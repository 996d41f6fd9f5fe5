"""``POST /match/{dataset}``: yente's query-by-example screening, audited.

A batch is checked whole before anything is screened (so the audit log never holds
half a refused batch), then each query goes through ``Engine.screen`` on the
``api`` channel: it is scored, standing analyst decisions are applied and one audit
line is written, whose hash comes back as the query's ``receipt``.
"""

# No `from __future__ import annotations`: FastAPI reads these parameter annotations at
# run time, and they name the settings this router was built with.
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Body, Header, HTTPException, Path, Query, Response

from fullcourt.api.algorithms import ACCEPTED, UnknownAlgorithmError, resolve_algorithm
from fullcourt.api.examples import MATCH_EXAMPLES
from fullcourt.api.models import ErrorResponse, MatchRequest, MatchResponse
from fullcourt.api.queries import prepare_query
from fullcourt.api.scope import dataset_scope
from fullcourt.api.settings import ApiSettings, env_name
from fullcourt.engine import Engine, Outcome
from fullcourt.screening.score import ALGORITHM

DESCRIPTION = """Screen a batch of entities described by example, as yente's `/match` does.

Each query is an FtM schema and properties (`name`, `birthDate`, `nationality`,
`passportNumber`, `imoNumber`, `registrationNumber`...). Results carry yente's fields
(`score`, `match`, `features`) plus `explanations`, the list `records` behind each hit
and, when an analyst has decided on this query before, `decision` and `suppressed`.

Limits: at most {max_batch} queries per request ({batch_env}), {max_values} values per
property ({values_env}), {max_string} characters per value ({string_env}), `limit` at
most {max_limit}. Countries are read as names or ISO codes and dates as YYYY[-MM[-DD]];
a property the schema does not have is refused, not ignored.
"""
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "Unknown schema, property or algorithm"},
    404: {"model": ErrorResponse, "description": "No such dataset"},
    413: {"model": ErrorResponse, "description": "Too many queries in one request"},
    503: {"model": ErrorResponse, "description": "No store loaded yet"},
}


def match_router(engine: Engine, settings: ApiSettings) -> APIRouter:
    router = APIRouter(tags=["Matching"])
    description = DESCRIPTION.format(
        max_batch=settings.max_batch,
        batch_env=env_name("max_batch"),
        max_values=settings.max_values,
        values_env=env_name("max_values"),
        max_string=settings.max_string_length,
        string_env=env_name("max_string_length"),
        max_limit=settings.max_limit,
    )

    @router.post(
        "/match/{dataset}",
        response_model=MatchResponse,
        responses=ERRORS,
        summary="Query-by-example screening (yente compatible)",
        description=description,
    )
    def match(
        body: Annotated[MatchRequest, Body(openapi_examples=MATCH_EXAMPLES)],
        response: Response,
        dataset: Annotated[
            str, Path(description="`default` (all lists) or one list's dataset name")
        ],
        threshold: Annotated[
            float, Query(ge=0.0, le=1.0, description="Score at which a result is a match")
        ] = settings.default_threshold,
        limit: Annotated[
            int, Query(ge=1, le=settings.max_limit, description="Results per query")
        ] = settings.default_limit,
        cutoff: Annotated[
            float, Query(ge=0.0, le=1.0, description="Drop results scoring below this")
        ] = 0.0,
        algorithm: Annotated[str, Query(description=f"One of: {', '.join(ACCEPTED)}")] = ALGORITHM,
        include_dataset: Annotated[list[str] | None, Query()] = None,
        exclude_dataset: Annotated[list[str] | None, Query()] = None,
        exclude_schema: Annotated[list[str] | None, Query()] = None,
        x_actor: Annotated[str, Header(description="Who screens, for the audit log")] = "",
    ) -> dict[str, Any]:
        try:
            name, version = resolve_algorithm(algorithm)
        except UnknownAlgorithmError as exc:
            raise HTTPException(400, str(exc)) from None
        versions = engine.matcher().versions
        scope = dataset_scope(dataset, versions, include_dataset or (), exclude_dataset or ())
        _check_batch(body, settings)
        prepared = {key: prepare_query(key, q, settings) for key, q in body.queries.items()}
        outcomes = {
            key: engine.screen(
                schema, properties, threshold=threshold, limit=limit, datasets=scope,
                actor=x_actor, channel="api",
            )
            for key, (schema, properties) in prepared.items()
        }  # fmt: skip
        dropped = set(exclude_schema or ())

        def shown(result: dict[str, Any]) -> bool:
            return bool(result["score"] >= cutoff and result["schema"] not in dropped)

        responses = {
            key: _entity_matches(outcome, body.queries[key].id, prepared[key], shown)
            for key, outcome in outcomes.items()
        }
        response.headers["x-batch-size"] = str(len(responses))
        return {
            "responses": responses,
            "matcher": {"name": name, "version": version, "requested": algorithm},
            "algorithm": name,
            "limit": limit,
            "versions": dict(next(reversed(outcomes.values())).versions),
            "warnings": _warnings(body, algorithm, list(outcomes.values())),
        }

    return router


def _check_batch(body: MatchRequest, settings: ApiSettings) -> None:
    if not body.queries:
        raise HTTPException(400, "No queries provided.")
    if len(body.queries) > settings.max_batch:
        raise HTTPException(
            413,
            f"Too many queries in one batch: {len(body.queries)}; the limit is "
            f"{settings.max_batch} ({env_name('max_batch')})",
        )


def _entity_matches(
    outcome: Outcome,
    query_id: str | None,
    query: tuple[str, dict[str, list[str]]],
    shown: Callable[[dict[str, Any]], bool],
) -> dict[str, Any]:
    """One query's answer in yente's ``EntityMatches`` shape (validated on the way out)."""
    results = [r for r in outcome.results if shown(r)]
    return {
        "status": 200,
        "results": results,
        "total": {"value": len(results), "relation": "eq"},
        "query": {"id": query_id, "schema": query[0], "properties": query[1]},
        "query_key": outcome.query_key,
        "receipt": outcome.receipt,
    }


def _warnings(body: MatchRequest, algorithm: str, outcomes: list[Outcome]) -> list[str]:
    """What the client asked for that fullcourt did differently, said out loud."""
    notes = []
    if algorithm != ALGORITHM:
        notes.append(f"algorithm {algorithm!r} was answered by {ALGORITHM}")
    if body.weights or body.config:
        notes.append(f"weights and config are not applied by {ALGORITHM}")
    if len({o.versions for o in outcomes}) > 1:
        notes.append("a list version changed during this batch; each receipt names its own")
    return notes
