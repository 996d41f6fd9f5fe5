"""The application factory: one engine, one set of limits, thin routers.

Routers are built from the settings so that the limits an operator set are the ones
enforced *and* the ones shown in ``/docs``. The screening index is built at start-up
(when lists are loaded), so the first client does not pay for it; a store that is
missing or busy is reported by ``/healthz`` and by a 503 on each request rather than
stopping the server, because lists are typically loaded after it starts.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import duckdb
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from fullcourt import __version__
from fullcourt.api.decisions import decisions_router
from fullcourt.api.entities import entities_router
from fullcourt.api.health import health_router, store_problem
from fullcourt.api.match import match_router
from fullcourt.api.network import network_router
from fullcourt.api.search import search_router
from fullcourt.api.settings import ApiSettings
from fullcourt.api.ships import include_ships
from fullcourt.engine import Engine
from fullcourt.store import StoreError

log = logging.getLogger(__name__)

DESCRIPTION = """Screening against official sanctions lists, with the evidence.

`/match` takes and returns the JSON of OpenSanctions yente's `/match`, so yente
clients work unchanged; every screening is written to a hash-chained audit log and
answered with its receipt. See `/healthz` for the list versions being served.
"""


def create_app(engine: Engine | None = None, settings: ApiSettings | None = None) -> FastAPI:
    """The API over ``engine`` (default: one for the settings' store)."""
    settings = settings or ApiSettings.from_env()
    engine = engine or Engine.for_store(settings.store_path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if (problem := store_problem(engine.store_path)) is None:
            engine.matcher()
        else:
            log.warning("screening unavailable until lists are loaded: %s", problem)
        yield

    app = FastAPI(
        title="fullcourt",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.engine = engine
    app.state.settings = settings
    app.add_exception_handler(StoreError, _store_unavailable)
    app.add_exception_handler(duckdb.IOException, _store_unavailable)
    app.include_router(match_router(engine, settings))
    app.include_router(search_router(engine, settings))
    app.include_router(entities_router(engine))
    app.include_router(decisions_router(engine, settings))
    app.include_router(health_router(engine))
    app.include_router(network_router(engine))
    include_ships(app)
    return app


async def _store_unavailable(_: Request, exc: Exception) -> JSONResponse:
    """No store, a store of another fullcourt, or one locked by a load: retry later."""
    return JSONResponse({"detail": str(exc)}, status_code=503)
