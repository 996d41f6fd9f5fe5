"""A cheap ceiling on the name score, so most candidates never reach the full scorer.

The full comparison (``names.compare_names``) aligns name parts one pair at a time in
Python, about a millisecond per candidate. Most candidates the index proposes share a
common part ("Mohammed", "Trading") and score far below any threshold; the ceiling
proves that without aligning anything. It follows the scorer's own arithmetic with
the reducing rules left out, but for those it can know before any alignment (a
substituted part, a poor pair, one part against several):

- a token pair's similarity is at most the largest value any rule of
  ``tokens.token_similarity`` could give it (spelling, a shared Korean syllable key,
  a pinyin variant, a shared sound, a nickname, an initial, a doubled letter, the
  consonants an abjad writes, a part cut short), computed for all pairs of one query
  at once with rapidfuzz and numpy;
- each part is credited with its best partner, as if the one-to-one alignment never
  had to choose, and parts that merge with a neighbour ("pyong chol" / "pyongchol"),
  or three syllables that merge ("hap jang gang" / "hapjanggang"), are credited
  through the joined spelling;
- series numbers and a country closing a company's name count as agreeing (the
  scorer may drop them before comparing, which can only raise the cover), and a
  Roman numeral met in full weighs as much as its digits, which the scorer may
  compare in its place; a last part may be cut short in every such shape;
- one reducing rule is certain before any alignment: where both names keep a part
  that nothing in the other can pair with, the scorer counts a substituted part, and
  the ceiling takes the same factor off;
- another is bounded: a part whose best possible partner is a poor one (below
  ``names.SLIP_FLOOR``) either pairs, and the scorer's slip rule scales the score by
  at most the best such ceiling over the floor, or none of them pairs and each earns
  nothing; the ceiling takes the larger of the two (for renderings of the query that
  could still bring a candidate to the cut-off);
- whether a place in a list name is a part or two parts joined is that name's own
  spelling ("FUTUYO Alfred" has two parts where another list writes "FUTUYOALFRED"):
  a query part meets a joined pair only by merging, never by a plain spelling slip;
- the rules that can only raise a score (acronyms, the same letters spaced
  differently) are applied as the scorer applies them, to every shape of the name it
  may compare (without a closing country, without series numbers, without both);
- two names written in Han or Hangul are compared in their characters alone, as the
  scorer does, so such a list name keeps a row of its own, apart from its
  romanisation.

A candidate whose ceiling is below the cut-off cannot score above it, so leaving it
out changes no result. The tests hold the ceiling above the full score on the
benchmark pairs and on list names.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from fullcourt.screening import names as n
from fullcourt.screening.normalize import PERSON_SCHEMATA, NameForm, cjk_characters
from fullcourt.screening.score import COUNTRY_AGREES, DOB_AGREES, WEAK_IDENTIFIER_AGREES
from fullcourt.screening.subject import STRONG_IDENTIFIERS, Subject
from fullcourt.screening.token_ceilings import Floats, Ints, Vocabulary, common_prefixes

ROUNDING = 1e-3  # the scorer rounds to four places; never let that cross the ceiling
# The smallest share the scorer gives the less covered name (names.py): East Asian
# names give it more, so the least is the most a score can be.
PERSON_EXTRA = min(n.PERSON_EXTRA_WEIGHT, n.EAST_ASIAN_EXTRA_WEIGHT)
ORG_EXTRA = min(n.ORG_EXTRA_WEIGHT, n.EAST_ASIAN_EXTRA_WEIGHT)


def _short_single(form: NameForm) -> bool:
    """One token that could be an acronym (the scorer reads 2-8 letters so)."""
    return len(form.tokens) == 1 and 2 <= len(form.tokens[0]) <= 8


def _unqualified(form: NameForm) -> list[NameForm]:
    """The form, and the forms the scorer may compare in its place: without a closing
    country, without series numbers ("KOMID 2"), or without both."""
    found = [form]
    for current in found:
        variants = []
        if current.qualifier and len(current.tokens) > 1:
            variants.append(replace(current, tokens=current.tokens[:-1], qualifier=""))
        bare = tuple(t for t in current.tokens if not _is_number(t))
        if bare and len(bare) < len(current.tokens):
            variants.append(replace(current, tokens=bare))
        found.extend(v for v in variants if v.tokens not in {f.tokens for f in found})
    return found


def _strings(form: NameForm) -> tuple[str, ...]:
    """A form's parts, its joined neighbours and its joined runs of three syllables:
    what the ceilings compare."""
    return (*form.tokens, *(a + b for a, b in pairwise(form.tokens)), *_triples(form.tokens))


def _runs(tokens: tuple[str, ...]) -> list[tuple[int, str]]:
    """Where three neighbouring parts start that the scorer may merge, and the three
    joined."""
    return [
        (k, "".join(tokens[k : k + 3]))
        for k in range(len(tokens) - 2)
        if n.mergeable_run(tokens[k : k + 3])
    ]


def _triples(tokens: tuple[str, ...]) -> list[str]:
    return [joined for _, joined in _runs(tokens)]


def _tripled(ceiling: Floats, tokens: tuple[str, ...], place: dict[str, int]) -> Floats:
    """The ceilings of every run of three neighbouring parts, one row per run: zero
    where the scorer never merges the run."""
    found = np.zeros((max(0, len(tokens) - 2), ceiling.shape[1]))
    for k, joined in _runs(tokens):
        found[k] = ceiling[place[joined]]
    return found


def _may_be_cut(form: NameForm) -> bool:
    """Whether ``names._truncated_last_part`` may read the form's last part as cut."""
    return len(form.tokens) >= 3 and len(form.original) >= n.TRUNCATION_LENGTH


def _is_number(token: str) -> bool:
    return n._is_number(token, False)


def _number_weight(token: str) -> float:
    """The most a part can weigh in the scorer: a Roman numeral may be compared as its
    digits (``names._arabic_numerals``: "X" as "10"), which weigh more. Raising the
    weight of a part met in full can only raise a cover."""
    weight = n._weight(token)
    if _is_number(token) and not token.isdigit():
        weight = max(weight, n._weight(str(n._number_value(token))))
    return weight


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
        seen: dict[tuple[tuple[str, ...], str, str, str], int] = {}
        for name_index, (_, weight, forms) in enumerate(subject.names):
            for form_index, form in enumerate(forms):
                # aliases that normalise alike are one form, at their best weight; a
                # name in Han or Hangul is compared in its own characters, so it shares
                # a row only with the same characters, never with its romanisation
                has_cjk = bool(cjk_characters(form.original))
                script = form.original if has_cjk else ""
                key = (form.tokens, form.letters, form.written, script)
                if key in seen:
                    row = seen[key]
                    if weight > self._rows[row][1]:
                        self._rows[row] = (position, weight, *self._rows[row][2:])
                    self.members[row].append((name_index, form_index))
                    continue
                seen[key] = len(self._rows)
                self._rows.append((position, weight, form, is_person, has_cjk))
                self.members.append([(name_index, form_index)])
                for token in form.tokens:
                    self.vocabulary.add(token)
                for left, right in pairwise(form.tokens):
                    self.vocabulary.add(left + right)
                for run in _triples(form.tokens):
                    self.vocabulary.add(run)
                # the scorer may read the last part as cut short after dropping a
                # closing country or series numbers
                for shape in _unqualified(form):
                    if _may_be_cut(shape):
                        self.vocabulary.may_be_cut(shape.tokens[-1])
                for text in _strings(form):
                    self.vocabulary.written_in(text, form.abjad)

    def narrow(
        self,
        query: Subject,
        subject: Subject,
        position: int,
        ceilings: Ceilings,
        needed: float,
        evidence: float,
    ) -> tuple[Subject, Subject]:
        """``query`` and ``subject`` with only the name forms that could reach
        ``needed`` (a total score) with ``evidence`` (what identifiers and context add
        to the name): the full comparison of the rest is work whose answer is known.

        Each side keeps a form if it has a partner on the other side whose ceiling
        reaches that far; a query read in several romanisations often meets a
        candidate in one of them only.
        """
        slot = ceilings.slot_of[position]
        begin = int(self.bounds[position])
        span = slice(int(ceilings.spans[slot]), int(ceilings.spans[slot + 1]))
        floor = needed - evidence
        values = ceilings.rows[span]
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
        narrowed = replace(subject, names=tuple(names))
        if len(ceilings.by_form) < 2:
            return query, narrowed  # one rendering, which reaches: the entity's ceiling did
        reaching = np.max(ceilings.by_form[:, span], axis=1, initial=0.0) >= floor
        if reaching.all():
            return query, narrowed
        asked = []
        flat = 0
        for name, weight, forms in query.names:
            kept = tuple(f for i, f in enumerate(forms) if reaching[flat + i])
            flat += len(forms)
            if kept:
                asked.append((name, weight, kept))
        return replace(query, names=tuple(asked)), narrowed

    def freeze(self) -> None:
        self.starts.append(len(self._rows))
        self.bounds = np.array(self.starts, dtype=np.int64)
        self.vocabulary.freeze()
        rows = self._rows
        width = max((len(r[2].tokens) for r in rows), default=1)
        count = len(rows)
        ids = self.vocabulary.ids
        self.name_weight = np.array([r[1] for r in rows])
        self.person = np.array([r[3] for r in rows], dtype=bool)
        self.cjk = np.array([r[4] for r in rows], dtype=bool)
        self.size = np.array([len(r[2].tokens) for r in rows], dtype=np.int64)
        self.real = np.full((count, width), -1, dtype=np.int64)
        self.left = np.full((count, width), -1, dtype=np.int64)  # joined with previous
        self.right = np.full((count, width), -1, dtype=np.int64)  # joined with next
        self.weights = np.zeros((count, width))
        self.number_weights = np.zeros((count, width))  # _number_weight
        self.is_number = np.zeros((count, width), dtype=bool)
        self.qualifier = np.zeros((count, width), dtype=bool)
        self.forebear = np.zeros((count, width), dtype=bool)  # names._dropped_forebears
        self._spellings: dict[str, int] = {}
        self.letters = np.array([self._spelling_id(r[2].letters) for r in rows], dtype=np.int64)
        self.written = np.array([self._spelling_id(r[2].written) for r in rows], dtype=np.int64)
        self.forms: list[NameForm] = [r[2] for r in rows]
        self.short_single = np.zeros(count, dtype=bool)
        self.has_initial = np.array(
            [any(len(t) == 1 for t in r[2].tokens) for r in rows], dtype=bool
        )
        self.korean = np.array([r[2].korean for r in rows], dtype=bool)
        self.abjad = np.array([r[2].abjad for r in rows], dtype=bool)
        for row, (_, _, form, _, _) in enumerate(rows):
            tokens = form.tokens
            chain = set(form.patronyms[:-1])
            for col, token in enumerate(tokens):
                self.forebear[row, col] = token in chain
                self.real[row, col] = ids[token]
                self.weights[row, col] = n._weight(token)
                self.number_weights[row, col] = _number_weight(token)
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
        self.triple_at = np.full((count, width), -1, dtype=np.int64)  # with the next two
        for row, (_, _, form, _, _) in enumerate(rows):
            size = len(form.tokens)
            flat.extend(self.real[row, :size].tolist())
            flat.extend(self.right[row, : size - 1].tolist())
            self.pair_at[row, : size - 1] = np.arange(size, 2 * size - 1)
            for col, joined in _runs(form.tokens):
                self.triple_at[row, col] = len(flat) - self.offsets[row]
                flat.append(ids[joined])
            self.offsets[row + 1] = len(flat)
        self.flat = np.array(flat, dtype=np.int64)
        self.first = np.array([ord(r[2].tokens[0][0]) for r in rows], dtype=np.int64)
        # the first letter once leading series numbers are dropped ("2 KOMID")
        self.first_bare = np.array(
            [ord(next((t for t in r[2].tokens if not _is_number(t)), "?")[0]) for r in rows],
            dtype=np.int64,
        )
        self.has_number: npt.NDArray[np.bool_] = np.asarray(self.is_number.any(axis=1))
        self._rows = []

    def _spelling_id(self, letters: str) -> int:
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

    def entity_ceilings(self, query: Subject, positions: Ints, cutoff: float = 0.0) -> Ceilings:
        """The most each entity at ``positions`` can score for ``query`` on names and
        context (identifier hits are decided apart: they override names), and the most
        each of their name forms can add, with each rendering of the query and with the
        best of them. A ceiling below ``cutoff`` may be left looser than it could be:
        the caller drops it either way."""
        rows, slot = self.forms_of(positions)
        forms = [form for _, _, found in query.names for form in found]
        by_form = np.zeros((len(forms), len(rows)))
        margin = evidence_margin(query)
        if len(rows) and forms:
            frame = self._frame(rows)
            # every part and joined pair of every rendering of the query, compared once:
            # renderings of one name share most of their parts
            strings = list(dict.fromkeys(s for f in forms for s in _strings(f)))
            vocab = self.vocabulary
            common = common_prefixes(strings, frame.texts)
            closing = {v.tokens[-1] for f in forms for v in _unqualified(f) if _may_be_cut(v)}
            cut_rows = [text in closing for text in strings]
            abjad = {s for f in forms if f.abjad for s in _strings(f)}
            latin = {s for f in forms if not f.abjad for s in _strings(f)}
            scripts = [(text in abjad, text in latin) for text in strings]
            ceiling = vocab.ceiling_rows(
                strings, frame.columns, frame.texts, common, cut_rows, scripts
            )
            korean = None
            if any(form.korean for form in forms):
                korean = vocab.korean_rows(strings, frame.columns, ceiling, common, cut_rows)
            place = {text: k for k, text in enumerate(strings)}
            floor = cutoff - margin - ROUNDING  # below it, no entity can reach the cut-off
            for k, form in enumerate(forms):
                by_form[k] = self._form_ceilings(form, frame, ceiling, place, korean, floor)
        by_form = by_form * self.name_weight[rows] + ROUNDING
        best = by_form.max(axis=0, initial=ROUNDING)
        result = np.zeros(len(positions))
        np.maximum.at(result, slot, best)
        spans = np.concatenate([[0], np.cumsum(np.bincount(slot, minlength=len(positions)))])
        slot_of = {int(p): k for k, p in enumerate(positions)}
        return Ceilings(
            np.minimum(1.0, result + margin), best, spans, slot_of, margin, result, by_form
        )

    def _frame(self, rows: Ints) -> Frame:
        vocab = self.vocabulary
        begin, lengths = self.offsets[rows], self.offsets[rows + 1] - self.offsets[rows]
        starts = np.cumsum(lengths) - lengths  # each row's place in the gathered array
        gathered = np.repeat(begin - starts, lengths) + np.arange(int(lengths.sum()))
        # the distinct parts in vocabulary order, each place pointing at its own: a mark
        # per vocabulary entry is cheaper than sorting them
        ids = self.flat[gathered]
        present = np.zeros(len(vocab.strings), dtype=bool)
        present[ids] = True
        columns = np.flatnonzero(present)
        lookup = np.empty(len(present), dtype=np.int64)
        lookup[columns] = np.arange(len(columns))
        local = lookup[ids]
        size = self.size[rows]
        # each row gathers its parts first, then its joined pairs and runs
        real_place = np.arange(len(gathered)) - np.repeat(starts, lengths) < np.repeat(
            size, lengths
        )
        width = int(size.max())
        padding = np.arange(width)[None, :] >= size[:, None]
        # where each list part, and the joined pair and runs of three it belongs to,
        # sit among the gathered parts; the sentinel (one past the end) reads as zero
        sentinel = len(local)
        position = np.where(padding, sentinel, starts[:, None] + np.arange(width)[None, :])
        pair = self.pair_at[rows, :width]
        right = np.where(pair >= 0, starts[:, None] + pair, sentinel)
        left = np.full_like(right, sentinel)
        left[:, 1:] = right[:, :-1]
        triple = self.triple_at[rows, :width]
        runs = np.full((len(rows), width + 2), sentinel, dtype=np.int64)
        runs[:, 2:] = np.where(triple >= 0, starts[:, None] + triple, sentinel)
        person = self.person[rows]
        return Frame(
            columns,
            local,
            starts,
            vocab.texts[columns].tolist(),
            real_place,
            rows,
            width,
            size,
            padding,
            position,
            left,
            right,
            runs,
            self.weights[rows, :width],
            self.number_weights[rows, :width],
            person,
            np.where(person, PERSON_EXTRA, ORG_EXTRA),
            np.where(person, n.SINGLE_PART_CAP, n.SINGLE_BRAND_CAP),
            self.is_number[rows, :width],
            self.qualifier[rows, :width],
            self.forebear[rows, :width],
            self.has_number[rows],
            self.korean[rows],
            ~self.has_initial[rows],
            bool(self.abjad[rows].any()),
        )

    def _credits(
        self,
        single: Floats,
        joined: Floats,
        tripled: Floats,
        frame: Frame,
        merge_floor: float = n.MERGE_FLOOR,
    ) -> tuple[Floats, Floats]:
        """The most each query part (parts x rows) and each list part (rows x width)
        can be credited with, from the ceilings of the query's parts, joined pairs and
        joined runs of three."""
        local, starts = frame.local, frame.starts
        # a query part against a list part (align), or a part of a query pair or run
        # that together spell the list part (merge)
        aligned = np.where(single >= n.PAIR_FLOOR, single, 0.0)
        merged = np.where(joined >= merge_floor, joined, 0.0)
        if len(joined):  # both parts of a merged pair take its credit
            aligned[:-1] = np.maximum(aligned[:-1], merged)
            aligned[1:] = np.maximum(aligned[1:], merged)
        merged3 = np.where(tripled >= merge_floor, tripled, 0.0)
        if len(tripled):  # and all three of a merged run
            aligned[:-2] = np.maximum(aligned[:-2], merged3)
            aligned[1:-1] = np.maximum(aligned[1:-1], merged3)
            aligned[2:] = np.maximum(aligned[2:], merged3)
        # a query part against two list parts joined: merged only; which of the two a
        # place holds is the row's business, not the string's (a list may write
        # "FUTUYOALFRED" as one part, which another name holds as two)
        spelled = np.where(single >= merge_floor, single, 0.0)
        v = np.where(frame.real_place, aligned[:, local], spelled[:, local])
        per_part = np.maximum.reduceat(v, starts, axis=1)
        # list-side credit: a part, or a joined pair or run it belongs to, met by the query
        flat_best = np.append(v.max(axis=0, initial=0.0), 0.0)
        list_part = np.maximum(flat_best[frame.position], flat_best[frame.left])
        list_part = np.maximum(list_part, flat_best[frame.right])
        # the runs of three starting at the part, one before it and two before it
        width, runs = frame.width, frame.runs
        for shift in (0, 1, 2):
            list_part = np.maximum(list_part, flat_best[runs[:, 2 - shift : 2 - shift + width]])
        return per_part, list_part

    def _form_ceilings(
        self,
        q: NameForm,
        frame: Frame,
        ceiling: Floats,
        place: dict[str, int],
        korean: Floats | None = None,
        floor: float = 0.0,
    ) -> Floats:
        """The ceilings of one rendering of the query against every row. The slip
        rule is bounded only if some row's plain ceiling reaches ``floor`` (then for
        every row: one pass costs less than picking rows)."""
        tokens = list(q.tokens)
        pairs = [a + b for a, b in pairwise(tokens)]
        single = ceiling[[place[t] for t in tokens]]
        joined = ceiling[[place[p] for p in pairs]] if pairs else ceiling[:0]
        tripled = _tripled(ceiling, q.tokens, place)
        # names across an abjad and Latin letters merge parts on their consonants
        merging = n.ABJAD_MERGE_FLOOR if q.abjad or frame.any_abjad else n.MERGE_FLOOR
        per_part, list_part = self._credits(single, joined, tripled, frame, merging)
        korean_rows = frame.korean
        if q.korean and korean is not None and korean_rows.any():
            # both names read as Korean: their syllables are the same or different,
            # never close (tokens._korean), which the plain ceiling cannot know
            single = korean[[place[t] for t in tokens]]
            joined = korean[[place[p] for p in pairs]] if pairs else korean[:0]
            tripled = _tripled(korean, q.tokens, place)
            per_k, list_k = self._credits(single, joined, tripled, frame)
            per_part = np.where(korean_rows[None, :], per_k, per_part)
            list_part = np.where(korean_rows[:, None], list_k, list_part)
        q_numbers = np.array([_is_number(tok) for tok in tokens], dtype=bool)
        score = _cover_score(q, q_numbers, per_part, list_part, frame)
        # most candidates are already out; the slip rule is bounded only when it may
        # keep one from the full scorer
        slipped = None
        if (score >= floor).any():
            slipped = _slipped(q, q_numbers, per_part, list_part, frame)
        if slipped is not None:
            factor, weak_q, weak_c = slipped
            # either a weak part is paired, and the slip rule scales the score by at
            # most ``factor``; or none is, and each weak part earns nothing
            paired = _cover_score(q, q_numbers, per_part, list_part, frame, factor)
            per_part = np.where(weak_q, 0.0, per_part)
            list_part = np.where(weak_c, 0.0, list_part)
            unpaired = _cover_score(q, q_numbers, per_part, list_part, frame)
            score = np.maximum(paired, unpaired)
        return self._raising_rules(q, frame.rows, score)

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
                row = rows[k]
                found = n.compare_characters(
                    q.original, self.forms[row].original, bool(self.person[row])
                )
                score[k] = found.score if found is not None else score[k]
        # an acronym starts with the first letter of the name it shortens; people's
        # names are never read as acronyms
        variants = _unqualified(q)
        firsts = np.array(sorted({ord(v.tokens[0][0]) for v in variants}), dtype=np.int64)
        initial = (self.first[rows][:, None] == firsts).any(axis=1)
        initial |= (self.first_bare[rows][:, None] == firsts).any(axis=1)
        initial &= ~self.person[rows]
        if any(_short_single(v) for v in variants):
            candidates = np.flatnonzero(initial & (self.size[rows] >= 2))
        elif len(q.tokens) >= 2:
            candidates = np.flatnonzero(initial & self.short_single[rows])
        else:
            candidates = np.zeros(0, dtype=np.int64)
        for k in candidates:
            for a in variants:
                for b in _unqualified(self.forms[rows[k]]):
                    score[k] = max(score[k], n._acronym_score(a, b))
        return score


def _slipped(
    q: NameForm,
    q_numbers: npt.NDArray[np.bool_],
    per_part: Floats,
    list_part: Floats,
    frame: Frame,
) -> tuple[Floats, npt.NDArray[np.bool_], npt.NDArray[np.bool_]] | None:
    """The scorer's slip rule (``names.SLIP_FLOOR``), bounded before alignment.

    A part whose best possible partner is below the floor is *weak*: if the alignment
    pairs it, the worst pair is at most its ceiling and the score shrinks by that over
    the floor; if not, it earns nothing. Returns, per row, the factor for the first
    case (the best weak ceiling over the floor, 1 where no part is weak), and the weak
    parts of each side. Initials never count as slips, so a row or query with one is
    left alone, as are parts the scorer may drop before comparing (series numbers, a
    closing country).
    """
    if any(len(tok) == 1 for tok in q.tokens):
        return None
    kept_q, kept_c = _kept_parts(q, q_numbers, frame)
    usable = frame.no_initial
    weak_q = (per_part > 0) & (per_part < n.SLIP_FLOOR) & kept_q[:, None] & usable
    weak_c = (list_part > 0) & (list_part < n.SLIP_FLOOR) & kept_c & usable[:, None]
    if not (weak_q.any() or weak_c.any()):
        return None
    worst = np.maximum(
        np.max(np.where(weak_q, per_part, 0.0), axis=0, initial=0.0),
        np.max(np.where(weak_c, list_part, 0.0), axis=1, initial=0.0),
    )
    factor = np.where(worst > 0, worst / n.SLIP_FLOOR, 1.0)
    return factor, weak_q, weak_c


def _cover_score(
    q: NameForm,
    q_numbers: npt.NDArray[np.bool_],
    per_part: Floats,
    list_part: Floats,
    frame: Frame,
    factor: Floats | float = 1.0,
) -> Floats:
    """The scorer's arithmetic on the credits of each part, with the parts it may drop
    or credit whatever they meet (series numbers, a closing country, a forebear left
    out) counted as it counts them. ``factor`` is what the slip rule may take off,
    applied where the scorer applies it: before the cap on a single part."""
    tokens = q.tokens
    substituted = _substituted(q, q_numbers, per_part, list_part, frame)
    # series numbers and a closing country count as met (see the module docstring)
    if q_numbers.any():
        per_part = per_part.copy()
        per_part[q_numbers] = np.where(frame.has_number, 1.0, per_part[q_numbers])
    if q.qualifier and len(tokens) > 1:
        per_part = per_part.copy()
        per_part[-1] = 1.0
    # a forebear of an Arabic name's chain left out earns a share of its weight
    chain = set(q.patronyms[:-1])
    q_forebears = np.array([tok in chain for tok in tokens], dtype=bool)
    if q_forebears.any():
        per_part = per_part.copy()
        per_part[q_forebears] = np.maximum(per_part[q_forebears], n.FOREBEAR_CREDIT)
    # a part met in full may be a Roman numeral the scorer weighs as its digits
    q_weights = np.array([n._weight(tok) for tok in tokens])[:, None]
    q_numbers_weights = np.array([_number_weight(tok) for tok in tokens])[:, None]
    weights = np.where(per_part >= 1.0, q_numbers_weights, q_weights)
    cover_q = (weights * per_part).sum(axis=0) / weights.sum(axis=0)
    free = frame.qualifier | frame.is_number if q_numbers.any() else frame.qualifier
    list_part = np.where(free, 1.0, list_part)
    list_part = np.where(frame.forebear, np.maximum(list_part, n.FOREBEAR_CREDIT), list_part)
    weights = np.where(list_part >= 1.0, frame.number_weights, frame.weights)
    cover_c = (weights * list_part).sum(axis=1) / weights.sum(axis=1)
    extra = frame.extra
    high, low = np.maximum(cover_q, cover_c), np.minimum(cover_q, cover_c)
    score = (1 - extra) * high + extra * low
    score = np.where(substituted, score * n.SUBSTITUTION_FACTOR, score) * factor
    size = frame.size
    one_part = (np.minimum(size, len(tokens)) == 1) & (np.maximum(size, len(tokens)) > 1)
    # the cap spares a single token that pairs with every part of the other name
    every = (per_part > 0).all(axis=0) & ((list_part > 0) | frame.padding).all(axis=1)
    found: Floats = np.where(one_part & ~every, np.minimum(score, frame.cap), score)
    return found


def _substituted(
    q: NameForm,
    q_numbers: npt.NDArray[np.bool_],
    per_part: Floats,
    list_part: Floats,
    frame: Frame,
) -> npt.NDArray[np.bool_]:
    """Rows where both names certainly keep a part the other cannot pair with, which
    the scorer marks as a substituted part (``names.SUBSTITUTION_FACTOR``). A part the
    scorer may drop before comparing (a series number, a closing country) never counts
    as left over."""
    kept_q, kept_c = _kept_parts(q, q_numbers, frame)
    q_left = ((per_part == 0.0) & kept_q[:, None]).any(axis=0)
    c_left: npt.NDArray[np.bool_] = ((list_part == 0.0) & kept_c).any(axis=1)
    found: npt.NDArray[np.bool_] = q_left & c_left
    return found


def _kept_parts(
    q: NameForm, q_numbers: npt.NDArray[np.bool_], frame: Frame
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """The query's parts, and each row's, that the scorer compares in every shape of
    the name: not series numbers, not a closing country, not padding."""
    kept_q = ~q_numbers
    if q.qualifier and len(q.tokens) > 1:
        kept_q[-1] = False
    kept_c: npt.NDArray[np.bool_] = ~(frame.padding | frame.is_number | frame.qualifier)
    return kept_q, kept_c


@dataclass(frozen=True, slots=True)
class Frame:
    """The list side of one query's comparison: its candidates' distinct parts, and
    what every rendering of the query reads of their rows, gathered once."""

    columns: Ints  # vocabulary ids
    local: Ints  # for each gathered part of each row, its column
    starts: Ints  # each row's first place among the gathered parts
    texts: list[str]
    real_place: npt.NDArray[np.bool_]  # for each gathered place: a part, not a joined run
    rows: Ints
    width: int  # the most parts of any row
    size: Ints
    padding: npt.NDArray[np.bool_]  # rows x width: past the row's last part
    position: Ints  # rows x width: each part's place among the gathered parts
    left: Ints  # rows x width: the joined pair ending at the part
    right: Ints  # rows x width: the joined pair starting at it
    runs: Ints  # rows x (width + 2): runs of three, two places shifted
    weights: Floats
    number_weights: Floats
    person: npt.NDArray[np.bool_]
    extra: Floats
    cap: Floats
    is_number: npt.NDArray[np.bool_]
    qualifier: npt.NDArray[np.bool_]
    forebear: npt.NDArray[np.bool_]
    has_number: npt.NDArray[np.bool_]
    korean: npt.NDArray[np.bool_]
    no_initial: npt.NDArray[np.bool_]
    any_abjad: bool


@dataclass(frozen=True, slots=True)
class Ceilings:
    """Ceilings for one query: per candidate entity, per name form of each, and per
    rendering of the query against each form (what ``FormTable.narrow`` reads)."""

    entities: Floats  # total score, context included
    rows: Floats  # the most each form row's name can add, candidates' rows in turn
    spans: Ints  # rows[spans[k]:spans[k + 1]] belong to the k-th candidate
    slot_of: dict[int, int]  # entity position -> k
    margin: float  # the most context features can add
    names: Floats  # per candidate entity, the name alone
    by_form: Floats  # as ``rows``, per rendering of the query (one row each, in order)


def evidence_margin(query: Subject) -> float:
    """The most the context features can add to a name score for this query."""
    margin = 0.0
    if query.birth_dates:
        margin += DOB_AGREES
    if query.countries:
        margin += COUNTRY_AGREES
    weak = [kind for kind in query.identifiers if kind not in STRONG_IDENTIFIERS]
    return margin + WEAK_IDENTIFIER_AGREES * len(weak)
