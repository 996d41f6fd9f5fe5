"""``GET /search/{dataset}``: free text against every name on the lists.

For an analyst typing a name, not for screening customers: nothing is audited and no
decisions apply, and the score is only there to rank. Use ``/match`` to screen.
"""

# No `from __future__ import annotations`: FastAPI reads these parameter annotations at
# run time, and they name the settings this router was built with.
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from fullcourt.api.match import ERRORS
from fullcourt.api.models import SearchResponse
from fullcourt.api.queries import ANY_SCHEMA, screenable_schema
from fullcourt.api.scope import dataset_scope
from fullcourt.api.settings import ApiSettings
from fullcourt.engine import Engine
from fullcourt.screening.results import match_dict


def search_router(engine: Engine, settings: ApiSettings) -> APIRouter:
    router = APIRouter(tags=["Search"])

    @router.get(
        "/search/{dataset}",
        response_model=SearchResponse,
        responses={k: v for k, v in ERRORS.items() if k != 413},
        summary="Free-text name search (yente compatible shape)",
    )
    def search(
        dataset: Annotated[str, Path(description="`default` or one list's dataset name")],
        q: Annotated[
            str,
            Query(
                min_length=1,
                max_length=settings.max_string_length,
                description="A name, in any script or romanisation",
                examples=["Kim Jong Un"],
            ),
        ],
        schema: Annotated[str, Query(description="Only entities this schema can match")] = (
            ANY_SCHEMA
        ),
        limit: Annotated[int, Query(ge=1, le=settings.max_limit)] = min(10, settings.max_limit),
    ) -> dict[str, Any]:
        schema = screenable_schema(schema).name
        matcher = engine.matcher()
        scope = dataset_scope(dataset, matcher.versions)
        # Ask for the most, then keep the dataset's: the matcher searches all lists.
        found = matcher.search(
            q, schema=schema, limit=limit if scope is None else settings.max_limit
        )
        if scope is not None:
            found = [m for m in found if not scope.isdisjoint(m.entity.datasets)]
        results = [match_dict(m) for m in found[:limit]]
        return {
            "results": results,
            "total": {"value": len(results), "relation": "eq"},
            "limit": limit,
            "offset": 0,
            "facets": {},
        }

    return router
