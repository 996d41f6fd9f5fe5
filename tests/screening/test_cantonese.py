"""Chinese characters in Hong Kong's Cantonese spelling.

The people are the Hong Kong officials on OFAC's SDN list under the HK-EO13936
programme, as the list writes them, against their names in Chinese characters.
"""

from __future__ import annotations

import pytest

from fullcourt.screening.cantonese import person_forms, spellings, word_forms
from fullcourt.screening.chinese import han_forms
from fullcourt.screening.score import score_subject
from fullcourt.screening.subject import make_subject


def score(schema: str, query: str, listed: str) -> float:
    subject = make_subject(schema, {"name": [query]})
    return score_subject(subject, make_subject(schema, {"name": [listed]})).score


@pytest.mark.parametrize(
    ("jyutping", "usual"),
    [
        ("zoeng1", "cheung"),  # 張: oeng as eung, z as ch
        ("gwok3", "kwok"),  # 國: gw as kw
        ("jyun4", "yuen"),  # 袁: the j and the y glide are one y
        ("jyut6", "yuet"),  # 月
        ("cang4", "tsang"),  # 曾: ts before ang
        ("ceoi4", "tsui"),  # 徐: eoi as ui
        ("sing4", "shing"),  # 成: sh before ing
        ("syun1", "suen"),  # 孫: yun as uen
        ("daai6", "tai"),  # 大: d as t, aa as a
        ("bing2", "ping"),  # 炳: b as p
        ("koeng4", "keung"),  # 強
        ("zeon3", "chun"),  # 俊: eon as un
        ("san1", "sun"),  # 新: an after s as un
        ("ng4", "ng"),  # 吳: a syllable without a vowel
        ("hou2", "ho"),  # 好: ou as o
    ],
)
def test_usual_spelling(jyutping: str, usual: str) -> None:
    assert spellings(jyutping).usual == usual


@pytest.mark.parametrize(
    ("jyutping", "other"),
    [
        ("gei1", "ki"),  # 基: Kei or Ki
        ("ngo4", "ngor"),  # 娥: Ngo or Ngor
        ("waa4", "wah"),  # 華: Wa or Wah
        ("pun1", "poon"),  # 潘: Pun or Poon
    ],
)
def test_second_spelling_of_the_vowels(jyutping: str, other: str) -> None:
    assert spellings(jyutping).other_vowels == other


@pytest.mark.parametrize(
    ("jyutping", "other"),
    [("zi2", "tsz"), ("si1", "si"), ("zoeng1", "tseung"), ("sing4", "sing")],
)
def test_second_spelling_of_the_initial(jyutping: str, other: str) -> None:
    assert spellings(jyutping).other_initial == other


def test_surnames_come_from_the_table() -> None:
    # 曾 reads cang4 in everyday words; as a surname it is zang1, Tsang
    assert person_forms("曾", "國衞")[0] == "tsang kwok wai"
    assert person_forms("陳", "大文") == ("chan tai man",)
    assert "li kwai wah" in person_forms("李", "桂華")  # Lee or Li
    assert person_forms("歐陽", "震華")[0] == "au yeung chun wa"


def test_traditional_and_simplified_characters_read_alike() -> None:
    assert person_forms("陈", "国基") == person_forms("陳", "國基")
    assert word_forms(("永丰",)) == word_forms(("永豐",))


def test_the_cantonese_forms_follow_the_best_others() -> None:
    forms = han_forms("李家超")
    assert forms[:2] == ["li jiachao", "li jia chao"]  # pinyin first
    assert "lee ka chiu" in forms[:6]
    # 金 and 朴 read as Korean names: no Hong Kong reading
    assert all(not form.startswith("kam") for form in han_forms("金正恩"))


@pytest.mark.parametrize(
    ("characters", "listed"),
    [
        ("陳國基", "CHAN, Kwok-ki"),
        ("鄭若驊", "CHENG, Yeuk Wah"),
        ("蔡展鵬", "CHOI, Chin-pang"),
        ("簡啟恩", "KAN, Kai Yan"),
        ("江學禮", "KONG, Hok Lai"),
        ("林鄭月娥", "LAM CHENG, Yuet-ngor"),  # two surnames, read word by word
        ("劉賜蕙", "LAU, Chi Wai"),
        ("李家超", "LEE, Ka Chiu"),
        ("李桂華", "LI, Kwai-wah"),
        ("盧偉聰", "LO, Wai-chung"),
        ("譚耀宗", "TAM, Yiu-chung"),
        ("鄧炳強", "TANG, Ping-keung"),
        ("曾國衞", "TSANG, Kwok-wai"),
        ("陈国基", "CHAN Kwok Ki"),  # simplified characters, as mainland media write
    ],
)
def test_hong_kong_officials_in_characters_meet_the_sdn(characters: str, listed: str) -> None:
    assert score("Person", characters, listed) >= 0.95


@pytest.mark.parametrize(
    ("characters", "other"),
    [
        ("陳國基", "CHAN, Kwok-wai"),
        ("李家超", "LEE, Ka Chun"),
        ("鄧炳強", "TANG, Ping-kwong"),
        ("曾國衞", "TSANG Kwok-hung"),
    ],
)
def test_another_given_name_is_another_person(characters: str, other: str) -> None:
    assert score("Person", characters, other) < 0.7


def test_a_hong_kong_company_by_its_registered_english_name() -> None:
    assert score("Company", "永豐貿易有限公司", "WING FUNG TRADING LIMITED") >= 0.95
    assert score("Company", "永豐貿易有限公司", "WING HING TRADING LIMITED") < 0.7
