"""One ``entities/entity`` of OFAC's enhanced XML, read into a :class:`Draft`.

The enhanced format states what the legacy one leaves to text: each feature has a type,
a machine-readable date span and a reliability, each relationship names the OFAC id of
the other party. Values land in the same FtM properties as the legacy parser's, through
the same label table, so both formats give comparable entities.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from fullcourt.sources.errors import SourceError
from fullcourt.sources.ofac_enhanced_names import NameIndex, read_addresses, read_names
from fullcourt.sources.ofac_enhanced_refs import References
from fullcourt.sources.ofac_xml_draft import Draft
from fullcourt.sources.ofac_xml_labels import lookup, span_dates, written_dates
from fullcourt.sources.ofac_xml_links import PendingLink
from fullcourt.sources.ofac_xml_stream import (
    Element,
    child_elements,
    line_of,
    local_name,
    note_element,
    text_of,
)
from fullcourt.sources.report import ParseReport

_FEATURE_KNOWN = (
    "type",
    "versionId",
    "value",
    "valueRefId",
    "valueDate",
    "isPrimary",
    "reliability",
    "comments",
)
_DOCUMENT_KNOWN = (
    "type",
    "name",
    "documentNumber",
    "isValid",
    "issuingCountry",
    "issuingAuthority",
    "issuingLocation",
)


@dataclass(slots=True)
class EntityReading:
    """An entry's values, the names others may link to it by, and its relationships."""

    draft: Draft
    names: NameIndex = field(default_factory=NameIndex)
    links: list[PendingLink] = field(default_factory=list)


Section = Callable[[EntityReading, Element], None]


class EntityReader:
    """Reads entities against the reference tables of their file."""

    def __init__(self, refs: References, report: ParseReport) -> None:
        self.refs = refs
        self.report = report
        self._sections: dict[str, Section] = {
            "generalInfo": self._general,
            "sanctionsLists": self._lists,
            "sanctionsPrograms": self._coded("program"),
            "sanctionsTypes": self._coded("provisions"),
            "legalAuthorities": self._coded("summary"),
            "names": self._names,
            "addresses": lambda r, e: read_addresses(r.draft, e, self.refs, self.report),
            "features": self._features,
            "identityDocuments": self._documents,
            "relationships": self._relationships,
        }

    def read(self, element: Element, file: str) -> EntityReading:
        source_id = (element.get("id") or "").strip()
        if not source_id:
            raise SourceError("entity without id", file=file, line=line_of(element), field="id")
        reading = EntityReading(Draft(source_id, ""))
        for child in element:
            section = self._sections.get(local_name(child))
            if section is None:
                note_element(self.report, f"entity/{local_name(child)}", child)
            else:
                section(reading, child)
        return reading

    def _general(self, reading: EntityReading, element: Element) -> None:
        known = ("identityId", "entityType", "remarks")
        parts = child_elements(element, known, "generalInfo", self.report)
        reading.draft.entry_type = self.refs.text(parts.get("entityType"), self.report)
        reading.draft.add("notes", text_of(parts.get("remarks")))

    def _lists(self, reading: EntityReading, element: Element) -> None:
        """List names as provisions (they set the scope: SSI, NS-MBS...), and the first
        publication on any list as the listing date."""
        dates = []
        for item in element:
            reading.draft.add_sanction("provisions", self.refs.text(item, self.report))
            dates.append((item.get("datePublished") or "")[:10])
        if any(dates):
            reading.draft.add_sanction("listingDate", min(d for d in dates if d))

    def _coded(self, prop: str) -> Section:
        def read(reading: EntityReading, element: Element) -> None:
            for item in element:
                reading.draft.add_sanction(prop, self.refs.text(item, self.report))

        return read

    def _names(self, reading: EntityReading, element: Element) -> None:
        found = read_names(reading.draft, element, self.refs, self.report)
        reading.names.primary.extend(found.primary)
        reading.names.aliases.extend(found.aliases)

    def _features(self, reading: EntityReading, element: Element) -> None:
        for feature in element:
            parts = child_elements(feature, _FEATURE_KNOWN, "features/feature", self.report)
            label = self.refs.text(parts.get("type"), self.report)
            value = text_of(parts.get("value"))
            if "valueRefId" in parts:
                value = self.refs.value_of(text_of(parts["valueRefId"]), self.report) or value
            target = lookup(label)
            if target is None:
                self.report.note(f"feature:{label}", value)
            elif target.kind == "date" and not target.sanction:
                for iso in self._dates(parts.get("valueDate"), value):
                    reading.draft.add(target.prop, iso)
            else:
                reading.draft.apply_target(target, label, value, self.report)

    def _dates(self, element: Element | None, written: str) -> list[str]:
        """The span OFAC computed (``fromDateBegin`` .. ``toDateEnd``), else the text."""
        if element is not None:
            parts = {local_name(child): text_of(child)[:10] for child in element}
            begin, end = parts.get("fromDateBegin", ""), parts.get("toDateEnd", "")
            if begin and end:
                return span_dates(begin, end)
        dates = written_dates(written)
        if not dates:
            self.report.note("date:feature", written)
        return dates

    def _documents(self, reading: EntityReading, element: Element) -> None:
        for document in element:
            context = "identityDocuments/identityDocument"
            parts = child_elements(document, _DOCUMENT_KNOWN, context, self.report)
            label = self.refs.text(parts.get("type"), self.report)
            number = text_of(parts.get("documentNumber"))
            if number:
                reading.draft.apply(label, number, self.report, "identityDocument")

    def _relationships(self, reading: EntityReading, element: Element) -> None:
        known = ("type", "relatedEntity", "quality")
        for relationship in element:
            parts = child_elements(relationship, known, "relationship", self.report)
            related = parts.get("relatedEntity")
            if related is None:
                note_element(self.report, "relationship/(no relatedEntity)", relationship)
                continue
            quality = self.refs.text(parts.get("quality"), self.report)
            link = PendingLink(
                subject=reading.draft.entity_id,
                role=self.refs.text(parts.get("type"), self.report) or "Linked To",
                name=text_of(related),
                target_id=(related.get("entityId") or "").strip() or None,
                detail=f"Relationship quality: {quality}" if quality else None,
            )
            reading.links.append(link)
