"""Reading the rows of OFAC's legacy CSV files, with positions for every error.

The files (``sdn.csv``, ``add.csv``, ``alt.csv``, ``sdn_comments.csv`` and the
consolidated ``cons_*.csv``) have no header in the official copies, write ``-0-``
(often ``-0- `` with a space) for an empty field, end with a DOS end-of-file byte
(``\\x1a``) on a line of its own, and never break a field across lines. A row that
breaks any of these rules is a damaged or different file, reported with file and line.
"""

from __future__ import annotations

import csv
import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from fullcourt.sources.errors import SourceError
from fullcourt.sources.stream import decompress, iter_text_lines

EMPTY = "-0-"
EOF_MARK = "\x1a"
SDN_WIDTH = 12
ADD_WIDTH = 6
ALT_WIDTH = 5
COMMENTS_WIDTH = 2
SDN_COLUMNS = (
    "ent_num",
    "name",
    "type",
    "program",
    "title",
    "call_sign",
    "vessel_type",
    "tonnage",
    "grt",
    "vessel_flag",
    "vessel_owner",
    "remarks",
)


def cell(value: str) -> str | None:
    """The field's text, ``None`` for OFAC's empty marker ``-0-``."""
    text = value.strip()
    return None if not text or text == EMPTY else text


def is_header(row: list[str]) -> bool:
    """Some public copies add a header row (``ent_num,SDN_name,...``)."""
    return bool(row) and row[0].strip().lstrip("\ufeff").lower() == "ent_num"


def stream_name(stream: BinaryIO | None, default: str) -> str:
    name = getattr(stream, "name", None)
    return name if isinstance(name, str) else default


def read_rows(
    stream: BinaryIO, name: str, width: int, *, allow_empty: bool = False
) -> Iterator[tuple[int, list[str]]]:
    """``(line, fields)`` of each data row; the header and the EOF byte are skipped."""
    lines = iter_text_lines(decompress(stream, name), name, "utf-8-sig")
    reader = csv.reader(lines, strict=True)
    rows = 0
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise SourceError(f"broken CSV quoting: {exc}", file=name, line=start) from exc
        except (EOFError, OSError, zlib.error) as exc:  # truncated or corrupt gzip
            raise SourceError(f"unreadable compressed data: {exc}", file=name, line=start) from exc
        if not row or row == [EOF_MARK] or (start == 1 and is_header(row)):
            continue
        _check_row(row, name, start, width, reader.line_num)
        rows += 1
        yield start, row
    if rows == 0 and not allow_empty:
        raise SourceError("empty file", file=name)


def _check_row(row: list[str], name: str, line: int, width: int, end: int) -> None:
    if end != line:
        raise SourceError("line break inside a field (unclosed quote?)", file=name, line=line)
    if len(row) != width:
        raise SourceError(f"{len(row)} columns, expected {width}", file=name, line=line)
    if not row[0].strip().isdigit():
        raise SourceError(
            f"not an entry number: {row[0][:30]!r}", file=name, line=line, field="ent_num"
        )


@dataclass(frozen=True, slots=True)
class AddressRow:
    address: str | None
    city: str | None
    country: str | None
    remarks: str | None

    @property
    def full(self) -> str:
        return ", ".join(part for part in (self.address, self.city, self.country) if part)


@dataclass(frozen=True, slots=True)
class AliasRow:
    kind: str
    name: str
    remarks: str | None


def load_addresses(stream: BinaryIO, name: str) -> dict[str, list[AddressRow]]:
    """Addresses by entry number, in file order (the file is small)."""
    found: dict[str, list[AddressRow]] = defaultdict(list)
    for _, row in read_rows(stream, name, ADD_WIDTH, allow_empty=True):
        found[row[0].strip()].append(AddressRow(*(cell(v) for v in row[2:6])))
    return found


def load_aliases(stream: BinaryIO, name: str) -> dict[str, list[AliasRow]]:
    """Aliases by entry number; a row without a name is a damaged row."""
    found: dict[str, list[AliasRow]] = defaultdict(list)
    for line, row in read_rows(stream, name, ALT_WIDTH, allow_empty=True):
        alias = cell(row[3])
        if alias is None:
            raise SourceError("alias without a name", file=name, line=line, field="alt_name")
        found[row[0].strip()].append(AliasRow((cell(row[2]) or "").lower(), alias, cell(row[4])))
    return found


def load_comments(stream: BinaryIO, name: str) -> dict[str, str]:
    """The rest of remarks cut at 1,000 characters in ``sdn.csv``, by entry number.

    OFAC cuts the remark mid-word and continues it here verbatim, so the two parts are
    joined without a separator (``...PROMO RAI`` + ``Z S.A.S.; ...``).
    """
    found: dict[str, str] = {}
    for _, row in read_rows(stream, name, COMMENTS_WIDTH, allow_empty=True):
        key = row[0].strip()
        found[key] = found.get(key, "") + row[1]
    return found
