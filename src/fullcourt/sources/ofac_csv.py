"""OFAC's legacy CSV lists (``sdn.csv`` and the consolidated ``cons_prim.csv``).

The main file streams row by row; the auxiliary files (addresses, aliases, remark
overflow) are keyed by entry number and small, so they are read into memory first.
``Linked To`` names and vessel owners are resolved against the names of the same file
once it has been read, because a link may point further down the file; the resolution
is the sdn.xml parser's (:class:`LinkBook`), so both formats link alike.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import BinaryIO

from fullcourt.model.entity import Entity
from fullcourt.model.record import Record
from fullcourt.sources.ofac_csv_entry import build_entry, titles
from fullcourt.sources.ofac_csv_rows import (
    ADD_WIDTH,
    ALT_WIDTH,
    COMMENTS_WIDTH,
    EMPTY,
    SDN_WIDTH,
    is_header,
    load_addresses,
    load_aliases,
    load_comments,
    read_rows,
    stream_name,
)
from fullcourt.sources.ofac_remarks import parse_remarks
from fullcourt.sources.ofac_xml_links import LinkBook
from fullcourt.sources.report import ParseReport

# sdn.csv cuts remarks at 1,000 characters and continues them in sdn_comments.csv.
REMARK_CUT = 1000
_SDN_TYPES = frozenset({"individual", "vessel", "aircraft", EMPTY})
_ALT_TYPES = frozenset({"aka", "fka", "nka"})


def parse_ofac_csv(
    sdn: BinaryIO,
    *,
    name: str,
    dataset: str,
    report: ParseReport,
    addresses: BinaryIO | None = None,
    aliases: BinaryIO | None = None,
    comments: BinaryIO | None = None,
) -> Iterator[Record]:
    """Entries of ``sdn`` (plain, gzip or zip), then the links between them."""
    adds = {} if addresses is None else load_addresses(addresses, stream_name(addresses, "add"))
    alts = {} if aliases is None else load_aliases(aliases, stream_name(aliases, "alt"))
    more = {} if comments is None else load_comments(comments, stream_name(comments, "comments"))
    unused = set(more)
    links = LinkBook(dataset, report)
    for _, row in read_rows(sdn, name, SDN_WIDTH):
        ent_num = row[0].strip()
        remark = "" if row[11].strip() == EMPTY else row[11]
        unused.discard(ent_num)
        if len(remark) >= REMARK_CUT and ent_num not in more:
            report.note("remark:cut without sdn_comments", f"{ent_num}: ...{remark[-60:]}")
        entry = build_entry(
            row,
            parse_remarks(remark + more.get(ent_num, ""), titles(row[4])),
            dataset,
            report,
            adds.get(ent_num, []),
            alts.get(ent_num, []),
        )
        report.records += 1
        written = row[1].strip()
        links.register(entry.entity, [written, *entry.entity.get("name")], _aliases(entry.entity))
        for link in entry.links:
            links.add(link)
        yield Record(entry.entity, source_id=ent_num)
        yield from (Record(derived) for derived in entry.derived)
    for ent_num in sorted(unused):
        report.note("comments:no entry", ent_num)
    yield from links.resolve()


def _aliases(entity: Entity) -> list[str]:
    """Names a vessel owner may be written as (``NITC``), weak aliases included."""
    return [*entity.get("alias"), *entity.get("weakAlias")]


def _complete_rows(head: bytes) -> list[list[str]]:
    """The rows of ``head`` that end within it, header and EOF byte dropped."""
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines = lines[:-1]
    try:
        rows = list(csv.reader(lines, strict=True))
    except csv.Error:
        return []
    return [row for row in rows if row and row != ["\x1a"] and not is_header(row)]


def _first_row(head: bytes) -> list[str] | None:
    rows = _complete_rows(head)
    if rows:
        return rows[0]
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff").splitlines()
    data = [line for line in text if line and not is_header(_parse_line(line) or [])]
    # A comments row may be longer than the head: closing its quote makes it readable.
    return _parse_line(data[0] + '"') if data else None


def _parse_line(line: str) -> list[str] | None:
    try:
        return next(csv.reader([line]), None)
    except csv.Error:  # NUL bytes: not a text file
        return None


def sniff_ofac_csv(head: bytes) -> bool:
    """Twelve columns starting with an entry number, a name and an OFAC type."""
    row = _first_row(head)
    return (
        row is not None
        and len(row) == SDN_WIDTH
        and row[0].strip().isdigit()
        and row[2].strip() in _SDN_TYPES
    )


def sniff_ofac_aux(head: bytes) -> str | None:
    """``"add"``, ``"alt"`` or ``"comments"`` for OFAC's auxiliary CSV files, by shape."""
    row = _first_row(head)
    if row is None or not row[0].strip().isdigit():
        return None
    if len(row) == ADD_WIDTH and row[1].strip().isdigit():
        return "add"
    if len(row) == ALT_WIDTH and row[1].strip().isdigit() and row[2].strip() in _ALT_TYPES:
        return "alt"
    if len(row) == COMMENTS_WIDTH:
        return "comments"
    return None
