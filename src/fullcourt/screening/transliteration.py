"""One name part as each transliteration habit would have read it.

Russian, Ukrainian, Arabic and Persian names reach the lists and the query through
different national habits: English writes Евгений Пригожин "Yevgeniy Prigozhin",
French "Ievgueni Prigojine", German "Jewgeni Prigoschin", Polish would write Ковальчук
"Kowalczuk" where English writes "Kovalchuk". Spelling distance cannot see that these
are one name (Prigojine and Prigozhin are three edits apart, Kowaltschuk and Kovalchuk
four), so each part is read back under each habit into one phonetic spelling, and two
parts are one name when some reading of one equals some reading of the other.

A reading is a rough sound spelling, not a reconstruction of the original script:
letters one habit writes two ways are merged (the i, y and j of "Yuriy", "Iouri" and
"Jurij"; the sh of one habit and the zh another writes alike, since German has one
spelling for both), and doubled letters count once. The same letters mean different
sounds in different habits (French "ch" is English "sh", German "ch" is English "kh",
German "z" is English "ts"), which is why each habit reads a token on its own rather
than all folding into one key.
"""

from __future__ import annotations

import re
from functools import lru_cache

from fullcourt.screening.chinese import pinyin_key
from fullcourt.screening.korean import syllable_key

# Each habit's letter groups for one sound, longest first. The sounds are written as
# capitals in between (Q: shch, C: ch, S: sh and zh, X: kh, T: ts, D: dzh, K: ks),
# so that the letters of one habit are never read again by a rule meant for another.
HABITS: dict[str, tuple[tuple[str, str], ...]] = {
    "english": (
        ("shch", "Q"),
        ("sch", "S"),  # rare: "Schukin" in English texts is the German habit's Щукин
        ("tch", "C"),
        ("dzh", "D"),
        ("zh", "S"),
        ("kh", "X"),
        ("ts", "T"),
        ("ch", "C"),
        ("sh", "S"),
        ("j", "D"),
        ("x", "K"),
        ("ph", "f"),
        ("w", "v"),
    ),
    "french": (
        ("chtch", "Q"),
        ("tch", "C"),
        ("dj", "D"),
        ("kh", "X"),
        ("ts", "T"),
        ("ch", "S"),
        ("j", "S"),
        ("x", "K"),
        ("ou", "u"),
        ("gue", "ge"),
        ("gui", "gi"),
        ("ph", "f"),
        ("w", "v"),
    ),
    "german": (
        ("schtsch", "Q"),
        ("tsch", "C"),
        ("dsch", "D"),
        ("sch", "S"),
        ("ch", "X"),
        ("tz", "T"),
        ("z", "T"),
        ("sh", "S"),
        ("x", "K"),
        ("ph", "f"),
        ("w", "v"),
    ),
    "polish": (
        ("szcz", "Q"),
        ("cz", "C"),
        ("sz", "S"),
        ("rz", "S"),
        ("ch", "X"),
        ("dz", "D"),
        ("c", "T"),
        ("x", "K"),
        ("w", "v"),
    ),
    # Arabic names as Persian, Turkish and Urdu say them and spell them in Latin
    # letters: ث as s (Osman for Othman, Soraya for Thuraya), ذ as z (Zakir for
    # Dhakir), and ق and غ alike (Ghais for Qais). A closing th is left as written:
    # there it is mostly English (Smith, Ruth, Keith), which these rules would misread
    "persian": (
        ("sh", "S"),
        ("ch", "C"),
        ("kh", "X"),
        ("zh", "S"),
        ("th", "s"),
        ("dh", "z"),
        ("gh", "q"),
        ("j", "D"),
        ("w", "v"),
    ),
}
SOUNDS = {"Q": "shch", "C": "ch", "S": "sh", "X": "kh", "T": "ts", "D": "dzh", "K": "ks"}
_GROUPS = {
    habit: re.compile("|".join(re.escape(written) for written, _ in groups))
    for habit, groups in HABITS.items()
}
_TABLES = {habit: dict(groups) for habit, groups in HABITS.items()}
VOWELS = "aeiou"
MIN_LENGTH = 4  # shorter parts ("Chin", "Shin") are too often two different names


def _read(token: str, habit: str) -> tuple[str, ...]:
    """The token's readings under one habit: one, or for German two (see below)."""
    if habit == "persian" and token.endswith("th"):
        token = token[:-2] + "t"
    table = _TABLES[habit]
    sounds = _GROUPS[habit].sub(lambda m: table[m.group(0)], token)
    if habit == "french" and len(sounds) > 4 and sounds.endswith("ne"):
        sounds = sounds[:-1]  # French keeps a closing n sounded with an e: Poutine
    if habit == "german" and _GERMAN_MARKS.search(token):
        # German writes з as s before a vowel and с there as ss: Solotow is Zolotov,
        # Asarow Azarov, Sjuganow Zyuganov. Only in a part that shows the German habit
        # otherwise (w for в, j for й), or Sara would be Zara and Sahir Zahir. Opening
        # a word, s is с as often (Setschin is Sechin, Sergej Sergei): read both ways.
        voiced = _settle(_GERMAN_S.sub("z", sounds).replace("ss", "s"))
        return voiced, _settle(_GERMAN_INNER_S.sub("z", sounds).replace("ss", "s"))
    return (_settle(sounds),)


_INNER_S = r"(?<=[aeiou])s(?=[aeiou])"  # s between vowels
_GERMAN_INNER_S = re.compile(_INNER_S)
_GERMAN_S = re.compile(r"(?<![a-z])s(?=[aeiouj])|" + _INNER_S)  # and opening a word
_GERMAN_MARKS = re.compile(r"w|j[aeiou]|[aeiou]j|tsch")


def _settle(sounds: str) -> str:
    """The habits' shared part: y, j and i as one letter, doubled letters once."""
    letters = "".join(SOUNDS.get(ch, ch) for ch in sounds)
    letters = letters.replace("y", "i").replace("j", "i")
    # Е starts a word as "Ye", "Ie", "Je" or plain "E", and follows a vowel as
    # "ye" or "e" alike (Sergeyev, Sergeev)
    letters = _YE.sub("e", letters)
    # ё after a consonant is "yo", "io", "jo" or plain "e" (Artyom, Artem; Pyotr, Petr;
    # Korolyov, Korolev)
    letters = _YO.sub("e", letters)
    return _DOUBLED.sub(r"\1", letters)


_YE = re.compile(rf"^ie|(?<=[{VOWELS}])ie")
_YO = re.compile(rf"(?<=[^{VOWELS}])io(?=[^{VOWELS}])")
_DOUBLED = re.compile(r"(.)\1+")


# Russian and Ukrainian given names as English writes them: records kept in English
# (a bank's customer file, a company register abroad, press) call Евгений "Eugene" and
# Михаил "Michael", which no transliteration habit reads back. Each English form is
# read as the Russian name too. Only established equivalents, four letters or more
# (MIN_LENGTH), and not John for Ivan, which English never writes for a Russian.
ENGLISH_FORMS: dict[str, tuple[str, ...]] = {
    "eugene": ("evgeni",), "eugenia": ("evgenia",), "michael": ("mikhail",),
    "paul": ("pavel",), "peter": ("petr", "pyotr"), "george": ("georgi",),
    "alexander": ("aleksandr",), "alexis": ("aleksei",), "andrew": ("andrei",),
    "nicholas": ("nikolai",), "gregory": ("grigori",), "theodore": ("fedor", "fyodor"),
    "stephen": ("stepan",), "steven": ("stepan",), "jacob": ("yakov",),
    "joseph": ("iosif",), "matthew": ("matvei",), "basil": ("vasili",),
    "anthony": ("anton",), "timothy": ("timofei",), "philip": ("filipp",),
    "daniel": ("daniil",), "constantine": ("konstantin",), "catherine": ("ekaterina",),
    "katherine": ("ekaterina",), "helen": ("elena",), "helena": ("elena",),
    "julia": ("yulia",), "natalie": ("natalia",), "sophia": ("sofia",),
}  # fmt: skip
# one reading under each habit (two under German), and under each of them again for
# each Russian form
WIDTH = (1 + max(map(len, ENGLISH_FORMS.values()))) * (len(HABITS) + 1)


@lru_cache(maxsize=200_000)
def readings(token: str) -> frozenset[str]:
    """The token's sound spelling under each habit.

    None for a short token, and none for one Chinese or Korean syllable: those have
    romanisation rules of their own (``chinese.py``, ``korean.py``), under which "Chen"
    and "Shen" are two surnames, not a French and an English spelling of one.
    """
    found = frozenset(
        reading
        for russian in ENGLISH_FORMS.get(token, ())
        for habit in HABITS
        for reading in _read(russian, habit)
    )
    if len(token) < MIN_LENGTH or not token.isalpha():
        return found
    if pinyin_key(token) or syllable_key(token):
        return found
    return found | {reading for habit in HABITS for reading in _read(token, habit)}


def same_name(a: str, b: str) -> bool:
    """Whether some habit's reading of ``a`` is some habit's reading of ``b``."""
    return not readings(a).isdisjoint(readings(b))
