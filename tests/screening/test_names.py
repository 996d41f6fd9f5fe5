"""Name comparison on the cases the field's matchers get wrong (see the screening issue)."""

from __future__ import annotations

import pytest

from fullcourt.screening.names import compare_names, spelled_by_prefixes
from fullcourt.screening.normalize import name_forms


def score(a: str, b: str, schema: str = "Person") -> float:
    result = compare_names(name_forms(a, schema), name_forms(b, schema), schema)
    return result.score if result else 0.0


@pytest.mark.parametrize(
    ("a", "b", "schema"),
    [
        ("김정은", "Kim Jong Un", "Person"),  # Hangul against the list's romanisation
        ("金正恩", "Kim Jong Un", "Person"),  # hanja read in Korean
        ("Ri Pyong Chol", "Ri Pyong-chol", "Person"),  # hyphenation
        ("Ri Pyong Chol", "Ri Pyongchol", "Person"),  # syllables run together
        ("Rhee Pyong Chol", "Ri Pyong Chol", "Person"),  # surname variants
        ("Kim Chong-un", "Kim Jong Un", "Person"),  # McCune-Reischauer
        ("Gim Jeong-eun", "Kim Jong Un", "Person"),  # Revised Romanisation
        ("CHONMASAN", "CHON MA SAN", "Vessel"),  # vessel names split differently
        ("KOMID", "Korea Mining Development Trading Corporation", "Organization"),  # acronym
        ("Jong Un KIM", "KIM, Jong Un", "Person"),  # list order against customer order
        ("Xi Jinping", "Hsi Chin-ping", "Person"),  # pinyin against Wade-Giles
        ("Boris Jonson", "Boris Johnson", "Person"),  # a slip
        (
            "Korea Mining Development Trading Corp",
            "KOREA MINING DEVELOPMENT TRADING CORP.",
            "Company",
        ),
    ],
)
def test_same_party(a: str, b: str, schema: str) -> None:
    assert score(a, b, schema) >= 0.8


@pytest.mark.parametrize(
    ("a", "b", "schema"),
    [
        ("Kim Jong Un", "Kim Jong Nam", "Person"),  # brothers: one syllable differs
        ("KIM, Jong Un", "KIM, Jong Man", "Person"),  # OFAC's tool scores this 100
        ("Kim Jong Un", "Kim Tong Un", "Person"),  # one letter, another syllable
        ("PAK YONG-CHUN", "PAK IL KYU", "Person"),  # shared surname only
        ("김종은", "김정은", "Person"),  # one Hangul syllable differs
        ("SALMAN BIN MUHAMMAD AL-RAWI", "MUHAMMAD BIN SALMAN AL-RAWI", "Person"),  # father/son
        ("C.B.A. Company", "A.B.C. Company", "Company"),  # abbreviation order
        ("Vita Klave", "Фуад Гулієв", "Person"),  # alike only in metaphone
        ("WALIJAN", "WALIJAN ABDUL GHAFOOR HAQQANI", "Person"),  # one shared word
    ],
)
def test_different_party(a: str, b: str, schema: str) -> None:
    assert score(a, b, schema) < 0.76


def test_explanation_names_the_parts() -> None:
    result = compare_names(
        name_forms("Kim Jong Un", "Person"), name_forms("Kim Jong Nam", "Person"), "Person"
    )
    assert result is not None
    assert ("kim", "kim", 1.0) in result.pairs
    assert result.unmatched_query == ("un",) and result.unmatched_candidate == ("nam",)


def test_spelled_by_prefixes() -> None:
    assert spelled_by_prefixes("komid", ("korea", "mining", "development", "trading")) == 3
    assert spelled_by_prefixes("pla", ("people", "liberation", "army")) == 3
    assert spelled_by_prefixes("xyz", ("korea", "mining")) == -1


@pytest.mark.parametrize(
    ("a", "b", "schema"),
    [
        ("ZU ZAG BONG 5", "ZU ZAG BONG 6", "Vessel"),  # sister ships of one fleet
        ("KKR Asian Fund III L.P.", "KKR Asian Fund IV L.P.", "Company"),  # fund vintages
    ],
)
def test_series_numbers_differ_but_stay_close(a: str, b: str, schema: str) -> None:
    result = compare_names(name_forms(a, schema), name_forms(b, schema), schema)
    assert result is not None and "series numbers differ" in result.notes
    assert 0.8 <= result.score < 1.0
