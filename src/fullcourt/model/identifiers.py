"""Identifier checks: which values in an entity are malformed.

Sanctions lists contain identifiers that fail their own check digits (typos in the
publication, or the false IMO a ship really broadcast). Such a value is evidence and
must stay in the store as text; it is flagged here so that analyses can tell a
verified identifier from a transcribed one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rigour.ids import BIC, IMO

from fullcourt.model.entity import Entity

_DIGITS_RE = re.compile(r"\D")

# Maritime Identification Digits for ships are 201-775 (ITU-R M.585); other leading
# digits mark coast stations, aircraft, AIS-SART or group calls, not a ship station.
_MID_RANGE = range(201, 776)


def number_digits(value: str) -> str:
    """The digits of a ship's number however the field labels it ("IMO No. 1234567",
    "MMSI: 445 123 000")."""
    return _DIGITS_RE.sub("", value)


def imo_digits(value: str) -> str:
    """The seven digits of an IMO number written as ``IMO 1234567`` or ``1234567``."""
    return number_digits(value)


def is_valid_imo(value: str) -> bool:
    """Seven digits whose weighted sum (7..2) ends in the seventh digit."""
    digits = imo_digits(value)
    return len(digits) == 7 and IMO.is_valid(digits)


def is_valid_mmsi(value: str) -> bool:
    """Nine digits starting with a ship-station MID."""
    digits = value.strip()
    return len(digits) == 9 and digits.isdigit() and int(digits[:3]) in _MID_RANGE


def is_valid_bic(value: str) -> bool:
    return BIC.is_valid(value.replace(" ", ""))


CHECKS: dict[str, Callable[[str], bool]] = {
    "imoNumber": is_valid_imo,
    "mmsi": is_valid_mmsi,
    "swiftBic": is_valid_bic,
}


@dataclass(frozen=True, slots=True)
class IdentifierFlag:
    """A value kept as text that failed the check for its kind."""

    entity_id: str
    prop: str
    value: str
    reason: str


def flag_identifiers(entity: Entity) -> Iterator[IdentifierFlag]:
    """Every identifier value of ``entity`` that fails its check."""
    for prop, check in CHECKS.items():
        if prop not in entity.schema.properties:
            continue
        for value in entity.get(prop):
            if not check(value):
                yield IdentifierFlag(str(entity.id), prop, value, f"invalid {prop}")
