"""How alike two name tokens are: spelling slips, romanisation variants, initials.

The scale matters more than the formula: 1.0 is the same token, about 0.9 a slip of one
letter in a long token or the same Korean syllable spelled another way, and below about
0.7 a different name. Different names must fall clearly below the slips, because
"Kim Jong Un" and "Kim Jong Nam" differ in one short token and are different people.
"""

from __future__ import annotations

from functools import lru_cache

from nicknames import NickNamer
from rapidfuzz.distance import OSA, Levenshtein
from rigour.text import metaphone

from fullcourt.screening import transliteration
from fullcourt.screening.arabic import ABD_FORMS
from fullcourt.screening.chinese import is_wade_giles, pinyin_key, pinyin_syllables
from fullcourt.screening.korean import split_syllables, syllable_key
from fullcourt.screening.places import joined_countries, place_words_of_one

INITIAL_SIMILARITY = 0.7
# "Jong-uun" for "Jong-un", "Muhamad" for "Muhammad", "Hasan" for "Hassan": a doubled
# letter is a typing slip or a spelling habit, not another name, even in short tokens
# where no other slip is allowed.
DOUBLED_SIMILARITY = 0.92
VARIANT_SIMILARITY = 0.92
# One part read alike under two national transliteration habits (transliteration.py):
# another spelling of one name, as a Korean syllable's other romanisation is.
TRANSLITERATION_SIMILARITY = VARIANT_SIMILARITY
KOREAN_DIFFERENT = 0.5
# "Ted" for "Theodore", "Bill" for "William": English given-name nicknames from the
# curated ``nicknames`` table; other languages' diminutives are not in it.
NICKNAME_SIMILARITY = 0.85
OTHER_GENDER_SIMILARITY = 0.6
JOINED_COUNTRIES = joined_countries()
# two one-word countries are two places, however few letters part them (Iraq and Iran,
# Niger and Nigeria); one alone may be a misspelling or a person's name (Jordan, Chad)
COUNTRIES_OF_ONE = place_words_of_one()


@lru_cache(maxsize=1)
def _nickname_relatives() -> dict[str, frozenset[str]]:
    """Each name's nicknames and the names it is a nickname of, read once:
    ``NickNamer`` copies a set on every lookup, and a query's new parts meet every part
    of every candidate."""
    relatives: dict[str, set[str]] = {}
    for name, nicks in NickNamer().nickname_lookup.items():
        for nick in nicks:
            relatives.setdefault(name, set()).add(nick)
            relatives.setdefault(nick, set()).add(name)
    return {name: frozenset(found) for name, found in relatives.items()}


def nickname_relatives(token: str) -> frozenset[str]:
    """Every lower-case token that is a nickname of ``token`` or that it is one of."""
    return _nickname_relatives().get(token, frozenset())


def is_nickname(a: str, b: str) -> bool:
    return b in nickname_relatives(a)


@lru_cache(maxsize=100_000)
def squeeze(token: str) -> str:
    """The token with each run of one letter written once ("uun" -> "un")."""
    return "".join(ch for i, ch in enumerate(token) if i == 0 or token[i - 1] != ch)


# Sounds that Arabic and Hebrew letters write as one ("Pérez" is بيريز, b-y-r-y-z), and
# the Latin digraphs of one letter; vowels and the glides w/y, which Arabic writes only
# when long, are dropped: "frnandw" (فرناندو) and "Fernando" share "frnd".
_SKELETON_DIGRAPHS = (
    *(("th", "t"), ("dh", "d"), ("kh", "X"), ("gh", "k"), ("sh", "s"), ("ph", "f")),
    ("dj", "j"),  # French for ج: Djamel, Djermane
    ("zh", "j"),  # Persian ژ, written j in French style: Ahmadinejad
)
# ج is j, and g as Egyptians say it (Ragab, Gamal); خ (kh) stays apart as X: Khudair
# is not Qadiri. Persian says ق and غ alike and Latin spellings of Persian names write
# both "gh" (Bagheri, Ghorbani, Sadeghi) as often as "q" (Qasem, Naqdi), so gh is q.
# و is v in Iran and w in Afghan and Arab spellings (Javad and Jawad, Vazir and Wazir,
# whichever way the letters were read), so v goes with w.
_SKELETON_LETTERS = str.maketrans("pzqcxg", "bskksj", "aeiouwyv")
ABJAD_SIMILARITY = 0.85
SOUND_SIMILARITY = 0.85  # spellings already near that sound alike; 0.8 if they start apart
SOUND_FLOOR = 0.4


def abjad_alike(a: str, b: str) -> bool:
    """One name, one side written in Arabic or Hebrew letters: the same consonants, the
    long vowels the abjad writes where the other spells a vowel of their kind (حسین,
    "hsin", is Hussein, not Hassan; محمدی, "mhmdi", is Mohammadi, not Mohamed), and
    for a name of two consonants ("Asad", "Amr") opening alike, a vowel or not: "asd"
    is Assad, "sd" (Saad) is not."""
    found = skeleton(a)
    if found != skeleton(b) or len(found) < 2:
        return False
    written, spelled = sorted((a, b), key=lambda token: sum(ch in _VOWELS for ch in token))
    if not _long_vowels_fit(written, spelled):
        return False
    if len(found) >= 3:
        return True
    short, long = sorted((a, b), key=len)
    return (short[0] in _VOWELS) == (long[0] in _VOWELS)


_VOWELS = frozenset("aeiou")
# The long vowels an abjad writes (ي, و) and the Latin letters that spell each.
_LONG_VOWELS = {"i": "iey", "u": "uow"}


def _long_vowels_fit(written: str, spelled: str) -> bool:
    """Each long i or u of ``written`` (after its first letter) has a vowel of its kind
    in ``spelled`` after as many consonants as precede it in ``written``."""
    spelled = squeeze(spelled)
    consonants = 0
    for index, char in enumerate(written):
        if char not in _VOWELS:
            consonants += 1
        elif index and char in _LONG_VOWELS:
            after = _after_consonants(spelled, consonants)
            if not any(ch in _LONG_VOWELS[char] for ch in after):
                return False
    return True


def _after_consonants(token: str, count: int) -> str:
    """The part of ``token`` after its ``count``-th consonant."""
    seen = 0
    for index, char in enumerate(token):
        if seen == count:
            return token[index:]
        seen += char not in _VOWELS
    return ""


@lru_cache(maxsize=100_000)
def skeleton(token: str) -> str:
    """The consonants of a token as an abjad writes them ("perez" -> "brs")."""
    for digraph, letter in _SKELETON_DIGRAPHS:
        token = token.replace(digraph, letter)
    if len(token) > 3 and token[-1] == "h" and token[-2] != "h":
        # a closing h is written or not: Fatima(h), Zade(h); and the ه closing الله
        # is written where Latin spellings end in "-ah" or "-a" alike (Hezbollah)
        token = token[:-1]
    return squeeze(token.translate(_SKELETON_LETTERS))


# Latvian and Lithuanian give a man's names a nominative ending ("Sergejs Lavrovs",
# "Jonas"); other languages write the stem. Compared without it, a little below the
# stem's own similarity.
ENDING_FACTOR = 0.95


def ending_stem(a: str, b: str) -> tuple[str, str] | None:
    """The pair with a Baltic nominative "-s" taken off the token that has it."""
    for x, y in ((a, b), (b, a)):
        if len(x) >= 5 and x.endswith("s") and not y.endswith("s"):
            return x[:-1], y
    return None


# The Arabic article is written apart ("Al-Khazali", "El Sayed") or joined to the name
# ("ALKHAZALI", "Elsayed"); apart, it is a particle (normalize.py) and the name is the
# part after it. Joined, the part is compared without it as well, a little below the
# name's own similarity: "Almira" and "Mira" are two names that meet this way too.
ARTICLES = ("al", "el")
ARTICLE_FACTOR = 0.9
ARTICLE_MIN = 6  # the article and a name of four letters or more


def article_stem(a: str, b: str) -> tuple[str, str] | None:
    """The pair with an article joined to one token taken off it, if the other has
    none."""
    for x, y in ((a, b), (b, a)):
        if len(x) >= ARTICLE_MIN and x.startswith(ARTICLES) and not y.startswith(ARTICLES):
            return x[2:], y
    return None


@lru_cache(maxsize=20_000)
def abd_slip(token: str) -> float:
    """How near ``token`` is to a written form of Abd: every form is read as "abd"
    (arabic.py), so a slip in one ("Abudl", "Adbul", "Badur") is measured against the
    forms as written."""
    return max(_spelling(token, form) for form in ABD_FORMS)


def _swapped_short(a: str, b: str, edits: int) -> bool:
    """Two letters of a three-letter part swapped ("Sko" for "Sok"): a typing slip,
    where any other edit of so short a part makes another name."""
    return len(a) == len(b) == 3 and edits == 1 and Levenshtein.distance(a, b) == 2


def allowed_edits(length: int) -> int:
    """Typos tolerated in a token of ``length`` letters: none in short tokens."""
    if length <= 3:
        return 0
    if length <= 8:
        return 1
    if length <= 13:
        return 2
    return 3


def _spelling(a: str, b: str) -> float:
    longest = max(len(a), len(b))
    edits = OSA.distance(a, b)  # a swapped pair of letters is one slip, not two
    if edits <= allowed_edits(min(len(a), len(b))) or _swapped_short(a, b, edits):
        return 1.0 - 0.5 * edits / longest - 0.04 * edits
    return max(0.0, 1.0 - 1.6 * Levenshtein.distance(a, b) / longest)


def _variant(a: str, b: str) -> bool:
    """Same Chinese syllable in another romanisation (hsi/xi, chin/jin, ping/bing).

    The key merges aspirated and plain initials because Wade–Giles without its
    apostrophes cannot tell them apart, so one of the two must be a Wade–Giles
    spelling: "jing" and "qing" (静, 青) are both pinyin and two different names.
    """
    pa, pb = pinyin_key(a), pinyin_key(b)
    return bool(pa) and pa == pb and (is_wade_giles(a) or is_wade_giles(b))


def _korean(a: str, b: str) -> float | None:
    """Two Korean syllables (or surnames) are the same or different, never "close".

    Korean given names are built from a small set of syllables, so one letter apart is a
    different syllable and a different person ("Jong" and "Tong", "Un" and "Nam"), while
    romanisation variants of one syllable ("Jong", "Jeong", "Chong") share a key.
    """
    ka, kb = syllable_key(a), syllable_key(b)
    if ka and kb:
        return VARIANT_SIMILARITY if ka == kb else min(_spelling(a, b), KOREAN_DIFFERENT)
    # given names written as one word ("jongun", "tongun"): syllable by syllable
    sa, sb = split_syllables(a), split_syllables(b)
    if sa and sb and len(sa) == len(sb) == 2 and max(len(a), len(b)) <= 8 and _all_keyed(sa + sb):
        return min(_korean(x, y) or 0.0 for x, y in zip(sa, sb, strict=True))
    return None


def _mandarin(a: str, b: str, read_from_characters: bool) -> float | None:
    """Two Mandarin syllables (or two-syllable given names) are the same, spellings of
    one in two systems, or different.

    As in Korean, Chinese given names are built from syllables, and one letter apart is
    another syllable: 明 ming is not 平 ping, 颖 ying is not 杨 yang, "Zhiqiang" is not
    "Zhiqing". A Wade–Giles spelling of the same syllable is a variant, except where
    one name is read from characters: those are read both in pinyin and in Wade–Giles
    (normalize.py), so a list's spelling in either system meets its own rendering
    exactly, and the Wade–Giles rendering must not also pass for a pinyin variant,
    since without its apostrophes it merges sounds the characters keep apart: 静 jing
    is "ching", which is not 青 qing.
    """
    sa, sb = pinyin_syllables(a), pinyin_syllables(b)
    if not sa or not sb or len(sa) != len(sb):
        return None
    if not read_from_characters and _variant(a, b):
        return VARIANT_SIMILARITY
    return min(_spelling(a, b), KOREAN_DIFFERENT)


def _other_gender(a: str, b: str) -> bool:
    """The masculine and feminine forms of one Romance or Slavic given name: Antonio
    and Antonia, Mario and Maria, Aleksandr and Aleksandra are different people."""
    if min(len(a), len(b)) < 4:
        return False
    if len(a) == len(b):
        return a[:-1] == b[:-1] and {a[-1], b[-1]} == {"a", "o"}
    short, long = sorted((a, b), key=len)
    # a Slavic surname takes -a for a woman of the same family, which Western records
    # often drop ("Anna Petrov"): only given names change gender so
    slavic = short.endswith(("ov", "ev", "in", "yn"))
    return long == short + "a" and short[-1] not in "aeiouy" and not slavic


def _all_keyed(syllables: list[str]) -> bool:
    return all(syllable_key(s) for s in syllables)


@lru_cache(maxsize=1_000_000)
def token_similarity(
    a: str,
    b: str,
    korean: bool = True,
    *,
    chinese: bool = False,
    person: bool = False,
    abjad: bool = False,
    pinyin: bool = False,
) -> float:
    """Similarity of two normalised tokens in [0, 1].

    ``korean`` says whether both names read as Korean names. Only then are tokens
    compared syllable by syllable as Korean: read that way, "Putin" and "Pulin", "Laden"
    and "Ladin" or "Beta" and "Meta" would be different syllables, while in a Russian,
    Arabic or English name they are one slip apart. ``chinese`` says that one name is a
    Mandarin reading of Chinese characters, whose syllables are then certain.
    ``person`` says that the tokens are parts of a person's name. ``abjad`` says that
    one name is written in Arabic or Hebrew letters, which leave short vowels out.
    ``pinyin`` says that both are people's names read as Chinese in Latin letters.
    """
    if a == b:
        return 1.0
    if a in JOINED_COUNTRIES or b in JOINED_COUNTRIES:
        return 0.0
    if a in COUNTRIES_OF_ONE and b in COUNTRIES_OF_ONE:
        return 0.0
    if len(a) == 1 or len(b) == 1:
        # only people are written with initials: a letter in a ship's or a company's
        # name is the name's own ("LADY R" is not LADY ROSE, "T-Bank" not TBC Bank)
        return INITIAL_SIMILARITY if person and a[0] == b[0] else 0.0
    if squeeze(a) == squeeze(b):
        return DOUBLED_SIMILARITY
    syllables = _korean(a, b) if korean else None
    if syllables is None and (chinese or pinyin):
        syllables = _mandarin(a, b, read_from_characters=chinese)
    if syllables is not None:
        return syllables
    if person and _other_gender(a, b):
        return OTHER_GENDER_SIMILARITY
    if abjad and abjad_alike(a, b):
        return max(ABJAD_SIMILARITY, _spelling(a, b))  # or nearer, if spelled so
    # a doubled letter is no slip (above), so slips are counted without them: "Rost"
    # and "Troost" are one letter apart, not three
    score = max(_spelling(a, b), _spelling(squeeze(a), squeeze(b)))
    if "abd" in (a, b):  # every written form of Abd is read as "abd" (arabic.py)
        score = max(score, abd_slip(b if a == "abd" else a))
    if person and (stem := ending_stem(a, b)):
        score = max(score, ENDING_FACTOR * _spelling(*stem))
    if stem := article_stem(a, b):
        score = max(score, ARTICLE_FACTOR * _spelling(*stem))
    # characters are rendered in both systems: see _mandarin
    if score < VARIANT_SIMILARITY and not chinese and _variant(a, b):
        score = VARIANT_SIMILARITY
    if score < TRANSLITERATION_SIMILARITY and transliteration.same_name(a, b):
        score = TRANSLITERATION_SIMILARITY
    # sounding alike counts only for spellings that are already near: metaphone alone
    # gives "Vita" and "Fuad" one key; and a name with a syllable more is another name
    # however it sounds ("Jing" and "Jinghe", "Carl" and "Carla")
    extended = a.startswith(b) or b.startswith(a)
    if (
        SOUND_FLOOR <= score < 0.85
        and len(a) > 3
        and len(b) > 3
        and not extended
        and metaphone(a) == metaphone(b)
    ):
        score = max(score, SOUND_SIMILARITY if a[0] == b[0] else SOUND_SIMILARITY - 0.05)
    if score < NICKNAME_SIMILARITY and is_nickname(a, b):
        return NICKNAME_SIMILARITY
    return score
