"""Cyrillic names in the Latin spellings that passports, lists and the press use.

One Cyrillic name is written several ways at once, and lists keep whichever their
source used: BGN/PCGN for maps and the US and UK lists ("Sergey", "Yuliya"), ICAO Doc
9303 in passports since 2013 ("Sergei", "Iuliia", "Aliaksandr", "Arkadii"), English
press habits ("Yulia", "Arkady", "Maxim"), the scholarly system of East European
documents without its diacritics ("Sergej", "Julija"), and the national systems of
Ukraine (KMU 2010: "Volodymyr Zelenskyi"), Belarus (г as h), Serbia ("Vucic"),
Bulgaria (щ sht, ъ a, х h), Mongolia and Kazakhstan. The language is guessed from the
letters only it uses; its own system comes first, then the Russian ones that foreign
lists apply to every Cyrillic name. Tables are ours.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rigour.text.translit import ascii_text

MAX_FORMS = 8
_VOWELS = frozenset("аеёиоуыэюяіїєәөүұaeiouy")
_HARD = frozenset("ъь'ʼ’")  # after these, е ю я are iotated as at a word's start


def _pairs(text: str) -> dict[str, str]:
    return {k: ("" if v == "-" else v) for k, v in (p.split("=") for p in text.split())}


_BASE = _pairs(
    "а=a б=b в=v г=g д=d ж=zh з=z и=i к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f "
    "х=kh ц=ts ч=ch ш=sh щ=shch ъ=- ы=y ь=- э=e ґ=g і=i ў=u ә=a ғ=g қ=k ң=ng ө=o ұ=u "
    "ү=u һ=h ђ=dj ј=j љ=lj њ=nj ћ=c џ=dz ѓ=gj ќ=kj ѕ=dz ҳ=h ҷ=j ӣ=i ӯ=u"
)


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: a cache key
class Scheme:
    """One transliteration system: letters, iotated vowels, endings, clusters."""

    letters: dict[str, str]
    iotated: dict[str, str] = field(default_factory=dict)  # at a word's start / after a vowel
    endings: tuple[tuple[str, str], ...] = ()
    clusters: tuple[tuple[str, str], ...] = ()
    start_only: bool = False  # KMU iotates only at a word's start, not after vowels


def _scheme(
    letters: str, iotated: str = "", endings: str = "", clusters: str = "", start: bool = False
) -> Scheme:
    return Scheme(
        {**_BASE, **_pairs(letters)},
        _pairs(iotated),
        tuple(_pairs(endings).items()),
        tuple(_pairs(clusters).items()),
        start,
    )


_IOTATED = "е=ye ё=ye ю=yu я=ya є=ye ї=yi"
# BGN/PCGN: ë written e by every list; ye at a word's start and after vowels.
BGN = _scheme("е=e ё=e й=y ю=yu я=ya є=ye ї=yi", _IOTATED)
# ICAO 9303 (Russian passports since 2013, Belarusian and Ukrainian Cyrillic too).
ICAO = _scheme("е=e ё=e й=i ю=iu я=ia ъ=ie є=ie ї=i")
# English press: Yulia, Arkady, Sergei, Khrushchyov, Maxim, Alexei.
POPULAR = _scheme(
    "е=e ё=yo й=y ю=yu я=ya є=ye ї=yi",
    "е=ye ё=yo ю=yu я=ya є=ye ї=yi",
    "ий=y ый=y ия=ia ей=ei ай=ai",
    "кс=x",
)
# The US lists' own habit (OFAC, State): no ye after vowels, -ий as -i and -ый as -y
# even inside a word ("Aktsionernoe", "Kommercheski", "Rossiski", "Tekhnologi").
US_LISTS = _scheme("е=e ё=e й=i ю=yu я=ya є=ye ї=yi", "е=ye ё=ye ю=yu я=ya", "", "ий=i ый=y", True)
# Scholarly system without its diacritics (ž š č šč -> z s c sc), x read as ISO 9's h.
SCHOLARLY = _scheme("ж=z х=h ц=c ч=c ш=s щ=sc й=j ю=ju я=ja ё=e є=je ї=ji")
# Ukraine's official system (KMU 2010), used in its passports: iotation only at the
# start of a word, г=h, и=y, and the -ий ending written -yi, -yy or -y by the bearers.
_KMU = "г=h и=y й=i ю=iu я=ia є=ie ї=i"
_KMU_START = "й=y ю=yu я=ya є=ye ї=yi"
UKRAINIAN = _scheme(_KMU, _KMU_START, clusters="зг=zgh", start=True)
UKRAINIAN_YY = _scheme(_KMU, _KMU_START, "ий=yy", start=True)  # Zelenskyy
UKRAINIAN_Y = _scheme(_KMU, _KMU_START, "ий=y ій=iy")  # Zelensky, Huliyev
BELARUSIAN = _scheme("г=h е=e ё=e й=y ю=yu я=ya", _IOTATED)  # Lukashenka, Tsikhanouskaya
BELARUSIAN_ICAO = _scheme("г=h е=e ё=e й=i ю=iu я=ia")  # Belarusian passports: Siarhei
SERBIAN = _scheme("ж=z х=h ц=c ч=c ш=s е=e")  # Serbian Latin without diacritics: Vucic
BULGARIAN = _scheme("х=h щ=sht ъ=a ь=y й=y ю=yu я=ya е=e", endings="ия=ia")  # Hristo
MONGOLIAN = _scheme("ж=j е=ye ё=yo й=i ъ=i ь=i ю=yu я=ya")  # Khurelsukh, Ukhnaagiin
KAZAKH = _scheme("ж=j ғ=gh қ=q ң=ng й=y е=e", _IOTATED)  # Kassym-Jomart's own "j"

_ORDER = {
    "ru": (BGN, ICAO, POPULAR, US_LISTS, SCHOLARLY),
    "uk": (UKRAINIAN, UKRAINIAN_YY, UKRAINIAN_Y, BGN, ICAO, POPULAR),
    "be": (BELARUSIAN, BELARUSIAN_ICAO, BGN, ICAO, SCHOLARLY),
    "sr": (SERBIAN, BGN, ICAO),
    "bg": (BULGARIAN, BGN, ICAO),
    "mn": (MONGOLIAN, BGN, ICAO),
    "kk": (BGN, ICAO, KAZAKH),
}
_UKRAINIAN_HINT = re.compile(r"[сзц]ьк")  # -ський, -зький, -цький; Russian has -ский


def language(text: str) -> str:
    """The Cyrillic language a name is most likely written in, from its letters."""
    letters = set(text)
    if letters & set("ђјљњћџѓќѕ"):
        return "sr"
    if letters & set("әғқңұһ"):
        return "kk"
    if letters & set("өү"):
        return "mn"
    if "ў" in letters or ("і" in letters and letters & set("ыэё")):
        return "be"
    if letters & set("ґєїі"):
        return "uk"
    if re.search(r"ъ[бвгджзклмнпрстфхцчшщ]", text):
        return "bg"  # ъ before a consonant is the Bulgarian vowel
    if _UKRAINIAN_HINT.search(text) and not letters & set("ыэёъ"):
        return "uk"
    return "ru"


@lru_cache(maxsize=100_000)
def _word(word: str, scheme: Scheme) -> str:
    for ending, latin in scheme.endings:
        if word.endswith(ending) and len(word) > len(ending):
            word = word[: -len(ending)] + latin
            break
    for cluster, latin in scheme.clusters:
        word = word.replace(cluster, latin)
    out: list[str] = []
    previous = ""
    for char in word:
        iotating = not previous or (
            not scheme.start_only and (previous in _VOWELS or previous in _HARD)
        )
        if iotating and char in scheme.iotated:
            out.append(scheme.iotated[char])
        else:
            out.append(scheme.letters.get(char, char))
        previous = char
    return "".join(out)


def transliterate(text: str, scheme: Scheme) -> str:
    """``text`` (lowercase Cyrillic) in one system; other characters pass through."""
    return re.sub(r"[^\W\d_]+|['ʼ’]", lambda m: _word(m.group(0), scheme), text)


def _clean(text: str) -> str:
    text = ascii_text(text).lower() if not text.isascii() else text.lower()
    text = re.sub(r"['`]", "", text.replace("-", " "))
    return " ".join(text.split())


@lru_cache(maxsize=50_000)
def _cyrillic_forms(text: str) -> tuple[str, ...]:
    lowered = text.lower()
    schemes = _ORDER[language(lowered)]
    forms = [transliterate(lowered, scheme) for scheme in schemes]
    if language(lowered) == "ru" and not set(lowered) & set("ыэёъ"):
        forms.append(transliterate(lowered, UKRAINIAN))  # could be Ukrainian: и is y
    forms.append(text)  # rigour's own fold, the simple ascii rendering
    unique = dict.fromkeys(_clean(form) for form in forms)
    return tuple(form for form in unique if form)[:MAX_FORMS]


def cyrillic_forms(text: str) -> list[str]:
    """Latin renderings of a Cyrillic name, the likeliest system for its language first.

    "Сергей" gives "sergey" (BGN), "sergei" (ICAO, press); "Юлия" gives "yuliya",
    "iuliia", "yulia"; "Аляксандр Лукашэнка" gives "alyaksandr lukashenka" and
    "aliaksandr lukashenka". At most :data:`MAX_FORMS` forms.
    """
    forms = list(_cyrillic_forms(" ".join(text.split())))
    if forms or not any(ch.isalpha() for ch in text):
        return forms
    # letters no table knows (the palochka "Ӏ", old orthography): their Unicode names
    return [_letter_names(text)]


def _letter_names(text: str) -> str:
    """A Latin stand-in from each letter's Unicode name ("CYRILLIC LETTER PALOCHKA")."""

    words = []
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            last = name.split()[-1].lower() if name else ""
            words.append("".join(c for c in last if c.isascii() and c.isalpha()) or "x")
    return "".join(words)
