"""Cyrillic names in the Latin systems lists and passports use."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from fullcourt.screening.cyrillic import MAX_FORMS, cyrillic_forms, language

OFAC_ENHANCED = "ofac_consolidated/2025-01_moov-watchman/CONS_ENHANCED.ZIP"


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Сергей", "sergey"),  # BGN/PCGN
        ("Сергей", "sergei"),  # ICAO passports, English press
        ("Хрущёв", "khrushchev"),  # BGN writes ë as e
        ("Хрущёв", "khrushchyov"),  # press: ё as yo
        ("Юлия", "yuliya"),  # BGN
        ("Юлия", "iuliia"),  # ICAO 9303
        ("Юлия", "yulia"),  # press: -ия as -ia
        ("Аляксандр Лукашэнка", "aliaksandr lukashenka"),  # Belarusian passport (ICAO)
        ("Аляксандр Лукашэнка", "alyaksandr lukashenka"),  # BGN
        ("Ротенберг Аркадий", "rotenberg arkadii"),  # bench: "Arkadii Romanovich Rotenberg"
        ("Володимир Зеленський", "volodymyr zelenskyy"),  # bench: his own spelling
        ("Володимир Зеленський", "volodymyr zelenskyi"),  # Ukraine's KMU 2010
        ("Александар Вучић", "aleksandar vucic"),  # bench: Serbian Latin without háček
        ("Ухнаагийн Хүрэлсүх", "ukhnaagiin khurelsukh"),  # bench: Mongolian ү, -ийн
        ("Қасым-Жомарт Тоқаев", "kasym zhomart tokayev"),  # Kazakh қ; hyphen a space
        ("Илиана Йотова", "iliana yotova"),  # bench: Bulgarian-Russian common ground
        ("Олег Николаевич КОЖЕМЯКО", "oleg nikolaevich kozhemyako"),  # EU DPRK annex
        ("Умаров Доку Хаматович", "umarov doku khamatovich"),  # UN QDi.290 name parts
        ("Абу Мухаммад Аль-Кадари", "abu muhammad al kadari"),  # UN alias, х as h
        # OFAC's own spelling of an alias: -ий as -i, no ye after vowels.
        (
            "АКЦИОНЕРНЫЙ КОММЕРЧЕСКИЙ БАНК НОВИКОМБАНК АКЦИОНЕРНОЕ ОБЩЕСТВО",
            "aktsionerny kommercheski bank novikombank aktsionernoe obshchestvo",
        ),
        ("Максим", "maxim"),  # press: кс as x
    ],
)
def test_cyrillic_forms_include(cyrillic: str, latin: str) -> None:
    forms = cyrillic_forms(cyrillic)
    assert latin in forms
    assert len(forms) <= MAX_FORMS


def test_first_form_follows_the_language() -> None:
    assert cyrillic_forms("Сергей")[0] == "sergey"  # Russian: BGN first
    assert cyrillic_forms("Володимир Зеленський")[0] == "volodymyr zelenskyi"  # Ukrainian
    assert cyrillic_forms("Светлана Ціханоўская")[0] == "svetlana tsikhanouskaya"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Сергей Лавров", "ru"),
        ("Володимир Зеленський", "uk"),  # -ський, no і: still Ukrainian
        ("Фуад Гулієв", "uk"),
        ("Светлана Ціханоўская", "be"),  # ў
        ("Аляксандр Лукашэвіч", "be"),  # і with э
        ("Александар Вучић", "sr"),
        ("Ухнаагийн Хүрэлсүх", "mn"),
        ("Қасым-Жомарт Тоқаев", "kk"),
        ("Лъчезар", "bg"),  # ъ before a consonant
    ],
)
def test_language(text: str, expected: str) -> None:
    assert language(text.lower()) == expected


def _words(name: str) -> tuple[str, ...]:
    """The words of a name in any order: lists put the legal form first or last."""
    return tuple(sorted(re.findall("[a-z0-9]+", name.lower())))


def _ofac_cyrillic_names(path: Path) -> list[tuple[str, set[tuple[str, ...]]]]:
    """(Cyrillic name, the entity's Latin names) from OFAC's enhanced XML."""
    with zipfile.ZipFile(path) as archive:
        data = archive.read(archive.namelist()[0])
    pairs: list[tuple[str, set[tuple[str, ...]]]] = []
    for _, entity in etree.iterparse(io.BytesIO(data), tag="{*}entity"):
        latin: set[tuple[str, ...]] = set()
        cyrillic: list[str] = []
        for translation in entity.iter("{*}translation"):
            script = translation.findtext("{*}script")
            full = translation.findtext("{*}formattedFullName") or ""
            if script == "Latin":
                latin.add(_words(full))
            elif script == "Cyrillic" and full:
                cyrillic.append(full)
        pairs.extend((name, latin) for name in cyrillic)
        entity.clear()
    return pairs


def test_ofac_latin_aliases_among_the_forms(shared: Path) -> None:
    """OFAC gives many Cyrillic names a transliterated alias; most others are translations."""
    pairs = _ofac_cyrillic_names(shared / OFAC_ENHANCED)
    found = sum(bool(latin & set(map(_words, cyrillic_forms(name)))) for name, latin in pairs)
    assert len(pairs) == 39
    assert found >= 18  # measured 20; the rest are English translations ("Bank of Russia")


@given(st.text(alphabet=st.characters(min_codepoint=0x400, max_codepoint=0x4FF), min_size=1))
def test_forms_are_lowercase_ascii(text: str) -> None:
    forms = cyrillic_forms(text)
    assert len(forms) <= MAX_FORMS
    assert all(f.isascii() and f == f.lower() for f in forms)
    if any(ch.isalpha() for ch in text):
        assert forms
