"""The documented examples are valid requests (they are what /docs offers to send)."""

from __future__ import annotations

import pytest

from fullcourt.api.decisions import DecisionIn
from fullcourt.api.examples import DECISION_EXAMPLE, MATCH_EXAMPLES
from fullcourt.api.models import MatchRequest
from fullcourt.api.queries import prepare_query
from fullcourt.api.settings import ApiSettings


@pytest.mark.parametrize("name", sorted(MATCH_EXAMPLES))
def test_match_examples_pass_every_check(name: str) -> None:
    request = MatchRequest.model_validate(MATCH_EXAMPLES[name]["value"])
    for key, example in request.queries.items():
        _, properties = prepare_query(key, example, ApiSettings())
        assert properties, key


def test_vessel_example_is_an_imo_alone() -> None:
    (query,) = MATCH_EXAMPLES["vessel"]["value"]["queries"].values()
    assert query == {"schema": "Vessel", "properties": {"imoNumber": ["IMO 7937317"]}}


def test_decision_example_is_valid() -> None:
    assert DecisionIn.model_validate(DECISION_EXAMPLE).decision == "false_positive"
