"""The bodies parse and print in yente's field names."""

from __future__ import annotations

from fullcourt.api.examples import YENTE_DOCUMENTATION
from fullcourt.api.models import MatchRequest, ScoredEntity


def test_yente_request_parses_with_its_defaults() -> None:
    request = MatchRequest.model_validate(YENTE_DOCUMENTATION)
    assert list(request.queries) == ["entity1", "entity2"]
    assert request.queries["entity2"].schema_ == "Company"
    assert request.weights == {} and request.config == {}


def test_scored_entity_prints_schema_and_keeps_fields_it_does_not_know() -> None:
    entity = ScoredEntity.model_validate(
        {
            "id": "ofac-20157",
            "caption": "Jong Un KIM",
            "schema": "Person",
            "properties": {"name": ["Jong Un KIM"]},
            "score": 1.0,
            "match": True,
            "new_evidence": {"kind": "added later by the engine"},
        }
    )
    data = entity.model_dump(by_alias=True)
    assert data["schema"] == "Person" and "schema_" not in data
    assert data["new_evidence"] == {"kind": "added later by the engine"}
    assert data["suppressed"] is False and data["decision"] is None
