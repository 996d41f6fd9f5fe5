"""Streaming OFAC's XML files with lxml, whatever namespace a given publication uses.

OFAC has moved both of its XML schemas between namespaces over the years (``tempuri.org``
for the old sdn.xml, the sanctions list service URL for newer files, and the SDN and
consolidated variants differ again), so elements are matched on their local name only.
Every lxml error is turned into a :class:`SourceError` naming the file and line, because
a truncated download must stop an import, never load a silently shortened list.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from lxml import etree

from fullcourt.sources.errors import SourceError
from fullcourt.sources.report import ParseReport

Element = etree._Element

_FIRST_TAG_RE = re.compile(rb"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")


def local_name(element: Element) -> str:
    """``sdnEntry`` for ``{http://tempuri.org/sdnList.xsd}sdnEntry``."""
    tag = element.tag
    if not isinstance(tag, str):  # comments and processing instructions
        return ""
    return tag.rsplit("}", 1)[-1]


def text_of(element: Element | None) -> str:
    """Stripped text, empty for a missing or empty element."""
    if element is None or element.text is None:
        return ""
    return element.text.strip()


def line_of(element: Element) -> int | None:
    """The source line of an element (lxml's stubs type it loosely)."""
    line = element.sourceline
    return line if isinstance(line, int) else None


def root_name(head: bytes) -> str | None:
    """Local name of the first element in the first bytes of a file, for sniffing."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    while body.startswith((b"<?", b"<!")):
        closer = b"?>" if body.startswith(b"<?") else b"-->" if body.startswith(b"<!--") else b">"
        end = body.find(closer)
        if end < 0:
            return None
        body = body[end + len(closer) :].lstrip(b" \t\r\n")
    match = _FIRST_TAG_RE.match(body)
    return match.group(2).decode("ascii") if match else None


def xml_events(stream: BinaryIO, name: str, root: str) -> Iterator[tuple[str, Element]]:
    """``start``/``end`` events of a document whose root element must be ``root``."""
    events = etree.iterparse(
        stream,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        remove_comments=True,
        huge_tree=True,
    )
    seen_root = False
    try:
        for event, element in events:
            if not seen_root:
                seen_root = True
                if local_name(element) != root:
                    raise SourceError(
                        f"root element <{local_name(element)}> where <{root}> was expected",
                        file=name,
                        line=line_of(element),
                    )
            yield event, element
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, name) from exc
    except (EOFError, OSError, zlib.error) as exc:  # a gzip stream cut or corrupted
        raise SourceError(f"broken compressed data: {exc}", file=name) from exc


def _syntax_error(exc: etree.XMLSyntaxError, name: str) -> SourceError:
    line, column = exc.position if exc.position else (exc.lineno or 0, 0)
    if line == 0:
        return SourceError("empty file: no XML element found", file=name, line=1)
    return SourceError(f"malformed XML at column {column}: {exc.msg}", file=name, line=line)


def release(element: Element) -> None:
    """Free a processed element and the siblings before it, keeping memory flat."""
    element.clear()
    parent = element.getparent()
    if parent is None:
        return
    while element.getprevious() is not None:
        del parent[0]


def child_texts(
    element: Element, known: Iterable[str], context: str, report: ParseReport
) -> dict[str, str]:
    """Texts of the simple children of ``element``; children not in ``known`` are noted.

    Used for the leaf records of both schemas (an alias, an address, an id), whose
    children never repeat.
    """
    allowed = set(known)
    values: dict[str, str] = {}
    for child in element:
        name = local_name(child)
        if name not in allowed:
            note_element(report, f"{context}/{name}", child)
            continue
        values[name] = text_of(child)
    return values


def note_element(report: ParseReport, path: str, element: Element) -> None:
    """Count an element this parser does not know, with its text as the example."""
    text = "".join(str(part) for part in element.itertext())
    example = " ".join(text.split()) or "(empty)"
    report.note(f"element:{path}", example)


def child_elements(
    element: Element, known: Iterable[str], context: str, report: ParseReport
) -> dict[str, Element]:
    """Children by local name, for records whose children carry attributes (``refId``);
    children not in ``known`` are noted."""
    allowed = set(known)
    found: dict[str, Element] = {}
    for child in element:
        name = local_name(child)
        if name in allowed:
            found[name] = child
        else:
            note_element(report, f"{context}/{name}", child)
    return found
