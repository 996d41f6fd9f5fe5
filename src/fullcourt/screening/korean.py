"""Korean names: Hangul to the Latin spellings the lists use, and spellings to one key.

One Hangul name reaches the lists in several romanisations at once: the UN and OFAC
write North Korean names in a McCune–Reischauer style without diacritics and with
``j`` for ㅈ ("Kim Jong Un", "Ri Pyong Chol"), academic texts keep ``ch`` ("Kim
Chong-un"), South Korea's Revised Romanisation gives "Gim Jeong-eun", and passports
and the press use conventional spellings ("Lee", "Park", "Choi", "Young-chul"). Aliases
on one entry mix them ("KIM Yong-Chol; KIM Young-Cheol; KIM Young-Chul"), so a Hangul
name is rendered in all of them, and each romanised syllable is reduced by
:func:`syllable_key` to what its spellings share. The tables are ours; syllables are
decomposed by Unicode arithmetic (initial * 588 + medial * 28 + final).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rigour.text.translit import ascii_text

MAX_FORMS = 8
_BASE, _LAST = 0xAC00, 0xD7A3
_VOICING_FINALS = frozenset({0, 4, 16, 21})  # vowel, ㄴ, ㅁ, ㅇ: a voiced sound before
_SYLLABLE_RUNS = re.compile("[\uac00-\ud7a3]+|[^\uac00-\ud7a3]+")


def _t(text: str) -> tuple[str, ...]:
    return tuple("" if part == "-" else part for part in text.split())


# Spellings per jamo in Unicode order. Initials: ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ;
# medials: ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ; finals: none ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀ
# ㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ. MR's breves and apostrophes are dropped (ŏ -> o, ch' -> ch),
# as every list does.
_NK_WORD = _t("k kk n t tt r m p pp s ss - j jj ch k t p h")
_NK_VOICED = _t("g kk n d tt r m b pp s ss - j jj ch k t p h")
_NK_ASPIRATED = _t("k kk n t tt r m p pp s ss - j jj ch kh th ph h")
_MR_WORD = _t("k kk n t tt r m p pp s ss - ch tch ch k t p h")
_MR_VOICED = _t("g kk n d tt r m b pp s ss - j tch ch k t p h")
_RR = _t("g kk n d tt r m b pp s ss - j jj ch k t p h")
_POP_WORD = _t("k kk n d tt r m b pp s ss - j jj ch k t p h")
_MR_VOWELS = _t("a ae ya yae o e yo ye o wa wae oe yo u wo we wi yu u ui i")
_RR_VOWELS = _t("a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i")
_POP_VOWELS = _t("a ae ya yae u e yu ye o wa wae oe yo u wo we wi yu eu ui i")
_FINALS = _t("- k k k n n n t l k m l l l p l m p p t t ng t t k t p t")


@dataclass(frozen=True, slots=True)
class Style:
    """One romanisation system."""

    word: tuple[str, ...]  # initial consonant at the start of a word
    voiced: tuple[str, ...]  # initial after a vowel or nasal inside a word
    medial: tuple[str, ...]
    shi: bool = False  # McCune–Reischauer writes 시 "shi"
    liquid: bool = False  # ㄹ after ㄹ is "l" (Chollima), not "r"
    popular: bool = False  # South Korean habits: 영 "young", 희 "hee"


NK = Style(_NK_WORD, _NK_VOICED, _MR_VOWELS)  # UN/OFAC: "Kim Su Gwang", "Jon Myong Guk"
NK_PLAIN = Style(_NK_WORD, _NK_WORD, _MR_VOWELS)  # "Kim Su Kwang": no voicing at all
NK_OFFICIAL = Style(_NK_ASPIRATED, _NK_VOICED, _MR_VOWELS)  # Pyongyang's own kh/th/ph
HYBRID = Style(_RR, _RR, _MR_VOWELS)  # "Min Byong Chol", "Pak Bong Nam": RR consonants
MR = Style(_MR_WORD, _MR_VOICED, _MR_VOWELS, shi=True, liquid=True)
RR = Style(_RR, _RR, _RR_VOWELS, liquid=True)
POPULAR = Style(_POP_WORD, _RR, _POP_VOWELS, popular=True)
_SURNAME_STYLE = {NK: 0, NK_PLAIN: 0, HYBRID: 0, NK_OFFICIAL: 0, POPULAR: 1}

# Surname spellings, North Korean list spelling first, the usual South Korean one
# second. Surnames whose ㄹ/ㄴ falls away in the South (리 -> 이, 림 -> 임, 로 -> 노)
# are one name with two Hangul forms, so both forms carry each other's spellings.
_SURNAME_TEXT = """
김 kim kim gim|리 ri lee li rhee yi i ly|이 ri lee yi rhee i li|박 pak park bak
최 choe choi chwe|정 jong jung chong jeong chung|강 kang kang gang|조 jo cho
윤 yun yoon|장 jang jang chang|임 rim lim im|림 rim lim im|한 han han|오 o oh
서 so seo suh|신 sin shin|권 kwon kwon gwon|황 hwang hwang|안 an ahn|송 song song
류 ryu yoo yu ryoo lyu|유 yu yoo ryu|전 jon jeon chon chun jun|홍 hong hong
고 ko ko go koh|문 mun moon|양 yang yang ryang|량 ryang yang|손 son sohn
배 pae bae|백 paek baek paik|허 ho heo huh hur|남 nam nam|심 sim shim
노 ro roh no noh|로 ro roh no noh|하 ha ha|곽 kwak kwak gwak|성 song sung seong
차 cha cha|주 ju joo chu|우 u woo wu|구 ku koo gu|민 min min|진 jin jin chin
지 ji ji chi|엄 om um eom|채 chae chae|원 won won|천 chon cheon chun|방 pang bang
공 kong kong gong|현 hyon hyun hyeon|함 ham ham|변 pyon byun byeon|염 yom yeom ryom
렴 ryom yeom yom|여 yo yeo|려 ryo yeo yo|추 chu chu|도 to do|소 so so|석 sok seok suk
선 son sun seon|설 sol seol sul|마 ma ma|길 kil gil|연 yon yeon|위 wi wi wee
표 pyo pyo phyo|명 myong myung myeong|기 ki ki gi|반 pan ban|왕 wang wang
금 kum keum geum|옥 ok ok|육 yuk yook ryuk|륙 ryuk yuk|인 in in|맹 maeng maeng
제 je je che|탁 thak tak|국 kuk kook guk|어 o eo|은 un eun|편 phyon pyeon pyon
용 yong yong|룡 ryong yong|예 ye ye|경 kyong kyung gyeong|봉 pong bong|사 sa sa
태 thae tae|계 kye kye gye|라 ra na la|나 na na ra|모 mo mo|두 tu doo du
피 phi pi|평 phyong pyung|팽 phaeng paeng|빈 pin bin
남궁 namgung namkoong namkung|황보 hwangbo hwangbo|제갈 jegal jegal chegal
선우 sonu sunwoo seonu|독고 tokko dokgo|사공 sagong sagong|서문 somun seomun
"""
SURNAMES: dict[str, tuple[str, ...]] = {
    hangul: tuple(spellings)
    for hangul, *spellings in (
        entry.split() for entry in _SURNAME_TEXT.replace("\n", "|").split("|") if entry.strip()
    )
}
COMPOUND_SURNAMES = frozenset(s for s in SURNAMES if len(s) == 2)
# Every romanised spelling of a surname ("ri", "lee", "yi", "pak", "park", ...)
ROMANISED_SURNAMES = frozenset(
    spelling for spellings in SURNAMES.values() for spelling in spellings
)
# Hangul surnames written only in the South (the North keeps the initial ㄹ).
SOUTHERN_SURNAMES = frozenset(_t("이 임 유 노 양 염 나 여 용 육"))


def decompose(char: str) -> tuple[int, int, int] | None:
    """(initial, medial, final) jamo indices of a Hangul syllable, else None."""
    code = ord(char) - _BASE
    if not 0 <= code <= _LAST - _BASE:
        return None
    return code // 588, (code % 588) // 28, code % 28


def _vowel(style: Style, initial: int, medial: int) -> str:
    if style.popular:
        if medial == 6 and initial == 11:  # 영 young: ㅕ without a consonant
            return "you"
        if medial == 19 and initial == 18:  # 희 hee
            return "ee"
    return style.medial[medial]


def romanize_word(jamo: list[tuple[int, int, int]], style: Style) -> list[str]:
    """Each syllable of one word in ``style``; sound changes only at the consonants."""
    out: list[str] = []
    previous: int | None = None
    for initial, medial, final in jamo:
        if previous is None:
            onset = style.word[initial]
        elif initial == 5 and previous == 8 and style.liquid:
            onset = "l"
        elif previous in _VOICING_FINALS:
            onset = style.voiced[initial]
        else:
            onset = style.word[initial]
        if style.shi and initial == 9 and medial in (16, 20):
            onset = "sh"
        out.append(onset + _vowel(style, initial, medial) + _FINALS[final])
        previous = final
    return out


def _jamo(text: str) -> list[tuple[int, int, int]] | None:
    parts = [decompose(ch) for ch in text]
    if not parts or any(p is None for p in parts):
        return None
    return [p for p in parts if p is not None]


def _split_person(words: list[str]) -> tuple[str, str] | None:
    """(surname, given name) when the text reads as one person's name.

    선우 is also the surname 선 with a given name starting 우 (선우진 Seon Woo-jin), so it
    counts as one surname only in four-syllable names.
    """
    if len(words) == 1:
        word = words[0]
        if not 2 <= len(word) <= 4:
            return None
        compound = word[:2] in COMPOUND_SURNAMES and (len(word) == 4 or word[:2] != "선우")
        cut = 2 if compound and len(word) >= 3 else 1
        return word[:cut], word[cut:]
    surname, given = words[0], "".join(words[1:])
    if len(surname) <= 2 and len(given) <= 3:
        return surname, given
    return None


def _surname(surname: str, style: Style) -> str:
    spellings = SURNAMES.get(surname)
    if spellings and style in _SURNAME_STYLE:
        return spellings[_SURNAME_STYLE[style]]
    return "".join(romanize_word(_jamo(surname) or [], style))


_NORTH_ORDER = (  # (given-name style, joined, surname style)
    (NK, False, NK), (NK, True, NK), (MR, False, MR), (HYBRID, False, NK),
    (NK_PLAIN, False, NK), (RR, False, RR), (POPULAR, False, NK), (POPULAR, False, POPULAR),
)  # fmt: skip
_SOUTH_ORDER = (
    (POPULAR, False, POPULAR), (RR, False, RR), (POPULAR, True, POPULAR), (MR, False, MR),
    (NK, False, NK), (NK, True, NK), (HYBRID, False, NK), (RR, False, POPULAR),
)  # fmt: skip


def _person_forms(surname: str, given: str) -> list[str]:
    """North Korean list spellings first; EU aliases mix a Northern surname with a
    Southern given name ("SON Young-Nam", "CHOE Chun-Sik"), so that mix is one form."""
    jamo = _jamo(given) or []
    order = _SOUTH_ORDER if surname in SOUTHERN_SURNAMES else _NORTH_ORDER
    forms = []
    for style, joined, surname_style in (*order, (NK_OFFICIAL, False, NK_OFFICIAL)):
        parts = romanize_word(jamo, style)
        forms.append(_surname(surname, surname_style) + " " + ("" if joined else " ").join(parts))
    given_nk = " ".join(romanize_word(jamo, NK))
    forms.extend(f"{spelling} {given_nk}" for spelling in SURNAMES.get(surname, ())[1:])
    return forms


def _render(word: str, style: Style, joined: bool) -> str:
    """One word; digits and stray letters inside it ("2호") are folded to ASCII."""
    pieces = []
    for run in _SYLLABLE_RUNS.findall(word):
        jamo = _jamo(run)
        if jamo is None:
            pieces.append(ascii_text(run).lower())
        else:
            pieces.append(("" if joined else " ").join(romanize_word(jamo, style)))
    return ("" if joined else " ").join(pieces)


def _word_forms(words: list[str]) -> list[str]:
    """Names that are not one person's (organisations, places): each word one token."""
    styles = ((NK, True), (NK, False), (MR, True), (RR, True), (RR, False))
    return [" ".join(_render(word, style, joined) for word in words) for style, joined in styles]


def _dedupe(forms: list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for form in forms:
        clean = " ".join(form.split())
        if clean:
            seen.setdefault(clean, None)
    return tuple(list(seen)[:MAX_FORMS])


@lru_cache(maxsize=50_000)
def _hangul_forms(text: str) -> tuple[str, ...]:
    words = text.split()
    person = _split_person(words) if all(_jamo(w) for w in words) else None
    if person is not None:
        return _dedupe(_person_forms(*person))
    return _dedupe(_word_forms(words))


def hangul_forms(text: str) -> list[str]:
    """Latin renderings of a Hangul name, the North Korean list style first.

    A person's name gives the given-name syllables as separate tokens and joined
    ("kim jong un", "kim jongun"), then McCune–Reischauer, Revised Romanisation, the
    South Korean conventional spelling and the surname's other spellings. Names whose
    surname is the South Korean form of a Northern one (이 for 리, 임 for 림) give the
    South Korean spellings first. At most :data:`MAX_FORMS` forms.
    """
    return list(_hangul_forms(" ".join(text.split())))


# Syllable keys. A key keeps what every romanisation of a Hangul syllable preserves and
# drops what they disagree on:
# - aspiration and voicing (MR drops the apostrophe, NK voices inside words): ㄱㄲㅋ k/g/kk/kh
#   -> K, ㄷㄸㅌ -> T, ㅂㅃㅍ -> P, ㅈㅉㅊ j/ch/tch/dj -> J, ㅅㅆ s/sh/ss -> S;
# - ㅓ ㅗ ㅜ ㅡ -> O: "Chol", "Chul" and "Cheol" are aliases of one man on the EU list, so
#   o, eo, u, eu and oo cannot be told apart; 정/종/중 and 은/운/온 therefore collide;
# - ㅕㅛㅠ (yo, yeo, yu, you, yoo) -> YO, ㅐㅔ (ae, e) -> E, ㅒㅖ -> YE, ㅙㅚㅞ (oe, oi,
#   we, wae: Choe/Choi/Chwe) -> WE, ㅢ and ㅣ (ui, hee, i, ee, yi) -> I;
# - the South Korean initial-sound law: ㄹ and ㄴ fall away before i and y (Ri/Lee/Yi/I,
#   Ryu/Yu, Rim/Lim/Im, 녕변/영변) and ㄹ is read ㄴ before other vowels (Ro/Roh/No).
# What stays apart: the consonant classes, the finals (n, ng, l, k, m, p), the glides
# y and w, and the vowel classes a / e / o / i, so "jong un" and "jong nam", "yong chun"
# and "il kyu" keep different keys.
_INITIAL_KEY = _t("K K N T T R M P P S S - J J J K T P H")
_VOWEL_KEY = _t("A E YA YE O E YO YE O WA WE WE YO O WO WE WI YO O I I")
_FINAL_KEY = _t("- K K K N N N T L K M L L L P L M P P T T NG T T K T P T")
_ONSETS = {
    "tch": "J", "jj": "J", "ch": "J", "dj": "J", "j": "J", "kk": "K", "kh": "K", "gg": "K",
    "k": "K", "g": "K", "tt": "T", "th": "T", "dd": "T", "t": "T", "d": "T", "pp": "P",
    "ph": "P", "bb": "P", "p": "P", "b": "P", "ss": "S", "sh": "S", "s": "S", "rh": "R",
    "r": "R", "l": "R", "n": "N", "m": "M", "h": "H", "": "-",
}  # fmt: skip
_NUCLEI = {
    "a": "A", "ae": "E", "e": "E", "ai": "E", "ya": "YA", "yae": "YE", "ye": "YE", "o": "O",
    "eo": "O", "u": "O", "eu": "O", "oo": "O", "ou": "O", "yo": "YO", "yeo": "YO",
    "yu": "YO", "you": "YO", "yoo": "YO", "wa": "WA", "wae": "WE", "oe": "WE", "oi": "WE",
    "we": "WE", "wo": "WO", "weo": "WO", "wi": "WI", "wee": "WI", "i": "I", "ee": "I",
    "ui": "I", "eui": "I", "yi": "I",
    # ㅜ with no initial consonant, as South Koreans spell it: Woo (우), Woong (웅),
    # Wook (욱) in "Lee Jae-woong", "Kim Dong-wook"
    "woo": "O",
}  # fmt: skip
_CODAS = {"": "-", "k": "K", "n": "N", "l": "L", "m": "M", "p": "P", "ng": "NG"}


def _key(initial: str, vowel: str, final: str) -> str:
    if initial in ("R", "N") and (vowel == "I" or vowel.startswith("Y")):
        initial = "-"
    elif initial == "R":
        initial = "N"
    return f"{initial}.{vowel}.{final}"


def _build_syllables() -> dict[str, str]:
    table: dict[str, str] = {}
    for onset, i in _ONSETS.items():
        for nucleus, v in _NUCLEI.items():
            for coda, f in _CODAS.items():
                table.setdefault(onset + nucleus + coda, _key(i, v, f))
    return table


SYLLABLES = _build_syllables()
_LONGEST = max(map(len, SYLLABLES))


def hangul_key(text: str) -> str:
    """The key of a Hangul syllable (or of a two-syllable surname, joined by "+")."""
    jamo = _jamo(text) or []
    return "+".join(
        _key(_INITIAL_KEY[i] or "-", _VOWEL_KEY[m], _FINAL_KEY[f] or "-") for i, m, f in jamo
    )


_SURNAME_KEYS: dict[str, str] = {}
for _hangul, _spellings in SURNAMES.items():
    for _spelling in _spellings:
        _SURNAME_KEYS.setdefault(_spelling, hangul_key(_hangul))
SURNAME_SPELLINGS = frozenset(_SURNAME_KEYS)


@lru_cache(maxsize=100_000)
def syllable_key(token: str) -> str:
    """A key shared by the spellings of one Hangul syllable; "" for other tokens.

    "ri", "rhee", "lee", "yi", "i" and "ly" share a key, as do "pak"/"park"/"bak",
    "choe"/"choi"/"chwe" and "jong"/"jeong"/"chong"/"chung"/"jung". Only one syllable
    or a known surname spelling gets a key: a joined given name ("jongun") is split
    with :func:`split_syllables` first.
    """
    token = token.lower()
    return _SURNAME_KEYS.get(token) or SYLLABLES.get(token, "")


def _boundary_cost(left: str, right: str) -> int:
    """1 where romanisers would have written a hyphen or apostrophe to be read so.

    A consonant between two vowels opens the next syllable ("sunam" is su-nam), but
    "ng" cannot open one, and "n" + "g" is read as "ng" ("jongun" is jong-un, not
    jon-gun, which MR would write chŏn'gun).
    """
    if right[0] in "aeiouwy" and left[-1] not in "aeiouy" and not left.endswith("ng"):
        return 1
    return 1 if left.endswith("n") and right.startswith("g") else 0


@lru_cache(maxsize=100_000)
def _parse(token: str) -> tuple[int, tuple[str, ...]] | None:
    best: tuple[int, tuple[str, ...]] | None = None
    for length in range(min(_LONGEST, len(token)), 0, -1):
        head = token[:length]
        if head not in SYLLABLES:
            continue
        if length == len(token):
            candidate: tuple[int, tuple[str, ...]] = (0, (head,))
        else:
            rest = _parse(token[length:])
            if rest is None:
                continue
            cost = rest[0] + _boundary_cost(head, rest[1][0])
            candidate = (cost, (head, *rest[1]))
        if best is None or (candidate[0], len(candidate[1])) < (best[0], len(best[1])):
            best = candidate
    return best


def split_syllables(token: str) -> list[str] | None:
    """A run-together romanised Korean name split into syllables, or None.

    "pyongchol" -> ["pyong", "chol"], "jongun" -> ["jong", "un"]. Of the possible
    splits the one a reader of romanised Korean would make wins (see
    :func:`_boundary_cost`), then the one with fewer syllables, then the longer first
    syllable.
    """
    token = token.lower()
    if not token or len(token) > 30 or not token.isascii() or not token.isalpha():
        return None
    parsed = _parse(token)
    return list(parsed[1]) if parsed else None


def is_korean_romanized(tokens: list[str]) -> bool:
    """Whether a tokenised Latin name reads as a romanised Korean name.

    Every token must be a surname spelling or one to three Korean syllables, and the
    first or last token a Korean surname ("Kim Jong Un", "Jong Un Kim").
    """
    if not tokens:
        return False
    lowered = [t.lower() for t in tokens]
    for token in lowered:
        parts = split_syllables(token)
        if token not in SURNAME_SPELLINGS and (parts is None or len(parts) > 3):
            return False
    return lowered[0] in SURNAME_SPELLINGS or lowered[-1] in SURNAME_SPELLINGS
