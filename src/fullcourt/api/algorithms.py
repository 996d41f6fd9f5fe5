"""Which scoring algorithm answers a request that names one.

yente clients name nomenklatura's algorithms (``logic-v2``, ``regression-v1``...) or
yente's aliases ``best`` and ``default``. fullcourt has one algorithm; those names
are accepted so that such clients work unchanged, and the response says which
algorithm actually ran. A name nobody knows is a client error, not a silent fallback.
"""

from __future__ import annotations

from fullcourt.screening.score import ALGORITHM, ALGORITHM_VERSION

# Names yente and nomenklatura publish for their scoring algorithms.
YENTE_NAMES = frozenset(
    {
        "best",
        "default",
        "logic-v1",
        "logic-v2",
        "name-based",
        "name-qualified",
        "regression-v1",
        "regression-v2",
        "regression-v3",
        "randomforest-v1",
    }
)
ACCEPTED = tuple(sorted({ALGORITHM} | YENTE_NAMES))


class UnknownAlgorithmError(ValueError):
    """The request names an algorithm that is neither fullcourt's nor a yente name."""


def resolve_algorithm(requested: str) -> tuple[str, str]:
    """(name, version) of the algorithm that will answer ``requested``."""
    if requested == ALGORITHM or requested in YENTE_NAMES:
        return ALGORITHM, ALGORITHM_VERSION
    raise UnknownAlgorithmError(
        f"unknown algorithm {requested!r}; accepted: {', '.join(ACCEPTED)} "
        f"(all are answered by {ALGORITHM})"
    )
