"""The API's limits and defaults, read from the environment in this one place.

Every limit is a guard against one request starving the others (a batch of a
million queries, a name the size of a book), so each is named in the error a client
gets when it is exceeded and in the OpenAPI description, and can be raised by the
operator through a ``FULLCOURT_`` variable without touching code.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from fullcourt.screening.score import DEFAULT_THRESHOLD
from fullcourt.store.db import DEFAULT_PATH, default_path

PREFIX = "FULLCOURT_"


@dataclass(frozen=True, slots=True)
class ApiSettings:
    store_path: Path = field(default_factory=default_path)
    max_batch: int = 100
    max_string_length: int = 1_000
    max_values: int = 50
    default_threshold: float = DEFAULT_THRESHOLD
    default_limit: int = 5
    max_limit: int = 100

    def __post_init__(self) -> None:
        for name in ("max_batch", "max_string_length", "max_values", "max_limit"):
            if getattr(self, name) < 1:
                raise ValueError(f"{env_name(name)} must be at least 1")
        if not 1 <= self.default_limit <= self.max_limit:
            raise ValueError(f"{env_name('default_limit')} must be between 1 and max_limit")
        if not 0.0 <= self.default_threshold <= 1.0:
            raise ValueError(f"{env_name('default_threshold')} must be between 0 and 1")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ApiSettings:
        """Settings from ``FULLCOURT_*`` variables; anything unset keeps its default."""
        env = os.environ if environ is None else environ
        defaults = cls(store_path=Path(env.get("FULLCOURT_DB") or DEFAULT_PATH))
        return cls(
            store_path=defaults.store_path,
            max_batch=_int(env, "max_batch", defaults.max_batch),
            max_string_length=_int(env, "max_string_length", defaults.max_string_length),
            max_values=_int(env, "max_values", defaults.max_values),
            default_threshold=_float(env, "default_threshold", defaults.default_threshold),
            default_limit=_int(env, "default_limit", defaults.default_limit),
            max_limit=_int(env, "max_limit", defaults.max_limit),
        )


def env_name(setting: str) -> str:
    """The variable that sets ``setting``, as quoted in error messages."""
    return PREFIX + setting.upper()


def _int(env: Mapping[str, str], setting: str, default: int) -> int:
    raw = env.get(env_name(setting))
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{env_name(setting)}={raw!r} is not a whole number") from None


def _float(env: Mapping[str, str], setting: str, default: float) -> float:
    raw = env.get(env_name(setting))
    if raw is None or not raw.strip():
        return default
    try:
        return float(raw)
    except ValueError:
        raise ValueError(f"{env_name(setting)}={raw!r} is not a number") from None
