"""Ships' names as the lists and shipping records write them, reduced to the name.

A ship's name carries marks that are not the name: its type before it ("MV", "M/T"),
a number sign before its series number ("KUMUNSAN NO.3", "JI SONG No 6", "#6"), and,
in some records, the name it had before, in brackets ("NEW REGENT (ex-KUM UN SAN 3)").
Renamed ships are how designated vessels slip past a screen, so a former name in
brackets is screened as a name of the ship, not dropped.
"""

from __future__ import annotations

import re

# "MV", "M/V", "M.T.", "SS", "FV", "RV", "MY" before a ship's name say what kind of
# ship it is (motor vessel, tanker, steamship, fishing, research vessel, yacht), not
# which: customers write them, lists mostly do not. Only these: two letters that are
# no type mark may open the name itself ("FT ISLAND").
_TYPE_PREFIX = re.compile(
    r"^\s*(?:m\s*[./]?\s*[vtsy]|s\s*[./]?\s*[svy]|[fr]\s*[./]?\s*v)\b\.?\s*(?=\w)",
    re.IGNORECASE,
)
# "No.", "Nr", "#" before a series number: Chinese and Korean ships are often named so
_NUMBER_MARK = re.compile(r"(?:\b(?:no|nr|number)\b\.?|#)\s*(?=\d)", re.IGNORECASE)
_FORMER = re.compile(
    r"\(\s*(?:ex|formerly|f/k/a|fka|previously)\b[\s.:-]*([^()]+?)\s*\)", re.IGNORECASE
)


def strip_vessel_prefix(name: str) -> str:
    return _TYPE_PREFIX.sub("", name, count=1)


def vessel_names(name: str) -> list[str]:
    """The ship's name as screened, then any former names given in brackets."""
    former = [m.group(1) for m in _FORMER.finditer(name)]
    current = _FORMER.sub(" ", name).strip() or name
    names = [current, *former]
    return [" ".join(_NUMBER_MARK.sub(" ", strip_vessel_prefix(n)).split()) for n in names]
