"""Names in any script to the Latin spellings that lists and customers write.

A query in Hangul, Chinese characters or Cyrillic has to meet list entries that
exist only in romanisation, and one romanisation has to meet another. Each script has
its own module with its own systems; this one recognises the script and makes every
rendering comparable: lowercase ASCII, single spaces, hyphens as spaces and
apostrophes removed ("Pyo’ng-ch’o’l" is how the UN writes MR breves).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rigour.text.translit import ascii_text

from fullcourt.screening.arabic import arabic_forms
from fullcourt.screening.chinese import han_forms
from fullcourt.screening.cyrillic import cyrillic_forms
from fullcourt.screening.korean import hangul_forms

_DASHES = re.compile(r"[\-‐‑‒–—―]")
_APOSTROPHES = re.compile(r"['’‘ʼʻ`´′]")
_SCRIPTS = (
    *(("LATIN", "latin"), ("HANGUL", "hangul"), ("CJK", "han")),
    *(("CYRILLIC", "cyrillic"), ("ARABIC", "arabic")),
)
_FORMS = {
    "hangul": hangul_forms,
    "han": han_forms,
    "cyrillic": cyrillic_forms,
    "arabic": arabic_forms,
}


@lru_cache(maxsize=20_000)
def _char_script(char: str) -> str:
    name = unicodedata.name(char, "")
    for marker, script in _SCRIPTS:
        if marker in name:
            return script
    return "other"


def _letter_scripts(text: str) -> list[str]:
    return [_char_script(ch) for ch in text if ch.isalpha()]


def script_of(text: str) -> str:
    """The script of a name's letters: latin, hangul, han, cyrillic, arabic, or other.

    "other" covers scripts without a module here and names that mix scripts.

    Only letters count; a text without letters is "latin" (nothing to transliterate).
    """
    scripts = set(_letter_scripts(text))
    if not scripts:
        return "latin"
    return scripts.pop() if len(scripts) == 1 else "other"


def _fold(text: str) -> str:
    """ASCII spelling of a non-ASCII text. Most such names are Latin with accents
    ("José Núñez"), which dropping the combining marks folds exactly as ICU's
    transliterator would, at a hundredth of its cost; the rest (ß, Ø, Đ, other
    scripts) still go to the transliterator."""
    stripped = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    return stripped if stripped.isascii() else ascii_text(text)


def clean(text: str) -> str:
    """Lowercase ASCII with hyphens as spaces, apostrophes removed, single spaces."""
    text = _APOSTROPHES.sub("", text)
    if not text.isascii():
        text = _APOSTROPHES.sub("", _fold(text))
    text = _DASHES.sub(" ", text.lower())
    return " ".join(text.split())


@lru_cache(maxsize=20_000)
def _unnamed_letter(char: str) -> str:
    """A letter that no transliterator knows, spelled from its Unicode name.

    "KHMER LETTER BA" -> "ba", "KHMER VOWEL SIGN U" -> "u": crude, but a name never
    vanishes from the index. Other signs (tone, length, virama) are dropped.
    """
    words = unicodedata.name(char, "").split()
    for marker in ("LETTER", "SYLLABLE", "VOWEL"):
        if marker in words:
            tail = "".join(w for w in words[words.index(marker) + 1 :] if w != "SIGN")
            if tail.isascii() and tail.isalpha():
                return tail.lower()
    return f"u{ord(char):x}" if char.isalpha() else ""


@lru_cache(maxsize=20_000)
def _char_ascii(char: str) -> str:
    """One letter through the transliterator: a name repeats few letters, and each
    call to ICU costs far more than the lookup."""
    return ascii_text(char)


def _other(text: str) -> str:
    """Scripts without a module of their own (Arabic, Greek, Georgian, Khmer, ...)."""
    out = []
    for char in text:
        if char.isascii() or _char_ascii(char) not in ("?", ""):
            out.append(char)
        elif unicodedata.category(char)[0] in "LM":
            out.append(_unnamed_letter(char))
        else:
            out.append(" ")
    latin = ascii_text("".join(out))
    return clean(latin if "?" in text else latin.replace("?", " "))


def _runs(text: str) -> list[tuple[str, str]]:
    """The text cut where the script of its letters changes; marks stay with a run."""
    runs: list[tuple[str, str]] = []
    for char in text:
        script = _char_script(char) if char.isalpha() else ""
        if runs and (not script or script == runs[-1][0] or not runs[-1][0]):
            runs[-1] = (runs[-1][0] or script, runs[-1][1] + char)
        else:
            runs.append((script, char))
    return runs


def _mixed(text: str) -> list[str]:
    """Renderings of a name that mixes scripts ("KIM Kwang Yon 김광연", or "llc газпром"
    after a legal form was replaced): the n-th form joins each run's n-th rendering."""
    rendered: list[list[str]] = []
    for script, run in _runs(text):
        if script in _FORMS and run.strip():
            pad_left, pad_right = " " * run[0].isspace(), " " * run[-1].isspace()
            forms = _FORMS[script](run) or [""]
            rendered.append([pad_left + form + pad_right for form in forms])
        elif script in ("latin", ""):
            rendered.append([run])
        else:
            rendered.append([_other(run)])
    count = max(len(forms) for forms in rendered)
    return ["".join(forms[min(i, len(forms) - 1)] for forms in rendered) for i in range(count)]


@lru_cache(maxsize=200_000)
def _latin_forms(text: str) -> tuple[str, ...]:
    script = script_of(text)
    if script == "latin":
        forms = [text]
    elif script in _FORMS:
        forms = _FORMS[script](text)
    elif set(_letter_scripts(text)) <= {"latin", *_FORMS}:
        forms = _mixed(text)
    else:
        forms = [_other(text)]
    unique = dict.fromkeys(clean(form) for form in forms)
    found = tuple(form for form in unique if form)
    if found:
        return found
    fallback = clean(text)
    return (fallback,) if fallback else ()


def latin_forms(text: str) -> list[str]:
    """The Latin renderings of a name in any script, the most common first.

    Latin text gives one form, ASCII-folded; Hangul, Chinese characters and Cyrillic
    give their romanisations (at most ten for Chinese characters, eight for the
    others); other scripts one transliteration.
    """
    return list(_latin_forms(unicodedata.normalize("NFC", text)))
