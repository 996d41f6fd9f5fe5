"""Identifier checks: IMO check digits, ship station MMSIs, the digits of labelled fields."""

from __future__ import annotations

from fullcourt.model.identifiers import is_valid_imo, is_valid_mmsi, number_digits


def test_number_digits_however_labelled() -> None:
    assert number_digits("IMO No. 8660313") == "8660313"  # CHON MA SAN, SDN
    assert number_digits("MMSI: 445 123 000") == "445123000"


def test_imo_check_digit() -> None:
    assert is_valid_imo("IMO 8660313")
    assert not is_valid_imo("8660314")  # the last digit disagrees with the weighted sum


def test_mmsi_of_a_ship_station() -> None:
    assert is_valid_mmsi("445123000")
    assert not is_valid_mmsi("111123000")  # 111: search-and-rescue aircraft, not a ship
