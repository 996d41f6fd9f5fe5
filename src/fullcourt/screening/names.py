"""Comparing two names part by part, with the alignment kept as the explanation.

Each token of one name is paired with at most one token of the other (greedy on
similarity, order-free, since lists swap surname and given name). The score then asks
three questions: how much of each name is covered by good pairs, whether any paired
part is a *different* name rather than a slip, and whether the shorter name is a
single part (one shared word is weak evidence). Spacing is compared apart, on the
joined letters, so "CHON MA SAN" meets "CHONMASAN" and "Pyong-chol" meets "Pyongchol".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from fullcourt.screening.business_words import KIND_WORDS
from fullcourt.screening.chinese import pinyin_key
from fullcourt.screening.korean import ROMANISED_SURNAMES, syllable_key
from fullcourt.screening.normalize import (
    LEGAL_TOKENS,
    PERSON_SCHEMATA,
    NameForm,
    cjk_characters,
    cjk_scripts,
)
from fullcourt.screening.tokens import ABJAD_SIMILARITY, token_similarity

# How much the part of the longer name that the shorter lacks counts against a match.
PERSON_EXTRA_WEIGHT = 0.35
ORG_EXTRA_WEIGHT = 0.6
EAST_ASIAN_EXTRA_WEIGHT = 0.75
PAIR_FLOOR = 0.55  # below this two tokens are not paired at all
FOREBEAR_CREDIT = 0.5  # a father's or grandfather's name left out (_dropped_forebears)
GENERIC_WEIGHT = 0.3  # a generic company word inside a name (_weight)
SLIP_FLOOR = 0.8
SUBSTITUTION_FACTOR = 0.9
MERGE_FLOOR = 0.92
# Across an abjad and Latin letters the best two parts of one name can do is share
# their consonants (tokens.ABJAD_SIMILARITY): Persian writes given names joined
# (محمدجواد, Mohammad Javad; غلامعلی, Gholamali) where lists may split them.
ABJAD_MERGE_FLOOR = ABJAD_SIMILARITY
SERIES_FACTOR = 0.9  # a pair under this is a different name part, not a spelling slip
KOREAN_ORDER_CAP = 0.7  # "Kim Yong Nam" is not "Kim Nam Yong": another given name
SINGLE_PART_CAP = 0.65  # one token against a longer name (people)
SINGLE_BRAND_CAP = 0.78  # one token against a longer name (organisations: brand names)
LEGAL_FORM_PENALTY = 0.08  # AG against GmbH: usually two companies of one group
ACRONYM_SIMILARITY = 0.86
LISTED_ACRONYM_SIMILARITY = 0.7  # a list's acronym against a full name: shown, no hit
LOOSE_ACRONYM_LENGTH = 5  # shortest acronym taking more than one letter from a word
HIT_ACRONYM_LENGTH = 3  # two letters (BP, HP) spell too many names to be a hit alone
SUBSIDIARY_CAP = 0.75  # a registered company against its sister in another country
BRANCH_FACTOR = 0.95  # a brand against its company in a country or region
TRUNCATED_SIMILARITY = 0.8  # a name part cut short by a fixed-width field
TRUNCATION_LENGTH = 30  # names shorter than this are rarely cut (fields hold 35)
# "Salman bin Muhammad" is the son of "Muhammad bin Salman": the part after bin/ibn
# names the father, so two names whose fathers differ are different people even when
# every part of one appears in the other.
PATRONYM_MISMATCH_FACTOR = 0.6


@dataclass(frozen=True, slots=True)
class NameComparison:
    """A score and the evidence for it."""

    score: float
    query: str
    candidate: str
    pairs: tuple[tuple[str, str, float], ...] = ()
    unmatched_query: tuple[str, ...] = ()
    unmatched_candidate: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Context:
    """What both names are, which decides how their parts are compared."""

    korean: bool = False  # both read as romanised Korean: syllables are kept apart
    chinese: bool = False  # one is Chinese characters read in Mandarin
    person: bool = False
    abjad: bool = False  # one is in Arabic or Hebrew letters, the other is not
    pinyin: bool = False  # both are people's names read as Chinese in Latin letters

    def similarity(self, a: str, b: str) -> float:
        return token_similarity(
            a,
            b,
            self.korean,
            chinese=self.chinese,
            person=self.person,
            abjad=self.abjad,
            pinyin=self.pinyin,
        )


def _align(q: tuple[str, ...], c: tuple[str, ...], ctx: Context) -> list[tuple[int, int, float]]:
    scored = [(ctx.similarity(a, b), i, j) for i, a in enumerate(q) for j, b in enumerate(c)]
    scored.sort(key=lambda t: (-t[0], abs(t[1] - t[2])))
    used_q: set[int] = set()
    used_c: set[int] = set()
    pairs = []
    for sim, i, j in scored:
        if sim < PAIR_FLOOR:
            break
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        pairs.append((i, j, sim))
    return pairs


def _weight(token: str) -> float:
    """Longer parts carry more identity; initials and two-letter parts carry little, and
    so does a generic company word inside a name ("Oil Company LUKOIL" is "LUKOIL Oil
    Company", "NK Rosneft" is "Rosneft Oil Company"), where it is no legal form."""
    if token in LEGAL_TOKENS:
        return GENERIC_WEIGHT
    return min(1.0, 0.35 + 0.13 * len(token))


def _joined_score(q: NameForm, c: NameForm) -> float:
    """The letters without spaces: "CHONMASAN" is "CHON MA SAN". Only the same letters
    count: a slip across joined parts hides which part differs ("kimjongun" and
    "kimtongun" are one letter apart and two people)."""
    same = q.letters == c.letters or (bool(q.written) and q.written == c.written)
    return 0.97 if same else 0.0


def _merge_split_parts(
    q: tuple[str, ...], c: tuple[str, ...], pairs: list[tuple[int, int, float]], ctx: Context
) -> list[tuple[int, int, float]]:
    """Pair two or three adjacent unpaired parts of one name with one unpaired part of
    the other when together they spell it ("chin ping" / "jinping", "pyong chol" /
    "pyongchol", "hap jang gang" / "hapjanggang"). Three only of syllables
    (``mergeable_run``): names that romanise syllable by syllable are spaced so."""
    extra: list[tuple[int, int, float]] = []
    for left, right, flip in ((q, c, False), (c, q, True)):
        free_l = {i for i in range(len(left))} - {p[1 if flip else 0] for p in pairs + extra}
        free_r = {j for j in range(len(right))} - {p[0 if flip else 1] for p in pairs + extra}
        for i in sorted(free_l):
            for size in (3, 2):
                run = range(i, i + size)
                if not free_l.issuperset(run) or (size == 3 and not mergeable_run(left[i : i + 3])):
                    continue
                joined = "".join(left[k] for k in run)
                best = max(((ctx.similarity(joined, right[j]), j) for j in free_r), default=None)
                # only spellings of the same word: a slip across joined syllables hides
                # which one differs ("jia rong" is not "jiadong")
                if best is None or best[0] < (ABJAD_MERGE_FLOOR if ctx.abjad else MERGE_FLOOR):
                    continue
                sim, j = best
                for part in run:
                    extra.append((j, part, sim) if flip else (part, j, sim))
                free_l -= set(run)
                free_r.discard(j)
                break
    return extra


def mergeable_run(parts: tuple[str, ...]) -> bool:
    """Whether three neighbouring parts may spell one word between them: only Korean
    or Chinese syllables, of a name romanised syllable by syllable."""
    return all(syllable_key(part) or pinyin_key(part) for part in parts)


def _truncated_last_part(
    q: NameForm, c: NameForm, pairs: list[tuple[int, int, float]]
) -> list[tuple[int, int, float]]:
    """Pair the last part of a long name with an unpaired part that it begins.

    Payment messages and legacy systems cut names at a fixed width (SWIFT's name lines
    hold 35 characters), so "NOUREDDINE BEN ALI BEN BELKASSEM DR" ends in the first
    letters of "DRISSI". Only the last part of a name of three or more parts and at
    least :data:`TRUNCATION_LENGTH` characters is read so ("Thomas A. Lind" is not a
    cut "Lindemann"), and only when at least two letters survive.
    """
    paired = ({i for i, _, _ in pairs}, {j for _, j, _ in pairs})
    for cut, full, flip in ((q, c, False), (c, q, True)):
        last = len(cut.tokens) - 1
        if last < 2 or len(cut.original) < TRUNCATION_LENGTH or last in paired[flip]:
            continue
        part = cut.tokens[last]
        for j, token in enumerate(full.tokens):
            if j not in paired[not flip] and len(token) > len(part) >= 2 and token.startswith(part):
                return [
                    (j, last, TRUNCATED_SIMILARITY) if flip else (last, j, TRUNCATED_SIMILARITY)
                ]
    return []


def spelled_by_prefixes(token: str, parts: tuple[str, ...]) -> int:
    """How many leading parts spell ``token`` by 1-3 letter prefixes each (0: none)."""
    if not token:
        return 0
    if not parts:
        return -1
    head = parts[0]
    for size in range(min(3, len(head)), 0, -1):
        if token.startswith(head[:size]):
            rest = token[size:]
            if not rest:
                return 1
            used = spelled_by_prefixes(rest, parts[1:])
            if used > 0:
                return used + 1
    return -1


def _acronym_score(q: NameForm, c: NameForm) -> float:
    """KOMID for Korea Mining Development (Trading Corporation), PLA for People's
    Liberation Army: one short token spelled by the leading letters of the other name's
    parts, in order, at least two of them.

    A query's acronym of three letters or more against a list's full name is a hit
    (two letters, BP or HP, spell hundreds of names). A list's acronym against a
    query's full name is only shown: the list also carries the full name it shortens,
    which the query meets directly if it is that party, while three letters spell many
    names ("National Drilling Company" is not NDC, North Drilling Company)."""
    for short, full in ((q, c), (c, q)):
        found = _spelled_acronym(short, full)
        if found:
            hit = short is q and len(short.tokens[0]) >= HIT_ACRONYM_LENGTH
            return found if hit else min(found, LISTED_ACRONYM_SIMILARITY)
    return 0.0


def _spelled_acronym(short: NameForm, full: NameForm) -> float:
    """The acronym score of ``short`` (one token) as an acronym of ``full``, or 0."""
    if len(short.tokens) != 1 or len(full.tokens) < 2:
        return 0.0
    token = short.tokens[0]
    if not 2 <= len(token) <= 8 or not token.isalpha():
        return 0.0
    used = letters = spelled_by_prefixes(token, full.tokens)
    if used < 2 and full.legal:
        # the legal form's letter closes many acronyms: NITC, National Iranian Tanker
        # Company
        letters = spelled_by_prefixes(token, full.tokens + full.legal)
        used = min(letters, len(full.tokens))
    if used < 2 or (letters < len(token) and len(token) < LOOSE_ACRONYM_LENGTH):
        # four letters taken more than one from a word spell a great many names (Koç
        # is not KOrea Computer, BASF not BAsque Fatherland); longer ones, KOMID of
        # KOrea MIning Development, are rarer
        return 0.0
    return ACRONYM_SIMILARITY if used == len(full.tokens) else ACRONYM_SIMILARITY - 0.06


def _given_syllables_swapped(
    q: tuple[str, ...], c: tuple[str, ...], pairs: list[tuple[int, int, float]]
) -> bool:
    """Two Korean names whose given-name syllables pair up crosswise: the surname may
    open or close a name ("Jong Un Kim"), but the syllables of a given name keep their
    order, and "Yong Nam" is another given name than "Nam Yong"."""

    def edge(tokens: tuple[str, ...], k: int) -> int | None:
        """0 for a surname opening the name, 1 for one closing it (many syllables are
        also surnames, so an opening one is the likelier reading)."""
        if tokens[k] not in ROMANISED_SURNAMES:
            return None
        return 0 if k == 0 else 1 if k == len(tokens) - 1 else None

    kept = [(i, j) for i, j, sim in pairs if sim >= SLIP_FLOOR]
    surnames = [
        (qe + ce, (i, j))
        for i, j in kept
        if (qe := edge(q, i)) is not None and (ce := edge(c, j)) is not None
    ]
    if surnames:
        kept.remove(min(surnames)[1])
    given = sorted(kept)
    return any(b[1] < a[1] for a, b in pairwise(given) if b[0] > a[0])


def _dropped_forebears(form: NameForm, paired: dict[int, float], weights: list[float]) -> float:
    """Credit for the forebears of an Arabic name's chain left out by the other name:
    "Usama bin Muhammad ibn Awad ibn Ladin" is written "Usama bin Ladin", the father
    and grandfather dropped, as a middle name is (its last link, the family, stays)."""
    if not form.patronyms:
        return 0.0
    chain = set(form.patronyms[:-1])
    left_out = [i for i in range(len(form.tokens)) if i not in paired]
    if not all(form.tokens[i] in chain for i in left_out):
        return 0.0  # other parts left out too: not one name written short
    return sum(weights[i] * FOREBEAR_CREDIT for i in left_out)


def _patronyms_differ(q: NameForm, c: NameForm) -> bool:
    if not q.patronyms or not c.patronyms:
        return False
    abjad = q.abjad != c.abjad  # "mrwan" in Arabic letters is Marwan
    best = max(token_similarity(a, b, False, abjad=abjad) for a in q.patronyms for b in c.patronyms)
    return best < SLIP_FLOOR


_ROMAN = re.compile(r"^(?=[ivxlc])c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


def _is_number(token: str, is_person: bool) -> bool:
    """Digits, or a Roman numeral in a name that is not a person's ("Fund VIII")."""
    return token.isdigit() or (not is_person and bool(_ROMAN.match(token)))


_ROMAN_DIGITS = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _number_value(token: str) -> int:
    """A series number's value: "II" is "2" written the Roman way ("SEA STAR II")."""
    if token.isdigit():
        return int(token)
    values = [_ROMAN_DIGITS[ch] for ch in token]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def _arabic_numerals(q: NameForm, c: NameForm) -> tuple[NameForm, NameForm] | None:
    """Both forms with their Roman numerals in digits, when one name writes a number
    in digits and the other in Roman numerals ("SEA STAR II", "SEA STAR 2")."""
    roman = [any(_ROMAN.match(t) for t in f.tokens) for f in (q, c)]
    digits = [any(t.isdigit() for t in f.tokens) for f in (q, c)]
    if not ((roman[0] and digits[1]) or (roman[1] and digits[0])):
        return None

    def arabic(form: NameForm) -> NameForm:
        tokens = tuple(str(_number_value(t)) if _ROMAN.match(t) else t for t in form.tokens)
        return replace(form, tokens=tokens)

    return arabic(q), arabic(c)


def _series_numbers(q: NameForm, c: NameForm, is_person: bool) -> tuple[NameForm, NameForm] | None:
    """Both names carry a series number and the numbers differ ("ZU ZAG BONG 5" and
    "ZU ZAG BONG 6", "Fund III" and "Fund IV"): sister ships and funds of one family,
    worth a look but not the same name. Returns the forms without their numbers."""
    qn = [_number_value(t) for t in q.tokens if _is_number(t, is_person)]
    cn = [_number_value(t) for t in c.tokens if _is_number(t, is_person)]
    if not qn or not cn or sorted(qn) == sorted(cn):
        return None
    q_rest = tuple(t for t in q.tokens if not _is_number(t, is_person))
    c_rest = tuple(t for t in c.tokens if not _is_number(t, is_person))
    if not q_rest or not c_rest:
        return None
    return replace(q, tokens=q_rest), replace(c, tokens=c_rest)


def _without_qualifier(q: NameForm, c: NameForm) -> tuple[NameForm, NameForm] | None:
    """The two forms without the country or region that closes only one of them."""
    for one, other in ((q, c), (c, q)):
        if one.qualifier and not other.qualifier and one.qualifier not in other.tokens:
            stripped = replace(one, tokens=one.tokens[:-1], qualifier="")
            return (stripped, other) if one is q else (other, stripped)
    return None


def _compare_qualified(q: NameForm, c: NameForm, schema: str) -> NameComparison | None:
    """One organisation's name is the other's with a country or region after it.

    Screening a brand ("faberlic") must find the group's companies ("FABERLIC EUROPE
    Sp. z o.o."), so the place counts little. Two registered names, each with its
    legal form, are two companies: "Banco Santander S.A." is not "Banco Santander
    México S.A.", its subsidiary, which is worth a look but is not a hit.
    """
    stripped = _without_qualifier(q, c)
    if stripped is None:
        return None
    result = compare_forms(*stripped, schema)
    if q.legal and c.legal:
        score, note = min(result.score, SUBSIDIARY_CAP), "the group's company in another country"
    else:
        score, note = result.score * BRANCH_FACTOR, "the brand's company in a country or region"
    return replace(result, score=round(score, 4), notes=(*result.notes, note))


def compare_forms(q: NameForm, c: NameForm, schema: str) -> NameComparison:
    """Score two renderings of two names."""
    if schema not in PERSON_SCHEMATA and (qualified := _compare_qualified(q, c, schema)):
        return qualified
    if schema not in PERSON_SCHEMATA and (arabic := _arabic_numerals(q, c)):
        return compare_forms(*arabic, schema)
    series = _series_numbers(q, c, schema in PERSON_SCHEMATA)
    if series is not None:
        result = compare_forms(*series, schema)
        return replace(
            result,
            score=round(result.score * SERIES_FACTOR, 4),
            notes=(*result.notes, "series numbers differ"),
        )
    is_person = schema in PERSON_SCHEMATA
    # both must read as Korean: "Li Ying" may be Korean, but not against 李宁's "ning li"
    korean, chinese = q.korean and c.korean, q.chinese or c.chinese
    # both read as Chinese names in pinyin: their syllables are kept apart, as Korean
    pinyin = is_person and not (korean or chinese) and q.pinyin and c.pinyin
    ctx = Context(korean, chinese, is_person, q.abjad != c.abjad, pinyin)
    pairs = _align(q.tokens, c.tokens, ctx)
    pairs += _merge_split_parts(q.tokens, c.tokens, pairs, ctx)
    pairs += _truncated_last_part(q, c, pairs)
    wq = [_weight(t) for t in q.tokens]
    wc = [_weight(t) for t in c.tokens]
    # a part merged with its neighbour appears in two pairs: count it once
    best_q = {i: max(sim for a, _, sim in pairs if a == i) for i, _, _ in pairs}
    best_c = {j: max(sim for _, b, sim in pairs if b == j) for _, j, _ in pairs}
    matched_q = sum(wq[i] * sim for i, sim in best_q.items())
    matched_c = sum(wc[j] * sim for j, sim in best_c.items())
    # forebears one name leaves out, not ones it replaces by others
    if len(best_c) == len(c.tokens):
        matched_q += _dropped_forebears(q, best_q, wq)
    if len(best_q) == len(q.tokens):
        matched_c += _dropped_forebears(c, best_c, wc)
    cover_q, cover_c = matched_q / sum(wq), matched_c / sum(wc)
    short, long = sorted((cover_q, cover_c), reverse=True)
    # People drop middle names and patronymics; organisations rarely drop words, and
    # Chinese, Japanese and Korean names have no middle names to drop: "Li Ying" is not
    # "Li Na Xiuying", "Chen Zhi" is not "Chen Zhiwei".
    if q.east_asian or c.east_asian:
        extra_weight = EAST_ASIAN_EXTRA_WEIGHT
    else:
        extra_weight = PERSON_EXTRA_WEIGHT if is_person else ORG_EXTRA_WEIGHT
    score = (1 - extra_weight) * short + extra_weight * long
    if len(best_q) < len(q.tokens) and len(best_c) < len(c.tokens):
        # both names have a part the other lacks: a substituted part (another father,
        # another given name) marks another person more than a part left out does
        score *= SUBSTITUTION_FACTOR
    # an initial that agrees ("J." for "Jean") abbreviates a part; it is not a slip
    slips = [sim for i, j, sim in pairs if min(len(q.tokens[i]), len(c.tokens[j])) > 1]
    worst = min(slips, default=1.0)
    if worst < SLIP_FLOOR:
        score *= worst / SLIP_FLOOR
    notes = []
    single = min(len(q.tokens), len(c.tokens)) == 1 and max(len(q.tokens), len(c.tokens)) > 1
    # one token that spells every part of the other name ("FridrichBuchenberg") is that
    # whole name run together, not one shared word
    if single and not (len(best_q) == len(q.tokens) and len(best_c) == len(c.tokens)):
        score = min(score, SINGLE_PART_CAP if is_person else SINGLE_BRAND_CAP)
    if ctx.korean and is_person and _given_syllables_swapped(q.tokens, c.tokens, pairs):
        score = min(score, KOREAN_ORDER_CAP)
        notes.append("the given name's syllables stand in another order")
    if _patronyms_differ(q, c):
        score *= PATRONYM_MISMATCH_FACTOR
        notes.append("the father's names differ")
    acronym = 0.0 if is_person else _acronym_score(q, c)  # people have no acronyms
    if acronym > score:
        score = acronym
        notes.append("acronym of the other name")
    joined = _joined_score(q, c)
    if joined > score:
        score = joined
        notes.append("same letters, different spacing")
    generic = LEGAL_TOKENS | KIND_WORDS
    q_forms, c_forms = set(q.legal) - generic, set(c.legal) - generic
    # "Corp." and "Company" are words every form of company uses: only two registered
    # forms (AG against GmbH, LP against LLC) disagree
    if q_forms and c_forms and q_forms.isdisjoint(c_forms):
        # two registered forms of one name are two companies of a group, as a country
        # closing one of them is (SUBSIDIARY_CAP): worth a look, not a hit
        score = min(score - LEGAL_FORM_PENALTY, SUBSIDIARY_CAP)
        notes.append(f"legal form differs: {' '.join(q.legal)} / {' '.join(c.legal)}")
    paired_q = {i for i, _, _ in pairs}
    paired_c = {j for _, j, _ in pairs}
    return NameComparison(
        score=round(max(0.0, min(1.0, score)), 4),
        query=q.key,
        candidate=c.key,
        pairs=tuple((q.tokens[i], c.tokens[j], round(s, 3)) for i, j, s in pairs),
        unmatched_query=tuple(t for i, t in enumerate(q.tokens) if i not in paired_q),
        unmatched_candidate=tuple(t for j, t in enumerate(c.tokens) if j not in paired_c),
        notes=tuple(notes),
    )


def compare_characters(query: str, candidate: str, person: bool = False) -> NameComparison | None:
    """Two names both written in Han, Hangul or Kana, compared character by character.

    A person's name is two to four characters, each a surname or a given-name
    syllable: one left out is another person (박유진 Park Yu-jin is not 유진 Yu Jin), so
    the characters in common are counted against the longer name. An organisation's
    name may leave words out ("丹东鸿祥" for its full registered name), so there they
    count against both names' lengths.
    """
    a, b = cjk_characters(query), cjk_characters(candidate)
    if not a or not b or cjk_scripts(a) != cjk_scripts(b):
        return None  # 金正恩 and 김정은 meet through their readings, not character by character
    common = _common_in_order(a, b)
    score = common / max(len(a), len(b)) if person else 2 * common / (len(a) + len(b))
    return NameComparison(
        round(score, 4), "".join(a), "".join(b), notes=("compared in the original script",)
    )


def _common_in_order(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """Length of the longest common subsequence (names are a handful of characters)."""
    row = [0] * (len(b) + 1)
    for ch in a:
        prev = 0
        for j, other in enumerate(b, start=1):
            prev, row[j] = row[j], prev + 1 if ch == other else max(row[j], row[j - 1])
    return row[-1]


def compare_names(
    query: tuple[NameForm, ...], candidate: tuple[NameForm, ...], schema: str
) -> NameComparison | None:
    """The best comparison over all renderings of the two names.

    Two names written in the same East Asian script are compared in that script only:
    romanisation would merge characters that the names keep apart. A name written in
    two scripts ("KIM Kwang Yon 김광연") has renderings of each part
    (``normalize.script_parts``), and each part is compared so.
    """
    best: NameComparison | None = None
    for q_part in _by_original(query):
        for c_part in _by_original(candidate):
            result = _compare_parts(q_part, c_part, schema)
            if result is not None and (best is None or result.score > best.score):
                best = result
    return best


def _by_original(forms: tuple[NameForm, ...]) -> list[tuple[NameForm, ...]]:
    """The renderings grouped by the text they were read from."""
    groups: dict[str, list[NameForm]] = {}
    for form in forms:
        groups.setdefault(form.original, []).append(form)
    return [tuple(group) for group in groups.values()]


def _compare_parts(
    query: tuple[NameForm, ...], candidate: tuple[NameForm, ...], schema: str
) -> NameComparison | None:
    same_script = compare_characters(
        query[0].original, candidate[0].original, schema in PERSON_SCHEMATA
    )
    if same_script is not None:
        return same_script
    best: NameComparison | None = None
    for q in query:
        for c in candidate:
            result = compare_forms(q, c, schema)
            if best is None or result.score > best.score:
                best = result
    return best
