"""The structure OFAC hides in its ``Remarks`` column, as a pure result object.

The legacy CSV files have no columns for dates of birth, passports, IMO numbers or
links: all of it is written into one remark, ``;``-separated items each starting with a
label (``DOB 1962; POB Tehran, Iran; Passport A123 (Iran); Linked To: X.``). Parsing
is pure (:func:`parse_remarks` returns frozen data) so it can be tested on real strings
alone; :func:`apply_remarks` then writes the result into an entity and reports every
item it could not place, because a silently dropped remark is lost evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from fullcourt.model.entity import Entity
from fullcourt.sources.ofac_fill import add_value
from fullcourt.sources.ofac_remark_data import (
    Builder,
    Document,
    Fact,
    Link,
    Remarks,
    Wallet,
)
from fullcourt.sources.ofac_remark_labels import (
    DOCUMENTS,
    HONORIFICS,
    LABEL_RE,
    LABELS,
    RANKS,
    Kind,
)
from fullcourt.sources.ofac_remark_values import (
    NO_VALUE,
    find_url,
    imo_number,
    parse_dates,
    parse_document,
    phone_number,
    strip_name_period,
    strip_period,
    unquote,
    wallet,
)
from fullcourt.sources.report import ParseReport

__all__ = [
    "NAME_PROPS",
    "Document",
    "Fact",
    "Link",
    "Remarks",
    "Wallet",
    "apply_remarks",
    "parse_remarks",
    "split_items",
]

_ALT_RE = re.compile(r"^alt\.\s*", re.IGNORECASE)
_OPEN_ALIAS_RE = re.compile(r"^(?:alt\.\s*)?[afn]\.k\.a\.\s*'", re.IGNORECASE)
_CLOSED_RE = re.compile(r"'\s*\.?\s*$")
_GUESS_LABEL_RE = re.compile(r'^[^\d":;(]*')
_SEVEN_DIGITS_RE = re.compile(r"^\d{7}$")
_MAX_JOIN = 3
NAME_PROPS = frozenset({"alias", "weakAlias", "previousName"})
_GENDERS = {"male": "male", "female": "female"}


def split_items(text: str) -> list[str]:
    """Items of a remark; a ``;`` inside a quoted alias does not end the item.

    Apostrophes are common inside names (``'AL-'AFRI, Abu Salah'``), so quotes cannot be
    counted; an alias is joined with the following pieces only when that closes it.
    """
    pieces = text.split(";")
    items: list[str] = []
    index = 0
    while index < len(pieces):
        item, used = pieces[index], 1
        if _OPEN_ALIAS_RE.match(item.strip()) and not _CLOSED_RE.search(item):
            for extra in range(1, _MAX_JOIN + 1):
                candidate = ";".join(pieces[index : index + extra + 1])
                if index + extra < len(pieces) and _CLOSED_RE.search(candidate):
                    item, used = candidate, extra + 1
                    break
        items.append(item.strip())
        index += used
    return [item for item in items if item and item != "."]


def parse_remarks(text: str | None, titles: Collection[str] = ()) -> Remarks:
    """The remark's items, each placed as a fact, document, link or unknown item.

    ``titles`` are the entry's Title column: OFAC repeats each title as a bare remark
    item (``Secretary General of Hizballah``), which is then a position, not prose.
    """
    builder = Builder()
    known = {title.strip().lower() for title in titles}
    if text:
        for item in split_items(text):
            _parse_item(_ALT_RE.sub("", item), builder, known)
    return builder.build()


def _parse_item(item: str, out: Builder, titles: set[str]) -> None:
    match = LABEL_RE.match(item)
    if match is None:
        bare = strip_period(item)
        if bare.lower() in RANKS or bare.lower() in titles:
            out.facts.append(Fact("position", bare, item))
        elif bare.lower() in HONORIFICS:
            out.facts.append(Fact("title", bare, item))
        else:
            out.unknown.append(Fact(f"remark:{_guess_label(bare)}", item, item))
        return
    label = match.group("label").lower()
    value = item[match.end() :].lstrip(" :#-")
    kind, prop = LABELS.get(label) or (Kind.CODE, DOCUMENTS[label])
    if kind is Kind.CODE:
        placed = _document(match.group("label"), prop, value, item, out)
    else:
        placed = _parse_labelled(kind, prop, value, item, out)
    if not placed:
        out.unknown.append(Fact(f"remark-value:{match.group('label')}", item, item))


def _guess_label(item: str) -> str:
    """The words before the first digit, quote or colon; ``(text)`` for plain prose."""
    match = _GUESS_LABEL_RE.match(item)
    guess = match.group(0).strip(" .-#") if match else ""
    if not guess or len(guess) >= len(item.rstrip(" .")):
        return "(text)"
    return guess[:60]


def _parse_labelled(kind: Kind, prop: str, value: str, item: str, out: Builder) -> bool:
    """Place one labelled value; ``False`` when the value is not in the expected form."""
    if kind is Kind.DATE:
        dates = parse_dates(value)
        out.facts.extend(Fact(prop, date, item) for date in dates)
        return bool(dates)
    if kind in (Kind.TEXT, Kind.COUNTRY):
        text = strip_period(value)
        if kind is Kind.COUNTRY and text.lower() in NO_VALUE:
            return True
        out.facts.append(Fact(prop, text, item))
        return bool(text)
    if kind is Kind.GENDER:
        gender = _GENDERS.get(strip_period(value).lower())
        out.facts.extend([Fact(prop, gender, item)] if gender else [])
        return gender is not None
    if kind is Kind.ALIAS:
        name = unquote(value)
        out.facts.append(Fact(prop, name, item))
        return bool(name)
    if kind is Kind.LINK:
        name = strip_name_period(value)
        out.links.append(Link(prop, name))
        return bool(name)
    if kind is Kind.PHONE:
        out.facts.append(Fact(prop, phone_number(value), item))
        return True
    if kind is Kind.WALLET:
        parts = wallet(value)
        out.wallets.extend([Wallet(*parts)] if parts else [])
        return parts is not None
    return _parse_other(kind, prop, value, item, out)


def _parse_other(kind: Kind, prop: str, value: str, item: str, out: Builder) -> bool:
    if kind is Kind.URL and (url := find_url(item)):
        out.sanction.append(Fact(prop, url, item))
        return True
    if kind in (Kind.PROVISION, Kind.URL):
        out.sanction.append(Fact("provisions", strip_period(item), item))
        return True
    out.facts.append(Fact(prop, strip_period(item), item))  # Kind.WHOLE: label and all
    return True


def _document(label: str, prop: str, value: str, item: str, out: Builder) -> bool:
    """A document number, its parts kept as a Document when it names a country or date.

    An IMO number may be written under any identifier label (``Identification Number
    IMO 8712221``, ``Company Number IMO 5342883``): it is an IMO number wherever it is.
    The vessel label also carries national registrations, which are not IMO numbers.
    """
    doc = parse_document(value)
    if doc is None:
        return False
    number = imo_number(doc.number)
    if number is not None:
        prop = "imoNumber"
    elif prop == "imoNumber" and not _SEVEN_DIGITS_RE.match(doc.number):
        prop = "registrationNumber"  # ``Vessel Registration Identification RS 150443``
    number = number or doc.number
    out.facts.append(Fact(prop, number, item))
    if doc.country or doc.issued or doc.expires:
        out.documents.append(Document(label, prop, number, doc.country, doc.issued, doc.expires))
    return True


def apply_remarks(
    entity: Entity,
    remarks: Remarks,
    report: ParseReport,
    *,
    rename: Callable[[str], str] = str.strip,
) -> None:
    """Write the facts into ``entity``; report unknown items and values that do not fit.

    ``rename`` puts alias names in the entity's name order (a person's ``LAST, First``
    becomes ``First LAST``, as the primary name does).
    Unknown items are kept in ``notes`` as well as reported: the report keeps only a few
    examples, the entity keeps every one. Documents become Identification entities
    (:func:`~fullcourt.sources.ofac_fill.remark_entities`) for legal entities and notes
    for vessels and aircraft, which FtM does not let hold papers.
    """
    for fact in remarks.facts:
        value = rename(fact.value) if fact.prop in NAME_PROPS else fact.value
        add_value(entity, fact.prop, value, report, fact.item)
    for unknown in remarks.unknown:
        report.note(unknown.prop, unknown.item)
        add_value(entity, "notes", strip_period(unknown.item), report, unknown.item)
    if not entity.schema.is_a("LegalEntity"):  # ``IMO 9074092 (Tanzania)`` on a vessel
        for doc in remarks.documents:
            add_value(entity, "notes", doc.text, report, doc.text)
