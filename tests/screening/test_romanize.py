"""Any script to comparable Latin forms, measured on the real cross-script pairs."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from fullcourt.screening.romanize import clean, latin_forms, script_of

UN_LIST = "un_sc/2026-02-27_moov-watchman/consolidated.xml"
BENCH = "screening_eval/nomenklatura/name_bench_cases.csv"
ORIGINAL = ("hangul", "han", "cyrillic")


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Ri Pyong-chol", "latin"),
        ("김정은", "hangul"),
        ("金正恩", "han"),
        ("Аляксандр Лукашэнка", "cyrillic"),
        ("Κυριάκος Μητσοτάκης", "other"),  # bench: Greek
        ("KIM Kwang Yon 김광연", "other"),  # EU annex: Latin and Hangul in one cell
        ("ООО АЯС 2000", "cyrillic"),  # bench: digits do not count
        ("1718", "latin"),  # no letters: nothing to transliterate
    ],
)
def test_script_of(text: str, script: str) -> None:
    assert script_of(text) == script


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Ri Pyo’ng-ch’o’l", "ri pyong chol"),  # UN alias: MR breves typed as apostrophes
        ("RA KY'ONG-SU", "ra kyong su"),  # UN name, ASCII apostrophe
        ("Recep Tayyip Erdoğan", "recep tayyip erdogan"),  # bench
        ("Marie-Thérèse Obama", "marie therese obama"),  # bench: hyphen as a space
        ("Jama`at al-Tawhid wal-Jihad", "jamaat al tawhid wal jihad"),  # UN: backtick for ayn
        ("김정은", "kim jong un"),
        ("金正恩", "kim jong un"),  # Korean surname in hanja: Korean reading first
        ("习近平", "xi jinping"),
        ("Сергей Викторович Лавров", "sergey viktorovich lavrov"),
        ("Κυριάκος Μητσοτάκης", "kyriakos mitsotakis"),  # bench: Greek
        ("ბარაკ ობამა", "barak obama"),  # bench: Georgian
        ("Բարակ Օբամա", "barak obama"),  # bench: Armenian
        ("KIM Kwang Yon 김광연", "kim kwang yon kim kwang yon"),  # EU: each run by itself
    ],
)
def test_latin_forms_first(text: str, first: str) -> None:
    assert latin_forms(text)[0] == first


def test_scripts_without_a_transliterator_are_not_lost() -> None:
    forms = latin_forms("ប៉ុល ពត")  # bench: Pol Pot in Khmer, which ICU leaves as "??"
    assert forms and "?" not in forms[0]


def test_clean() -> None:
    assert clean("  O’Brien–Smith  ") == "obrien smith"
    assert clean("") == ""


def _words(name: str) -> frozenset[str]:
    return frozenset(re.findall("[a-z0-9]+", clean(name)))


def _meets(original: str, listed: list[str]) -> bool:
    """A form has the words of a listed name (or all its words are in the listed name:
    lists add patronymics the original script leaves out, and the reverse)."""
    forms = [_words(f) for f in latin_forms(original)]
    for name in map(_words, listed):
        if any(f == name or (len(f & name) >= 2 and (f <= name or name <= f)) for f in forms):
            return True
    return False


def _un_pairs(path: Path) -> list[tuple[str, list[str]]]:
    """UN entries with a name in original script, and aliases "Latin (original script)"."""
    pairs = []
    for _, entry in etree.iterparse(str(path), tag=("INDIVIDUAL", "ENTITY")):
        original = (entry.findtext("NAME_ORIGINAL_SCRIPT") or "").strip()
        parts = [entry.findtext(t) or "" for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME")]
        aliases = [a.text or "" for a in entry.iter("ALIAS_NAME")]
        if script_of(original) in ORIGINAL:
            pairs.append((original, [" ".join(parts), *aliases]))
        for alias in aliases:
            match = re.fullmatch(r"(.+?)\s*\((?:original script: )?([^()]+)\)", alias)
            if match and script_of(match.group(2)) in ORIGINAL:
                pairs.append((match.group(2), [match.group(1)]))
        entry.clear()
    return pairs


def test_un_original_script_names_meet_their_romanisation(shared: Path) -> None:
    pairs = _un_pairs(shared / UN_LIST)
    assert len(pairs) == 17  # 11 NAME_ORIGINAL_SCRIPT (Cyrillic) + 6 aliases
    assert sum(_meets(o, listed) for o, listed in pairs) >= 12  # measured 12
    # The misses are the list's own choices: MAGHOMED (gh for г), RAJAPOVICH (j for ж),
    # ISMAILOV for Измайлов, EMARAT for Эмират, KHATIBA for Катиба.


def test_bench_cross_script_matches(shared: Path) -> None:
    pairs = []
    with (shared / BENCH).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for original, latin in ((row["name1"], row["name2"]), (row["name2"], row["name1"])):
                cross = script_of(original) in ORIGINAL and script_of(latin) == "latin"
                if row["is_match"] == "true" and cross:
                    pairs.append((original, [latin]))
    assert len(pairs) == 6
    # Ротенберг Аркадий and Володимир Зеленський meet (patronymic aside); the others are
    # a typo (Serej), translations, and Obama written in characters (Bei-la-ke).
    assert sum(_meets(o, listed) for o, listed in pairs) >= 2


_ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
_LATIN = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x24F), max_size=20)


@given(_ANY_TEXT)
def test_forms_are_lowercase_ascii_single_spaced(text: str) -> None:
    forms = latin_forms(text)
    assert len(forms) <= 8
    for form in forms:
        assert form.isascii() and form == form.lower() and form == " ".join(form.split())
        assert "-" not in form and "'" not in form


@given(_ANY_TEXT.filter(lambda t: any(c.isalpha() for c in t)))
def test_never_empty_for_text_with_letters(text: str) -> None:
    assert latin_forms(text)


@given(_LATIN)
def test_idempotent_on_latin(text: str) -> None:
    forms = latin_forms(text)
    assert len(forms) <= 1
    if forms:
        assert latin_forms(forms[0]) == forms
