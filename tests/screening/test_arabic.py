"""Arabic and Persian letters against the Latin spellings of the lists.

The pairs are the UN consolidated list's own: each individual's Latin name beside the
name in its original script.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from fullcourt.screening.arabic import arabic_forms, compound_parts
from fullcourt.screening.names import compare_names
from fullcourt.screening.normalize import name_forms
from fullcourt.screening.score import DEFAULT_THRESHOLD

UN_LIST = "un_sc/2026-02-27_moov-watchman/consolidated.xml"


def score(a: str, b: str) -> float:
    result = compare_names(name_forms(a, "Person"), name_forms(b, "Person"), "Person")
    return result.score if result else 0.0


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("صدام حسين التكريتي", "SADDAM HUSSEIN AL-TIKRITI"),  # UN IQi.001
        ("عزت ابراهيم الدوري", "IZZAT IBRAHIM AL-DURI"),  # IQi.006
        ("جمال مصطفى عبد الله سلطان التكريتي", "JAMAL MUSTAFA ABDALLAH SULTAN AL-TIKRITI"),
        ("يحيى عبد الله العبيدي", "YAHIA ABDALLAH AL-UBAIDI"),  # IQi.044
        ("بلال بن مروان", "BILAL BIN MARWAN"),  # the father's name, unvowelled
        ("عبد الله محمد رجب عبد الرحمن", "ABD ALLAH MOHAMED RAGAB ABDEL RAHMAN"),
        ("أسامة بن لادن", "Usama bin Laden"),
        ("احمد وحیدی", "Ahmad VAHIDI"),  # Persian: و is v
        ("بخت گل", "BAKHT GUL"),  # TAi.161: a part of two letters unvowelled, not initials
        ("محمد جواد وزیری", "MOHAMMAD JAWAD WAZIRI"),  # TAi.039: Persian letters, Afghan w
        ("نور محمد ثاقب", "NOOR MOHAMMAD SAQIB"),  # TAi.110: ث said as s
        ("محمد عمر ځدران", "MUHAMMAD OMAR ZADRAN"),  # TAi.171: Pashto ځ
    ],
)
def test_un_original_script_names_meet_their_latin_names(arabic: str, latin: str) -> None:
    assert score(arabic, latin) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("فرناندو بيريز", "Fernando Suarez"),
        ("محمد علي", "Mohammed Said"),
        ("سعد الحريري", "Assad Hariri"),  # Saad is not Assad
        ("حسین محمدی", "Mohamed Hassan"),  # Hossein Mohammadi: its long vowels differ
        ("نوف علي", "Nayef Ali"),  # Nouf is not Nayef
    ],
)
def test_other_names_do_not(arabic: str, latin: str) -> None:
    assert score(arabic, latin) < DEFAULT_THRESHOLD


def test_renderings() -> None:
    assert arabic_forms("محمد علي") == ["mhmd ali"]  # an opening ʿayn is its vowel
    assert arabic_forms("عيسى") == ["isa"]  # unless a long vowel is written
    assert arabic_forms("مروان") == ["mrwan"]  # و beside a long a is a consonant
    assert arabic_forms("عبد الرحمن") == ["abd al-rhmn", "abdrhmn", "abd alrhmn"]
    assert arabic_forms("عبدالحليم")[0] == "abd al-hlim"  # Abd al-Halim in one word
    assert arabic_forms("نصر الله")[1] == "nsrallah"


@pytest.mark.parametrize(
    ("written", "parts"),
    [
        (["abdulrahman"], ["abdrahman"]),
        (["abdurrahman"], ["abdrahman"]),  # the article's l become r before r
        (["abdel", "rahman"], ["abd", "rahman"]),
        (["abdullah"], ["abdallah"]),
        (["abdullahi"], ["abdallah"]),
        (["nasrullah"], ["nasrallah"]),
        (["saif", "ullah"], ["saif", "allah"]),
        (["abdeen"], ["abdeen"]),  # a name of its own
        (["abdou"], ["abdou"]),
        (["abdaziz"], ["abdaziz"]),
    ],
)
def test_compounds_spelled_one_way(written: list[str], parts: list[str]) -> None:
    assert compound_parts(written) == parts


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Omar Abdel Rahman", "Omar Abdulrahman"),
        ("Omar Abdul Rahman", "Omar Abdurrahman"),
        ("Mohammed Abdullah", "Mohammed Abd Allah"),
        ("Hassan Nasr Allah", "Hasan Nasrullah"),
    ],
)
def test_one_compound_however_linked(a: str, b: str) -> None:
    assert score(a, b) >= 0.95


def test_most_un_original_script_names_meet_their_latin_names(shared: Path) -> None:
    root = ET.parse(shared / UN_LIST).getroot()
    pairs = []
    for person in root.iter("INDIVIDUAL"):
        original = person.findtext("NAME_ORIGINAL_SCRIPT") or ""
        if not any("\u0600" <= ch <= "\u06ff" for ch in original):
            continue
        keys = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
        latin = " ".join(filter(None, (person.findtext(k) for k in keys)))
        pairs.append((original, latin))
    assert len(pairs) > 300
    met = sum(score(original, latin) >= DEFAULT_THRESHOLD for original, latin in pairs)
    # 39 of 327 met before names in Arabic letters had a renderer of their own; 288 of
    # 328 in version 1.6.0
    assert met / len(pairs) >= 0.8


@pytest.mark.parametrize(
    ("persian", "latin"),
    [
        ("محسن رضایی", "Mohsen Rezaei"),  # ض is z in Persian
        ("علی خامنه‌ای", "Ali Khamenei"),  # one word across the zero-width non-joiner
        ("حسن روحانی", "Hassan Rouhani"),
    ],
)
def test_persian_spellings(persian: str, latin: str) -> None:
    assert score(persian, latin) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("titled", "latin"),
    [
        ("سید علی خامنه‌ای", "KHAMENEI, Ali Husseini"),  # Seyed, not a name part "Sid"
        ("آیت‌الله سید علی خامنه‌ای", "KHAMENEI, Ali Husseini"),  # two words, one title
        ("سيد حسن نصر الله", "NASRALLAH, Hasan"),  # Arabic yeh
        ("حجت‌الاسلام والمسلمین حسن روحانی", "Hassan Rouhani"),
        ("شیخ نعیم قاسم", "Naim QASSEM"),
    ],
)
def test_religious_titles_are_honorifics(titled: str, latin: str) -> None:
    assert score(titled, latin) >= DEFAULT_THRESHOLD


def test_persian_ei_ending() -> None:
    assert arabic_forms("خامنه‌ای") == ["khamnei"]  # the alif of ه‌ای is no vowel of its own


def test_persian_iran_opens_with_i() -> None:
    assert arabic_forms("بانک ملی ایران") == ["bank mli iran"]


# Iranian officials on the OFAC SDN list, their names as Persian writes them.
@pytest.mark.parametrize(
    ("persian", "latin"),
    [
        ("مجید موسوی", "MOUSAVI, Majid"),  # و before a closing ی is v
        ("پرویز فتاح", "FATTAH, Parviz"),  # and before a long i
        ("حسین دهقان", "DEHGHAN, Hossein"),  # د then ه is not ذ
        ("محمد باقری", "BAGHERI, Mohammad"),  # ق spelled gh
        ("عباس عراقچی", "ARAGHCHI, Abbas"),
        ("مجتبی خامنه‌ای", "KHAMENEI, Mojtaba"),  # a closing ی read as alif maqsura
        ("مرتضی قربانی", "GHORBANI, Morteza"),
        ("موسی کمالی", "KAMALI, Mousa"),
        ("امیرعلی حاجی‌زاده", "HAJIZADEH, Amir Ali"),  # Amir Ali in one word
        ("محمدجواد ظریف", "ZARIF, Mohammad Javad"),
        ("محمدرضا نقدی", "NAQDI, Mohammad Reza"),
        ("علی‌اکبر ولایتی", "VELAYATI, Ali Akbar"),
    ],
)
def test_persian_names_of_listed_officials(persian: str, latin: str) -> None:
    assert score(persian, latin) >= DEFAULT_THRESHOLD


def test_persian_renderings() -> None:
    assert arabic_forms("موسوی") == ["musvi"]  # the nisba -avi
    assert arabic_forms("پرویز") == ["prviz"]
    assert arabic_forms("جعفر") == ["jafr"]  # an ʿayn after a consonant is a vowel
    assert arabic_forms("سعید") == ["sid"]  # but not before a long one
    assert arabic_forms("دهقان") == ["dahqan"]  # د then ه kept apart from ذ
    assert arabic_forms("ده پیشه") == ["deh pishe"]  # in Persian, "eh"
    assert arabic_forms("زهراء") == ["zahra"]
    assert arabic_forms("مجتبی") == ["mjtba"]
    assert arabic_forms("علی") == ["ali"]  # a closing ی elsewhere is i


@pytest.mark.parametrize(
    ("persian", "latin"),
    [
        ("محمدجواد احمدی", "Mohammad Ahmadi"),  # a given name in one word is two names
        ("مجید موسوی", "Majid Masoumi"),
        ("مرتضی قربانی", "Mostafa Ghorbani"),
    ],
)
def test_other_persian_names_do_not(persian: str, latin: str) -> None:
    assert score(persian, latin) < DEFAULT_THRESHOLD
