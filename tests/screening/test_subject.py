"""Screening features of queries and list records."""

import pytest

from fullcourt.screening.score import score_subject
from fullcourt.screening.subject import (
    can_match,
    identifier_keys,
    make_subject,
    merge_props,
    normalize_identifier,
)


def test_identifiers_by_kind() -> None:
    subject = make_subject(
        "Vessel", {"name": ["CHON MA SAN"], "imoNumber": ["IMO 8660313", "1234568"]}
    )
    # the invalid IMO is no identity evidence; the valid one is kept without its prefix
    assert subject.identifiers == {"imo": frozenset({"8660313"})}


def test_names_from_parts_and_weights() -> None:
    subject = make_subject(
        "Person", {"firstName": ["Jong Un"], "lastName": ["KIM"], "weakAlias": ["Jong"]}
    )
    names = {name: weight for name, weight, _ in subject.names}
    assert names == {"Jong Un KIM": 1.0, "Jong": 0.9}


def test_normalize_identifier() -> None:
    assert normalize_identifier("passport", "pd 472-220-033") == "PD472220033"
    assert normalize_identifier("bic", "KKBC KP PY XXX") == "KKBCKPPY"  # branch dropped
    assert normalize_identifier("imo", "7937318") is None
    # however the field labels the number
    assert normalize_identifier("imo", "IMO No. 8660313") == "8660313"
    assert normalize_identifier("imo", "IMO Number: 8660313") == "8660313"
    assert normalize_identifier("mmsi", "MMSI: 445 123 000") == "445123000"
    assert normalize_identifier("mmsi", "44512300") is None  # eight digits: no MMSI


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("UK Company no. 06527449", "06527449"),  # the UK list's BNK (UK) Ltd
        ("TIN: 7703436139", "7703436139"),
        ("1037739635890 (Russia)", "1037739635890"),
        ("1067746244026 dated 27/07/1992", "1067746244026"),
    ],
)
def test_a_labelled_number_is_also_the_number_alone(written: str, number: str) -> None:
    assert number in identifier_keys("registration", written)


@pytest.mark.parametrize(
    "written",
    [
        "PD836410105",  # letters joined to the digits are part of the number
        "27/07/1992",  # a date's parts are short runs
        "BY100104937",
    ],
)
def test_no_number_is_cut_out_of_a_code(written: str) -> None:
    assert identifier_keys("passport", written) == {normalize_identifier("passport", written)}


def test_a_customer_s_bare_number_meets_the_list_s_labelled_one() -> None:
    listed = make_subject(
        "Company", {"name": ["BNK (UK) Ltd"], "registrationNumber": ["UK Company no. 06527449"]}
    )
    query = make_subject(
        "Company", {"name": ["BNK UK Limited"], "registrationNumber": ["06527449"]}
    )
    features = {f.name for f in score_subject(query, listed).features}
    assert "identifier_registration" in features
    other = make_subject(
        "Company", {"name": ["BNK UK Limited"], "registrationNumber": ["06527448"]}
    )
    assert "identifier_registration_conflict" in {
        f.name for f in score_subject(other, listed).features
    }


def test_schema_compatibility() -> None:
    assert can_match("LegalEntity", "Person") and can_match("Company", "Organization")
    assert not can_match("Person", "Vessel")


def test_merge_props_keeps_order_without_repeats() -> None:
    assert merge_props([{"name": ["A", "B"]}, {"name": ["B", "C"]}]) == {"name": ["A", "B", "C"]}


def test_parts_of_one_name_keep_their_middle() -> None:
    subject = make_subject(
        "Person", {"firstName": ["Abdul"], "middleName": ["Jabbar"], "lastName": ["Omari"]}
    )
    assert [name for name, _, _ in subject.names] == ["Abdul Jabbar Omari"]
    listed = make_subject(
        "Person",
        {"name": ["Ghassan Jaoudat ISMAIL"], "firstName": ["Ghassan"], "lastName": ["Ismail"]},
    )
    assert [name for name, _, _ in listed.names] == ["Ghassan Jaoudat ISMAIL"]
    spelled = make_subject("Person", {"firstName": ["Yuri", "Yuriy"], "lastName": ["Kovalchuk"]})
    assert sorted(name for name, _, _ in spelled.names) == ["Yuri Kovalchuk", "Yuriy Kovalchuk"]
