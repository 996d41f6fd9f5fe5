"""The UN Security Council consolidated list, ``consolidated.xml`` (sc-sanctions.xsd).

Every entry is an ``INDIVIDUAL`` or an ``ENTITY`` keyed by its UN reference number
(``KPi.001``, ``KPe.020``), the identifier the UN keeps across versions and the one
national lists quote, so it is the entity id. The name parts ``FIRST_NAME`` to
``FOURTH_NAME`` are kept only as the joined name: the UN writes them in the order of
the person's own naming custom (Korean entries put the family name first), so mapping
them to ``firstName``/``lastName`` would assert an order the list does not state.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import BinaryIO

from followthemoney import registry
from lxml import etree

from fullcourt.model import Entity, Record, make_entity, make_id
from fullcourt.sources.dates import parse_date
from fullcourt.sources.errors import SourceError
from fullcourt.sources.report import ParseReport

AUTHORITY = "United Nations Security Council"
ROOT = "CONSOLIDATED_LIST"
ENTRIES = {"INDIVIDUAL": "Person", "ENTITY": "Organization"}
CONTAINERS = {"INDIVIDUALS", "ENTITIES"}
NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
# The UN's database bookkeeping: nothing in them describes the listed party.
BOOKKEEPING = {"DATAID", "VERSIONNUM", "SORT_KEY", "SORT_KEY_LAST_MOD", "LIST_TYPE"}
# Read before the loop over an entry's children (the id and the joined name).
READ_FIRST = {"REFERENCE_NUMBER", *NAME_PARTS}
ALIAS_QUALITY = {
    "good": "alias",
    "a.k.a.": "alias",
    "": "alias",
    "low": "weakAlias",
    "f.k.a.": "previousName",
}
_FORMER_NOTE = re.compile(r"\b(?:previously|formerly) listed as\b", re.IGNORECASE)
_PASSPORT = re.compile(r"pass(?:port|eport)|pasaporte", re.IGNORECASE)
# Shipping companies carry their IMO company number in the comments, written as
# "IMO Number: 5342883", "Company Number IMO 5434358" or "... (IMO) Number: 1790183".
_IMO_IN_TEXT = re.compile(r"\bIMO\)?(?:\s+number)?\s*:?\s*(\d{7})\b", re.IGNORECASE)

DOCUMENT_DETAILS = {
    "ISSUING_COUNTRY": "issued by ",
    "COUNTRY_OF_ISSUE": "issued by ",
    "CITY_OF_ISSUE": "issued in ",
    "DATE_OF_ISSUE": "issued on ",
    "NOTE": "",
}

Handler = Callable[[Entity, Entity, etree._Element, ParseReport], None]


def sniff_un_xml(head: bytes) -> bool:
    """The UN list's root element, whatever the indentation or XML declaration."""
    return b"<CONSOLIDATED_LIST" in head and (b"<INDIVIDUALS" in head or b"<ENTITIES" in head)


def parse_un_xml(
    stream: BinaryIO, *, name: str, dataset: str, report: ParseReport
) -> Iterator[Record]:
    """Entries and their sanctions, streamed one ``INDIVIDUAL``/``ENTITY`` at a time."""
    events = etree.iterparse(
        stream, events=("start", "end"), resolve_entities=False, no_network=True
    )
    depth = 0
    try:
        for event, el in events:
            if event == "start":
                depth += 1
                if depth == 1:
                    _read_root(el, name, report)
                continue
            depth -= 1
            if depth == 2 and el.tag in ENTRIES:
                yield from _entry(el, dataset, report)
                _release(el)
            elif depth in (1, 2) and el.tag not in CONTAINERS:
                report.note(f"element:{el.tag}", _text(el))
                _release(el)
    except etree.XMLSyntaxError as exc:
        # lxml reports line 0 when the input holds no element at all (an empty file).
        message = f"broken XML: {exc.msg}" if exc.lineno else f"empty file ({exc.msg})"
        raise SourceError(message, file=name, line=exc.lineno or 1) from exc


def _read_root(root: etree._Element, name: str, report: ParseReport) -> None:
    if root.tag != ROOT:
        raise SourceError(
            f"not a UN consolidated list: root is <{root.tag}>", file=name, line=_line(root)
        )
    generated = root.get("dateGenerated")
    dates = parse_date(generated[:10]) if generated else []
    if dates:
        report.published = dates[0]
    else:
        report.note("attribute:dateGenerated", generated or "<missing>")


def _line(el: etree._Element) -> int:
    line = el.sourceline
    return line if isinstance(line, int) else 1


def _release(el: etree._Element) -> None:
    """Drop the parsed entry and its earlier siblings so memory stays flat."""
    el.clear()
    parent = el.getparent()
    while parent is not None and el.getprevious() is not None:
        del parent[0]


def _text(el: etree._Element) -> str:
    return " ".join((el.text or "").split())


def _put(entity: Entity, prop: str, values: str | list[str], report: ParseReport) -> bool:
    """Add when the schema has ``prop``; otherwise count it rather than lose it."""
    values = [values] if isinstance(values, str) else values
    values = [v for v in values if v]
    if not values:
        return False
    if prop not in entity.schema.properties:
        report.note(f"property:{entity.schema.name}.{prop}", values[0])
        return False
    entity.add(prop, values)
    return True


def _put_country(entity: Entity, prop: str, value: str, report: ParseReport) -> None:
    """FtM drops a country it cannot read; keep such text as a note instead."""
    if value and registry.country.clean(value) is None:
        report.note(f"country:{prop}", value)
        _put(entity, "notes", f"{prop}: {value}", report)
        return
    _put(entity, prop, value, report)


def _entry(el: etree._Element, dataset: str, report: ParseReport) -> Iterator[Record]:
    ref = " ".join((el.findtext("REFERENCE_NUMBER") or "").split())
    if not ref:
        ref = f"dataid-{' '.join((el.findtext('DATAID') or '?').split())}"
        report.note("missing:REFERENCE_NUMBER", ref)
    entity = make_entity(ENTRIES[el.tag], make_id("unsc", ref), dataset)
    sanction = make_entity("Sanction", make_id("unsc-sanction", ref), dataset)
    sanction.add("entity", entity.id)
    sanction.add("authority", AUTHORITY)
    sanction.add("authorityId", ref)
    sanction.add("unscId", ref)
    entity.add("topics", "sanction")
    parts = [_text(p) for t in NAME_PARTS if (p := el.find(t)) is not None]
    if not _put(entity, "name", " ".join(p for p in parts if p), report):
        report.note("missing:name", ref)
    for child in el:
        if not isinstance(child.tag, str) or child.tag in BOOKKEEPING or child.tag in READ_FIRST:
            continue
        handler = HANDLERS.get(child.tag)
        if handler is None:
            report.note(f"element:{el.tag}/{child.tag}", _text(child))
        else:
            handler(entity, sanction, child, report)
    report.records += 1
    yield Record(entity, ref)
    yield Record(sanction)


def _fields(el: etree._Element, known: set[str], report: ParseReport) -> dict[str, list[str]]:
    """Texts of a compound element's children by tag; unknown children are counted."""
    found: dict[str, list[str]] = {}
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag not in known:
            report.note(f"element:{el.tag}/{child.tag}", _text(child))
        elif text := _text(child):
            found.setdefault(child.tag, []).append(text)
    return found


def _first(fields: dict[str, list[str]], tag: str) -> str:
    return fields.get(tag, [""])[0]


def _values(el: etree._Element, report: ParseReport) -> list[str]:
    return _fields(el, {"VALUE"}, report).get("VALUE", [])


def _simple(prop: str, target: str = "entity") -> Handler:
    """A handler putting the element's text, or its VALUE children, into one property."""

    def handle(entity: Entity, sanction: Entity, el: etree._Element, report: ParseReport) -> None:
        values = _values(el, report) if len(el) else [_text(el)]
        _put(entity if target == "entity" else sanction, prop, values, report)

    return handle


def _countries(prop: str) -> Handler:
    def handle(entity: Entity, sanction: Entity, el: etree._Element, report: ParseReport) -> None:
        for value in _values(el, report) if len(el) else [_text(el)]:
            _put_country(entity, prop, value, report)

    return handle


def _dates(prop: str, latest: bool = False) -> Handler:
    def handle(entity: Entity, sanction: Entity, el: etree._Element, report: ParseReport) -> None:
        texts = _values(el, report) if len(el) else [_text(el)]
        dates = [d for t in texts for d in parse_date(t)]
        sanction.add(prop, [max(dates)] if latest and dates else dates)

    return handle


def _comments(entity: Entity, sanction: Entity, el: etree._Element, report: ParseReport) -> None:
    text = (el.text or "").strip()
    _put(entity, "notes", text, report)
    if "imoNumber" in entity.schema.properties:
        for number in _IMO_IN_TEXT.findall(text):
            entity.add("imoNumber", number, cleaned=True)


def _gender(entity: Entity, sanction: Entity, el: etree._Element, report: ParseReport) -> None:
    value = _text(el).lower()
    if value in ("male", "female"):
        entity.add("gender", value)
    elif value not in ("", "unknown"):
        report.note("value:GENDER", value)


def _submitted(entity: Entity, sanction: Entity, el: etree._Element, report: ParseReport) -> None:
    if text := _text(el):
        sanction.add("summary", f"{el.tag.replace('_', ' ').capitalize()}: {text}")


def _alias(entity: Entity, sanction: Entity, el: etree._Element, report: ParseReport) -> None:
    known = {"QUALITY", "ALIAS_NAME", "NOTE", "DATE_OF_BIRTH", "CITY_OF_BIRTH", "COUNTRY_OF_BIRTH"}
    f = _fields(el, known, report)
    name, quality, note = _first(f, "ALIAS_NAME"), _first(f, "QUALITY").lower(), _first(f, "NOTE")
    prop = ALIAS_QUALITY.get(quality)
    if prop is None:
        report.note("value:ALIAS_QUALITY", quality)
        prop = "alias"
    if note and _FORMER_NOTE.search(note):
        prop = "previousName"
    elif note:
        _put(entity, "notes", f"{name or 'Alias'}: {note}", report)
    _put(entity, prop, name, report)
    _put(
        entity, "birthDate", [d for t in f.get("DATE_OF_BIRTH", []) for d in parse_date(t)], report
    )
    _put(entity, "birthPlace", f.get("CITY_OF_BIRTH", []), report)
    for country in f.get("COUNTRY_OF_BIRTH", []):
        _put_country(entity, "birthCountry", country, report)


def _address(entity: Entity, sanction: Entity, el: etree._Element, report: ParseReport) -> None:
    parts = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")
    f = _fields(el, {*parts, "NOTE"}, report)
    text = ", ".join(v for p in parts for v in f.get(p, []))
    _put(entity, "address", text, report)
    for country in f.get("COUNTRY", []):
        _put_country(entity, "country", country, report)
    for note in f.get("NOTE", []):
        _put(entity, "notes", f"Address {text}: {note}" if text else f"Address: {note}", report)


def _birth_place(entity: Entity, sanction: Entity, el: etree._Element, report: ParseReport) -> None:
    parts = ("STREET", "CITY", "STATE_PROVINCE", "COUNTRY")
    f = _fields(el, {*parts, "NOTE"}, report)
    _put(entity, "birthPlace", ", ".join(v for p in parts for v in f.get(p, [])), report)
    for country in f.get("COUNTRY", []):
        _put_country(entity, "birthCountry", country, report)
    for note in f.get("NOTE", []):
        _put(entity, "notes", f"Place of birth: {note}", report)


def _birth_date(entity: Entity, sanction: Entity, el: etree._Element, report: ParseReport) -> None:
    f = _fields(el, {"TYPE_OF_DATE", "DATE", "YEAR", "FROM_YEAR", "TO_YEAR", "NOTE"}, report)
    kind = _first(f, "TYPE_OF_DATE").upper()
    if kind not in ("", "EXACT", "APPROXIMATELY", "BETWEEN"):
        report.note("value:TYPE_OF_DATE", kind)
    dates = [d for t in f.get("DATE", []) + f.get("YEAR", []) for d in parse_date(t)]
    start, end = _first(f, "FROM_YEAR"), _first(f, "TO_YEAR")
    if start or end:
        span = parse_date(f"{start} to {end}") if start and end else []
        dates += span or [d for t in (start, end) for d in parse_date(t)]
    year = _first(f, "YEAR")
    for note in f.get("NOTE", []):
        # A month written in the note completes the YEAR element ("Sep." + 1977).
        from_note = parse_date(note) or (parse_date(f"{note} {year}") if year else [])
        dates += from_note
        if not from_note and note.lower() not in (kind.lower(), "approximately"):
            _put(entity, "notes", f"Date of birth: {note}", report)
    _put(entity, "birthDate", dates, report)


def _document(entity: Entity, sanction: Entity, el: etree._Element, report: ParseReport) -> None:
    f = _fields(el, {"TYPE_OF_DOCUMENT", "TYPE_OF_DOCUMENT2", "NUMBER", *DOCUMENT_DETAILS}, report)
    kind = " / ".join(f.get("TYPE_OF_DOCUMENT", []) + f.get("TYPE_OF_DOCUMENT2", []))
    prop = "passportNumber" if _PASSPORT.search(kind) else "idNumber"
    numbers = f.get("NUMBER", [])
    _put(entity, prop, numbers, report)
    details = [f"{label}{v}" for t, label in DOCUMENT_DETAILS.items() for v in f.get(t, [])]
    if details:
        label = " ".join(p for p in (kind or "Document", *numbers) if p)
        _put(entity, "notes", f"{label}: {'; '.join(details)}", report)


HANDLERS: dict[str, Handler] = {
    "UN_LIST_TYPE": _simple("program", "sanction"),
    "LISTED_ON": _dates("listingDate"),
    "LAST_DAY_UPDATED": _dates("modifiedAt", latest=True),
    "SUBMITTED_BY": _submitted,
    "SUBMITTED_ON": _submitted,
    "COMMENTS1": _comments,
    "GENDER": _gender,
    "NAME_ORIGINAL_SCRIPT": _simple("alias"),
    "DESIGNATION": _simple("position"),
    "TITLE": _simple("title"),
    "NATIONALITY": _countries("nationality"),
    "INDIVIDUAL_ALIAS": _alias,
    "ENTITY_ALIAS": _alias,
    "INDIVIDUAL_ADDRESS": _address,
    "ENTITY_ADDRESS": _address,
    "INDIVIDUAL_PLACE_OF_BIRTH": _birth_place,
    "INDIVIDUAL_DATE_OF_BIRTH": _birth_date,
    "INDIVIDUAL_DOCUMENT": _document,
}
