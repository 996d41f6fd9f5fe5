"""What is compared: a query or a list entity reduced to its screening features.

Both sides go through the same reduction so that every comparison is like with like:
names (with their comparable forms), identifiers by kind (normalised), dates of birth,
countries and gender. A list entity also keeps where it comes from (datasets, list
records) for the explanation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from followthemoney import model

from fullcourt.model.identifiers import is_valid_imo, number_digits
from fullcourt.screening.normalize import NameForm, name_forms
from fullcourt.sources.dates import parse_date

# Name properties and how much a match on each counts: a weak alias ("low quality
# a.k.a." on the UN list) is evidence, but weaker than a primary name.
NAME_PROPS: dict[str, float] = {
    "name": 1.0,
    "alias": 1.0,
    "previousName": 0.97,  # former names of ships and companies: evasion reuses them
    "weakAlias": 0.9,
    "abbreviation": 0.95,
}
# Identifier kinds, and the FtM properties that carry each.
IDENTIFIER_PROPS: dict[str, tuple[str, ...]] = {
    "imo": ("imoNumber",),
    "mmsi": ("mmsi",),
    "passport": ("passportNumber",),
    "registration": ("registrationNumber", "ogrnCode", "innCode", "leiCode"),
    "tax": ("taxNumber", "vatCode"),
    "bic": ("swiftBic", "bikCode"),
    "national_id": ("idNumber",),
    "call_sign": ("callSign",),
}
STRONG_IDENTIFIERS = frozenset({"imo", "mmsi", "passport", "registration", "tax", "bic"})
_NON_ALNUM = re.compile(r"[^0-9A-Z]")


def normalize_identifier(kind: str, value: str) -> str | None:
    if kind in ("imo", "mmsi"):
        digits = number_digits(value)  # an IMO number carries its own check digit
        if kind == "imo":
            return digits if is_valid_imo(digits) else None
        return digits if len(digits) == 9 else None
    text = _NON_ALNUM.sub("", value.upper())
    if kind == "bic":
        return text[:8] if len(text) in (8, 11) else None  # branch code is not identity
    return text if len(text) >= 4 else None


# Numbers that lists write inside a label or beside a country ("UK Company no.
# 06527449", "TIN: 7703436139", "1037739635890 (Russia)"), where a customer file
# gives the number alone. Runs of seven digits or more, standing apart: shorter ones
# are dates and serials that many registers share, and letters joined to the digits
# are part of the number (passport PD836410105 is not PS836410105).
_DIGIT_RUN = re.compile(r"(?<![A-Za-z0-9])\d{7,}(?![A-Za-z0-9])")
_LABELLED_KINDS = frozenset({"passport", "registration", "tax", "national_id"})


def identifier_keys(kind: str, value: str) -> set[str]:
    """The keys an identifier is compared by: the whole value normalised and, for the
    kinds lists write with labels, each long run of digits in it."""
    whole = normalize_identifier(kind, value)
    keys = {whole} if whole else set()
    if kind in _LABELLED_KINDS:
        keys.update(_DIGIT_RUN.findall(value))
    return keys


@dataclass(frozen=True, slots=True)
class Subject:
    """Screening features of one query or list entity."""

    schema: str
    names: tuple[tuple[str, float, tuple[NameForm, ...]], ...]
    identifiers: Mapping[str, frozenset[str]] = field(default_factory=dict)
    birth_dates: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    gender: frozenset[str] = frozenset()


# Parts between a given name and a surname, in the order people write them.
MIDDLE_NAME_PROPS = ("secondName", "middleName", "fatherName")


def _names(schema: str, props: Mapping[str, list[str]]) -> list[tuple[str, float]]:
    found: dict[str, float] = {}
    for prop, weight in NAME_PROPS.items():
        for value in props.get(prop, []):
            if value.strip() and weight > found.get(value, 0.0):
                found[value] = weight
    first, last = props.get("firstName", []), props.get("lastName", [])
    middle = [v for prop in MIDDLE_NAME_PROPS for v in props.get(prop, [])]
    if len(first) == 1 and len(last) == 1:
        # one person's parts: the whole name, never one without its middle parts
        # ("Abdul Jabbar Omari" is not "Abdul Omari"), and only if no name stated
        # already holds both (a list's "Ghassan Jaoudat ISMAIL" with its parts
        # "Ghassan" and "Ismail" is not also "Ghassan Ismail")
        parts = {first[0].casefold(), last[0].casefold()}
        if middle or not any(parts <= set(name.casefold().split()) for name in found):
            found.setdefault(" ".join([first[0], *middle, last[0]]), 1.0)
    elif not found and not middle:
        # several spellings of each part and no full name: the pairs are all there is
        for given in first:
            for family in last:
                found.setdefault(f"{given} {family}", 1.0)
    return list(found.items())


def make_subject(schema: str, props: Mapping[str, list[str]]) -> Subject:
    """Features of an entity given as FtM properties (a query or a list record)."""
    names = tuple(
        (name, weight, name_forms(name, schema)) for name, weight in _names(schema, props)
    )
    identifiers: dict[str, frozenset[str]] = {}
    for kind, prop_names in IDENTIFIER_PROPS.items():
        values = {
            key
            for prop in prop_names
            for value in props.get(prop, [])
            for key in identifier_keys(kind, value)
        }
        if values:
            identifiers[kind] = frozenset(values)
    countries = {
        v.lower()
        for prop in ("nationality", "citizenship", "country", "jurisdiction", "flag")
        for v in props.get(prop, [])
    }
    return Subject(
        schema=schema,
        names=tuple(n for n in names if n[2]),
        identifiers=identifiers,
        birth_dates=frozenset(_birth_dates(props.get("birthDate", []))),
        countries=frozenset(countries),
        gender=frozenset(v.lower() for v in props.get("gender", [])),
    )


def _birth_dates(values: Iterable[str]) -> Iterable[str]:
    """Dates as ISO prefixes, however written ("1951-7-19", "19.07.1951"), so that they
    compare by prefix; a value that is no date is kept as written."""
    for value in values:
        yield from parse_date(value) or [value]


@lru_cache(maxsize=1024)
def can_match(query_schema: str, candidate_schema: str) -> bool:
    """FtM's matchability: a LegalEntity query meets companies and people, not ships."""
    query, candidate = model.get(query_schema), model.get(candidate_schema)
    if query is None or candidate is None:
        return False
    return query.can_match(candidate) or candidate.can_match(query)


def merge_props(items: Iterable[Mapping[str, list[str]]]) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for props in items:
        for key, values in props.items():
            merged.setdefault(key, []).extend(v for v in values if v not in merged[key])
    return merged
