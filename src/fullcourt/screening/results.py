"""Match results in the shape yente's clients read, plus fullcourt's explanations.

yente's ``/match`` returns, per result, the entity (id, caption, schema, properties,
datasets, referents, target, first_seen, last_seen) with ``score``, ``match`` and
``features``; fullcourt adds ``explanations`` (each feature's detail), the matched
name pair and the list records behind the entity, which yente clients ignore.
"""

from __future__ import annotations

from typing import Any

from fullcourt.screening.matcher import Match


def match_dict(match: Match, *, suppressed: bool = False) -> dict[str, Any]:
    entity, score = match.entity, match.score
    features = {f.name: round(f.score, 4) for f in score.features}
    return {
        "id": entity.id,
        "caption": entity.caption,
        "schema": entity.schema,
        "properties": entity.properties,
        "datasets": list(entity.datasets),
        "referents": [record_id for _, record_id, _ in entity.records if record_id != entity.id],
        "target": True,
        "first_seen": entity.first_seen,
        "last_seen": entity.last_seen,
        "score": score.score,
        "match": match.match and not suppressed,
        "features": features,
        "explanations": {
            f.name: {"score": round(f.score, 4), "detail": f.detail} for f in score.features
        },
        "matched_name": list(score.matched_name) if score.matched_name else None,
        "records": [{"dataset": d, "entity_id": e, "source_id": s} for d, e, s in entity.records],
        "suppressed": suppressed,
    }
