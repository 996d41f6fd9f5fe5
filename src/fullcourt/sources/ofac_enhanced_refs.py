"""The reference tables at the top of an OFAC enhanced XML file.

Every coded value in an entity (entity type, alias type, country, document type,
relationship type...) carries a ``refId`` into ``referenceValues``, and every feature a
``featureTypeId`` into ``featureTypes``. The entity elements repeat the text today, but
the ids are the contract: values are resolved through the tables, and the inline text
only serves when an id is missing from them (which is counted).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fullcourt.sources.ofac_xml_stream import Element, local_name, note_element, text_of
from fullcourt.sources.report import ParseReport


@dataclass(slots=True)
class References:
    """``refId`` -> (type, value) and ``featureTypeId`` -> feature type name."""

    values: dict[str, tuple[str, str]] = field(default_factory=dict)
    features: dict[str, str] = field(default_factory=dict)

    def read_values(self, element: Element, report: ParseReport) -> None:
        for item in element:
            ref_id = item.get("refId")
            if local_name(item) != "referenceValue" or ref_id is None:
                note_element(report, f"referenceValues/{local_name(item)}", item)
                continue
            parts = {local_name(child): text_of(child) for child in item}
            self.values[ref_id] = (parts.get("type", ""), parts.get("value", ""))

    def read_features(self, element: Element, report: ParseReport) -> None:
        for item in element:
            type_id = item.get("featureTypeId")
            if local_name(item) != "featureType" or type_id is None:
                note_element(report, f"featureTypes/{local_name(item)}", item)
                continue
            type_element = next((c for c in item if local_name(c) == "type"), None)
            self.features[type_id] = text_of(type_element)

    def text(self, element: Element | None, report: ParseReport) -> str:
        """The table's text for a coded element, else the element's own text."""
        if element is None:
            return ""
        if (ref_id := element.get("featureTypeId")) is not None:
            known = self.features.get(ref_id)
        elif (ref_id := element.get("refId")) is not None:
            known = self.values[ref_id][1] if ref_id in self.values else None
        else:
            return text_of(element)
        if known is None:
            report.note(f"reference:unknown {local_name(element)}", ref_id)
            return text_of(element)
        return known

    def value_of(self, ref_id: str, report: ParseReport) -> str:
        """The text of a bare reference id (a feature's ``valueRefId``)."""
        if ref_id in self.values:
            return self.values[ref_id][1]
        report.note("reference:unknown valueRefId", ref_id)
        return ""
