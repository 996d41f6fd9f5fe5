"""Example entities are checked and cleaned before anything is screened."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import HTTPException
from fastapi.exceptions import RequestValidationError

from fullcourt.api.models import EntityExample
from fullcourt.api.queries import SCREENABLE, prepare_query, screenable_schema
from fullcourt.api.settings import ApiSettings

SETTINGS = ApiSettings(max_string_length=1_000, max_values=50)


def prepare(schema: str, properties: dict[str, Any]) -> tuple[str, dict[str, list[str]]]:
    example = EntityExample.model_validate({"schema": schema, "properties": properties})
    return prepare_query("q1", example, SETTINGS)


def problems(schema: str, properties: dict[str, Any]) -> list[dict[str, Any]]:
    with pytest.raises(RequestValidationError) as caught:
        prepare(schema, properties)
    return list(caught.value.errors())


def refusal(schema: str, properties: dict[str, Any]) -> str:
    with pytest.raises(HTTPException) as caught:
        prepare(schema, properties)
    assert caught.value.status_code == 400
    return str(caught.value.detail)


def test_values_are_cleaned_as_the_lists_hold_them() -> None:
    schema, props = prepare(
        "Person",
        {
            "name": " Kim Jong Un ",  # a single string, as yente accepts
            "nationality": ["North Korea", "KP"],  # one country, twice
            "birthDate": ["1984-01-08", "1984"],
            "gender": ["m"],
        },
    )
    assert schema == "Person"
    assert props == {
        "name": ["Kim Jong Un"],
        "nationality": ["kp"],
        "birthDate": ["1984-01-08", "1984"],
        "gender": ["male"],
    }


def test_numbers_and_empty_values() -> None:
    assert prepare("Vessel", {"imoNumber": [7937317], "name": ["", "  "]}) == (
        "Vessel",
        {"imoNumber": ["7937317"]},
    )


def test_unknown_schema_and_property_are_named() -> None:
    assert refusal("Persn", {"name": ["x"]}).startswith("unknown schema 'Persn'; screenable")
    assert "cannot match a listed entity: schema 'Address'" in refusal("Address", {"full": ["x"]})
    assert refusal("Person", {"birthdate": ["1984"]}) == (
        "queries.q1: schema Person has no property 'birthdate'"
    )


def test_screenable_schemata() -> None:
    assert {"Thing", "Person", "Company", "LegalEntity", "Vessel", "Airplane"} <= set(SCREENABLE)
    assert "Sanction" not in SCREENABLE
    assert screenable_schema("Thing").name == "Thing"


def test_too_long_a_value_names_the_limit_and_the_field() -> None:
    (problem,) = problems("Person", {"name": ["Kim", "x" * 2_000]})
    assert problem["loc"] == ("body", "queries", "q1", "properties", "name", 1)
    assert "2000 characters; the limit is 1000 characters" in problem["msg"]
    assert "FULLCOURT_MAX_STRING_LENGTH" in problem["msg"]


def test_too_many_values_names_the_limit() -> None:
    (problem,) = problems("Person", {"alias": [f"name {i}" for i in range(51)]})
    assert problem["loc"] == ("body", "queries", "q1", "properties", "alias")
    assert problem["msg"] == (
        "51 values for alias; the limit is 50 per property (FULLCOURT_MAX_VALUES)"
    )


def test_unreadable_typed_values_are_refused_not_dropped() -> None:
    found = problems("Person", {"birthDate": ["08/01/1984"], "nationality": ["Narnia"]})
    assert [p["msg"] for p in found] == [
        "'08/01/1984' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD",
        "'Narnia' is not a country name or ISO 3166 code",
    ]


def test_a_date_keeps_the_part_that_can_be_read() -> None:
    # a day or month out of range is a slip: the month or year still tells people apart
    _, props = prepare("Person", {"name": ["Kim"], "birthDate": ["1974-01-32", "1966-13-01"]})
    assert props["birthDate"] == ["1974-01", "1966"]


def test_a_query_needs_a_value() -> None:
    (problem,) = problems("Person", {"name": [""]})
    assert problem["msg"] == "a query needs at least one property value"
