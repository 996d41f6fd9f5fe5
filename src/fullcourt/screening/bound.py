"""A cheap ceiling on the name score, so most candidates never reach the full scorer.

The full comparison (``names.compare_names``) aligns name parts one pair at a time in
Python, about a millisecond per candidate. Most candidates the index proposes share a
common part ("Mohammed", "Trading") and score far below any threshold; the ceiling
proves that without aligning anything. It follows the scorer's own arithmetic with
every reducing rule left out:

- a token pair's similarity is at most the largest value any rule of
  ``tokens.token_similarity`` could give it (spelling, a shared Korean syllable key,
  a pinyin variant, a shared sound, a nickname, an initial, a doubled letter, the
  consonants an abjad writes, a part cut short), computed for all pairs of one query
  at once with rapidfuzz and numpy;
- each part is credited with its best partner, as if the one-to-one alignment never
  had to choose, and parts that merge with a neighbour ("pyong chol" / "pyongchol")
  are credited through the joined spelling;
- series numbers and a country closing a company's name count as agreeing (the
  scorer may drop them before comparing, which can only raise the cover), and the
  rules that can only raise a score (acronyms, the same letters spaced differently,
  names in Han or Hangul compared in their own script) are applied as they are.

A candidate whose ceiling is below the cut-off cannot score above it, so leaving it
out changes no result. The tests hold the ceiling above the full score on the
benchmark pairs and on list names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

import numpy as np
import numpy.typing as npt
from nicknames import NickNamer
from rapidfuzz.distance import OSA, Levenshtein, Prefix
from rapidfuzz.process import cdist
from rigour.text import metaphone

from fullcourt.screening import names as n
from fullcourt.screening import tokens as t
from fullcourt.screening.chinese import pinyin_key
from fullcourt.screening.korean import split_syllables, syllable_key
from fullcourt.screening.normalize import PERSON_SCHEMATA, NameForm, cjk_characters
from fullcourt.screening.score import COUNTRY_AGREES, DOB_AGREES, WEAK_IDENTIFIER_AGREES
from fullcourt.screening.subject import STRONG_IDENTIFIERS, Subject

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
ROUNDING = 1e-3  # the scorer rounds to four places; never let that cross the ceiling
PERSON_EXTRA = 0.35
ORG_EXTRA = 0.6


def _korean_key(token: str) -> str:
    """The syllable key, or the keys of a two-syllable given name written as one word
    (the two shapes ``tokens._korean`` compares)."""
    if key := syllable_key(token):
        return key
    parts = split_syllables(token)
    if parts and len(parts) == 2 and len(token) <= 8:
        keys = [syllable_key(p) for p in parts]
        if all(keys):
            return "|".join(keys)
    return ""


@lru_cache(maxsize=1)
def _nicknames() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=100_000)
def nickname_relatives(token: str) -> frozenset[str]:
    """Every token that ``tokens.is_nickname`` pairs with ``token``."""
    namer = _nicknames()
    return frozenset(namer.nicknames_of(token) | namer.canonicals_of(token))


class Vocabulary:
    """List tokens (and joined neighbour pairs) with the keys the similarity rules use."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.strings: list[str] = []
        self._key_ids: dict[str, int] = {"": -1}
        self._keys: list[list[int]] = []  # per token, one key id per rule in KEY_VALUES
        self._token_keys: dict[str, tuple[Ints, Ints]] = {}
        self._part: set[int] = set()
        self._joined: set[int] = set()
        self.keys = np.zeros((0, len(KEY_VALUES)), dtype=np.int64)
        self.lengths = np.zeros(0, dtype=np.int64)
        self.first = np.zeros(0, dtype=np.int64)
        self.ends_s = np.zeros(0, dtype=bool)
        self.shape = np.zeros(0, dtype=np.int64)
        self.ending = np.zeros(0, dtype=bool)
        self.squeezed_texts = np.zeros(0, dtype=object)
        self.squeezed_lengths = np.zeros(0, dtype=np.int64)

    def key_id(self, key: str, kind: str) -> int:
        if not key:
            return -1
        return self._key_ids.setdefault(f"{kind}:{key}", len(self._key_ids))

    def lookup_key(self, key: str, kind: str) -> int:
        """A query's key: one the lists never use matches nothing (-2)."""
        return self._key_ids.get(f"{kind}:{key}", -2) if key else -1

    def add(self, token: str, joined: bool = False) -> int:
        found = self.ids.get(token)
        if found is not None:
            (self._joined if joined else self._part).add(found)
            return found
        self.ids[token] = len(self.strings)
        self.strings.append(token)
        self._keys.append([self.key_id(key, kind) for kind, key in _keys_of(token)])
        (self._joined if joined else self._part).add(self.ids[token])
        return self.ids[token]

    def freeze(self) -> None:
        self.keys = np.array(self._keys, dtype=np.int64).reshape(-1, len(KEY_VALUES))
        self.lengths = np.array([len(s) for s in self.strings], dtype=np.int64)
        self.first = np.array([ord(s[0]) for s in self.strings], dtype=np.int64)
        self.ends_s = np.array([s.endswith("s") for s in self.strings], dtype=bool)
        self.shape = np.array([_korean_shape(s) for s in self.strings], dtype=np.int64)
        self.squeezed_texts = np.array([t.squeeze(s) for s in self.strings], dtype=object)
        self.squeezed_lengths = np.array([len(s) for s in self.squeezed_texts], dtype=np.int64)
        self.ending = self.ends_s & (self.lengths >= 5)
        self.texts = np.array(self.strings, dtype=object)
        self.is_part = np.zeros(len(self.strings), dtype=bool)
        self.is_part[list(self._part)] = True
        self.is_joined = np.zeros(len(self.strings), dtype=bool)
        self.is_joined[list(self._joined)] = True

    def token_keys(self, token: str) -> tuple[Ints, Ints]:
        """A query token's keys in the vocabulary's numbering (one per rule in
        ``KEY_VALUES``) and the ids of its nickname relatives; cached, since names
        repeat from query to query."""
        found = self._token_keys.get(token)
        if found is None:
            keys = np.array(
                [self.lookup_key(key, kind) for kind, key in _keys_of(token)], dtype=np.int64
            )
            relatives = [self.ids[r] for r in nickname_relatives(token) if r in self.ids]
            found = (keys, np.array(relatives, dtype=np.int64))
            if len(self._token_keys) < 200_000:
                self._token_keys[token] = found
        return found

    def _ending_ceiling(
        self, rows: Sequence[str], columns: Ints, osa: Ints, lev: Ints, longest: Floats
    ) -> Floats:
        """The most ``tokens.ending_stem`` can give: taking one letter off one token
        takes at most one edit off the distance, and the stems are no longer."""
        r_s = np.array([len(r) >= 5 and r.endswith("s") for r in rows])[:, None]
        r_end = np.array([r.endswith("s") for r in rows])[:, None]
        c_s, c_end = self.ending[columns][None, :], self.ends_s[columns][None, :]
        applies = (r_s & ~c_end) | (c_s & ~r_end)
        edits, distance = np.maximum(osa - 1, 0), np.maximum(lev - 1, 0)
        close = 1.0 - 0.5 * edits / longest - 0.04 * edits
        far = np.maximum(0.0, 1.0 - 1.6 * distance / longest)
        return np.where(applies, t.ENDING_FACTOR * np.maximum(close, far), 0.0)

    def korean_rows(self, rows: Sequence[str], columns: Ints, ceiling: Floats) -> Floats:
        """The ceilings where both names read as Korean: two syllables (or two-syllable
        given names) of one shape are the same (up to 0.92 for another spelling of one
        syllable or a doubled letter) or different (at most 0.5), never close."""
        keys = [self.token_keys(r)[0] for r in rows]
        mine = np.array([k[KOREAN] for k in keys])[:, None]
        shape = np.array([_korean_shape(r) for r in rows])[:, None]
        doubled = np.array([k[DOUBLED] for k in keys])[:, None]
        theirs = self.keys[columns]
        both = (shape > 0) & (self.shape[columns][None, :] == shape)
        both &= (self.lengths[columns][None, :] > 1) & (np.array([len(r) for r in rows]) > 1)[
            :, None
        ]
        same = (theirs[None, :, KOREAN] == mine) | (theirs[None, :, DOUBLED] == doubled)
        syllables = np.where(same, np.minimum(ceiling, t.VARIANT_SIMILARITY), 0.5)
        syllables = np.where(ceiling >= 1.0, 1.0, syllables)
        # a part cut short by a fixed-width field is paired before syllables are read
        texts = self.texts[columns].tolist()
        common = cdist(rows, texts, scorer=Prefix.similarity, dtype=np.int32)
        shortest = np.minimum(
            self.lengths[columns][None, :], np.array([len(r) for r in rows])[:, None]
        )
        cut = (common == shortest) & (shortest >= 2)
        syllables = np.where(cut, np.maximum(syllables, n.TRUNCATED_SIMILARITY), syllables)
        return np.where(both, np.minimum(ceiling, syllables), ceiling)

    def ceiling_rows(self, rows: Sequence[str], columns: Ints, texts: Sequence[str]) -> Floats:
        """The most ``token_similarity(row, column)`` can be, for every pair at once."""
        if not len(columns) or not rows:
            return np.zeros((len(rows), len(columns)))
        osa = cdist(rows, texts, scorer=OSA.distance, dtype=np.int32)
        lev = cdist(rows, texts, scorer=Levenshtein.distance, dtype=np.int32)
        common = cdist(rows, texts, scorer=Prefix.similarity, dtype=np.int32)
        r_len = np.array([len(r) for r in rows], dtype=np.int64)[:, None]
        c_len = self.lengths[columns][None, :]
        longest = np.maximum(c_len, r_len).astype(np.float64)
        shortest = np.minimum(c_len, r_len)
        spelling = _spelling(osa, lev, longest, shortest)
        # the same without doubled letters
        squeezed = [t.squeeze(r) for r in rows]
        s_len = np.array([len(r) for r in squeezed], dtype=np.int64)[:, None]
        sc_len = self.squeezed_lengths[columns][None, :]
        spelling = np.maximum(
            spelling,
            _spelling(
                cdist(squeezed, self.squeezed_texts[columns].tolist(), scorer=OSA.distance),
                cdist(squeezed, self.squeezed_texts[columns].tolist(), scorer=Levenshtein.distance),
                np.maximum(sc_len, s_len).astype(np.float64),
                np.minimum(sc_len, s_len),
            ),
        )
        best = np.maximum(spelling, self._ending_ceiling(rows, columns, osa, lev, longest))
        keyed = [self.token_keys(r) for r in rows]
        mine = np.stack([keys for keys, _ in keyed])[:, None, :]
        same = (self.keys[columns][None, :, :] == mine) & (mine != -1)
        # a shared sound counts only where the spelling is already near
        same[:, :, SOUND] &= best >= 0.3
        variant = same[:, :, :ABJAD].any(axis=2)  # the rules worth VARIANT_SIMILARITY
        best = np.where(variant, np.maximum(best, t.VARIANT_SIMILARITY), best)
        best = np.where(same[:, :, ABJAD:].any(axis=2), np.maximum(best, 0.85), best)
        # a part cut short: the start of the other
        cut = (common == shortest) & (shortest >= 2)
        best = np.where(cut, np.maximum(best, n.TRUNCATED_SIMILARITY), best)
        for r, (_, relatives) in enumerate(keyed):
            if len(relatives):
                mask = np.isin(columns, relatives)
                best[r] = np.where(mask, np.maximum(best[r], t.NICKNAME_SIMILARITY), best[r])
        initial = (c_len == 1) | (r_len == 1)
        first = np.array([ord(r[0]) for r in rows], dtype=np.int64)[:, None]
        same_first = self.first[columns][None, :] == first
        best = np.where(initial, np.where(same_first, t.INITIAL_SIMILARITY, 0.0), best)
        return np.where(osa == 0, 1.0, best)


def _spelling(osa: Ints, lev: Ints, longest: Floats, shortest: Ints) -> Floats:
    """``tokens._spelling`` for every pair at once, from their distances."""
    allowed = np.select([shortest <= 3, shortest <= 8, shortest <= 13], [0, 1, 2], default=3)
    close = 1.0 - 0.5 * osa / longest - 0.04 * osa
    far = np.maximum(0.0, 1.0 - 1.6 * lev / longest)
    return np.where(osa <= allowed, close, far)


def _keys_of(token: str) -> list[tuple[str, str]]:
    """The keys two tokens share when a rule of ``token_similarity`` can pair them
    whatever their spelling distance: Korean syllables, pinyin, doubled letters,
    abjad consonants and sound (the last only for near spellings)."""
    return [
        ("k", _korean_key(token)),
        ("p", pinyin_key(token)),
        ("q", t.squeeze(token)),
        ("a", "abd" if token in t.ABD_FORMS else ""),
        ("s", _skeleton_key(token)),
        ("m", metaphone(token) if len(token) > 3 else ""),
    ]


# What a shared key can give: the first four (Korean, pinyin, doubled letters, the
# forms of "Abd") the variant similarity, the last two (abjad consonants, sound) at
# most 0.85.
KEY_VALUES = np.array(
    [
        *(t.VARIANT_SIMILARITY, t.VARIANT_SIMILARITY, t.DOUBLED_SIMILARITY, t.VARIANT_SIMILARITY),
        *(t.ABJAD_SIMILARITY, 0.85),
    ]
)
KOREAN, DOUBLED, ABJAD, SOUND = 0, 2, 4, 5


def _korean_shape(token: str) -> int:
    """1 for one Korean syllable, 2 for a two-syllable given name written as one word,
    0 for neither: ``tokens._korean`` compares only tokens of one shape."""
    if syllable_key(token):
        return 1
    parts = split_syllables(token)
    if parts and len(parts) == 2 and len(token) <= 8 and all(syllable_key(p) for p in parts):
        return 2
    return 0


def _skeleton_key(token: str) -> str:
    found = t.skeleton(token)
    return found if len(found) >= 3 else ""


def _short_single(form: NameForm) -> bool:
    """One token that could be an acronym (the scorer reads 2-8 letters so)."""
    return len(form.tokens) == 1 and 2 <= len(form.tokens[0]) <= 8


def _unqualified(form: NameForm) -> list[NameForm]:
    """The form, and the form without a closing country as the scorer may read it."""
    if form.qualifier and len(form.tokens) > 1:
        return [form, replace(form, tokens=form.tokens[:-1], qualifier="")]
    return [form]


def _is_number(token: str) -> bool:
    return n._is_number(token, False)


@dataclass
class FormTable:
    """Every list name form as padded arrays, grouped by entity position."""

    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    starts: list[int] = field(default_factory=list)  # first form of each entity
    _rows: list[tuple[int, float, NameForm, bool, bool]] = field(default_factory=list)
    members: list[list[tuple[int, int]]] = field(default_factory=list)  # (name, form)

    def add(self, position: int, subject: Subject) -> None:
        while len(self.starts) <= position:
            self.starts.append(len(self._rows))
        is_person = subject.schema in PERSON_SCHEMATA
        seen: dict[tuple[tuple[str, ...], str, str], int] = {}
        for name_index, (_, weight, forms) in enumerate(subject.names):
            for form_index, form in enumerate(forms):
                # aliases that normalise alike are one form, at their best weight
                key = (form.tokens, form.letters, form.written)
                if key in seen and not cjk_characters(form.original):
                    row = seen[key]
                    if weight > self._rows[row][1]:
                        self._rows[row] = (position, weight, *self._rows[row][2:])
                    self.members[row].append((name_index, form_index))
                    continue
                seen[key] = len(self._rows)
                has_cjk = bool(cjk_characters(form.original))
                self._rows.append((position, weight, form, is_person, has_cjk))
                self.members.append([(name_index, form_index)])
                for token in form.tokens:
                    self.vocabulary.add(token)
                for left, right in pairwise(form.tokens):
                    self.vocabulary.add(left + right, joined=True)

    def narrow(self, subject: Subject, position: int, ceilings: Ceilings, needed: float) -> Subject:
        """``subject`` with only the name forms that could reach ``needed`` (a total
        score): the full comparison of the rest is work whose answer is known."""
        slot = ceilings.slot_of[position]
        begin = int(self.bounds[position])
        values = ceilings.rows[ceilings.spans[slot] : ceilings.spans[slot + 1]]
        floor = needed - ceilings.margin
        keep = {
            member
            for offset, value in enumerate(values)
            if value >= floor
            for member in self.members[begin + offset]
        }
        names = []
        for name_index, (name, weight, forms) in enumerate(subject.names):
            kept = tuple(f for i, f in enumerate(forms) if (name_index, i) in keep)
            if kept:
                names.append((name, weight, kept))
        return replace(subject, names=tuple(names))

    def freeze(self) -> None:
        self.starts.append(len(self._rows))
        self.bounds = np.array(self.starts, dtype=np.int64)
        self.vocabulary.freeze()
        rows = self._rows
        width = max((len(r[2].tokens) for r in rows), default=1)
        count = len(rows)
        ids = self.vocabulary.ids
        self.entity = np.array([r[0] for r in rows], dtype=np.int64)
        self.name_weight = np.array([r[1] for r in rows])
        self.person = np.array([r[3] for r in rows], dtype=bool)
        self.cjk = np.array([r[4] for r in rows], dtype=bool)
        self.size = np.array([len(r[2].tokens) for r in rows], dtype=np.int64)
        self.real = np.full((count, width), -1, dtype=np.int64)
        self.left = np.full((count, width), -1, dtype=np.int64)  # joined with previous
        self.right = np.full((count, width), -1, dtype=np.int64)  # joined with next
        self.weights = np.zeros((count, width))
        self.is_number = np.zeros((count, width), dtype=bool)
        self.qualifier = np.zeros((count, width), dtype=bool)
        self._spellings: dict[str, int] = {}
        self.letters = np.array([self._spelling(r[2].letters) for r in rows], dtype=np.int64)
        self.written = np.array([self._spelling(r[2].written) for r in rows], dtype=np.int64)
        self.forms: list[NameForm] = [r[2] for r in rows]
        self.short_single = np.zeros(count, dtype=bool)
        self.korean = np.array([r[2].korean for r in rows], dtype=bool)
        for row, (_, _, form, _, _) in enumerate(rows):
            tokens = form.tokens
            for col, token in enumerate(tokens):
                self.real[row, col] = ids[token]
                self.weights[row, col] = n._weight(token)
                self.is_number[row, col] = _is_number(token)
                if col:
                    self.left[row, col] = ids[tokens[col - 1] + token]
                if col + 1 < len(tokens):
                    self.right[row, col] = ids[token + tokens[col + 1]]
            self.short_single[row] = any(_short_single(v) for v in _unqualified(form))
            if form.qualifier and len(tokens) > 1:
                # a closing country may be dropped before comparing: count it as met
                self.qualifier[row, len(tokens) - 1] = True
        # each row's columns in one flat array: its parts, then its joined neighbours
        flat: list[int] = []
        self.offsets = np.zeros(count + 1, dtype=np.int64)
        self.pair_at = np.full((count, width), -1, dtype=np.int64)  # joined with next
        for row, (_, _, form, _, _) in enumerate(rows):
            size = len(form.tokens)
            flat.extend(self.real[row, :size].tolist())
            flat.extend(self.right[row, : size - 1].tolist())
            self.pair_at[row, : size - 1] = np.arange(size, 2 * size - 1)
            self.offsets[row + 1] = len(flat)
        self.flat = np.array(flat, dtype=np.int64)
        self.first = np.array([ord(r[2].tokens[0][0]) for r in rows], dtype=np.int64)
        self.total = self.weights.sum(axis=1)
        self.has_number: npt.NDArray[np.bool_] = np.asarray(self.is_number.any(axis=1))
        self._rows = []

    def _spelling(self, letters: str) -> int:
        """An id per distinct run of letters, so equal spellings compare as numbers."""
        if not letters:
            return -1
        return self._spellings.setdefault(letters, len(self._spellings))

    def forms_of(self, positions: Ints) -> tuple[Ints, Ints]:
        """Form rows of the entities at ``positions``, and each row's place in it."""
        begin, end = self.bounds[positions], self.bounds[positions + 1]
        sizes = end - begin
        offsets = np.repeat(begin - np.cumsum(sizes) + sizes, sizes)
        rows = np.arange(int(sizes.sum()), dtype=np.int64) + offsets
        return rows, np.repeat(np.arange(len(positions)), sizes)

    def entity_ceilings(self, query: Subject, positions: Ints) -> Ceilings:
        """The most each entity at ``positions`` can score for ``query`` on names and
        context (identifier hits are decided apart: they override names), and the most
        each of their name forms can add."""
        rows, slot = self.forms_of(positions)
        best = np.zeros(len(rows))
        forms = [form for _, _, found in query.names for form in found]
        if len(rows) and forms:
            frame = self._frame(rows)
            # every part and joined pair of every rendering of the query, compared once:
            # renderings of one name share most of their parts
            strings = list(
                dict.fromkeys(
                    s for f in forms for s in (*f.tokens, *(a + b for a, b in pairwise(f.tokens)))
                )
            )
            vocab = self.vocabulary
            ceiling = vocab.ceiling_rows(strings, frame.columns, frame.texts)
            korean = None
            if any(form.korean for form in forms):
                korean = vocab.korean_rows(strings, frame.columns, ceiling)
            place = {text: k for k, text in enumerate(strings)}
            for form in forms:
                found = self._form_ceilings(form, rows, frame, ceiling, place, korean)
                best = np.maximum(best, found)
        best = best * self.name_weight[rows] + ROUNDING
        margin = evidence_margin(query)
        result = np.zeros(len(positions))
        np.maximum.at(result, slot, best)
        spans = np.concatenate([[0], np.cumsum(np.bincount(slot, minlength=len(positions)))])
        slot_of = {int(p): k for k, p in enumerate(positions)}
        return Ceilings(np.minimum(1.0, result + margin), best, spans, slot_of, margin)

    def _frame(self, rows: Ints) -> Frame:
        vocab = self.vocabulary
        begin, lengths = self.offsets[rows], self.offsets[rows + 1] - self.offsets[rows]
        starts = np.cumsum(lengths) - lengths  # each row's place in the gathered array
        gathered = np.repeat(begin - starts, lengths) + np.arange(int(lengths.sum()))
        columns, local = np.unique(self.flat[gathered], return_inverse=True)
        return Frame(
            columns,
            local,
            starts,
            vocab.texts[columns].tolist(),
            # a string seen both as a part and as two joined parts is tried both ways
            vocab.is_part[columns],
            vocab.is_joined[columns],
        )

    def _credits(
        self, single: Floats, joined: Floats, frame: Frame, rows: Ints, width: int
    ) -> tuple[Floats, Floats]:
        """The most each query part (parts x rows) and each list part (rows x width)
        can be credited with, from the ceilings of the query's parts and joined pairs."""
        local, starts = frame.local, frame.starts
        is_real, is_joined = frame.is_real, frame.is_joined
        # real query part against a real list part (align) or a joined pair (merge)
        v = np.where(is_real & (single >= n.PAIR_FLOOR), single, 0.0)
        v = np.maximum(v, np.where(is_joined & (single >= n.MERGE_FLOOR), single, 0.0))
        merged = np.where(is_real & (joined >= n.MERGE_FLOOR), joined, 0.0)
        for p in range(len(joined)):
            v[p] = np.maximum(v[p], merged[p])
            v[p + 1] = np.maximum(v[p + 1], merged[p])
        per_part = np.maximum.reduceat(v[:, local], starts, axis=1)
        # list-side credit: a part, or a joined pair it belongs to, met by the query
        column_best = np.max(np.vstack([v, merged]), axis=0)
        flat_best = np.append(column_best[local], 0.0)
        sentinel = len(local)
        position = starts[:, None] + np.arange(width)[None, :]
        padding = np.arange(width)[None, :] >= self.size[rows][:, None]
        pair = self.pair_at[rows, :width]
        right = np.where(pair >= 0, starts[:, None] + pair, sentinel)
        left = np.full_like(right, sentinel)
        left[:, 1:] = right[:, :-1]
        list_part = np.where(padding, 0.0, flat_best[np.where(padding, sentinel, position)])
        list_part = np.maximum(list_part, np.maximum(flat_best[left], flat_best[right]))
        return per_part, list_part

    def _form_ceilings(
        self,
        q: NameForm,
        rows: Ints,
        frame: Frame,
        ceiling: Floats,
        place: dict[str, int],
        korean: Floats | None = None,
    ) -> Floats:
        width = int(self.size[rows].max())
        tokens = list(q.tokens)
        pairs = [a + b for a, b in pairwise(tokens)]
        single = ceiling[[place[t] for t in tokens]]
        joined = ceiling[[place[p] for p in pairs]] if pairs else ceiling[:0]
        per_part, list_part = self._credits(single, joined, frame, rows, width)
        korean_rows = self.korean[rows]
        if q.korean and korean_rows.any() and korean is not None:
            # both names read as Korean: their syllables are the same or different,
            # never close (tokens._korean), which the plain ceiling cannot know
            single = korean[[place[t] for t in tokens]]
            joined = korean[[place[p] for p in pairs]] if pairs else korean[:0]
            per_k, list_k = self._credits(single, joined, frame, rows, width)
            per_part = np.where(korean_rows[None, :], per_k, per_part)
            list_part = np.where(korean_rows[:, None], list_k, list_part)
        padding = np.arange(width)[None, :] >= self.size[rows][:, None]
        # series numbers and a closing country count as met (see the module docstring)
        q_numbers = np.array([_is_number(tok) for tok in tokens], dtype=bool)
        if q_numbers.any():
            per_part[q_numbers] = np.where(self.has_number[rows], 1.0, per_part[q_numbers])
        if q.qualifier and len(tokens) > 1:
            per_part[-1] = 1.0
        q_weights = np.array([n._weight(tok) for tok in tokens])
        cover_q = q_weights @ per_part / q_weights.sum()
        numbers = self.is_number[rows, :width]
        free = numbers if q_numbers.any() else np.zeros_like(numbers)
        free = free | (self.qualifier[rows, :width])
        list_part = np.where(free, 1.0, list_part)
        cover_c = (self.weights[rows, :width] * list_part).sum(axis=1) / self.total[rows]
        person = self.person[rows]
        extra = np.where(person, PERSON_EXTRA, ORG_EXTRA)
        high, low = np.maximum(cover_q, cover_c), np.minimum(cover_q, cover_c)
        score = (1 - extra) * high + extra * low
        size = self.size[rows]
        one_part = (np.minimum(size, len(tokens)) == 1) & (np.maximum(size, len(tokens)) > 1)
        # the cap spares a single token that pairs with every part of the other name
        every = (per_part > 0).all(axis=0) & ((list_part > 0) | padding).all(axis=1)
        cap = np.where(person, n.SINGLE_PART_CAP, n.SINGLE_BRAND_CAP)
        score = np.where(one_part & ~every, np.minimum(score, cap), score)
        return self._raising_rules(q, rows, score)

    def _raising_rules(self, q: NameForm, rows: Ints, score: Floats) -> Floats:
        """Rules of the scorer that can lift a score above its part-by-part value."""
        letters = self.letters[rows] == self._spellings.get(q.letters, -2)
        if q.written:
            letters |= self.written[rows] == self._spellings.get(q.written, -2)
        score = np.where(letters, np.maximum(score, 0.97), score)
        if cjk_characters(q.original):
            # two names in Han, Hangul or Kana are compared in their script alone, and
            # that comparison is cheap: take its score as it is
            for k in np.flatnonzero(self.cjk[rows]):
                found = n.compare_characters(q.original, self.forms[rows[k]].original)
                score[k] = found.score if found is not None else score[k]
        # an acronym starts with the first letter of the name it shortens; people's
        # names are never read as acronyms
        initial = (self.first[rows] == ord(q.tokens[0][0])) & ~self.person[rows]
        if any(_short_single(v) for v in _unqualified(q)):
            candidates = np.flatnonzero(initial & (self.size[rows] >= 2))
        elif len(q.tokens) >= 2:
            candidates = np.flatnonzero(initial & self.short_single[rows])
        else:
            candidates = np.zeros(0, dtype=np.int64)
        for k in candidates:
            for a in _unqualified(q):
                for b in _unqualified(self.forms[rows[k]]):
                    score[k] = max(score[k], n._acronym_score(a, b))
        return score


@dataclass(frozen=True, slots=True)
class Frame:
    """The list side of one query's comparison: its candidates' distinct parts."""

    columns: Ints  # vocabulary ids
    local: Ints  # for each gathered part of each row, its column
    starts: Ints  # each row's first place among the gathered parts
    texts: list[str]
    is_real: npt.NDArray[np.bool_]
    is_joined: npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Ceilings:
    """Ceilings for one query: per candidate entity, and per name form of each."""

    entities: Floats  # total score, context included
    rows: Floats  # name score of each form row, candidates' rows one after another
    spans: Ints  # rows[spans[k]:spans[k + 1]] belong to the k-th candidate
    slot_of: dict[int, int]  # entity position -> k
    margin: float  # the most context features can add


def evidence_margin(query: Subject) -> float:
    """The most the context features can add to a name score for this query."""
    margin = 0.0
    if query.birth_dates:
        margin += DOB_AGREES
    if query.countries:
        margin += COUNTRY_AGREES
    weak = [kind for kind in query.identifiers if kind not in STRONG_IDENTIFIERS]
    return margin + WEAK_IDENTIFIER_AGREES * len(weak)
