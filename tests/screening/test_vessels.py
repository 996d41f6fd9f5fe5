"""Ships' names reduced to the name: type prefixes, number marks, former names."""

from __future__ import annotations

import pytest

from fullcourt.screening.names import compare_names
from fullcourt.screening.normalize import name_forms
from fullcourt.screening.vessels import strip_vessel_prefix, vessel_names


def score(a: str, b: str) -> float:
    result = compare_names(name_forms(a, "Vessel"), name_forms(b, "Vessel"), "Vessel")
    return result.score if result else 0.0


@pytest.mark.parametrize(
    ("written", "names"),
    [
        ("M/V CHON MA SAN", ["CHON MA SAN"]),
        ("KUMUNSAN NO.3", ["KUMUNSAN 3"]),
        ("JI SONG No 6", ["JI SONG 6"]),
        ("JI SONG #6", ["JI SONG 6"]),
        ("NEW REGENT (ex-KUM UN SAN 3)", ["NEW REGENT", "KUM UN SAN 3"]),
        ("NEW REGENT (formerly KUM UN SAN NO. 3)", ["NEW REGENT", "KUM UN SAN 3"]),
        ("NOBLE 3", ["NOBLE 3"]),  # "no" inside a word is the name's
    ],
)
def test_vessel_names(written: str, names: list[str]) -> None:
    assert vessel_names(written) == names


def test_type_prefix() -> None:
    assert strip_vessel_prefix("MT Yu Jong 2") == "Yu Jong 2"
    assert strip_vessel_prefix("MASAN") == "MASAN"
    assert strip_vessel_prefix("M/V Sea Star") == "Sea Star"
    assert strip_vessel_prefix("FV Ocean") == "Ocean"
    # two letters that mark no type of ship are the name's own: FT ISLAND is not ISLAND
    assert strip_vessel_prefix("FT ISLAND") == "FT ISLAND"
    assert strip_vessel_prefix("ST ANDREWS") == "ST ANDREWS"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("KUM UN SAN 3", "KUMUNSAN NO.3"),  # spacing and the number mark at once
        ("RYE SONG GANG 1", "RYESONGGANG NO.1"),
        ("KUM UN SAN 3", "NEW REGENT (ex-KUM UN SAN 3)"),  # screened under its old name
    ],
)
def test_one_ship(a: str, b: str) -> None:
    assert score(a, b) >= 0.95
