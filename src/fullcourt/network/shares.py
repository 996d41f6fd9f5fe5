"""Ownership percentages as lists and registers write them, read as ranges.

A share is rarely one number: registers give bands ("25-50%", PSC's "more than 25%
but not more than 50%"), lists say "majority", many records say nothing. Every text
becomes a range [low, high] in percent with open or closed ends, so that the 50% rule
can tell "certainly meets the threshold" from "might". Arithmetic is exact (fractions):
25% + 25% is 50%, never 49.999...

Readings, decided here once:
- empty or unreadable text: [0, 100], nothing known;
- "51%", "51", "51.5 %", "12,5%", "1/3": that value;
- a bare number in (0, 1] with a decimal point and no "%" ("0.5") is ambiguous between
  a fraction and a percentage: [0.5, 50], so a decision never rests on the guess;
- "25-50%", "25 to 50%": [25, 50]; PSC bands "ownership-of-shares-25-to-50-percent":
  (25, 50], as the register defines them;
- ">25%", "more than 25%", "over 25%": (25, 100]; ">=25%", "at least 25%", "25% or more": [25, 100];
- "<25%", "less than 25%": [0, 25); "up to 25%", "<=25%": [0, 25];
- "majority": (50, 100]; "minority": [0, 50); "wholly owned", "sole": [100, 100];
- "about 50%", "approx. 50%", "~50%": [45, 55], a 10% relative margin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

HUNDRED = Fraction(100)
_NUM = r"(\d+(?:[.,]\d+)?(?:/\d+)?)"


@dataclass(frozen=True, slots=True)
class ShareRange:
    """A share in percent between ``low`` and ``high``; an open end excludes its bound."""

    low: Fraction
    high: Fraction
    low_open: bool = False
    high_open: bool = False
    known: bool = True  # False when the text said nothing usable

    def __add__(self, other: ShareRange) -> ShareRange:
        return ShareRange(
            self.low + other.low,
            self.high + other.high,
            self.low_open or other.low_open,
            self.high_open or other.high_open,
            self.known and other.known,
        )

    @property
    def exact(self) -> bool:
        return self.low == self.high and not (self.low_open or self.high_open)

    def __str__(self) -> str:
        if self.exact:
            return f"{_fmt(self.low)}%"
        left, right = "(" if self.low_open else "[", ")" if self.high_open else "]"
        return f"{left}{_fmt(self.low)}%, {_fmt(self.high)}%{right}"


def _fmt(value: Fraction) -> str:
    return str(int(value)) if value.denominator == 1 else f"{float(value):.4g}"


NOTHING = ShareRange(Fraction(0), Fraction(0))
UNKNOWN = ShareRange(Fraction(0), HUNDRED, known=False)
WHOLE = ShareRange(HUNDRED, HUNDRED)


def _number(text: str) -> Fraction:
    if "/" in text:
        num, den = text.split("/")
        return Fraction(num) / Fraction(den) * 100
    return Fraction(text.replace(",", "."))


def _range(
    low: Fraction, high: Fraction, low_open: bool = False, high_open: bool = False
) -> ShareRange:
    if not (0 <= low <= high <= HUNDRED):
        return UNKNOWN
    return ShareRange(low, high, low_open, high_open)


WORDS: dict[str, ShareRange] = {
    "majority": ShareRange(Fraction(50), HUNDRED, low_open=True),
    "majority owned": ShareRange(Fraction(50), HUNDRED, low_open=True),
    "minority": ShareRange(Fraction(0), Fraction(50), high_open=True),
    "wholly owned": WHOLE,
    "sole": WHOLE,
    "sole owner": WHOLE,
    "full": WHOLE,
}
# (pattern, build) in order; the number groups are percentages unless said otherwise
_AT_LEAST = re.compile(rf"^(?:>=|≥|at least|not less than|minimum|min\.?)\s*{_NUM}\s*%?$")
_OR_MORE = re.compile(rf"^{_NUM}\s*%?\s*(?:\+|or more|and above|or greater|and more)$")
_MORE = re.compile(rf"^(?:>|more than|over|above|greater than|in excess of)\s*{_NUM}\s*%?$")
_AT_MOST = re.compile(rf"^(?:<=|≤|up to|at most|not more than|maximum|max\.?)\s*{_NUM}\s*%?$")
_LESS = re.compile(rf"^(?:<|less than|under|below)\s*{_NUM}\s*%?$")
_BAND = re.compile(rf"^{_NUM}\s*%?\s*(?:-|–|to)\s*{_NUM}\s*%?$")
_PSC = re.compile(r"ownership-of-shares-(\d+)-to-(\d+)-percent")
_PSC_MORE = re.compile(r"ownership-of-shares-more-than-(\d+)-percent")
_ABOUT = re.compile(rf"^(?:about|approx\.?|approximately|around|circa|ca\.?|~)\s*{_NUM}\s*%?$")
_VALUE = re.compile(rf"^{_NUM}\s*(%?)$")


def parse_share(text: str | None) -> ShareRange:
    """The range a percentage text allows (see the module docstring for each form)."""
    try:
        return _parse_share(text)
    except ZeroDivisionError:  # "0/0", "1/0": no share can be read from it
        return UNKNOWN


def _parse_share(text: str | None) -> ShareRange:
    clean = re.sub(r"\s+", " ", (text or "").strip().lower())
    if found := _PSC.search(clean):
        return _range(Fraction(found[1]), Fraction(found[2]), low_open=True)
    if found := _PSC_MORE.search(clean):
        return _range(Fraction(found[1]), HUNDRED, low_open=True)
    clean = clean.replace("percent", "%").replace("-owned", " owned")
    if clean in WORDS:
        return WORDS[clean]
    if found := _AT_LEAST.match(clean) or _OR_MORE.match(clean):
        return _range(_number(found[1]), HUNDRED)
    if found := _MORE.match(clean):
        return _range(_number(found[1]), HUNDRED, low_open=True)
    if found := _AT_MOST.match(clean):
        return _range(Fraction(0), _number(found[1]))
    if found := _LESS.match(clean):
        return _range(Fraction(0), _number(found[1]), high_open=True)
    if found := _BAND.match(clean):
        return _range(_number(found[1]), _number(found[2]))
    if found := _ABOUT.match(clean):
        value = _number(found[1])
        return _range(value * Fraction(9, 10), min(HUNDRED, value * Fraction(11, 10)))
    if found := _VALUE.match(clean):
        value = _number(found[1])
        if not found[2] and "." in found[1] and 0 < value <= 1:
            return _range(value, value * 100)  # "0.5": half a percent or one half
        return _range(value, value)
    return UNKNOWN


def combine(ranges: list[ShareRange]) -> ShareRange:
    """One owner's stake in one asset stated by several records.

    Records that agree narrow the range (an unknown and a "51%" give 51%); records
    that contradict each other ("30%" and "51%") give the hull, so the conflict shows
    up as uncertainty rather than as one source silently winning.
    """
    result = ranges[0]
    for other in ranges[1:]:
        low, high = max(result.low, other.low), min(result.high, other.high)
        low_open = (result.low_open and result.low == low) or (other.low_open and other.low == low)
        high_open = (result.high_open and result.high == high) or (
            other.high_open and other.high == high
        )
        # "50%" and "a majority" meet only at a bound one of them leaves out: no overlap
        if low < high or (low == high and not low_open and not high_open):
            result = ShareRange(low, high, low_open, high_open, result.known or other.known)
        else:
            result = ShareRange(
                min(result.low, other.low), max(result.high, other.high), False, False, True
            )
    return result
