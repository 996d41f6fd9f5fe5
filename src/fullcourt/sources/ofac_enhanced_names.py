"""Names and addresses of an enhanced-XML entity, in every script OFAC gives them.

A name is one identity of the entry (primary, a.k.a., f.k.a.) and has one translation
per script: the Latin translation of the primary name is the entry's ``name``, its
translations into other scripts (Cyrillic, Chinese) are aliases, so a screening of the
name as written in Moscow still finds the entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fullcourt.sources.ofac_enhanced_refs import References
from fullcourt.sources.ofac_xml_draft import Draft
from fullcourt.sources.ofac_xml_stream import Element, child_elements, local_name, note_element
from fullcourt.sources.ofac_xml_stream import text_of as text
from fullcourt.sources.report import ParseReport

_ALIAS_PROPS = {"a.k.a.": "alias", "n.k.a.": "alias", "f.k.a.": "previousName"}
_NAME_PARTS = {
    "first name": "firstName",
    "middle name": "middleName",
    "last name": "lastName",
    "patronymic": "fatherName",
    "matronymic": "motherName",
}
# Parts that name the whole thing or are already a separate alias: nothing to split out.
_WHOLE_PARTS = {"entity name", "vessel name", "aircraft name", "maiden name", "nickname"}
_ADDRESS_ORDER = (
    "address1",
    "address2",
    "address3",
    "city",
    "state/province",
    "postal code",
    "region",
)
_NAME_KNOWN = ("isPrimary", "aliasType", "isLowQuality", "translations")
_TRANSLATION_KNOWN = (
    "isPrimary",
    "script",
    "formattedFirstName",
    "formattedLastName",
    "formattedFullName",
    "nameParts",
)


@dataclass(slots=True)
class NameIndex:
    """The names an entry is found under when another entry links to it by name."""

    primary: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


def read_names(draft: Draft, element: Element, refs: References, report: ParseReport) -> NameIndex:
    index = NameIndex()
    for name in element:
        if local_name(name) != "name":
            note_element(report, f"names/{local_name(name)}", name)
            continue
        parts = child_elements(name, _NAME_KNOWN, "names/name", report)
        prop = _alias_prop(parts, refs, report)
        translations = parts.get("translations")
        for translation in translations if translations is not None else ():
            _translation(draft, translation, prop, refs, report, index)
    return index


def _alias_prop(parts: dict[str, Element], refs: References, report: ParseReport) -> str:
    if text(parts.get("isPrimary")) == "true":
        return "name"
    if text(parts.get("isLowQuality")) == "true":
        return "weakAlias"
    kind = refs.text(parts.get("aliasType"), report)
    prop = _ALIAS_PROPS.get(kind.lower())
    if prop is None:
        report.note("aliasType", kind or "(missing)")
    return prop or "alias"


def _translation(
    draft: Draft,
    element: Element,
    prop: str,
    refs: References,
    report: ParseReport,
    index: NameIndex,
) -> None:
    parts = child_elements(element, _TRANSLATION_KNOWN, "translation", report)
    first, last = text(parts.get("formattedFirstName")), text(parts.get("formattedLastName"))
    full = " ".join(p for p in (first, last) if p) or text(parts.get("formattedFullName"))
    if not full:
        full = " ".join(text(p) for p in element.iter() if local_name(p) == "value")
    main = text(parts.get("isPrimary")) == "true"
    if prop == "name" and not main:
        prop = "alias"
    draft.add(prop, full)
    if prop == "name":
        index.primary.extend([text(parts.get("formattedFullName")), full])
        if draft.entry_type.lower() == "individual" and "nameParts" in parts:
            _name_parts(draft, parts["nameParts"], refs, report)
    elif prop == "alias":
        index.aliases.append(full)


def _name_parts(draft: Draft, element: Element, refs: References, report: ParseReport) -> None:
    for part in element:
        fields = child_elements(part, ("type", "value"), "nameParts/namePart", report)
        kind = refs.text(fields.get("type"), report).lower()
        prop = _NAME_PARTS.get(kind)
        if prop is not None:
            draft.add(prop, text(fields.get("value")))
        elif kind not in _WHOLE_PARTS:
            report.note("namePart type", kind or "(missing)")


def read_addresses(draft: Draft, element: Element, refs: References, report: ParseReport) -> None:
    for address in element:
        if local_name(address) != "address":
            note_element(report, f"addresses/{local_name(address)}", address)
            continue
        parts = child_elements(address, ("country", "translations"), "address", report)
        country = refs.text(parts.get("country"), report)
        translations = parts.get("translations")
        for translation in translations if translations is not None else ():
            lines = _address_lines(translation, refs, report)
            if lines:
                draft.add("address", ", ".join([*lines, country] if country else lines))
        draft.add("country", country)


def _address_lines(element: Element, refs: References, report: ParseReport) -> list[str]:
    known = ("isPrimary", "script", "addressParts")
    parts = child_elements(element, known, "address/translation", report)
    found: dict[str, str] = {}
    for part in parts.get("addressParts", ()):
        fields = child_elements(part, ("type", "value"), "addressParts/addressPart", report)
        kind = refs.text(fields.get("type"), report).lower()
        if kind not in _ADDRESS_ORDER:
            report.note("addressPart type", kind or "(missing)")
        found[kind] = text(fields.get("value"))
    ordered = [found.pop(kind) for kind in _ADDRESS_ORDER if kind in found]
    return [value for value in [*ordered, *found.values()] if value]
