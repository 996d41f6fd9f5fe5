"""The candidate index: finds every plausible list entity for a query without a scan.

Built in memory from the store's current list versions. Lookups go through several
keys so that no single spelling habit hides a listed party: whole tokens, Korean
syllable keys and phonetic keys (for romanisation variants), each token's readings
under national transliteration habits (transliteration.py), letter trigrams of the
name without spaces (for typos and for "CHONMASAN" against "CHON MA SAN"), single
characters of Han and Hangul names, identifiers, and acronym buckets for short
single-word queries ("KOMID"), which hold every name but people's (the scorer never
reads a person's name as an acronym). Candidates are ranked by the rarity of what they share
(a shared "trading" counts for little) and only the best are scored in full.

Once built, the index is frozen into numpy arrays: a query's votes are one weighted
``bincount`` over the postings of its keys, not a Python loop over every posting, and
the form table (bound.py) can tell which candidates could reach a cut-off at all.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from rigour.text import metaphone

from fullcourt.screening.bound import FormTable
from fullcourt.screening.chinese import pinyin_key
from fullcourt.screening.korean import syllable_key
from fullcourt.screening.normalize import PERSON_SCHEMATA, NameForm, cjk_characters
from fullcourt.screening.subject import Subject, can_match
from fullcourt.screening.token_ceilings import Floats, Ints
from fullcourt.screening.tokens import skeleton
from fullcourt.screening.transliteration import readings

TRIGRAM_WEIGHT = 0.25
VARIANT_WEIGHT = 0.8
MAX_CANDIDATES = 64
ACRONYM_MAX = 8
ACRONYM_VOTE = 10.0


@dataclass(frozen=True, slots=True)
class ListEntity:
    """One real-world entity on the lists: possibly several list records behind it."""

    id: str
    schema: str
    caption: str
    subject: Subject
    properties: dict[str, list[str]]
    datasets: tuple[str, ...]
    records: tuple[tuple[str, str, str | None], ...]  # (dataset, entity_id, source_id)
    first_seen: str | None = None
    last_seen: str | None = None


def trigrams(letters: str) -> set[str]:
    padded = f"_{letters}_"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def token_keys(token: str) -> Iterator[str]:
    """Lookup keys of one token: itself, and its spelling-variant keys."""
    yield f"t:{token}"
    for reading in readings(token):
        yield f"r:{reading}"  # Wahidi finds Vahidi, Kovaltchouk Kovalchuk, Jurij Yuriy
    if key := syllable_key(token):
        yield f"k:{key}"
    if key := pinyin_key(token):
        yield f"p:{key}"
    if len(token) > 3:
        yield f"m:{metaphone(token)}"
    if 3 <= len(token) <= 6:
        # its letters in any order: two swapped letters of a short part ("Afiz" for
        # "Faiz") leave it few trigrams in common
        yield f"a:{''.join(sorted(token))}"


@lru_cache(maxsize=100_000)
def _cached_token_keys(token: str) -> tuple[str, ...]:
    """Names repeat from query to query; their keys need computing once."""
    return tuple(token_keys(token))


def form_keys(form: NameForm, listed: bool = False) -> set[str]:
    """Lookup keys of one name form. A list name also gets the consonants of each part,
    which a query written in Arabic or Hebrew letters looks up (the abjad writes no
    short vowels: "mhmd" finds Mohammed); other queries do not."""
    keys = {key for token in form.tokens for key in _cached_token_keys(token)}
    if listed or form.abjad:
        keys.update(f"s:{key}" for token in form.tokens if len(key := skeleton(token)) >= 2)
    keys.update(f"g:{gram}" for gram in trigrams(form.letters))
    keys.update(f"c:{ch}" for ch in cjk_characters(form.original))
    return keys


@dataclass
class CandidateIndex:
    """Postings from lookup keys to entity positions."""

    entities: list[ListEntity] = field(default_factory=list)
    postings: dict[str, set[int]] = field(default_factory=dict)
    identifiers: dict[tuple[str, str], set[int]] = field(default_factory=dict)
    # names of 2+ parts, not people's, by the first letters of their first two parts
    acronyms: dict[str, list[tuple[int, tuple[str, ...]]]] = field(default_factory=dict)
    forms: FormTable = field(default_factory=FormTable)
    _arrays: dict[str, tuple[Ints, float]] = field(default_factory=dict)
    _frozen: bool = False
    _allowed: dict[str, npt.NDArray[np.bool_]] = field(default_factory=dict)

    def add(self, entity: ListEntity) -> None:
        if self._frozen:
            raise RuntimeError("the index is frozen: build a new one for new list versions")
        position = len(self.entities)
        self.entities.append(entity)
        person = entity.subject.schema in PERSON_SCHEMATA  # people have no acronyms
        for _, _, forms in entity.subject.names:
            for form in forms:
                for key in form_keys(form, listed=True):
                    self.postings.setdefault(key, set()).add(position)
                if 2 <= len(form.tokens) <= ACRONYM_MAX and not person:
                    # filed under the first letters of its first two parts: an acronym
                    # names the second part's letter after one to three of the first's
                    bucket = self.acronyms.setdefault(form.tokens[0][0] + form.tokens[1][0], [])
                    bucket.append((position, form.tokens + form.legal))  # NITC: ...Company
        for kind, values in entity.subject.identifiers.items():
            for value in values:
                self.identifiers.setdefault((kind, value), set()).add(position)
        self.forms.add(position, entity.subject)

    def freeze(self) -> None:
        """Postings as sorted arrays with their weights; the form table's arrays."""
        if self._frozen:
            return
        self._frozen = True
        self._arrays = {
            key: (np.array(sorted(found), dtype=np.int64), self._weight(key))
            for key, found in self.postings.items()
        }
        self.forms.freeze()

    def schema_allows(self, schema: str) -> npt.NDArray[np.bool_]:
        """For each entity position, whether a query of ``schema`` may match it."""
        found = self._allowed.get(schema)
        if found is None:
            kinds = {e.schema for e in self.entities}
            allowed = {kind for kind in kinds if can_match(schema, kind)}
            found = np.array([e.schema in allowed for e in self.entities], dtype=bool)
            self._allowed[schema] = found
        return found

    def _weight(self, key: str) -> float:
        """Rarer keys say more: inverse document frequency, scaled by key kind."""
        idf = math.log(1 + len(self.entities) / (1 + len(self.postings.get(key, ()))))
        kind = key[0]
        if kind == "g":
            return idf * TRIGRAM_WEIGHT
        if kind in "kpmrsa":
            return idf * VARIANT_WEIGHT
        return idf

    def candidate_positions(self, query: Subject, limit: int = MAX_CANDIDATES) -> Ints:
        """Positions of the entities most worth scoring for ``query``, best first:
        entities sharing an identifier with it, then the best-voted."""
        self.freeze()
        votes = self.name_votes(query)
        for _, _, forms in query.names:
            for form in forms:
                self._vote_acronym(form, votes)
        forced = self._identifier_hits(query)
        voted = np.flatnonzero(votes)
        if len(voted) > limit:
            # the limit-th best vote, then everything at least that good, by position
            cut = np.partition(votes[voted], len(voted) - limit)[len(voted) - limit]
            voted = voted[votes[voted] >= cut]
        ranked = voted[np.lexsort((voted, -votes[voted]))]
        if forced:
            ranked = ranked[~np.isin(ranked, forced)]
        chosen = np.concatenate([np.array(forced, dtype=np.int64), ranked])
        return chosen[: max(limit, len(forced))]

    def name_votes(self, query: Subject) -> Floats:
        """Per entity, the weight of the lookup keys it shares with the query's names.

        Each entity counts the rendering of the query it shares most of (as a share of
        that rendering's weight), not the sum over all: a name in Arabic letters has
        three renderings, one in Hangul up to eight, and summed, their common noise
        ("allah", a frequent syllable) would outvote the one that meets the list. So no
        entity gets more than the heaviest rendering's weight.
        """
        self.freeze()
        size = len(self.entities)
        votes: Floats = np.zeros(size)
        seen: set[frozenset[str]] = set()
        largest = 0.0
        for _, _, forms in query.names:
            for form in forms:
                keys = frozenset(form_keys(form))
                if keys not in seen:
                    seen.add(keys)
                    found, total = self._votes(keys, size)
                    votes = np.maximum(votes, found / total) if total else votes
                    largest = max(largest, total)
        return votes * largest  # one rendering's votes unchanged, on the acronym scale

    def _votes(self, keys: frozenset[str], size: int) -> tuple[Floats, float]:
        """Per entity, the summed weight of the keys it shares (one ``bincount``), and
        the weight of all the keys the lists know."""
        found = [self._arrays[key] for key in keys if key in self._arrays]
        if not found:
            return np.zeros(size), 0.0
        lists = [posting for posting, _ in found]
        weights = np.repeat([w for _, w in found], [len(x) for x in lists])
        counted = np.bincount(np.concatenate(lists), weights=weights, minlength=size)
        return counted.astype(np.float64), float(sum(w for _, w in found))

    def candidates(self, query: Subject, limit: int = MAX_CANDIDATES) -> list[ListEntity]:
        """The entities most worth scoring for ``query``, best first."""
        return [self.entities[p] for p in self.candidate_positions(query, limit)]

    def identifier_hits(self, query: Subject, kinds: frozenset[str] | None = None) -> set[int]:
        """Entities sharing an identifier with ``query`` (of one of ``kinds``, if given)."""
        return set(self._identifier_hits(query, kinds))

    def _identifier_hits(self, query: Subject, kinds: frozenset[str] | None = None) -> list[int]:
        hits: set[int] = set()
        for kind, values in query.identifiers.items():
            if kinds is not None and kind not in kinds:
                continue
            for value in values:
                hits |= self.identifiers.get((kind, value), set())
        return sorted(hits)

    def _vote_acronym(self, form: NameForm, votes: Floats) -> None:
        from fullcourt.screening.names import spelled_by_prefixes

        if len(form.tokens) != 1 or not 2 <= len(form.tokens[0]) <= ACRONYM_MAX:
            return
        token = form.tokens[0]
        for second in dict.fromkeys(token[1 : min(4, len(token))]):
            for position, tokens in self.acronyms.get(token[0] + second, []):
                if spelled_by_prefixes(token, tokens) >= 2:
                    votes[position] += ACRONYM_VOTE


def build_index(entities: Iterable[ListEntity]) -> CandidateIndex:
    index = CandidateIndex()
    for entity in entities:
        index.add(entity)
    index.freeze()
    return index
