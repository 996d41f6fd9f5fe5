"""``GET /healthz``: can this server screen, and against which list versions.

A server with no store, or a store with no list loaded, answers every screening
with "no match", which a client would take for "clear". So it reports itself
unhealthy (503) until lists are loaded, and a load balancer keeps traffic away.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from fullcourt.api.models import ErrorResponse
from fullcourt.engine import Engine, file_stamps
from fullcourt.screening.catalog import current_versions
from fullcourt.screening.score import ALGORITHM, ALGORITHM_VERSION
from fullcourt.store import Store, StoreError


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    datasets: dict[str, str] = Field(examples=[{"us_ofac_sdn": "2024-06"}])
    entities: int = Field(description="Listed entities in the screening index")
    algorithm: str = Field(examples=[f"{ALGORITHM}/{ALGORITHM_VERSION}"])


class Unavailable(ErrorResponse):
    status: str = "unavailable"


def health_router(engine: Engine) -> APIRouter:
    router = APIRouter(tags=["Health"])
    check = StoreCheck(engine.store_path)

    @router.get(
        "/healthz",
        response_model=Health,
        responses={503: {"model": Unavailable, "description": "No store or no list loaded"}},
        summary="Readiness: lists loaded, index built",
    )
    def healthz() -> Any:
        if (problem := check()) is not None:
            return JSONResponse({"status": "unavailable", "detail": problem}, status_code=503)
        matcher = engine.matcher()
        return Health(
            status="ok",
            datasets=dict(matcher.versions),
            entities=len(matcher.index.entities),
            algorithm=f"{ALGORITHM}/{ALGORITHM_VERSION}",
        )

    return router


def store_problem(path: Path) -> str | None:
    """Why the store at ``path`` cannot be screened against, or None when it can."""
    try:
        with Store(path, read_only=True) as store:
            loaded = current_versions(store)
    except (StoreError, duckdb.IOException) as exc:
        return str(exc)
    return None if loaded else f"{path}: no list loaded yet"


class StoreCheck:
    """``store_problem`` for a readiness probe, asked again only when the store's files
    have changed since it last found the store healthy.

    Opening the store takes a fifth of a second, and probes come every few seconds
    while screening goes on. A problem is never kept: a store busy with a load must
    be seen free as soon as it is. A load that has begun but written nothing yet
    leaves the answer healthy, which it is: the index in memory keeps screening
    against the versions it was built from until the new ones land. Two probes at
    once may both open the store; nothing worse.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._healthy: tuple[tuple[int, int], ...] | None = None

    def __call__(self) -> str | None:
        stamps = file_stamps(self.path)  # before the look: a write since shows next time
        if stamps == self._healthy:
            return None
        problem = store_problem(self.path)
        self._healthy = stamps if problem is None else None
        return problem
