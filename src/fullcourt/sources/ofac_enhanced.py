"""OFAC's enhanced XML (``SDN_ENHANCED.XML``, ``CONS_ENHANCED.XML``, zipped or not).

The file opens with its reference tables (``referenceValues``, ``featureTypes``) and
then lists ``entities``. The tables are small and read whole; the entities are streamed
one at a time and released, and the relationships between them are emitted at the end,
once every entity of the file is known. Entity ids are OFAC's own entity ids, the same
numbers as the legacy files' ``uid``/``ent_num``, so both formats give the same ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from fullcourt.model.record import Record
from fullcourt.sources.ofac_enhanced_entity import EntityReader
from fullcourt.sources.ofac_enhanced_refs import References
from fullcourt.sources.ofac_xml_links import LinkBook, PendingLink
from fullcourt.sources.ofac_xml_stream import (
    Element,
    child_texts,
    local_name,
    note_element,
    release,
    root_name,
    xml_events,
)
from fullcourt.sources.report import ParseReport
from fullcourt.sources.stream import decompress

ROOT = "sanctionsData"
_ISO_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def sniff_ofac_enhanced(head: bytes) -> bool:
    """The enhanced schema's root is ``<sanctionsData>``, for the SDN and the
    consolidated files alike (the advanced XML's root is ``<Sanctions>``)."""
    return root_name(head) == ROOT


def parse_ofac_enhanced(
    stream: BinaryIO, *, name: str, dataset: str, report: ParseReport
) -> Iterator[Record]:
    """Entities with their Sanctions, then stubs and relationship entities."""
    refs = References()
    reader = EntityReader(refs, report)
    links = LinkBook(dataset, report)
    depth = 0
    for event, element in xml_events(decompress(stream, name), name, ROOT):
        depth += 1 if event == "start" else -1
        if event == "start" or depth > 2:
            continue
        if depth == 2 and local_name(element) == "entity":
            yield from _entity(reader, element, name, dataset, links)
            release(element)
        elif depth == 1:
            _top_level(element, refs, report)
            release(element)
    yield from links.resolve()


def _top_level(element: Element, refs: References, report: ParseReport) -> None:
    tag = local_name(element)
    if tag == "publicationInfo":
        _publication(element, report)
    elif tag == "referenceValues":
        refs.read_values(element, report)
    elif tag == "featureTypes":
        refs.read_features(element, report)
    elif tag != "entities":
        note_element(report, f"{ROOT}/{tag}", element)


def _publication(element: Element, report: ParseReport) -> None:
    fields = child_texts(element, ("dataAsOf", "filters"), "publicationInfo", report)
    as_of = fields.get("dataAsOf", "")
    if _ISO_DAY_RE.match(as_of):
        report.published = as_of[:10]
    elif as_of:
        report.note("dataAsOf", as_of)


def _entity(
    reader: EntityReader, element: Element, file: str, dataset: str, links: LinkBook
) -> Iterator[Record]:
    reading = reader.read(element, file)
    draft = reading.draft
    entity, sanction = draft.build(dataset, reader.report)
    reader.report.records += 1
    links.register(entity, reading.names.primary, reading.names.aliases)
    for link in reading.links:
        links.add(link)
    for named in draft.name_links:
        links.add(PendingLink(draft.entity_id, named.role, named.name))
    yield Record(entity, source_id=draft.source_id)
    yield Record(sanction)
