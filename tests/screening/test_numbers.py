"""Numbers in names as digits, words and ordinals."""

import pytest

from fullcourt.screening.numbers import fold_numbers


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["brigade", "forty", "four"], ["brigade", "44"]),
        (["brigade", "fourty", "4"], ["brigade", "44"]),  # common misspelling, mixed form
        (["three", "percenters"], ["3", "percenters"]),
        (["1st", "international", "bank"], ["1", "international", "bank"]),
        (["first", "international", "bank"], ["1", "international", "bank"]),
        (["victory", "twenty"], ["victory", "20"]),  # a trailing tens word
        (["pyongyang"], ["pyongyang"]),
    ],
)
def test_fold_numbers(tokens: list[str], expected: list[str]) -> None:
    assert fold_numbers(tokens) == expected
