"""Countries inside organisations' names, read as one token.

The names are how the lists write them: the UN and EU lists say "Democratic People's
Republic of Korea" or "DPRK", OFAC "North Korea", and the EU annex "Korea, North" in
its country fields.
"""

from __future__ import annotations

import pytest

from fullcourt.screening.names import compare_names
from fullcourt.screening.normalize import name_forms
from fullcourt.screening.places import (
    country_phrases,
    one_token_countries,
    phrase_tokens,
    place_words,
)


def tokens(name: str) -> tuple[str, ...]:
    return name_forms(name, "Organization")[0].tokens


def score(a: str, b: str) -> float:
    result = compare_names(name_forms(a, "Company"), name_forms(b, "Company"), "Company")
    return result.score if result else 0.0


def test_the_table_comes_from_rigour() -> None:
    phrases = country_phrases()
    assert phrases[("dprk",)] == "northkorea"
    assert phrases[("democratic", "peoples", "republic", "of", "korea")] == "northkorea"
    assert phrases[("korea", "north")] == "northkorea"
    assert phrases[("republic", "of", "korea")] == "southkorea"
    assert phrases[("russian", "federation")] == "russia"
    assert phrases[("islamic", "republic", "of", "iran")] == "iran"


@pytest.mark.parametrize(
    "name",
    [
        "Foreign Trade Bank of the DPRK",
        "Foreign Trade Bank of North Korea",
        "Foreign Trade Bank of the Democratic People's Republic of Korea",
        "Foreign Trade Bank of Korea, Democratic People's Republic of",
    ],
)
def test_every_spelling_of_one_country_is_one_token(name: str) -> None:
    assert tokens(name) == ("foreign", "trade", "bank", "northkorea")


def test_the_longest_phrase_wins() -> None:
    # "Republic of Korea" (the South) closes "Democratic People's Republic of Korea"
    assert one_token_countries(["democratic", "peoples", "republic", "of", "korea"]) == [
        "northkorea"
    ]
    assert one_token_countries(["bank", "of", "the", "republic", "of", "korea"]) == [
        "bank",
        "of",
        "southkorea",
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Embassy of North Korea", "Embassy of the DPRK"),
        ("Central Bank of Russia", "Central Bank of the Russian Federation"),
        ("Islamic Republic of Iran Shipping Lines", "Iran Shipping Lines"),
    ],
)
def test_one_organisation_under_two_spellings_of_its_country(a: str, b: str) -> None:
    assert score(a, b) >= 0.9


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bank of North Korea", "Bank of South Korea"),
        ("Bank Rossiya", "Bank of Russia"),  # a one-word name of its own stays as written
        ("Car Rental Trading", "Central African Republic Trading"),
    ],
)
def test_different_countries_stay_apart(a: str, b: str) -> None:
    assert score(a, b) < 0.8


def test_people_keep_their_names() -> None:
    assert name_forms("Jordan Chad", "Person")[0].tokens == ("jordan", "chad")
    assert name_forms("Usa Ali", "Person")[0].tokens == ("usa", "ali")


def test_phrase_tokens_join_initials() -> None:
    assert phrase_tokens("U.S.A.") == ("usa",)
    assert phrase_tokens("The Gambia") == ("gambia",)


def test_a_closing_country_is_still_a_place() -> None:
    assert {"northkorea", "russia", "mexico"} <= place_words()
    assert name_forms("Faberlic Northkorea", "Company")[0].qualifier == "northkorea"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the EU's Chinese name of an OFAC-listed company and OFAC's spelling
        ("華信船務(香港)有限公司", "HUAXIN SHIPPING HONGKONG LTD"),
        ("Huaxin Shipping (Hong Kong) Limited", "HUAXIN SHIPPING HONGKONG LTD"),
        ("Korea Kwangson Banking Corp NorthKorea", "Korea Kwangson Banking Corp, North Korea"),
    ],
)
def test_a_country_written_as_one_word_is_that_country(a: str, b: str) -> None:
    assert score(a, b) >= 0.95


def test_run_together_initials_and_articles_are_not_countries() -> None:
    phrases = country_phrases()
    assert phrases[("hongkong",)] == phrases[("hong", "kong")]
    assert ("us",) not in phrases  # "U.S." run together is the pronoun
    assert ("aliran",) not in phrases  # "Al Iran" run together is a word of its own


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the EU annex's name for the body OFAC lists as
        (
            "Maritime Administration of DPR Korea",
            "MARITIME ADMINISTRATION OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA",
        ),
        ("Foreign Trade Bank of D.P.R. Korea", "Foreign Trade Bank of North Korea"),
        (  # SDN
            "Ministry of Public Security Institute of Forensic Science of the PRC",
            "MINISTRY OF PUBLIC SECURITY INSTITUTE OF FORENSIC SCIENCE OF CHINA",
        ),
    ],
)
def test_short_forms_that_rigour_lacks(a: str, b: str) -> None:
    assert score(a, b) >= 0.95


def test_short_forms_keep_their_countries_apart() -> None:
    assert country_phrases()[("rok",)] == "southkorea"
    assert score("Bank of ROK", "Bank of DPR Korea") < 0.8
