"""Korean names: Hangul to list spellings, syllable keys, run-together syllables."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fullcourt.screening import korean
from fullcourt.screening.korean import (
    MAX_FORMS,
    decompose,
    hangul_forms,
    hangul_key,
    is_korean_romanized,
    romanize_word,
    split_syllables,
    syllable_key,
)

EU_DPRK = "eu/opensanctions_eu_journal_32017R1509_DPRK.csv"
HANGUL = re.compile("[\uac00-\ud7a3]")


def test_decompose_by_unicode_arithmetic() -> None:
    assert decompose("김") == (0, 20, 16)  # ㄱ + ㅣ + ㅁ
    assert decompose("가") == (0, 0, 0)
    assert decompose("힣") == (18, 20, 27)  # the last syllable of the block
    assert decompose("a") is None


# Hangul on the EU's DPRK annex next to the romanisation the annex itself prints.
@pytest.mark.parametrize(
    ("hangul", "listed"),
    [
        ("김정은", "kim jong un"),  # UN/OFAC style: j for ㅈ, ㅓ and ㅡ as o and u
        ("김정은", "kim jongun"),  # the given name also run together
        ("김정은", "kim chong un"),  # McCune–Reischauer: ch for ㅈ at a word's start
        ("김정은", "gim jeong eun"),  # Revised Romanisation
        ("렴영", "ryom yong"),  # RYOM Yong: the North keeps an initial ㄹ
        ("서상국", "so sang kuk"),  # SO Sang-kuk: ㅓ written o
        ("박재경", "pak jae gyong"),  # PAK Jae-gyong: ㄱ voiced after a vowel
        ("김영철", "kim young chul"),  # KIM Young-Chul: the South Korean press spelling
        ("김영철", "kim yong chol"),  # KIM Yong Chol: the annex's own entry name
        ("조경철", "jo kyongchol"),  # JO Kyongchol: given name written as one word
        ("리용주", "li yong ju"),  # LI Yong-ju: 리 as Li
        ("박광훈", "bak gwang hun"),  # BAK Gwang Hun: RR consonants, Northern vowels
        ("김호규", "kim ho gyu"),  # KIM Ho Gyu: voiced g after the vowel of 호
        ("김동운", "kim tong un"),  # KIM Tong-un: MR t for ㄷ at the given name's start
        ("정승일", "jong sung il"),  # JONG Sung Il: ㅡ written u
        ("김경희", "kim kyong hui"),  # KIM Kyong Hui: ㅢ written ui
        ("최천식", "choe chun sik"),  # CHOE Chun-Sik: Northern surname, Southern given name
        ("손영남", "son young nam"),  # SON Young-Nam: same mix
        ("윤정린", "yun jong rin"),  # YUN Jong-rin: ㄹ after ㅇ stays r
        ("왕창욱", "wang chang uk"),  # WANG Chang Uk
        ("황길수", "hwang kil su"),  # HWANG Kil Su: ㄱ after ㄹ is not voiced
    ],
)
def test_hangul_forms_include_the_listed_spelling(hangul: str, listed: str) -> None:
    assert listed in hangul_forms(hangul)


def test_northern_style_first_southern_surnames_first_in_southern_style() -> None:
    assert hangul_forms("김정은")[0] == "kim jong un"
    assert hangul_forms("최룡해")[0] == "choe ryong hae"
    # 이 is how the South writes the surname the North writes 리: Southern spellings first.
    assert hangul_forms("이재명")[0] == "lee jae myung"
    assert "ri jae myong" in hangul_forms("이재명")


def test_surname_spellings_and_compound_surnames() -> None:
    assert {"ri pyong chol", "lee pyong chol", "li pyong chol"} <= set(hangul_forms("리병철"))
    assert hangul_forms("남궁민")[0] == "namgung min"  # two-syllable surname
    assert hangul_forms("김 정은") == hangul_forms("김정은")  # a space after the surname
    assert all(len(hangul_forms(n)) <= MAX_FORMS for n in ("리병철", "박재경", "이재명"))


def test_organisation_names_romanised_word_by_word() -> None:
    # 조선백호무역회사: "Joson Paekho Muyok Hoesa" on the EU annex; no word breaks in Hangul.
    forms = hangul_forms("조선백호무역회사")
    assert forms[0] == "josonbaekhomuyokhoesa"
    assert "jo son baek ho mu yok hoe sa" in forms
    assert hangul_forms("영변 원자력 연구소")[0] == "yongbyon wonjaryok yonguso"


def test_eu_annex_spellings_are_among_the_forms(shared: Path) -> None:
    """Share of EU persons whose printed romanisation is among the forms of the Hangul."""
    found = total = 0
    with (shared / EU_DPRK).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["schema"] != "Person":
                continue
            cells = [row["name"], *re.split("[;,]", row["alias"])]
            hangul = [c.strip() for c in cells if HANGUL.search(c) and c.strip().isalpha()]
            latin = {" ".join(c.lower().replace("-", " ").split()) for c in cells}
            for name in hangul:
                total += 1
                found += bool(latin & set(hangul_forms(name)))
    assert total == 64  # Hangul cells of persons (two for AN Jong Hyuk)
    assert found >= 60  # measured 61: misses are typos (촤찬일) and French spellings


@pytest.mark.parametrize(
    ("spellings", "same"),
    [
        (["ri", "rhee", "lee", "yi", "i", "ly", "li"], True),  # 리/이, the initial-sound law
        (["pak", "park", "bak"], True),
        (["choe", "choi", "chwe"], True),
        (["jong", "jeong", "chong", "chung", "jung"], True),  # 정 in all systems
        (["chol", "chul", "cheol"], True),  # KIM Yong Chol / Young-Chul / Young-Cheol (EU)
        (["hui", "hee"], True),  # 희: KIM Kyong Hui, South Korean "hee"
        (["rim", "lim", "im"], True),
        (["ro", "roh", "no", "noh"], True),
        (["ryong", "yong", "young"], True),  # 룡/용/영 all meet: a known collision
        (["kwang", "gwang"], True),  # KIM Su-Kwang / KIM Su Gwang (EU)
        (["un", "nam"], False),  # Kim Jong Un is not Kim Jong Nam
        (["yong", "il"], False),  # PAK YONG-CHUN is not PAK IL KYU
        (["chun", "kyu"], False),
        (["pak", "paek"], False),  # 박 and 백 are two surnames
    ],
)
def test_syllable_key(spellings: list[str], same: bool) -> None:
    keys = {syllable_key(s) for s in spellings}
    assert "" not in keys
    assert (len(keys) == 1) is same


def test_syllable_key_is_empty_for_tokens_that_are_not_one_syllable() -> None:
    assert syllable_key("vladimir") == ""
    assert syllable_key("jongun") == ""  # split first
    assert syllable_key("KIM") == syllable_key("kim")


def test_every_romanised_syllable_keys_like_its_hangul() -> None:
    """All 11,172 syllables in every system, alone and after a vowel, agree with Hangul."""
    styles = [korean.NK, korean.NK_PLAIN, korean.NK_OFFICIAL, korean.HYBRID]
    styles += [korean.MR, korean.RR, korean.POPULAR]
    # finals read t (ㅅ ㅈ ㅊ ...) are not in the parser: names do not end so
    t_finals = {7, 19, 20, 22, 23, 24, 25, 26, 27}
    for code in range(0xAC00, 0xD7A4):
        jamo = decompose(chr(code))
        assert jamo is not None
        expected = hangul_key(chr(code))
        for style in styles:
            alone = romanize_word([jamo], style)[0]
            after_vowel = romanize_word([(11, 0, 0), jamo], style)[1]
            for spelled in (alone, after_vowel):
                key = syllable_key(spelled)
                assert key in (expected, "") and (key or jamo[2] in t_finals)


def test_surname_table_keys_agree_with_their_hangul() -> None:
    for hangul, spellings in korean.SURNAMES.items():
        for spelling in spellings:
            assert syllable_key(spelling) == hangul_key(hangul), (hangul, spelling)


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("pyongchol", ["pyong", "chol"]),  # UN "Ri Pyongchol"-style run-together names
        ("jongun", ["jong", "un"]),  # ng stays a final: not jon-gun
        ("kyongchol", ["kyong", "chol"]),  # EU: JO Kyongchol
        ("soukwang", ["sou", "kwang"]),  # EU: KIM Soukwang, French "ou" for ㅜ
        ("sunam", ["su", "nam"]),  # a consonant between vowels opens the next syllable
        ("chollima", ["chol", "li", "ma"]),
        ("pyongyang", ["pyong", "yang"]),
        ("vladimir", None),
        ("", None),
    ],
)
def test_split_syllables(token: str, expected: list[str] | None) -> None:
    assert split_syllables(token) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("KIM Yong Chol", True),  # EU entry name
        ("RI PYONG CHUL", True),  # UN
        ("Pak Il-Gyu", True),  # UN alias, hyphen split by the caller
        ("Park Chung hee", True),  # bench: South Korean conventional spelling
        ("Jo Kyongchol", True),  # run-together given name
        ("Angela Merkel", False),  # parses as syllables, but no Korean surname
        ("Vladimir Putin", False),
        ("Olaf Scholz", False),
    ],
)
def test_is_korean_romanized(name: str, expected: bool) -> None:
    assert is_korean_romanized(name.lower().replace("-", " ").split()) is expected
    assert is_korean_romanized([]) is False


_SYLLABLES = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)


@given(st.text(alphabet=_SYLLABLES, min_size=1, max_size=6))
def test_forms_are_lowercase_ascii_and_bounded(text: str) -> None:
    forms = hangul_forms(text)
    assert 1 <= len(forms) <= MAX_FORMS
    assert all(f.isascii() and f == f.lower() and f == " ".join(f.split()) for f in forms)
