"""The most two name parts can score, for every pair of a query's parts and its
candidates' parts at once.

``tokens.token_similarity`` compares one pair at a time in Python; the ceilings here
follow each of its rules with arrays instead: spelling from rapidfuzz's distances (all
pairs in one ``cdist`` call), and every rule that pairs tokens whatever their spelling
(a Korean syllable key, pinyin, a doubled letter, the forms of "Abd", abjad consonants,
sound, nicknames, a Baltic ending, a part cut short, an initial) from keys computed
once per list token and compared as integers. A ceiling is never below the rule it
follows; ``bound.py`` builds the name-level ceilings on these, and the tests hold both
above the scorer on real pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import OSA, Levenshtein, Prefix
from rapidfuzz.process import cdist
from rigour.text import metaphone

from fullcourt.screening import names as n
from fullcourt.screening import tokens as t
from fullcourt.screening import transliteration
from fullcourt.screening.arabic import ABD_FORMS
from fullcourt.screening.chinese import pinyin_key
from fullcourt.screening.korean import split_syllables, syllable_key

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


def _korean_key(token: str) -> str:
    """The syllable key, or the keys of a two-syllable given name written as one word
    (the two shapes ``tokens._korean`` compares)."""
    shape = _korean_shape(token)
    if shape == 1:
        return syllable_key(token)
    if shape == 2:
        return "|".join(syllable_key(part) for part in split_syllables(token) or [])
    return ""


class Vocabulary:
    """List tokens (and joined neighbour pairs) with the keys the similarity rules use."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.strings: list[str] = []
        self._key_ids: dict[str, int] = {"": -1}
        self._keys: list[list[int]] = []  # per token, one key id per rule in KEY_VALUES
        self._readings: list[list[int]] = []  # per token, its readings' key ids, padded
        self._token_keys: dict[str, tuple[Ints, Ints, Ints]] = {}
        self._cut: set[int] = set()  # last parts of names long enough to be cut short
        self._in_abjad: set[int] = set()  # parts of names written in Arabic or Hebrew
        self._in_latin: set[int] = set()  # parts of names written otherwise
        self.keys = np.zeros((0, len(KEY_VALUES)), dtype=np.int64)
        self.readings = np.zeros((0, HABITS), dtype=np.int64)
        self.reading_keys = np.zeros(0, dtype=np.int64)
        self.reading_owners = np.zeros(0, dtype=np.int64)
        self.lengths = np.zeros(0, dtype=np.int64)
        self.first = np.zeros(0, dtype=np.int64)
        self.ends_s = np.zeros(0, dtype=bool)
        self.shape = np.zeros(0, dtype=np.int64)
        self.ending = np.zeros(0, dtype=bool)
        self.article = np.zeros(0, dtype=bool)
        self.from_article = np.zeros(0, dtype=bool)
        self.squeezed_texts = np.zeros(0, dtype=object)
        self.squeezed_lengths = np.zeros(0, dtype=np.int64)

    def key_id(self, key: str, kind: str) -> int:
        if not key:
            return -1
        return self._key_ids.setdefault(f"{kind}:{key}", len(self._key_ids))

    def lookup_key(self, key: str, kind: str) -> int:
        """A query's key: one the lists never use matches nothing (-2)."""
        return self._key_ids.get(f"{kind}:{key}", -2) if key else -1

    def add(self, token: str) -> int:
        found = self.ids.get(token)
        if found is not None:
            return found
        self.ids[token] = len(self.strings)
        self.strings.append(token)
        self._keys.append([self.key_id(key, kind) for kind, key in _keys_of(token)])
        read = [self.key_id(r, "r") for r in sorted(transliteration.readings(token))]
        self._readings.append(read + [-1] * (HABITS - len(read)))
        return self.ids[token]

    def may_be_cut(self, token: str) -> None:
        """``token`` closes a list name that a fixed-width field could have cut short
        (``names._truncated_last_part``): only such parts are credited as cut."""
        self._cut.add(self.add(token))

    def written_in(self, token: str, abjad: bool) -> None:
        """``token`` is a part of a list name written in an abjad or not: the abjad
        rule pairs parts only across the two (``tokens.abjad_alike``)."""
        (self._in_abjad if abjad else self._in_latin).add(self.add(token))

    def freeze(self) -> None:
        self.keys = np.array(self._keys, dtype=np.int64).reshape(-1, len(KEY_VALUES))
        self.readings = np.array(self._readings, dtype=np.int64).reshape(-1, HABITS)
        # the tokens of each reading, sorted by its key: a query's readings find the
        # list tokens that share one by binary search, whatever the candidates
        flat = self.readings.ravel()
        owners = np.repeat(np.arange(len(self.readings), dtype=np.int64), HABITS)
        order = np.argsort(flat, kind="stable")
        keep = order[flat[order] >= 0]
        self.reading_keys, self.reading_owners = flat[keep], owners[keep]
        self.lengths = np.array([len(s) for s in self.strings], dtype=np.int64)
        self.first = np.array([ord(s[0]) for s in self.strings], dtype=np.int64)
        self.ends_s = np.array([s.endswith("s") for s in self.strings], dtype=bool)
        self.shape = np.array([_korean_shape(s) for s in self.strings], dtype=np.int64)
        self.squeezed_texts = np.array([t.squeeze(s) for s in self.strings], dtype=object)
        self.squeezed_lengths = np.array([len(s) for s in self.squeezed_texts], dtype=np.int64)
        self.ending = self.ends_s & (self.lengths >= 5)
        self.from_article = np.array([s.startswith(t.ARTICLES) for s in self.strings], dtype=bool)
        self.article = self.from_article & (self.lengths >= t.ARTICLE_MIN)
        self.texts = np.array(self.strings, dtype=object)
        # Arabic names are mostly Abd-something: each list part's slip against Abd is
        # read once here rather than for every query that holds one
        self.abd_slip = abd_slips(self.strings) if self.strings else np.zeros(0)
        self.cut_ok = np.zeros(len(self.strings), dtype=bool)
        self.cut_ok[list(self._cut)] = True
        self.in_abjad = np.zeros(len(self.strings), dtype=bool)
        self.in_abjad[list(self._in_abjad)] = True
        self.in_latin = np.zeros(len(self.strings), dtype=bool)
        self.in_latin[list(self._in_latin)] = True

    def _sharing_a_reading(self, read: Ints) -> Ints:
        """Ids of the list tokens with one of the readings ``read`` (a query token's
        reading keys; -2 for none, or for one no list token has)."""
        known = read[read >= 0]
        low = np.searchsorted(self.reading_keys, known, side="left")
        high = np.searchsorted(self.reading_keys, known, side="right")
        spans = [self.reading_owners[a:b] for a, b in zip(low, high, strict=True) if b > a]
        return np.concatenate(spans) if spans else np.zeros(0, dtype=np.int64)

    def token_keys(self, token: str) -> tuple[Ints, Ints, Ints]:
        """A query token's keys in the vocabulary's numbering (one per rule in
        ``KEY_VALUES``), its readings' keys (padded with -2, which no list token
        has) and the ids of its nickname relatives; cached, since names repeat from
        query to query."""
        found = self._token_keys.get(token)
        if found is None:
            keys = np.array(
                [self.lookup_key(key, kind) for kind, key in _keys_of(token)], dtype=np.int64
            )
            read = [self.lookup_key(r, "r") for r in sorted(transliteration.readings(token))]
            read += [-2] * (HABITS - len(read))
            relatives = [self.ids[r] for r in t.nickname_relatives(token) if r in self.ids]
            found = (keys, np.array(read, dtype=np.int64), np.array(relatives, dtype=np.int64))
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
        return _stem_ceiling(applies, osa, lev, longest, 1, t.ENDING_FACTOR)

    def _article_ceiling(
        self, rows: Sequence[str], columns: Ints, osa: Ints, lev: Ints, longest: Floats
    ) -> Floats:
        """The most ``tokens.article_stem`` can give: taking the two letters of the
        article off one token takes at most two edits off the distance."""
        r_from = np.array([r.startswith(t.ARTICLES) for r in rows])[:, None]
        r_art = r_from & (np.array([len(r) for r in rows]) >= t.ARTICLE_MIN)[:, None]
        c_from, c_art = self.from_article[columns][None, :], self.article[columns][None, :]
        applies = (r_art & ~c_from) | (c_art & ~r_from)
        return _stem_ceiling(applies, osa, lev, longest, 2, t.ARTICLE_FACTOR)

    def korean_rows(
        self,
        rows: Sequence[str],
        columns: Ints,
        ceiling: Floats,
        common: Ints | None = None,
        cut_rows: Sequence[bool] | None = None,
    ) -> Floats:
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
        # one syllable spelled apart is at most its spelling; a two-syllable name is
        # compared syllable by syllable, which can be nearer than the whole ("ha" and
        # "a" of "hasan" and "alwan"), so only the cap holds
        different = np.where(shape == 2, t.KOREAN_DIFFERENT, np.minimum(ceiling, 0.5))
        syllables = np.where(same, np.minimum(ceiling, t.VARIANT_SIMILARITY), different)
        syllables = np.where(ceiling >= 1.0, 1.0, syllables)
        # a part cut short by a fixed-width field is paired before syllables are read
        if common is None:
            common = common_prefixes(rows, self.texts[columns].tolist())
        cut = self._cut_short(rows, columns, common, cut_rows)
        syllables = np.where(cut, np.maximum(syllables, n.TRUNCATED_SIMILARITY), syllables)
        return np.where(both, syllables, ceiling)

    def _squeezed_spelling(self, rows: Sequence[str], columns: Ints, spelling: Floats) -> Floats:
        """The spelling ceiling, or the same without doubled letters where that is
        more. Only pairs where one side has a doubled letter can differ: most names
        have none, so only those columns (or, if a query part has one, all) are
        compared again."""
        squeezed = [t.squeeze(r) for r in rows]
        if squeezed == list(rows):
            chosen = np.flatnonzero(self.squeezed_lengths[columns] < self.lengths[columns])
            if not len(chosen):
                return spelling
        else:
            chosen = np.arange(len(columns))
        texts = self.squeezed_texts[columns[chosen]].tolist()
        s_len = np.array([len(r) for r in squeezed], dtype=np.int64)[:, None]
        sc_len = self.squeezed_lengths[columns[chosen]][None, :]
        again = _spelling(
            cdist(squeezed, texts, scorer=OSA.distance, dtype=np.int32),
            cdist(squeezed, texts, scorer=Levenshtein.distance, dtype=np.int32),
            np.maximum(sc_len, s_len).astype(np.float64),
            np.minimum(sc_len, s_len),
        )
        spelling = spelling.copy()
        spelling[:, chosen] = np.maximum(spelling[:, chosen], again)
        return spelling

    def _cut_short(
        self, rows: Sequence[str], columns: Ints, common: Ints, cut_rows: Sequence[bool] | None
    ) -> npt.NDArray[np.bool_]:
        """Pairs where one part is the start of the other and may have been cut short:
        the query's part if ``cut_rows`` says it closes a long query name (all, if not
        told), the list's part if it closes a long list name."""
        r_len = np.array([len(r) for r in rows], dtype=np.int64)[:, None]
        c_len = self.lengths[columns][None, :]
        shortest = np.minimum(c_len, r_len)
        starts = (common == shortest) & (shortest >= 2)
        told = [True] * len(rows) if cut_rows is None else list(cut_rows)
        query_cut = np.array(told, dtype=bool)[:, None] & (r_len < c_len)
        list_cut = self.cut_ok[columns][None, :] & (c_len < r_len)
        found: npt.NDArray[np.bool_] = starts & (query_cut | list_cut)
        return found

    def ceiling_rows(
        self,
        rows: Sequence[str],
        columns: Ints,
        texts: Sequence[str],
        common: Ints | None = None,
        cut_rows: Sequence[bool] | None = None,
        abjad_rows: Sequence[tuple[bool, bool]] | None = None,
    ) -> Floats:
        """The most ``token_similarity(row, column)`` can be, for every pair at once,
        with a part cut short credited where ``names`` would (``common``: their shared
        prefix lengths, if already known; ``cut_rows``: which rows close a query name
        long enough to have been cut, all if not told; ``abjad_rows``: whether each
        row is a part of a query name in an abjad, and of one that is not, both if not
        told: consonants alone pair a part only with one across the two)."""
        if not len(columns) or not rows:
            return np.zeros((len(rows), len(columns)))
        osa = cdist(rows, texts, scorer=OSA.distance, dtype=np.int32)
        lev = cdist(rows, texts, scorer=Levenshtein.distance, dtype=np.int32)
        if common is None:
            common = common_prefixes(rows, texts)
        r_len = np.array([len(r) for r in rows], dtype=np.int64)[:, None]
        c_len = self.lengths[columns][None, :]
        longest = np.maximum(c_len, r_len).astype(np.float64)
        shortest = np.minimum(c_len, r_len)
        spelling = _spelling(osa, lev, longest, shortest)
        spelling = self._squeezed_spelling(rows, columns, spelling)
        best = np.maximum(spelling, self._ending_ceiling(rows, columns, osa, lev, longest))
        best = np.maximum(best, self._article_ceiling(rows, columns, osa, lev, longest))
        keyed = [self.token_keys(r) for r in rows]
        mine = np.stack([keys for keys, _, _ in keyed])[:, None, :]
        same = (self.keys[columns][None, :, :] == mine) & (mine != -1)
        # a shared sound counts only where the spelling is already near
        same[:, :, SOUND] &= best >= t.SOUND_FLOOR
        if abjad_rows is not None:
            in_abjad = np.array([a for a, _ in abjad_rows], dtype=bool)[:, None]
            in_latin = np.array([b for _, b in abjad_rows], dtype=bool)[:, None]
            across = (in_abjad & self.in_latin[columns][None, :]) | (
                in_latin & self.in_abjad[columns][None, :]
            )
            same[:, :, ABJAD] &= across
        best = np.maximum(best, np.where(same, KEY_VALUES, 0.0).max(axis=2))
        # some reading of one is some reading of the other (padding never meets: the
        # list pads with -1, the query with -2, and a key unknown to the lists is -2)
        for r, (_, read, relatives) in enumerate(keyed):
            alike = _among(columns, self._sharing_a_reading(read))
            best[r] = np.where(alike, np.maximum(best[r], t.TRANSLITERATION_SIMILARITY), best[r])
            nickname = _among(columns, relatives)
            best[r] = np.where(nickname, np.maximum(best[r], t.NICKNAME_SIMILARITY), best[r])
        # a part cut short: the start of the other
        cut = self._cut_short(rows, columns, common, cut_rows)
        best = np.where(cut, np.maximum(best, n.TRUNCATED_SIMILARITY), best)
        # a slip in a written form of Abd, against the "abd" every form is read as
        if "abd" in rows:
            at = [k for k, text in enumerate(rows) if text == "abd"]
            best[at] = np.maximum(best[at], self.abd_slip[columns][None, :])
        abd_columns = np.flatnonzero(columns == self.ids.get("abd", -1))
        if len(abd_columns):
            slips = np.array([_abd_slip(text) for text in rows])[:, None]
            best[:, abd_columns] = np.maximum(best[:, abd_columns], slips)
        initial = (c_len == 1) | (r_len == 1)
        first = np.array([ord(r[0]) for r in rows], dtype=np.int64)[:, None]
        same_first = self.first[columns][None, :] == first
        best = np.where(initial, np.where(same_first, t.INITIAL_SIMILARITY, 0.0), best)
        return np.where(osa == 0, 1.0, best)


def _among(columns: Ints, ids: Ints) -> npt.NDArray[np.bool_]:
    """Which of ``columns`` are among ``ids`` (a few, against hundreds of columns)."""
    if not len(ids):
        return np.zeros(len(columns), dtype=bool)
    ids = np.sort(ids)
    at = np.minimum(np.searchsorted(ids, columns), len(ids) - 1)
    found: npt.NDArray[np.bool_] = ids[at] == columns
    return found


def _stem_ceiling(
    applies: npt.NDArray[np.bool_], osa: Ints, lev: Ints, longest: Floats, taken: int, factor: float
) -> Floats:
    """The most a rule comparing one token with ``taken`` letters off can give, where it
    ``applies``: each letter taken off takes at most one edit off either distance, and
    the longer stem is no longer than the longer token (so the ratio is no worse)."""
    edits, distance = np.maximum(osa - taken, 0), np.maximum(lev - taken, 0)
    close = 1.0 - 0.5 * edits / longest - 0.04 * edits
    far = np.maximum(0.0, 1.0 - 1.6 * distance / longest)
    return np.where(applies, factor * np.maximum(close, far), 0.0)


_ABD_FORMS = sorted(ABD_FORMS)


def abd_slips(texts: Sequence[str]) -> Floats:
    """``tokens.abd_slip`` of every text at once: its best spelling against the written
    forms of Abd, from their distances."""
    osa = cdist(_ABD_FORMS, texts, scorer=OSA.distance, dtype=np.int32)
    lev = cdist(_ABD_FORMS, texts, scorer=Levenshtein.distance, dtype=np.int32)
    forms = np.array([len(form) for form in _ABD_FORMS], dtype=np.int64)[:, None]
    lengths = np.array([len(text) for text in texts], dtype=np.int64)[None, :]
    longest = np.maximum(forms, lengths).astype(np.float64)
    found: Floats = _spelling(osa, lev, longest, np.minimum(forms, lengths)).max(axis=0)
    return found


@lru_cache(maxsize=4096)
def _abd_slip(text: str) -> float:
    """One query part's ``abd_slips``: query parts recur, so each is read once."""
    return float(abd_slips([text])[0])


def common_prefixes(rows: Sequence[str], texts: Sequence[str]) -> Ints:
    """The length of the prefix each row shares with each text."""
    found: Ints = cdist(rows, texts, scorer=Prefix.similarity, dtype=np.int32)
    return found


def _spelling(osa: Ints, lev: Ints, longest: Floats, shortest: Ints) -> Floats:
    """``tokens._spelling`` for every pair at once, from their distances."""
    # tokens.allowed_edits: none up to 3 letters, one up to 8, two up to 13, then three
    allowed = (shortest > 3).astype(np.int64) + (shortest > 8) + (shortest > 13)
    # two letters of a three-letter part swapped (tokens._swapped_short)
    allowed |= (longest == 3) & (shortest == 3) & (osa == 1) & (lev == 2)
    close = 1.0 - 0.5 * osa / longest - 0.04 * osa
    far = np.maximum(0.0, 1.0 - 1.6 * lev / longest)
    return np.where(osa <= allowed, close, far)


def _keys_of(token: str) -> list[tuple[str, str]]:
    """The keys two tokens share when a rule of ``token_similarity`` can pair them
    whatever their spelling distance: Korean syllables, pinyin, doubled letters,
    abjad consonants and sound (the last only for near spellings). Their kinds are
    ``KEY_KINDS``, in this order."""
    return [
        ("k", _korean_key(token)),
        ("p", pinyin_key(token)),
        ("q", t.squeeze(token)),
        ("s", _skeleton_key(token)),
        ("m", metaphone(token) if len(token) > 3 else ""),
    ]


KEY_KINDS = "kpqsm"
# The most a shared key can give, by kind: a spelling of one Korean syllable or pinyin
# syllable, a doubled letter, the consonants an abjad writes, and a shared sound
# (``tokens.SOUND_SIMILARITY``).
KEY_VALUES = np.array(
    [
        *(t.VARIANT_SIMILARITY, t.VARIANT_SIMILARITY, t.DOUBLED_SIMILARITY),
        *(t.ABJAD_SIMILARITY, t.SOUND_SIMILARITY),
    ]
)
HABITS = transliteration.WIDTH
KOREAN, DOUBLED, ABJAD, SOUND = (KEY_KINDS.index(kind) for kind in "kqsm")


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
    return found if len(found) >= 2 else ""  # tokens.abjad_alike: two or more
