"""Chinese characters as Hong Kong and Macau spell them in Latin letters.

Much of the trade and money behind designated parties passes through Hong Kong
companies, and a Hong Kong company registers its English name in the Cantonese
reading of its characters, not in pinyin: 永豐貿易 is "Wing Fung Trading", where
pinyin gives "Yong Feng". People are the same: 陳大文 is "Chan Tai Man" on a Hong Kong
identity card. A query in characters has to meet such names, and a list's characters
have to meet a customer file's English name.

Readings come from ToJyutping, which gives Jyutping, the scholarly romanisation of
Cantonese. Nobody writes names in Jyutping: Hong Kong uses the government's older
spelling, which no library gives and which is a habit rather than a system. So the
spelling is derived here by rules (b -> p, d -> t, g -> k, z and c -> ch, j -> y,
oeng -> eung, eoi -> ui, yun -> uen), with a second form where two spellings of one
sound are both common (ch or ts, s or sh: 曾 is "Tsang", 陳 "Chan"), and surnames,
whose spellings are the most fixed and least regular, come from a table.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

MAX_SHORT = 4  # characters of a one-word name read in every spelling
# Jyutping initials, longest first so "gw" and "ng" are not read as "g" and "n".
_JYUTPING = re.compile(r"^(gw|kw|ng|[bpmfdtnlgkhwzcsj])?([a-z]+)$")
_INITIALS = {
    "b": "p", "p": "p", "d": "t", "t": "t", "g": "k", "k": "k", "gw": "kw", "kw": "kw",
    "z": "ch", "c": "ch", "j": "y",
}  # fmt: skip
_FINALS = {
    "aa": "a", "aai": "ai", "aau": "au", "aam": "am", "aan": "an", "aang": "ang",
    "aap": "ap", "aat": "at", "aak": "ak", "ou": "o", "oe": "oe", "oeng": "eung",
    "oek": "euk", "eoi": "ui", "eon": "un", "eot": "ut", "yu": "u", "yun": "uen",
    "yut": "uet",
}  # fmt: skip
# The second common spelling of a final (華 Wa or Wah, 古 Ku or Koo, 潘 Pun or Poon,
# 基 Kei or Ki, 娥 Ngo or Ngor).
_OTHER_FINALS = {"aa": "ah", "u": "oo", "un": "oon", "ei": "i", "o": "or"}
# After z, c and s, the short "an" is usually written "un" (振 Chun, 新 Sun, 臣 Sun).
_SIBILANT_AN = ("un", "an")
# z and c are "ts" before these finals and "ch" before the others (曾 Tsang, 徐 Tsui,
# 謝 Tse, 子 Tsz); s is "sh" before these (成 Shing, 石 Shek, 水 Shui, 常 Sheung).
_TS_FINALS = frozenset({"e", "ang", "eoi"})
_SH_FINALS = frozenset({"ing", "ik", "ek", "eng", "yu", "eoi", "eon", "oeng", "oek", "e"})
# The syllables written without a vowel in Jyutping's sense, and the ones Hong Kong
# writes as whole words of their own.
_WHOLE = {"m": ("m",), "ng": ("ng",), "zi": ("chi", "tsz"), "ci": ("chi", "tsz"),
          "si": ("sze", "si")}  # fmt: skip

# Surnames as Hong Kong writes them, the usual spelling first and a common second one
# after it; traditional and simplified characters alike.
_SURNAME_TEXT = """
陳陈:chan 林:lam 黃黄:wong 張张:cheung 李:lee,li 梁:leung 劉刘:lau 吳吴:ng 何:ho
鄭郑:cheng 周:chau,chow 葉叶:yip 曾:tsang 謝谢:tse 徐:tsui,chui 蔡:choi,tsoi 朱:chu
羅罗:law,lo 盧卢:lo,lou 郭:kwok 馮冯:fung 麥麦:mak 鄧邓:tang 彭:pang 潘:poon,pun
袁:yuen 余:yu,yue 區区:au 歐欧:au 許许:hui 雷:lui 呂吕:lui 蘇苏:so 胡:wu,woo 黎:lai
賴赖:lai 高:ko 杜:to 譚谭:tam 鍾钟:chung 江:kong 關关:kwan 王:wong 楊杨:yeung
趙赵:chiu 孫孙:suen 石:shek 莫:mok 文:man 方:fong 戴:tai 姚:yiu 邱:yau 丘:yau
顏颜:ngan 龍龙:lung 湯汤:tong 唐:tong 范:fan 嚴严:yim 韋韦:wai 沈:shum,sham 岑:shum
傅:fu 侯:hau 洪:hung 孔:hung 熊:hung 施:sze 車车:che 成:shing 邵:shiu 蕭萧:siu
冼:sin 薛:sit 田:tin 鄺邝:kwong 甘:kam 金:kam 簡简:kan 古:ku 顧顾:koo 容:yung
翁:yung 溫温:wan 尹:wan 衛卫:wai 魏:ngai 任:yam 游:yau 伍:ng 萬万:man 馬马:ma
毛:mo 梅:mui 孟:mang 倪:ngai 聶聂:nip 寧宁:ning 柯:or,o 包:pau 鮑鲍:pau 畢毕:pat
白:pak 卜:pok 宋:sung 談谈:tam 陶:to 董:tung 童:tung 汪:wong 殷:yan 易:yik 應应:ying
阮:yuen 饒饶:yiu 于:yu 俞:yu 左:cho 曹:tso,cho 莊庄:chong 卓:cheuk 程:ching 錢钱:chin
秦:chun 祝:chuk 崔:tsui,chui 鄒邹:chau 辛:san 單单:sin 鄔邬:wu 蔣蒋:cheung 葛:kot
駱骆:lok 凌:ling
"""
SURNAMES: dict[str, tuple[str, ...]] = {
    char: tuple(spelled.split(","))
    for entry in _SURNAME_TEXT.split()
    for characters, spelled in [entry.split(":")]
    for char in characters
}
SURNAMES.update(
    {
        "歐陽": ("au yeung",), "欧阳": ("au yeung",), "司徒": ("szeto", "sze to"),
        "上官": ("sheung kwun",), "諸葛": ("chu kot",), "诸葛": ("chu kot",),
    }
)  # fmt: skip


class Spelling(NamedTuple):
    """One syllable's Hong Kong spellings: the usual one, the one with the second
    common spelling of its vowels, and the one with the second of its initial."""

    usual: str
    other_vowels: str
    other_initial: str


def spellings(syllable: str) -> Spelling:
    """One Jyutping syllable (tone optional) in the Hong Kong spellings."""
    syllable = syllable.rstrip("0123456789").lower()
    if syllable in _WHOLE:
        first, *rest = _WHOLE[syllable]
        return Spelling(first, first, rest[0] if rest else first)
    match = _JYUTPING.match(syllable)
    if not match:
        return Spelling(syllable, syllable, syllable)
    initial, final = match.group(1) or "", match.group(2)
    if initial == "j" and final.startswith("yu"):
        # the glide is already the y: 余 jyu Yu, 袁 jyun Yuen, 月 jyut Yuet
        spelled = "y" + _FINALS.get(final, final)
        return Spelling(spelled, spelled, spelled)
    usual_end = _FINALS.get(final, final)
    other_end = _OTHER_FINALS.get(final, usual_end)
    if initial in ("z", "c", "s") and final == "an":
        usual_end, other_end = _SIBILANT_AN
    if initial in ("z", "c"):
        usual, other = ("ts", "ch") if final in _TS_FINALS else ("ch", "ts")
    elif initial == "s":
        usual, other = ("sh", "s") if final in _SH_FINALS else ("s", "sh")
    else:
        usual = other = _INITIALS.get(initial, initial)
    return Spelling(usual + usual_end, usual + other_end, other + usual_end)


@lru_cache(maxsize=1)
def _reader() -> Any:
    # imported when first needed: loading its dictionary takes two seconds, and most
    # screening never sees a Chinese character
    import ToJyutping  # type: ignore[import-untyped]

    return ToJyutping


def jyutping(text: str) -> list[str]:
    """The Jyutping of each Chinese character of the text, in order."""
    pairs: list[tuple[str, str | None]] = _reader().get_jyutping_list(text)
    return [reading for _, reading in pairs if reading]


def _spelled(text: str) -> list[Spelling]:
    return [spellings(reading) for reading in jyutping(text)]


def _forms(parts: list[list[Spelling]]) -> tuple[str, ...]:
    """The name in each of the three spellings of every syllable (parts: the name's
    surname and given name, or its words)."""
    return tuple(
        dict.fromkeys(
            " ".join(" ".join(syllable[k] for syllable in part) for part in parts)
            for k in range(len(Spelling._fields))
        )
    )


@lru_cache(maxsize=20_000)
def person_forms(surname: str, given: str) -> tuple[str, ...]:
    """A personal name, surname first and the given name's syllables apart ("chan tai
    man"), in the usual spellings and in the second ones; a surname in the table is
    spelled as the table says."""
    known = SURNAMES.get(surname)
    family = [Spelling(known[0], known[-1], known[0])] if known else _spelled(surname)
    given_name = _spelled(given)
    return _forms([family, given_name]) if family and given_name else ()


@lru_cache(maxsize=20_000)
def word_forms(words: tuple[str, ...]) -> tuple[str, ...]:
    """Any other name, each character a word ("wing fung mau yik"): a word of up to
    four characters (林鄭月娥, a married woman's two surnames and her given name) in
    every spelling, a longer name in the usual spellings only, since each further
    form of its one-syllable words brings many more candidates."""
    parts = [_spelled(word) or [Spelling(word, word, word)] for word in words]
    short = len(words) == 1 and len(words[0]) <= MAX_SHORT
    return _forms(parts) if short else _forms(parts)[:1]
