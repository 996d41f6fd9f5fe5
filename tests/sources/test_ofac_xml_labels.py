"""The label table and date spans shared by the two OFAC XML parsers."""

from __future__ import annotations

import pytest

from fullcourt.sources.ofac_xml_labels import (
    Target,
    imo_text,
    lookup,
    span_dates,
    written_dates,
)

LABELS = [
    # legacy idType with a trailing " -", enhanced feature type without it.
    ("Additional Sanctions Information -", Target("provisions", "provision", sanction=True)),
    ("Secondary sanctions risk:", Target("provisions", "provision", sanction=True)),
    # the enhanced reference table spells the vessel type feature in capitals.
    ("VESSEL TYPE", Target("type")),
    ("Vessel Registration Identification", Target("imoNumber", "imo")),
    ("Passport", Target("passportNumber")),
    # directive dates vary by directive; a prefix covers them all.
    ("Listing Date (EO 14024 Directive 2):", Target("provisions", "provision", sanction=True)),
    ("Organization Type:", Target("sector")),
    ("Shoe Registry", None),
]


@pytest.mark.parametrize(("label", "expected"), LABELS)
def test_lookup(label: str, expected: Target | None) -> None:
    assert lookup(label) == expected


SPANS = [
    # a single day.
    ("1990-10-17", "1990-10-17", ["1990-10-17"]),
    # the enhanced XML's way of writing DOB 1962.
    ("1962-01-01", "1962-12-31", ["1962"]),
    # "01 Jan 1953 to 31 Dec 1954": two whole years.
    ("1953-01-01", "1954-12-31", ["1953", "1954"]),
    # a whole month (Feb of a leap year).
    ("1984-02-01", "1984-02-29", ["1984-02"]),
    # an odd span keeps both ends.
    ("1960-03-05", "1960-07-01", ["1960-03-05", "1960-07-01"]),
    # a range too wide to enumerate keeps both ends.
    ("1900-01-01", "1960-12-31", ["1900-01-01", "1960-12-31"]),
]


@pytest.mark.parametrize(("begin", "end", "expected"), SPANS)
def test_span_dates(begin: str, end: str, expected: list[str]) -> None:
    assert span_dates(begin, end) == expected


WRITTEN = [
    ("14 Oct 1963", ["1963-10-14"]),  # consolidated.xml dateOfBirth
    ("1962", ["1962"]),
    ("01 Jan 1961 to 31 Dec 1962", ["1961", "1962"]),  # consolidated.xml dateOfBirth
    ("circa 1960", ["1960"]),
    ("not a date", []),
]


@pytest.mark.parametrize(("text", "expected"), WRITTEN)
def test_written_dates(text: str, expected: list[str]) -> None:
    assert written_dates(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("IMO 9615092", "9615092"), ("9615092", "9615092"), ("IMO: 123", "123")],
)
def test_imo_text(value: str, expected: str) -> None:
    assert imo_text(value) == expected
