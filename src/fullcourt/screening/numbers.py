"""Numbers written as words, digits or ordinals read as one token.

Armed groups, funds and ships carry numbers that lists and customers write differently
("Brigade 44", "Brigade Forty-Four", "1st International Bank", "First International
Bank"). Written numbers are turned into digits so that each variant becomes the same
token.
"""

from __future__ import annotations

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")


def _ordinal_digits(token: str) -> str | None:
    for suffix in _ORDINAL_SUFFIXES:
        stem = token.removesuffix(suffix)
        if stem != token and stem.isdigit():
            return stem
    return None


def fold_numbers(tokens: list[str]) -> list[str]:
    """Tokens with number words and ordinals replaced by digits; tens+unit pairs joined."""
    out: list[str] = []
    pending_tens: int | None = None
    for token in tokens:
        if pending_tens is not None:
            if token in UNITS and 0 < UNITS[token] < 10:
                out.append(str(pending_tens + UNITS[token]))
                pending_tens = None
                continue
            if token.isdigit() and len(token) == 1:
                out.append(str(pending_tens + int(token)))
                pending_tens = None
                continue
            out.append(str(pending_tens))
            pending_tens = None
        if token in TENS:
            pending_tens = TENS[token]
        elif token in UNITS:
            out.append(str(UNITS[token]))
        elif token in ORDINALS:
            out.append(str(ORDINALS[token]))
        elif (digits := _ordinal_digits(token)) is not None:
            out.append(digits)
        else:
            out.append(token)
    if pending_tens is not None:
        out.append(str(pending_tens))
    return out
