"""Names in Arabic (and Persian) letters to the Latin spellings lists write.

The lists give most Arabic and Persian names in Latin letters only ("Usama bin
Laden", "Ahmad VAHIDI"); a customer record, a payment message or the UN list's
original-script field gives them in Arabic letters. Arabic writes consonants and long
vowels but not short vowels, so a rendering can never restore "Mohammed" from محمد;
what it must do is spell every letter the way Latin spellings of names do, so that the
consonant skeleton (``tokens.skeleton``, compared when one side is in Arabic letters)
and, for short names, the spelling itself come out as the lists write them:

- an ʿayn opening a word is written as its vowel ("Ali", "Omar", "Abd"), and dropped
  elsewhere, as English spellings drop it;
- the article "al-" is set apart with a hyphen, as in "Bashar al-Assad", so that it is
  read as a particle, not as part of the name;
- tāʾ marbūṭa and alif maqṣūra close a name as "a" ("Usama", "Mustafa");
- wāw and yāʾ are "w" and "y" opening a word or beside a long a ("Marwan"), and the
  long vowels "u" and "i" elsewhere, which ``tokens.abjad_alike`` holds the other
  spelling to (Hossein is not Hassan); hamza seats are their vowel;
- the short words every name list spells one way are spelled so ("bin", "ibn", "abu",
  "abd", "allah");
- vowel signs, where a text has them, are written; a shadda doubles its letter.

Persian letters (پ چ ژ گ ک ی) are read as Persian spells them in Latin letters (and
then و opening a word is v, ض is z, a closing ه a vowel), and Urdu's (ھ ہ ے ٹ ڈ ڑ ں) as
Urdu does.
"""

from __future__ import annotations

import re

LETTERS = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ء": "", "ؤ": "u", "ئ": "i",
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "و": "u", "ي": "i", "ى": "a", "ة": "a",
    "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ک": "k", "ی": "i", "ۀ": "e", "ە": "e",
    "ھ": "h", "ہ": "h", "ۃ": "a", "ے": "e", "ٹ": "t", "ڈ": "d", "ڑ": "r", "ں": "n",
    # Pashto: ځدران is Zadran, ښ the sh of Pakhtun written "Pashtun"
    "ځ": "z", "څ": "s", "ټ": "t", "ډ": "d", "ړ": "r", "ښ": "sh", "ږ": "zh", "ګ": "g",
    "ڼ": "n", "ې": "e", "ۍ": "ai",
}  # fmt: skip
VOWEL_SIGNS = {"\u064e": "a", "\u0650": "i", "\u064f": "u"}  # fatha, kasra, damma
SHADDA = "\u0651"
IGNORED_SIGNS = re.compile("[\u064b-\u065f\u0670\u0640]")  # tanwin, sukun, tatweel...
# Words that lists spell alike in every name they occur in.
WORDS = {
    "بن": "bin", "ابن": "ibn", "بنت": "bint", "ابو": "abu", "أبو": "abu", "عبد": "abd",
    "الله": "allah", "اللہ": "allah", "آل": "al", "ال": "al", "ولد": "ould",
}  # fmt: skip
ZWNJ = "\u200c"  # joins a Persian word's parts: خامنه‌ای is one name, Khamenei
ZWNJ_OR_SPACE = "[\u200c ]"
_ARABIC_WORD = re.compile(r"[\u0600-\u06ff\u0750-\u077f]+")
# Religious titles that open Arabic and Persian names, as the Latin honorifics they are
# (normalize.HONORIFICS drops them): سید is Seyed, not a name part "Sid" that meets
# "Saidi"; آیت‌الله and حجت‌الاسلام are two words, whose "allah" and "al-" must not be
# read as parts of the name that follows.
_TITLES = [
    (re.compile("آ[يی][تة]" + ZWNJ_OR_SPACE + "?الله"), "ayatollah"),
    (re.compile("حج[تة]" + ZWNJ_OR_SPACE + "?ال[اإ]سلام(" + ZWNJ_OR_SPACE + "?و"
                + ZWNJ_OR_SPACE + "?المسلم[يی]ن)?"), "hojatoleslam"),
]  # fmt: skip
TITLE_WORDS = {"سید": "seyed", "سيد": "sayyid", "شیخ": "sheikh", "شيخ": "sheikh"}


# Arabic names that close with alif maqṣūra (ى, read "a"), which Persian writes as its
# plain yāʾ (ی, read "i" everywhere else): مجتبی is Mojtaba, not "Mojtabi".
PERSIAN_MAQSURA = frozenset(
    {"مجتبی", "مصطفی", "مرتضی", "موسی", "عیسی", "یحیی", "کبری", "صغری", "هدی", "طوبی"}
)
PERSIAN_LETTERS = frozenset("پچژگکی")
# Persian says these Arabic letters as s and z: رضایی is Rezaei, not "Redaei"
PERSIAN_SOUNDS = {"ث": "s", "ذ": "z", "ض": "z", "ظ": "z"}
# the same sounds as the Arabic letters that write them plainly
_SAID_SOFTLY: dict[str, str | int | None] = {"ث": "س", "ذ": "ز", "ض": "ز", "ظ": "ز"}
_SOFTENING = str.maketrans(_SAID_SOFTLY)


LONG_VOWEL_LETTERS = "اويیى"
# Latin spellings read these letters before an h as one sound (dh, th, kh, sh, gh, zh,
# ph, ch): د then ه is "deh", as in Dehghan, not ذ.
_BEFORE_H = frozenset("dtkszgpc")


def _letters(word: str, persian: bool) -> str:
    out: list[str] = []
    consonant_w = "v" if persian else "w"  # Persian و is v: Vahidi, Javad, Parviz
    for position, char in enumerate(word):
        following = word[position + 1 : position + 2]
        if char in VOWEL_SIGNS:
            out.append(VOWEL_SIGNS[char])
        elif char == SHADDA and out:
            out.append(out[-1][-1:])
        elif char == "ع":
            # "Ali", "Omar", "Abd": the short vowel after an opening ʿayn, unless a
            # long one is written ("Isa", عيسى); after a consonant, Latin spellings
            # write a vowel where the ʿayn is (Jafar, Amirali), elsewhere nothing
            if following and following in LONG_VOWEL_LETTERS:
                out.append("")
            elif position == 0 or (out and out[-1][-1:] not in "aeiou"):
                out.append("a")
            else:
                out.append("")
        elif position == 0 and char == "و":
            out.append(consonant_w)
        elif position == 0 and char in "يی":
            out.append("y")
        elif char in "وي" and "ا" in (following, word[position - 1 : position]):
            out.append(consonant_w if char == "و" else "y")  # beside a long a: Marwan
        elif char == "و" and following and following in "يی" and position > 1:
            # before a long i, a consonant: Parviz, Mousavi, Huwaydi
            out.append(consonant_w)
        elif persian and char in PERSIAN_SOUNDS:
            out.append(PERSIAN_SOUNDS[char])
        elif char == "ا" and out[-1:] == ["e"] and following in ("ی", "ي"):
            out.append("")  # ه‌ای closing a Persian name is "ei": Khamenei
        elif persian and char == "ه" and position == len(word) - 1 and position > 1:
            out.append("e")  # a closing Persian he is a vowel: Khamene(i), Zade(h)
        elif char == "ه" and out and out[-1] in _BEFORE_H:
            out.append("eh" if persian else "ah")
        else:
            out.append(LETTERS.get(char, ""))
    return "".join(out)


def _word(word: str, persian: bool = False) -> str:
    bare = IGNORED_SIGNS.sub("", "".join(ch for ch in word if ch not in VOWEL_SIGNS))
    if bare in WORDS:
        return WORDS[bare]
    if bare in TITLE_WORDS:
        return TITLE_WORDS[bare]
    if persian and bare in PERSIAN_MAQSURA:
        word = bare = bare[:-1] + "ى"
    if bare.startswith("عبد") and len(bare) > 4:  # عبدالحليم: Abd al-Halim in one word
        return "abd " + _word(word[word.index("د") + 1 :], persian)
    if bare[:2] in ("اي", "ای") and len(bare) > 2:  # ایران: Iran, not "Airan"
        return "i" + _letters(bare[2:], persian)
    if bare.startswith("ال") and len(bare) > 3:
        return "al-" + _letters(word[word.index("ل") + 1 :], persian)
    return _letters(IGNORED_SIGNS.sub("", word), persian)


_ABD_ARTICLE = re.compile(r"\babd al-(?=\w)")
_ABD_NAME = re.compile(r"\babd (?=\w)")
_TO_ALLAH = re.compile(r"(?<=\w) allah\b")


def arabic_forms(text: str) -> list[str]:
    """Latin renderings of a text in Arabic letters (other characters kept).

    Three, and a fourth for letters said otherwise outside Arab lands: the article set
    apart ("abd al-rhmn"); compounds written as one word, as Latin spellings often
    write them (عبد الرحمن "abdrhmn" for Abdulrahman, نصر الله "nsrallah" for
    Nasrallah); and the article joined ("alyas"), since a name may open with the
    article's letters (الياس, Ilyas).
    """
    persian = not PERSIAN_LETTERS.isdisjoint(text)
    for pattern, title in _TITLES:
        text = pattern.sub(title, text)
    if ZWNJ in text:  # the parts of one word: a he before the joiner closes a part
        text = text.replace("ه" + ZWNJ, "ە").replace(ZWNJ, "")
    split = _ARABIC_WORD.sub(lambda m: _word(m.group(0), persian), text)
    renderings = [split, _compounds(split), split.replace("al-", "al")]
    if not persian and any(ch in _SAID_SOFTLY for ch in text):
        # Afghans, Pakistanis and Turks write Arabic letters but say ث as s and ذ, ض
        # and ظ as z, and Latin spellings follow the sound: ثاقب is Saqib, وثيق Wasiq
        softened = text.translate(_SOFTENING)
        renderings.append(_compounds(_ARABIC_WORD.sub(lambda m: _word(m.group(0)), softened)))
    return list(dict.fromkeys(renderings))


def _compounds(split: str) -> str:
    return _TO_ALLAH.sub("allah", _ABD_NAME.sub("abd", _ABD_ARTICLE.sub("abd", split)))


# "Abd al-Rahman" is written "Abdul Rahman", "Abdel Rahman", "Abdulrahman",
# "Abdurrahman" (the article's l taking the sound of a following sun letter) or "Abd
# al-Rahman"; "Nasr Allah" is "Nasrallah" or "Nasrullah". One-word compounds differ in
# the letters that link their parts, and a name split in two is merged by the scorer
# only when the joined spelling is near exact, so each part is spelled one way: "abd"
# for every form of Abd, "allah" for every form of Allah, and a one-word compound with
# the link left out ("abdrahman", "nasrallah"). Where a name was split stays as
# written: lists drop a lone "Abdul" ("Mohammad Abdul Abbas Akhund" is "Mohammad Abbas
# Akhund"), and "Hamidullah" and "Waliullah" must not become half alike.
ABD_FORMS = frozenset({"abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdil", "abdur"})
ALLAH_FORMS = frozenset({"allah", "ullah", "ollah"})
_LINKING_VOWELS = ("ou", "a", "e", "i", "o", "u")
_SUN_LETTERS = frozenset("tdrzsnl")


def _after_abd(rest: str) -> str:
    """The name that follows "abd" in one word, without the linking vowel and the
    article ("ulaziz" -> "aziz", "urrahman" -> "rahman", "ullah" -> "allah"); empty
    where the letters after "abd" are the name's own ("Abdeen", "Abdou")."""
    found = rest
    for vowel in ("", *_LINKING_VOWELS):
        # a linking vowel only before the article: "ul" in Abdulaziz, "ur" + r in
        # Abdurrahman; the a of "Abdaziz" is the name's own
        after = found[len(vowel) :]
        if found.startswith(vowel) and len(after) >= 3 and _article(after):
            found = after[1:]
            break
    if found in ("la", "lah", "llah", "lla", "lahi", "llahi"):  # Abdullahi: Somali, Hausa
        return "allah"
    if (found == rest and found[:1] in "aeiou") or len(found) < 3:
        return ""
    return found


def _article(letters: str) -> bool:
    """Whether the letters open with the article: its l, or the sun letter it became."""
    return letters[0] == "l" or (letters[0] == letters[1] and letters[0] in _SUN_LETTERS)


def _compound(token: str) -> str:
    """One token in its one spelling."""
    if token in ABD_FORMS:
        return "abd"
    if token in ALLAH_FORMS:
        return "allah"
    if token.startswith("abd") and (rest := _after_abd(token[3:])):
        return "abd" + rest
    if len(token) >= 8 and token[-5:] in ALLAH_FORMS:
        return token[:-5] + "allah"
    return token


def compound_parts(tokens: list[str]) -> list[str]:
    """The tokens with the parts of Arabic theophoric compounds spelled one way:
    "Abdul Rahman" is "abd rahman" (which the scorer joins), "Abdurrahman" and
    "Abdulrahman" are "abdrahman", "Nasrullah" is "nasrallah"."""
    return [_compound(token) for token in tokens]
