"""Streaming readers of the customer files a compliance team screens.

Customer files come out of spreadsheets and core banking exports, so the readers
accept what those produce: CSV in UTF-8, UTF-8 with a byte-order mark (Excel's "CSV
UTF-8"), Windows-1252 (Excel's plain "CSV" on a western Windows), UTF-16 (Excel's
"Unicode text", tab separated), with ``,`` ``;`` tab or ``|`` separators, and JSON
lines. Decoding is per line, UTF-8 first and Windows-1252 when a line is not UTF-8,
because an Excel export is often plain ASCII for its first million rows and the first
accented name is anywhere. Rows are yielded one by one, so a file of any size is read
in constant memory; only the column names are known up front.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from fullcourt.sources.errors import SourceError
from fullcourt.sources.stream import decompress, peek

FORMATS = ("csv", "jsonl")
DELIMITERS = ",;\t|"
MAX_RECORD_LINES = 20  # a quoted cell spanning more lines is a stray quote, not an address
JSONL_HEAD_ROWS = 100  # JSON lines have no header: columns are the keys seen in these
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True, slots=True)
class CustomerRow:
    """One input row: where it is, its values by column, what was wrong with it."""

    line: int
    values: dict[str, list[str]]
    problem: str | None = None


@dataclass
class CustomerFile:
    """The column names of a customer file, and its rows as a one-pass iterator."""

    name: str
    format: str
    columns: list[str]
    rows: Iterator[CustomerRow]
    delimiter: str | None = None
    encodings: set[str] = field(default_factory=set)  # filled in while the rows are read


def sniff_customer_format(head: bytes) -> str:
    """``jsonl`` when the content starts with a JSON object, otherwise ``csv``."""
    if head.startswith(_UTF16_BOMS):
        return "csv"
    text = head.removeprefix(codecs.BOM_UTF8).lstrip()
    return "jsonl" if text.startswith(b"{") else "csv"


def read_customers(stream: BinaryIO, *, name: str, fmt: str | None = None) -> CustomerFile:
    """Open a customer file; the format is judged from the content unless given."""
    stream = decompress(stream, name)
    head = peek(stream, 65536)
    if not head.strip():
        raise SourceError("empty file", file=name)
    fmt = fmt or sniff_customer_format(head)
    if fmt == "csv":
        return _read_csv(stream, name, head)
    if fmt == "jsonl":
        return _read_jsonl(stream, name)
    raise SourceError(f"unknown customer file format {fmt!r}; use {' or '.join(FORMATS)}")


def _decoded_lines(stream: BinaryIO, name: str, used: set[str]) -> Iterator[str]:
    """Lines as text: UTF-8, or Windows-1252 for a line that is not valid UTF-8."""
    for number, raw in enumerate(stream, start=1):
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            used.add("utf-8")
            yield text
            continue
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise SourceError(
                f"neither UTF-8 nor Windows-1252 text (byte {exc.start} of the line)",
                file=name,
                line=number,
            ) from exc
        used.add("cp1252")
        yield text


def _text_lines(stream: BinaryIO, name: str, head: bytes, used: set[str]) -> Iterator[str]:
    if head.startswith(_UTF16_BOMS):
        used.add("utf-16")
        return iter(io.TextIOWrapper(stream, encoding="utf-16", newline=""))
    return _decoded_lines(stream, name, used)


def sniff_delimiter(sample: str) -> str:
    """The separator of a CSV head: csv.Sniffer, checked against the header line."""
    complete = sample[: sample.rfind("\n") + 1] or sample
    header = complete.splitlines()[0] if complete.strip() else ""
    try:
        found = csv.Sniffer().sniff(complete, delimiters=DELIMITERS).delimiter
    except csv.Error:
        found = ","
    # The sniffer can pick a character that only occurs inside names (a comma in
    # "Smith, John"); the header line is a better judge when it disagrees.
    if header.count(found) == 0:
        found = max(DELIMITERS, key=header.count)
    return found if header.count(found) else ","


def _head_text(head: bytes) -> str:
    if head.startswith(_UTF16_BOMS):
        return head.decode("utf-16", errors="ignore")
    return head.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="replace")


def _read_csv(stream: BinaryIO, name: str, head: bytes) -> CustomerFile:
    delimiter = sniff_delimiter(_head_text(head))
    used: set[str] = set()
    lines = _text_lines(stream, name, head, used)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise SourceError(f"broken CSV header: {exc}", file=name, line=1) from exc
    columns = [c.strip() for c in header or []]
    if not any(columns):
        raise SourceError("no header row", file=name, line=1)
    rows = _csv_rows(reader, columns, name)
    return CustomerFile(name, "csv", columns, rows, delimiter, used)


def _csv_rows(reader: Any, columns: list[str], name: str) -> Iterator[CustomerRow]:
    """Rows with their first line; a malformed row is yielded with its problem.

    An unterminated quote at the end of the file is fatal: every row after it was
    swallowed, and a screening run must not look complete when it is not.
    """
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader, None)
        except csv.Error as exc:
            if "end of data" in str(exc):
                raise SourceError(
                    "a quote opened here is never closed", file=name, line=start
                ) from exc
            yield CustomerRow(start, {}, f"broken CSV: {exc}")
            continue
        if cells is None:
            return
        if any(c.strip() for c in cells):
            yield _csv_row(start, reader.line_num, cells, columns)


def _csv_row(start: int, end: int, cells: list[str], columns: list[str]) -> CustomerRow:
    values = {col: [cell.strip()] for col, cell in zip(columns, cells, strict=False)}
    problem = None
    if any(c.strip() for c in cells[len(columns) :]):
        problem = f"{len(cells)} cells, the header has {len(columns)}"
    elif end - start >= MAX_RECORD_LINES:
        problem = f"one row spans lines {start}-{end}: a quote is not closed where it should be"
    return CustomerRow(start, values, problem)


def _json_values(value: Any) -> list[str] | None:
    """A JSON value as text values; None when it is an object (not a column value)."""
    if value is None:
        return []
    if isinstance(value, list):
        out = [_json_values(v) for v in value]
        return None if any(v is None for v in out) else [s for v in out if v for s in v]
    if isinstance(value, dict):
        return None
    return [str(value).strip()]


def _jsonl_row(number: int, line: str) -> CustomerRow:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return CustomerRow(number, {}, f"not JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(data, dict):
        return CustomerRow(number, {}, "not a JSON object")
    values: dict[str, list[str]] = {}
    nested = []
    for key, value in data.items():
        texts = _json_values(value)
        if texts is None:
            nested.append(key)
        else:
            values[key] = texts
    problem = f"nested objects in {', '.join(nested)}" if nested else None
    return CustomerRow(number, values, problem)


def _jsonl_rows(stream: BinaryIO, name: str, used: set[str]) -> Iterator[CustomerRow]:
    for number, line in enumerate(_decoded_lines(stream, name, used), start=1):
        if line.strip():
            yield _jsonl_row(number, line)


def _read_jsonl(stream: BinaryIO, name: str) -> CustomerFile:
    used: set[str] = set()
    rows = _jsonl_rows(stream, name, used)
    head = list(itertools.islice(rows, JSONL_HEAD_ROWS))
    columns: dict[str, None] = {}
    for row in head:
        columns.update(dict.fromkeys(row.values))
    return CustomerFile(name, "jsonl", list(columns), itertools.chain(head, rows), None, used)
