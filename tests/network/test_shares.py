"""Percentage texts read as ranges, with exact arithmetic."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fullcourt.network.shares import UNKNOWN, ShareRange, combine, parse_share


def r(low: float, high: float, low_open: bool = False, high_open: bool = False) -> ShareRange:
    return ShareRange(Fraction(str(low)), Fraction(str(high)), low_open, high_open)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("51%", r(51, 51)),
        ("51", r(51, 51)),  # no sign: a percentage
        ("51.5 %", r(51.5, 51.5)),
        ("12,5%", r(12.5, 12.5)),  # decimal comma
        ("1/3", ShareRange(Fraction(100, 3), Fraction(100, 3))),  # exact: three thirds make 100
        ("0.5", r(0.5, 50)),  # half a percent or one half: the decision must not guess
        ("1.0", r(1, 100)),
        ("1", r(1, 1)),  # an integer is a percentage
        ("25-50%", r(25, 50)),
        ("25 % to 50 %", r(25, 50)),
        ("ownership-of-shares-25-to-50-percent", r(25, 50, low_open=True)),  # UK PSC band
        ("ownership-of-shares-more-than-25-percent-as-trust", r(25, 100, low_open=True)),
        (">25%", r(25, 100, low_open=True)),
        ("more than 50 percent", r(50, 100, low_open=True)),
        (">=25%", r(25, 100)),
        ("25% or more", r(25, 100)),
        ("at least 50%", r(50, 100)),
        ("<25%", r(0, 25, high_open=True)),
        ("up to 49%", r(0, 49)),
        ("majority", r(50, 100, low_open=True)),
        ("Majority-owned", r(50, 100, low_open=True)),
        ("minority", r(0, 50, high_open=True)),
        ("wholly-owned", r(100, 100)),
        ("about 50%", r(45, 55)),  # a 10% relative margin
        ("", UNKNOWN),
        (None, UNKNOWN),
        ("150%", UNKNOWN),  # over 100: not a share
        ("shares", UNKNOWN),
    ],
)
def test_parse_share(text: str | None, expected: ShareRange) -> None:
    assert parse_share(text) == expected


def test_str() -> None:
    assert str(parse_share("51%")) == "51%"
    assert str(parse_share(">25%")) == "(25%, 100%]"
    assert str(parse_share("1/3")) == "33.33%"


def test_combine_narrows_agreement_and_widens_conflict() -> None:
    assert combine([UNKNOWN, r(51, 51)]) == r(51, 51)  # one record says nothing
    assert combine([r(25, 50), r(40, 60)]) == r(40, 50)
    assert combine([r(30, 30), r(51, 51)]) == r(30, 51)  # two lists disagree
    assert combine([r(50, 100, low_open=True), r(50, 60)]) == r(50, 60, low_open=True)
    # "majority" and "50%" touch only at the 50 that "majority" leaves out: they conflict
    assert combine([r(50, 50), r(50, 100, low_open=True)]) == r(50, 100)


ranges = st.builds(
    lambda a, b, lo, ho: ShareRange(
        Fraction(min(a, b)), Fraction(max(a, b)), lo and a != b, ho and a != b
    ),
    st.integers(0, 100),
    st.integers(0, 100),
    st.booleans(),
    st.booleans(),
)


@given(st.text(max_size=30))
def test_any_text_gives_a_range_within_0_and_100(text: str) -> None:
    found = parse_share(text)
    assert 0 <= found.low <= found.high <= 100


@given(st.lists(ranges, min_size=1, max_size=4))
def test_combine_stays_within_the_hull(found: list[ShareRange]) -> None:
    result = combine(found)
    assert min(x.low for x in found) <= result.low <= result.high <= max(x.high for x in found)


@given(ranges, ranges)
def test_sum_adds_bounds(a: ShareRange, b: ShareRange) -> None:
    total = a + b
    assert (total.low, total.high) == (a.low + b.low, a.high + b.high)
    assert total.low_open == (a.low_open or b.low_open)
