"""Running the API under uvicorn, for ``fullcourt serve`` and ``make run``."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import uvicorn

from fullcourt.api.app import create_app
from fullcourt.api.settings import ApiSettings

DEFAULT_HOST = "127.0.0.1"  # not 0.0.0.0: exposing a screening service is a choice
DEFAULT_PORT = 8000


def serve(
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    store_path: Path | None = None,
    *,
    log_level: str = "info",
) -> None:
    """Serve until interrupted; ``store_path`` overrides ``FULLCOURT_DB``."""
    settings = ApiSettings.from_env()
    if store_path is not None:
        settings = dataclasses.replace(settings, store_path=Path(store_path))
    uvicorn.run(create_app(settings=settings), host=host, port=port, log_level=log_level)
