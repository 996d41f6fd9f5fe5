"""Name parts read under English, French, German and Polish transliteration habits.

The pairs are spellings that the lists themselves give for one person: OFAC's SDN list
of 2026-08-20 and the UK list of 2026-05 carry English, French and German spellings
of one Russian or Ukrainian name side by side.
"""

from __future__ import annotations

import pytest

from fullcourt.screening.tokens import TRANSLITERATION_SIMILARITY, token_similarity
from fullcourt.screening.transliteration import readings, same_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("tyurin", "tiourine"),  # SDN 23243: French "ou" and closing "e"
        ("tyurin", "tjurin"),  # SDN 23243: German "j"
        ("tyurin", "tyurine"),  # SDN 23243
        ("shevchuk", "chevtchouk"),  # SDN 34416: French "ch" and "tch"
        ("gotsanyuk", "gotsaniuk"),  # SDN 28344
        ("yuri", "jurij"),  # SDN 28344: German/Czech "Jurij"
        ("yuriy", "yury"),  # UK RUS0007
        ("yevgeniy", "evgeny"),  # UK LIB0071
        ("prigozhin", "prigojine"),  # French "j" for ж
        ("prigozhin", "prigoschin"),  # German "sch"
        ("kovalchuk", "kowalczuk"),  # Polish "cz" and "w"
        ("kovalchuk", "kowaltschuk"),  # German "tsch"
        ("shcherbakov", "chtcherbakov"),  # French "chtch" for щ
        ("khodorkovsky", "chodorkowski"),  # German "ch" for х
        ("yeltsin", "jelzin"),  # German "z" for ц
        ("sergeyev", "sergeev"),  # е after a vowel, with or without its y
        ("putin", "poutine"),
        ("mustafa", "mustapha"),
        ("jamal", "djamal"),
        ("vahidi", "wahidi"),
        ("peter", "pyotr"),  # an English form: SDN 18307, KOLBIN, Petr a.k.a. Peter, Pyotr
        ("peter", "petr"),  # SDN 17246, SAVCHENKO, Petr a.k.a. Peter
        ("eugene", "yevgeniy"),
        ("michael", "mikhail"),
        ("julia", "yuliya"),
        ("othman", "osman"),  # Arabic names as Persian and Turkish spell them: ث as s
        ("thuraya", "suraya"),
        ("dhakir", "zakir"),  # ذ as z
        ("qais", "ghais"),  # ق and غ alike
        ("artyom", "artem"),  # ё after a consonant: yo or e
        ("asarow", "azarov"),  # German s for з: SDN 16762, AZAROV, Mykola as Germans write it
        ("sjuganow", "zyuganov"),
        ("setschin", "sechin"),  # and an opening s for с: Igor Setschin, SDN's SECHIN
        ("sergej", "sergei"),
        ("korolyov", "korolev"),
    ],
)
def test_spellings_of_one_name_share_a_reading(a: str, b: str) -> None:
    assert same_name(a, b)
    assert token_similarity(a, b, korean=False, person=True) >= TRANSLITERATION_SIMILARITY


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ivanov", "ivanova"),  # another person's surname, not another spelling
        ("sergeev", "sergienko"),
        ("chen", "shen"),  # two Chinese surnames: pinyin rules decide, not habits
        ("chin", "shin"),  # and two Korean ones
        ("yuri", "yuli"),
        ("kovalchuk", "kovalenko"),
        ("michael", "mikhailov"),  # the English form is a given name, not a surname's stem
        ("john", "ivan"),  # equivalents English does not write for a Russian
        ("ruth", "russ"),  # a closing th is English, not the ث read as s
        ("keith", "keis"),
        ("mario", "mare"),  # a closing io is no ё
        ("sahir", "zahir"),  # German s for з only where the part shows the German habit
    ],
)
def test_different_names_do_not(a: str, b: str) -> None:
    assert not same_name(a, b)


def test_short_parts_and_syllables_have_no_reading() -> None:
    assert readings("ali") == frozenset()
    assert readings("chen") == frozenset()  # a pinyin syllable
    assert readings("jong") == frozenset()  # a Korean syllable
    assert readings("o'neil") == frozenset()  # not letters alone


def test_each_habit_reads_its_own_letters() -> None:
    # "ch" is English ч, French ш and German х: three readings of one token
    assert {"chodorkovski", "shodorkovski", "khodorkovski"} <= readings("chodorkowski")
