"""Features beyond the name: identifiers decide, dates and countries adjust."""

from __future__ import annotations

import pytest

from fullcourt.screening.score import DEFAULT_THRESHOLD, score_subject
from fullcourt.screening.subject import make_subject

LISTED_VESSEL = make_subject(
    "Vessel", {"name": ["CHON MA SAN"], "imoNumber": ["8660313"], "flag": ["kp"]}
)
LISTED_PERSON = make_subject(
    "Person", {"name": ["KIM Jong Un"], "birthDate": ["1984-01-08"], "nationality": ["kp"]}
)


def test_same_imo_is_a_hit_whatever_the_name() -> None:
    # a renamed ship keeps its IMO number
    result = score_subject(
        make_subject("Vessel", {"name": ["NEW NAME"], "imoNumber": ["IMO 8660313"]}), LISTED_VESSEL
    )
    assert result.score >= 0.99
    assert any(f.name == "identifier_imo" for f in result.features)


def test_conflicting_imo_pulls_down() -> None:
    query = make_subject("Vessel", {"name": ["CHON MA SAN"], "imoNumber": ["9313929"]})
    result = score_subject(query, LISTED_VESSEL)
    assert result.score < DEFAULT_THRESHOLD
    assert "identifier_imo_conflict" in {f.name for f in result.features}


def test_dates_of_birth() -> None:
    agree = score_subject(
        make_subject("Person", {"name": ["Kim Jong Un"], "birthDate": ["1984"]}), LISTED_PERSON
    )
    differ = score_subject(
        make_subject("Person", {"name": ["Kim Jong Un"], "birthDate": ["1961-05-02"]}),
        LISTED_PERSON,
    )
    plain = score_subject(make_subject("Person", {"name": ["Kim Jong Un"]}), LISTED_PERSON)
    assert differ.score < plain.score <= agree.score
    assert any("dates of birth differ" in f.detail for f in differ.features)


@pytest.mark.parametrize(
    ("query", "listed", "effect"),
    [
        ("1963", "1962", 0.0),  # a year alone is an estimate: a year off is no evidence
        ("1963-04-07", "1962", 0.0),
        ("1963-04-07", "1962-04-07", 0.0),  # one part apart: as likely a slip
        ("1962-11-01", "1962-10-01", 0.0),
        ("1962-7-19", "1962-07-19", 0.03),  # one date, however written
        ("1962-04-17", "1962-01-01", 0.0),  # the 1 January lists write for a year
        ("1963-05-07", "1962-04-07", -0.1),  # two parts apart, a year or less
        ("1970", "1962", -0.25),
    ],
)
def test_dates_of_birth_near_and_apart(query: str, listed: str, effect: float) -> None:
    # UN TAi.070 is listed as born in 1961, 1962, 1966 or 1970
    person = make_subject("Person", {"name": ["Atiqullah Wali Mohammad"], "birthDate": [listed]})
    asked = make_subject("Person", {"name": ["Atiqullah Wali Mohammad"], "birthDate": [query]})
    result = score_subject(asked, person)
    dates = [f for f in result.features if f.name.startswith("dob")]
    assert [f.score for f in dates] == [effect]
    assert result.score == pytest.approx(min(1.0, 1.0 + effect))


def test_explanation_carries_the_matched_names() -> None:
    result = score_subject(make_subject("Person", {"name": ["Kim Jong-un"]}), LISTED_PERSON)
    assert result.matched_name == ("Kim Jong-un", "KIM Jong Un")
    (name,) = [f for f in result.features if f.name == "name"]
    assert "kim jong un" in name.detail
