"""The screening engine: candidates from the index, scored, thresholded, explained."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fullcourt.screening.index import CandidateIndex, ListEntity, build_index
from fullcourt.screening.score import ALGORITHM, DEFAULT_THRESHOLD, Score, score_subject
from fullcourt.screening.subject import Subject, can_match, make_subject


@dataclass(frozen=True, slots=True)
class Match:
    """One list entity scored for a query."""

    entity: ListEntity
    score: Score
    match: bool


@dataclass
class Matcher:
    """An index over one set of list versions, and the scorer."""

    index: CandidateIndex
    versions: tuple[tuple[str, str], ...] = ()
    algorithm: str = ALGORITHM

    @classmethod
    def from_entities(
        cls, entities: Iterable[ListEntity], versions: tuple[tuple[str, str], ...] = ()
    ) -> Matcher:
        return cls(build_index(entities), versions)

    def match(
        self,
        query: Subject,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = 5,
        cutoff: float = 0.5,
        datasets: frozenset[str] | None = None,
    ) -> list[Match]:
        """The best-scoring list entities for ``query`` above ``cutoff``, best first."""
        results = []
        for entity in self.index.candidates(query):
            if datasets is not None and datasets.isdisjoint(entity.datasets):
                continue
            if query.schema != "Thing" and not can_match(query.schema, entity.schema):
                continue
            scored = score_subject(query, entity.subject)
            if scored.score >= cutoff:
                results.append(Match(entity, scored, scored.score >= threshold))
        results.sort(key=lambda m: (-m.score.score, m.entity.id))
        return results[:limit]

    def search(self, text: str, *, schema: str = "Thing", limit: int = 10) -> list[Match]:
        """Free-text search: the text as a name of any kind of entity."""
        query = make_subject(schema, {"name": [text]})
        return self.match(query, threshold=DEFAULT_THRESHOLD, limit=limit, cutoff=0.3)
