"""Chinese characters: pinyin, Wade–Giles, Korean readings of hanja, syllable keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from fullcourt.screening.chinese import (
    MAX_FORMS,
    PINYIN,
    han_forms,
    is_pinyin_name,
    pinyin_key,
    to_wade_giles,
)
from fullcourt.screening.names import compare_names
from fullcourt.screening.normalize import name_forms
from fullcourt.screening.score import DEFAULT_THRESHOLD

UN_LIST = "un_sc/2026-02-27_moov-watchman/consolidated.xml"


@pytest.mark.parametrize(
    ("chars", "expected", "position"),
    [
        ("习近平", "xi jinping", 0),  # pinyin joins the given name
        ("习近平", "xi jin ping", 1),
        ("习近平", "hsi chin ping", None),  # bench: "Hsi Chin-ping", Wade–Giles
        ("毛泽东", "mao tse tung", None),  # bench: "Mao Tse-tung"
        ("金铁三", "jin tiesan", None),  # UN alias of KIM CHOL SAM: "Jin Tiesan (金铁三)"
        ("金铁三", "kim chol sam", 0),  # the same man's UN entry name: Korean reading first
        ("金正恩", "kim jong un", 0),  # weak spot of reference matchers: scored 0
        ("崔龙海", "choe ryong hae", None),  # simplified 龙 read as Korean 룡
        ("朴槿惠", "park keun hye", None),  # South Korean conventional spelling
        ("曾庆红", "zeng qinghong", 0),  # 曾 read zeng as a surname, not ceng
        ("欧阳修", "ouyang xiu", 0),  # two-character surname
        ("贝拉克·奥巴马", "beilake aobama", None),  # bench: a foreign name in characters
    ],
)
def test_han_forms(chars: str, expected: str, position: int | None) -> None:
    forms = han_forms(chars)
    assert expected in forms
    if position is not None:
        assert forms.index(expected) == position
    assert len(forms) <= MAX_FORMS


def test_chinese_names_without_a_korean_surname_get_no_korean_reading() -> None:
    forms = han_forms("习近平")
    assert forms[:4] == ["xi jinping", "xi jin ping", "hsi chin ping", "hsi chinping"]
    # what follows is the Cantonese reading, not a Korean one (습근평)
    assert all(not form.startswith("sup") for form in forms)
    assert forms[4].split()[0] in ("chap", "tsap")


def test_company_names_are_read_character_by_character() -> None:
    # OFAC consolidated list, Chinese Simplified translation of MEGVII (legal form removed).
    assert han_forms("旷视科技")[0] == "kuang shi ke ji"


def test_un_alias_with_characters_meets_its_own_romanisation(shared: Path) -> None:
    """UN aliases written "Romanised (characters)": the romanisation is among the forms."""
    pairs = []
    for _, alias in etree.iterparse(str(shared / UN_LIST), tag="ALIAS_NAME"):
        match = re.fullmatch(r"(.+?)\s*\(([\u4e00-\u9fff]+)\)", alias.text or "")
        if match:
            pairs.append((match.group(2), match.group(1).lower()))
    assert pairs == [("金铁三", "jin tiesan")]
    assert all(latin in han_forms(chars) for chars, latin in pairs)


@pytest.mark.parametrize(
    ("pinyin", "wade_giles"),
    [
        ("xi", "hsi"),
        ("jin", "chin"),
        ("ping", "ping"),  # p'ing without its apostrophe
        ("zhou", "chou"),
        ("ze", "tse"),
        ("dong", "tung"),
        ("zi", "tzu"),
        ("shi", "shih"),
        ("ri", "jih"),
        ("xue", "hsueh"),
        ("luo", "lo"),
        ("guo", "kuo"),
        ("gui", "kuei"),
        ("yi", "i"),
        ("er", "erh"),
        ("xiong", "hsiung"),
        ("jian", "chien"),
    ],
)
def test_to_wade_giles(pinyin: str, wade_giles: str) -> None:
    assert to_wade_giles(pinyin) == wade_giles


@pytest.mark.parametrize(
    ("spellings", "same"),
    [
        (["xi", "hsi"], True),  # Xi Jinping / Hsi Chin-ping
        (["jin", "chin"], True),
        (["ping", "bing"], True),  # aspiration lost with the apostrophe
        (["zhou", "chou"], True),
        (["ze", "tse"], True),  # Mao Zedong / Mao Tse-tung
        (["dong", "tung"], True),
        (["ren", "jen"], True),  # Wade–Giles j is pinyin r
        (["jinping", "chinping"], True),  # run-together given names
        (["zedong", "tsetung"], True),
        (["xi", "si"], False),  # 习 and 司 are different surnames
        (["xi", "shi"], False),  # bench "Shi Jinping": left to spelling similarity
        (["jin", "jing"], False),
    ],
)
def test_pinyin_key(spellings: list[str], same: bool) -> None:
    keys = {pinyin_key(s) for s in spellings}
    assert "" not in keys
    assert (len(keys) == 1) is same


@pytest.mark.parametrize("token", ["kim", "jong", "lee", "vladimir", "tina", "dina", "xi2", ""])
def test_pinyin_key_is_empty_for_other_tokens(token: str) -> None:
    # Tina and Dina would meet by the aspiration merge: no Mandarin marker, no key.
    assert pinyin_key(token) == ""


def test_every_pinyin_syllable_has_a_key_shared_with_its_wade_giles() -> None:
    for syllable in PINYIN:
        assert pinyin_key(syllable)
        wade_giles = to_wade_giles(syllable)
        if wade_giles not in PINYIN:  # a valid pinyin spelling is read as pinyin first
            assert pinyin_key(wade_giles) == pinyin_key(syllable), (syllable, wade_giles)


_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@given(st.text(alphabet=_HAN, min_size=1, max_size=8))
def test_forms_are_lowercase_ascii_and_never_empty(text: str) -> None:
    forms = han_forms(text)
    assert 1 <= len(forms) <= MAX_FORMS
    assert all(f and f.isascii() and f == f.lower() for f in forms)


@pytest.mark.parametrize(
    ("chars", "latin", "same"),
    [
        ("蔣經國", "Chiang Ching-kuo", True),  # Wade–Giles meets its own rendering
        ("习近平", "Hsi Chin-ping", True),
        ("张岩平", "CHANG Yen-ping", True),
        ("林静", "LIN, Qing", False),  # 静 jing is "ching" in Wade–Giles, not 青 qing
        ("张岩平", "ZHANG, Yanbing", False),  # ping is not bing in pinyin
    ],
)
def test_characters_against_pinyin_and_wade_giles(chars: str, latin: str, same: bool) -> None:
    result = compare_names(name_forms(chars, "Person"), name_forms(latin, "Person"), "Person")
    score = result.score if result else 0.0
    assert (score >= DEFAULT_THRESHOLD) is same


@pytest.mark.parametrize(
    ("tokens", "chinese"),
    [
        (("wang", "zhiqiang"), True),
        (("zhiqiang", "wang"), True),  # surname last, Western style
        (("kim", "jong", "un"), False),  # Korean: no pinyin surname, un is no syllable
        (("maria", "lin"), False),  # maria is no pinyin
        (("wang",), False),
    ],
)
def test_names_read_as_pinyin(tokens: tuple[str, ...], chinese: bool) -> None:
    assert is_pinyin_name(tokens) is chinese


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Wang Zhiqiang", "WANG, Zhiqing", False),  # SDN: 强 qiang is not 青 qing
        ("Zhang Yanping", "ZHANG Yanbing", False),
        ("Li Fang Wei", "LI Fangwei", True),  # SDN: one given name, spaced or not
        ("Hsi Chin-ping", "XI Jinping", True),  # Wade-Giles against pinyin
    ],
)
def test_chinese_names_in_latin_letters(a: str, b: str, same: bool) -> None:
    result = compare_names(name_forms(a, "Person"), name_forms(b, "Person"), "Person")
    assert result is not None and (result.score >= DEFAULT_THRESHOLD) is same


def test_a_persons_form_says_it_reads_as_pinyin() -> None:
    assert name_forms("Wang Zhiqiang", "Person")[0].pinyin
    assert not name_forms("Wang Zhiqiang", "Company")[0].pinyin  # people's names only
    assert not name_forms("Kim Jong Un", "Person")[0].pinyin
