"""yente's algorithm names are answered by fullcourt-v1; unknown names are refused."""

from __future__ import annotations

import pytest

from fullcourt.api.algorithms import ACCEPTED, UnknownAlgorithmError, resolve_algorithm
from fullcourt.screening.score import ALGORITHM, ALGORITHM_VERSION


@pytest.mark.parametrize("name", ["fullcourt-v1", "best", "default", "logic-v2", "logic-v1"])
def test_known_names_run_fullcourt(name: str) -> None:
    assert resolve_algorithm(name) == (ALGORITHM, ALGORITHM_VERSION)
    assert ALGORITHM == "fullcourt-v1"


@pytest.mark.parametrize("name", ["logic-v9", "Best", "", "fullcourt"])
def test_unknown_names_are_refused_with_the_accepted_ones(name: str) -> None:
    with pytest.raises(UnknownAlgorithmError, match="accepted: best, default, fullcourt-v1"):
        resolve_algorithm(name)


def test_accepted_is_sorted_and_includes_ours() -> None:
    assert list(ACCEPTED) == sorted(ACCEPTED) and ALGORITHM in ACCEPTED
