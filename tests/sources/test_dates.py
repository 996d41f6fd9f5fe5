"""Dates as the lists write them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fullcourt.sources.dates import parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08 Jan 1984", ["1984-01-08"]),  # OFAC remarks: DOB 08 Jan 1984
        ("Jan 1984", ["1984-01"]),  # month precision only
        ("29-Apr-2026", ["2026-04-29"]),  # UK report dates: dashes between parts
        ("circa 1960", ["1960"]),  # OFAC and UN approximate years
        ("1960 to 1962", ["1960", "1961", "1962"]),  # OFAC year ranges: any year agrees
        ("08/01/1984", ["1984-01-08"]),  # UK tables: day first
        ("1984-01-08", ["1984-01-08"]),
        ("1951-7-19", ["1951-07-19"]),  # ISO order without its zeros
        ("1951/07/19", ["1951-07-19"]),
        ("1960-1962", ["1960", "1961", "1962"]),  # a range, not a month
        ("2026-02-27T00:00:09.554Z", ["2026-02-27"]),  # UN dateGenerated timestamp
        ("1900 to 1990", []),  # a range this wide is no date of birth
        ("13/13/1984", []),
        ("unknown", []),
    ],
)
def test_parse_date(text: str, expected: list[str]) -> None:
    assert parse_date(text) == expected


@given(st.dates())
def test_iso_dates_round_trip(day: object) -> None:
    text = str(day)
    if 1800 <= int(text[:4]) <= 2099:
        assert parse_date(text) == [text]
