"""The screening engine: candidates from the index, scored, thresholded, explained."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from fullcourt.screening.index import CandidateIndex, ListEntity, build_index
from fullcourt.screening.score import (
    ALGORITHM,
    DEFAULT_THRESHOLD,
    Score,
    evidence_score,
    score_subject,
)
from fullcourt.screening.subject import STRONG_IDENTIFIERS, Subject, make_subject


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
        """The best-scoring list entities for ``query`` above ``cutoff``, best first.

        Candidates are scored in full in the order of their ceilings (bound.py) and
        only while a ceiling could still beat a result: below the cut-off, or below
        the ``limit``-th score found so far, nothing can change the answer.
        """
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")
        index = self.index
        positions = index.candidate_positions(query)
        if query.schema != "Thing":
            positions = positions[index.schema_allows(query.schema)[positions]]
        if datasets is not None:
            scope = [self._in_scope(int(p), datasets) for p in positions]
            positions = positions[np.array(scope, dtype=bool)]
        # a shared strong identifier decides whatever the names say; weak ones only
        # nudge, and the ceiling's margin already allows for them
        forced = index.identifier_hits(query, STRONG_IDENTIFIERS)
        ceilings = index.forms.entity_ceilings(query, positions, cutoff)
        tops = ceilings.entities.copy()
        for k, position in enumerate(positions):
            if int(position) in forced:
                tops[k] = 1.0
        results: list[Match] = []
        for k in np.lexsort((positions, -tops)):
            position = int(positions[k])
            needed = cutoff
            if len(results) >= limit:
                needed = max(needed, results[limit - 1].score.score)
            if tops[k] < needed:
                break
            entity = index.entities[position]
            asked, subject = query, entity.subject
            if position not in forced:
                # the ceiling allowed for the best context; this candidate's own (a date
                # of birth years apart, say) is known exactly and costs little to read
                evidence = evidence_score(query, subject)
                if min(1.0, ceilings.names[k] + evidence) < needed:
                    continue
                asked, subject = index.forms.narrow(
                    query, subject, position, ceilings, needed, evidence
                )
            scored = score_subject(asked, subject)
            if scored.score >= cutoff:
                results.append(Match(entity, scored, scored.score >= threshold))
                results.sort(key=lambda m: (-m.score.score, m.entity.id))
        return results[:limit]

    def _in_scope(self, position: int, datasets: frozenset[str]) -> bool:
        return not datasets.isdisjoint(self.index.entities[position].datasets)

    def search(self, text: str, *, schema: str = "Thing", limit: int = 10) -> list[Match]:
        """Free-text search: the text as a name of any kind of entity."""
        query = make_subject(schema, {"name": [text]})
        return self.match(query, threshold=DEFAULT_THRESHOLD, limit=limit, cutoff=0.3)
