"""The parts of a legacy ``sdnEntry`` (lists of aliases, ids, addresses...) as Draft values.

Each child element of an entry has one reader here; the entry's scalar fields (uid,
type, names) are read by the parser itself. A list item's unknown children are noted
under the path of the list, e.g. ``element:idList/id/newField``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from fullcourt.sources.ofac_xml_draft import Draft, NameLink
from fullcourt.sources.ofac_xml_links import LINKED_TO
from fullcourt.sources.ofac_xml_stream import (
    Element,
    child_texts,
    local_name,
    note_element,
    text_of,
)
from fullcourt.sources.report import ParseReport

_LINKED_TO_RE = re.compile(r"Linked To:\s*([^;]+)", re.IGNORECASE)
_ADDRESS_PARTS = (
    "address1",
    "address2",
    "address3",
    "city",
    "stateOrProvince",
    "postalCode",
    "region",
)
_ALIAS_PROPS = {"a.k.a.": "alias", "n.k.a.": "alias", "f.k.a.": "previousName"}

Handler = Callable[[Draft, Element, ParseReport], None]


def full_name(first: str, last: str) -> str:
    """OFAC's name fields in reading order: ``Ismail Abdul Salah HANIYA``."""
    return " ".join(part for part in (first, last) if part)


def linked_names(remarks: str) -> list[str]:
    """Names in ``Linked To:`` items, e.g. ``(Linked To: NIOC ... (LONDON) LIMITED)``:
    the item runs to the next ``;``, less the parenthesis that wrapped it."""
    names = []
    for match in _LINKED_TO_RE.finditer(remarks):
        name = match.group(1).strip()
        while name.endswith(")") and name.count(")") > name.count("("):
            name = name[:-1].rstrip()
        if name:
            names.append(name)
    return names


def _remarks(draft: Draft, element: Element, report: ParseReport) -> None:
    text = text_of(element)
    draft.add("notes", text)
    draft.name_links.extend(NameLink(LINKED_TO, name) for name in linked_names(text))


def _simple(prop: str) -> Handler:
    def handle(draft: Draft, element: Element, report: ParseReport) -> None:
        draft.add(prop, text_of(element))

    return handle


def _items(
    item_tag: str, value_tag: str, apply: Callable[[Draft, str, ParseReport], None]
) -> Handler:
    """A ``xxxList`` of ``item_tag`` records whose value is the child ``value_tag``."""

    def handle(draft: Draft, element: Element, report: ParseReport) -> None:
        list_tag = local_name(element)
        for item in element:
            if local_name(item) != item_tag:
                note_element(report, f"{list_tag}/{local_name(item)}", item)
                continue
            known = (value_tag, "uid", "mainEntry")
            value = child_texts(item, known, f"{list_tag}/{item_tag}", report).get(value_tag)
            if value:
                apply(draft, value, report)

    return handle


def _programs(draft: Draft, element: Element, report: ParseReport) -> None:
    for item in element:
        if local_name(item) == "program":
            draft.add_sanction("program", text_of(item))
        else:
            note_element(report, f"programList/{local_name(item)}", item)


def _aliases(draft: Draft, element: Element, report: ParseReport) -> None:
    known = ("uid", "type", "category", "lastName", "firstName")
    for item in element:
        if local_name(item) != "aka":
            note_element(report, f"akaList/{local_name(item)}", item)
            continue
        fields = child_texts(item, known, "akaList/aka", report)
        kind = fields.get("type", "").lower()
        prop = _ALIAS_PROPS.get(kind)
        if prop is None:
            report.note("aka type", fields.get("type", "(missing)"))
        if fields.get("category", "").lower() == "weak":
            prop = "weakAlias"
        draft.add(
            prop or "alias", full_name(fields.get("firstName", ""), fields.get("lastName", ""))
        )


def _ids(draft: Draft, element: Element, report: ParseReport) -> None:
    known = ("uid", "idType", "idNumber", "idCountry", "issueDate", "expirationDate")
    for item in element:
        if local_name(item) != "id":
            note_element(report, f"idList/{local_name(item)}", item)
            continue
        fields = child_texts(item, known, "idList/id", report)
        if fields.get("idNumber"):
            draft.apply(fields.get("idType", ""), fields["idNumber"], report, "idType")


def _addresses(draft: Draft, element: Element, report: ParseReport) -> None:
    known = ("uid", "country", *_ADDRESS_PARTS)
    for item in element:
        if local_name(item) != "address":
            note_element(report, f"addressList/{local_name(item)}", item)
            continue
        fields = child_texts(item, known, "addressList/address", report)
        parts = [fields[p] for p in _ADDRESS_PARTS if fields.get(p)]
        country = fields.get("country", "")
        if parts:
            draft.add("address", ", ".join([*parts, country] if country else parts))
        draft.add("country", country)


def _vessel(draft: Draft, element: Element, report: ParseReport) -> None:
    props = {
        "callSign": "callSign",
        "vesselType": "type",
        "vesselFlag": "flag",
        "tonnage": "tonnage",
        "grossRegisteredTonnage": "grossRegisteredTonnage",
    }
    fields = child_texts(element, (*props, "vesselOwner"), "vesselInfo", report)
    for tag, prop in props.items():
        draft.add(prop, fields.get(tag, ""))
    if fields.get("vesselOwner"):
        draft.apply("Vessel Owner", fields["vesselOwner"], report, "vesselInfo")


ENTRY_SECTIONS: dict[str, Handler] = {
    "title": _simple("position"),
    "remarks": _remarks,
    "programList": _programs,
    "akaList": _aliases,
    "idList": _ids,
    "addressList": _addresses,
    "nationalityList": _items("nationality", "country", lambda d, v, r: d.add("nationality", v)),
    "citizenshipList": _items("citizenship", "country", lambda d, v, r: d.add("citizenship", v)),
    "dateOfBirthList": _items(
        "dateOfBirthItem", "dateOfBirth", lambda d, v, r: d.add_dates("birthDate", v, r)
    ),
    "placeOfBirthList": _items(
        "placeOfBirthItem", "placeOfBirth", lambda d, v, r: d.add("birthPlace", v)
    ),
    "vesselInfo": _vessel,
}
