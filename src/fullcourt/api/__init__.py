"""The HTTP API: yente-compatible ``/match``, search, entities, decisions, health."""

from fullcourt.api.app import create_app
from fullcourt.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
