"""Turning a client's example entity into the properties the engine screens.

Checks happen here, before anything is screened or audited, so that a batch is
either screened whole or refused whole with every problem named. A property the
schema does not have is refused rather than ignored (``birthdate`` for
``birthDate`` would otherwise silently screen on the name alone). Countries, dates
and gender are cleaned the way the lists were (``North Korea`` -> ``kp``), so the
same customer gets the same query key however it was typed; a value that cannot be
read is refused, never dropped (a date keeps its readable part: 1974-01-32 is 1974-01).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi import HTTPException
from fastapi.exceptions import RequestValidationError
from followthemoney import Property, Schema, model, registry

from fullcourt.api.models import EntityExample, PropertyValue
from fullcourt.api.settings import ApiSettings, env_name
from fullcourt.screening.catalog import SCREENED_SCHEMATA
from fullcourt.screening.subject import can_match

ANY_SCHEMA = "Thing"
SCREENABLE = tuple(
    sorted(
        {ANY_SCHEMA}
        | {
            s.name
            for s in model.schemata.values()
            if any(can_match(s.name, listed) for listed in SCREENED_SCHEMATA)
        }
    )
)
HINTS = {
    registry.date.name: "is not a date; use YYYY, YYYY-MM or YYYY-MM-DD",
    registry.country.name: "is not a country name or ISO 3166 code",
    registry.gender.name: "is not a gender (male, female, other)",
}

Problem = dict[str, Any]


def screenable_schema(name: str) -> Schema:
    """The FtM schema called ``name``, if queries of it can meet a listed entity."""
    schema = model.get(name)
    if schema is None or name not in SCREENABLE:
        reason = "unknown schema" if schema is None else "cannot match a listed entity: schema"
        raise HTTPException(400, f"{reason} {name!r}; screenable schemata: {', '.join(SCREENABLE)}")
    return schema


def prepare_query(
    key: str, example: EntityExample, settings: ApiSettings
) -> tuple[str, dict[str, list[str]]]:
    """(schema, cleaned properties) of one query; raises naming every bad value."""
    schema = screenable_schema(example.schema_)
    loc = ("body", "queries", key, "properties")
    problems: list[Problem] = []
    properties: dict[str, list[str]] = {}
    for name, raw in example.properties.items():
        prop = schema.get(name)
        if prop is None:
            raise HTTPException(
                400, f"queries.{key}: schema {schema.name} has no property {name!r}"
            )
        values, wrong = _clean(
            prop, raw if isinstance(raw, list) else [raw], (*loc, name), settings
        )
        problems.extend(wrong)
        if values:
            properties[name] = values
    if not properties and not problems:
        problems.append(_problem(loc, "a query needs at least one property value", {}))
    if problems:
        raise RequestValidationError(problems)
    return schema.name, properties


def _clean(
    prop: Property,
    raw: Iterable[PropertyValue],
    loc: tuple[str | int, ...],
    settings: ApiSettings,
) -> tuple[list[str], list[Problem]]:
    """Cleaned distinct values of one property, and the problems with them."""
    values = [str(v).strip() for v in raw]
    if len(values) > settings.max_values:
        msg = (
            f"{len(values)} values for {prop.name}; the limit is {settings.max_values} "
            f"per property ({env_name('max_values')})"
        )
        return [], [_problem(loc, msg, len(values))]
    problems: list[Problem] = []
    cleaned: list[str] = []
    for position, text in enumerate(values):
        if len(text) > settings.max_string_length:
            msg = (
                f"value of {len(text)} characters; the limit is {settings.max_string_length} "
                f"characters ({env_name('max_string_length')})"
            )
            problems.append(_problem((*loc, position), msg, text[:80] + "..."))
            continue
        value = _normalise(prop, text)
        if value is None:
            hint = HINTS[prop.type.name]
            problems.append(_problem((*loc, position), f"{text!r} {hint}", text))
        elif value and value not in cleaned:
            cleaned.append(value)
    return cleaned, problems


def _normalise(prop: Property, text: str) -> str | None:
    """The value as the lists hold it; None when a typed value cannot be read.

    A date whose day or month cannot be (1974-01-32, a typing slip or a placeholder in
    a customer record) keeps the part that can, the month or the year: yente clients
    send such records, and a birth year still tells people apart."""
    if not text or prop.type.name not in HINTS:
        return text
    cleaned = prop.type.clean(text)
    if cleaned is None and prop.type == registry.date:
        for size in (7, 4):
            head = text.strip()[:size]
            if len(head) == size and (cleaned := prop.type.clean(head)) is not None:
                break
    return cleaned


def _problem(loc: tuple[str | int, ...], msg: str, given: object) -> Problem:
    return {"type": "value_error", "loc": loc, "msg": msg, "input": given}
