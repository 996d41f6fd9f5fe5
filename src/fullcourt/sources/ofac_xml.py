"""OFAC's legacy XML schema: ``sdn.xml`` and ``consolidated.xml`` (``<sdnList>``).

The XML carries as elements what the CSV hides in remarks (ids, dates of birth,
nationalities, vessel data), so most of an entry maps field by field. What stays in
free text is ``remarks``: it is kept whole as notes, and only its ``Linked To:`` items
are read (by the small ``linked_names`` of ofac_xml_entry), to link entries of the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from fullcourt.model.record import Record
from fullcourt.sources.errors import SourceError
from fullcourt.sources.ofac_xml_draft import Draft
from fullcourt.sources.ofac_xml_entry import ENTRY_SECTIONS, full_name
from fullcourt.sources.ofac_xml_links import LinkBook, PendingLink
from fullcourt.sources.ofac_xml_stream import (
    Element,
    child_texts,
    line_of,
    local_name,
    note_element,
    release,
    root_name,
    text_of,
    xml_events,
)
from fullcourt.sources.report import ParseReport
from fullcourt.sources.stream import decompress

ROOT = "sdnList"
_US_DATE_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def sniff_ofac_xml(head: bytes) -> bool:
    """The legacy schema's root is ``<sdnList>``, whatever its namespace."""
    return root_name(head) == ROOT


def parse_ofac_xml(
    stream: BinaryIO, *, name: str, dataset: str, report: ParseReport
) -> Iterator[Record]:
    """Entries of an sdn.xml or consolidated.xml, each with its Sanction, then links."""
    links = LinkBook(dataset, report)
    declared: int | None = None
    count, depth = 0, 0
    for event, element in xml_events(decompress(stream, name), name, ROOT):
        depth += 1 if event == "start" else -1
        if event == "start" or depth != 1:
            continue
        tag = local_name(element)
        if tag == "sdnEntry":
            count += 1
            yield from _entry(element, name, dataset, report, links)
        elif tag == "publshInformation":
            declared = _publish_information(element, report)
        else:
            note_element(report, f"{ROOT}/{tag}", element)
        release(element)
    if declared is not None and declared != count:
        report.note("Record_Count", f"file declares {declared} entries and holds {count}")
    yield from links.resolve()


def _publish_information(element: Element, report: ParseReport) -> int | None:
    """Publish_Date (MM/DD/YYYY, US order) to ``report.published``; the declared count."""
    fields = child_texts(element, ("Publish_Date", "Record_Count"), "publshInformation", report)
    match = _US_DATE_RE.match(fields.get("Publish_Date", ""))
    if match:
        month, day, year = (int(part) for part in match.groups())
        report.published = f"{year:04d}-{month:02d}-{day:02d}"
    elif fields.get("Publish_Date"):
        report.note("Publish_Date", fields["Publish_Date"])
    count = fields.get("Record_Count", "")
    return int(count) if count.isdigit() else None


def _entry(
    element: Element, file: str, dataset: str, report: ParseReport, links: LinkBook
) -> Iterator[Record]:
    uid = text_of(_child(element, "uid"))
    if not uid:
        raise SourceError("sdnEntry without uid", file=file, line=line_of(element), field="uid")
    draft = Draft(uid, text_of(_child(element, "sdnType")))
    names = _primary_names(draft, element)
    for child in element:
        tag = local_name(child)
        handler = ENTRY_SECTIONS.get(tag)
        if handler is not None:
            handler(draft, child, report)
        elif tag not in ("uid", "sdnType", "firstName", "lastName"):
            note_element(report, f"sdnEntry/{tag}", child)
    entity, sanction = draft.build(dataset, report)
    report.records += 1
    links.register(entity, names, entity.get("alias"))
    for link in draft.name_links:
        links.add(PendingLink(draft.entity_id, link.role, link.name))
    yield Record(entity, source_id=uid)
    yield Record(sanction)


def _child(element: Element, tag: str) -> Element | None:
    return next((c for c in element if local_name(c) == tag), None)


def _primary_names(draft: Draft, element: Element) -> list[str]:
    """Adds the name; returns it in both orders, since ``Linked To:`` writes
    ``LAST, First`` for people."""
    first = text_of(_child(element, "firstName"))
    last = text_of(_child(element, "lastName"))
    draft.add("name", full_name(first, last))
    if draft.entry_type.lower() == "individual":
        draft.add("firstName", first)
        draft.add("lastName", last)
    written = f"{last}, {first}" if first and last else last or first
    return [written, full_name(first, last)]
