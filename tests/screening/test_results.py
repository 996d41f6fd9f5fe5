"""Results in yente's shape, plus explanations and list records."""

from __future__ import annotations

from fullcourt.screening.matcher import Matcher
from fullcourt.screening.results import match_dict
from fullcourt.screening.subject import make_subject

YENTE_FIELDS = {
    "id",
    "caption",
    "schema",
    "properties",
    "datasets",
    "referents",
    "target",
    "first_seen",
    "last_seen",
    "score",
    "match",
    "features",
}


def test_shape(default_matcher: Matcher) -> None:
    (top,) = default_matcher.match(make_subject("Vessel", {"name": ["CHON MA SAN"]}), limit=1)
    row = match_dict(top)
    assert row.keys() >= YENTE_FIELDS
    assert row["explanations"]["name"]["detail"]
    assert {r["dataset"] for r in row["records"]} == set(row["datasets"])
    suppressed = match_dict(top, suppressed=True)
    assert suppressed["match"] is False and suppressed["suppressed"] is True
