"""Customer files as spreadsheets and exports write them: encodings, separators, JSON lines.

The fixture ``tests/cli/fixtures/customers.csv`` (UTF-8, 28 rows) is re-encoded here the
way Excel saves it, and every variant must read back to the same rows.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fullcourt.sources.customers import (
    CustomerFile,
    read_customers,
    sniff_customer_format,
    sniff_delimiter,
)
from fullcourt.sources.errors import SourceError

FIXTURE = Path(__file__).parents[1] / "cli" / "fixtures" / "customers.csv"
HEADER = ["ID", "Type", "Full Name", "DOB", "Nationality", "IMO", "Passport"]


def read(data: bytes, name: str = "customers.csv", fmt: str | None = None) -> CustomerFile:
    return read_customers(io.BytesIO(data), name=name, fmt=fmt)


def names(data: bytes) -> dict[str, str]:
    found = read(data)
    return {r.values["ID"][0]: r.values["Full Name"][0] for r in found.rows}


def semicolons(text: str) -> str:
    """The fixture as a German or French Excel saves it: ``;`` between cells."""
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(csv.reader(io.StringIO(text)))
    return out.getvalue()


@pytest.fixture(scope="module")
def text() -> str:
    return FIXTURE.read_text(encoding="utf-8")


def test_the_utf8_fixture_reads_row_by_row(text: str) -> None:
    found = read(text.encode("utf-8"))
    assert found.format == "csv"
    assert found.delimiter == ","
    assert found.columns == HEADER
    assert isinstance(found.rows, Iterator)  # one pass, never a list of all rows
    rows = list(found.rows)
    assert len(rows) == 28
    assert rows[0].line == 2
    assert rows[0].values["Full Name"] == ["KIM JONG-UN"]
    assert rows[11].values["Full Name"] == ["Garcia, Maria"]  # comma inside quotes
    assert rows[8].values["IMO"] == ["IMO 9562233"]
    assert rows[26].values["Full Name"] == [""]
    assert found.encodings == {"utf-8"}


@pytest.mark.parametrize(
    ("encode", "encodings"),
    [
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), {"utf-8"}),  # Excel "CSV UTF-8"
        (lambda t: t.encode("cp1252"), {"utf-8", "cp1252"}),  # Excel "CSV" on Windows
        (lambda t: semicolons(t).encode("cp1252"), {"utf-8", "cp1252"}),  # and in Europe
        (lambda t: semicolons(t).encode("utf-8"), {"utf-8"}),
        (lambda t: gzip.compress(t.encode("utf-8")), {"utf-8"}),  # compressed export
    ],
    ids=["utf8-bom", "cp1252", "cp1252-semicolon", "utf8-semicolon", "gzip"],
)
def test_excel_variants_read_to_the_same_rows(
    text: str, encode: Callable[[str], bytes], encodings: set[str]
) -> None:
    data = encode(text)
    found = read(data)
    assert found.columns == HEADER  # no BOM left on "ID"
    rows = {r.values["ID"][0]: r.values["Full Name"][0] for r in found.rows}
    assert rows == names(text.encode("utf-8"))
    assert rows["C013"] == "José Álvarez"
    assert rows["C024"] == "Søren Nielsen"
    assert found.encodings == encodings


def test_utf16_tab_separated_unicode_text(text: str) -> None:
    """Excel's "Unicode text": UTF-16 with a BOM, tab separated."""
    tabbed = io.StringIO()
    csv.writer(tabbed, delimiter="\t").writerows(csv.reader(io.StringIO(text)))
    found = read(tabbed.getvalue().encode("utf-16"))
    assert found.delimiter == "\t"
    assert found.columns == HEADER
    rows = {r.values["ID"][0]: r.values["Full Name"][0] for r in found.rows}
    assert rows["C015"] == "Anna Müller"
    assert found.encodings == {"utf-16"}


def test_a_late_accented_line_falls_back_alone() -> None:
    """An export that is ASCII for thousands of rows, then one Windows-1252 name."""
    lines = [b"id,name\n"] + [f"{i},Name {i}\n".encode() for i in range(3000)]
    lines.append("3000,Zoë Brontë\n".encode("cp1252"))
    rows = list(read(b"".join(lines)).rows)
    assert rows[-1].values["name"] == ["Zoë Brontë"]
    assert rows[-1].line == 3002


@pytest.mark.parametrize(
    ("sample", "delimiter"),
    [
        ("ID,Name\n1,Smith\n", ","),
        ("ID;Name;DOB\n1;Smith, John;1980\n2;Doe, Jane;1970\n", ";"),  # commas in names
        ("ID\tName\n1\tSmith\n", "\t"),
        ("ID|Name\n1|Smith\n", "|"),
        ("Name\nSmith\nDoe\n", ","),  # one column: nothing to split
        ("ID;Name\n1;Smi", ";"),  # head cut inside a row
    ],
)
def test_sniff_delimiter(sample: str, delimiter: str) -> None:
    assert sniff_delimiter(sample) == delimiter


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b'{"name": "x"}\n', "jsonl"),
        (codecs.BOM_UTF8 + b'  {"name": "x"}\n', "jsonl"),
        (b"name\nx\n", "csv"),
        ("name\n".encode("utf-16"), "csv"),
    ],
)
def test_sniff_customer_format(head: bytes, fmt: str) -> None:
    assert sniff_customer_format(head) == fmt


def test_json_lines_values_lists_and_problems() -> None:
    lines = [
        {"id": "J1", "name": "KIM JONG-UN", "dob": "1984-01-08"},
        {"id": "J2", "name": ["Woory Star", "Stella Polaris"], "imo": 8408595},  # list, number
        {"id": "J3", "name": "Acme", "address": {"city": "Oslo"}},  # nested: not a value
        {"id": "J4", "name": None, "passport": "563410155"},
    ]
    data = "\n".join(json.dumps(line) for line in lines[:2])
    data += "\n\n{not json\n" + "\n".join(json.dumps(line) for line in lines[2:]) + "\n"
    found = read(data.encode(), name="customers.jsonl")
    assert found.format == "jsonl"
    assert found.columns == ["id", "name", "dob", "imo", "passport"]  # no nested "address"
    rows = list(found.rows)
    assert [r.line for r in rows] == [1, 2, 4, 5, 6]  # the blank line 3 is skipped
    assert rows[1].values["name"] == ["Woory Star", "Stella Polaris"]
    assert rows[1].values["imo"] == ["8408595"]
    assert rows[2].problem is not None and rows[2].problem.startswith("not JSON")
    assert rows[3].problem == "nested objects in address"
    assert rows[4].values["name"] == []


def test_json_lines_columns_come_from_the_first_hundred_rows() -> None:
    rows = [{"id": str(i), "name": f"n{i}"} for i in range(150)]
    rows[60]["imo"] = "9562233"
    rows[120]["late"] = "x"
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    found = read(data)
    assert found.columns == ["id", "name", "imo"]
    assert sum(1 for _ in found.rows) == 150


def test_shifted_and_broken_rows_are_reported_not_fatal() -> None:
    data = b'id,name\n1,Smith, John\n2,"Doe" Jane\n3,Ok\n4,"multi\nline"\n'
    rows = list(read(data).rows)
    assert [(r.line, r.problem) for r in rows] == [
        (2, "3 cells, the header has 2"),  # an unquoted comma shifted the cells
        (3, "broken CSV: ',' expected after '\"'"),
        (4, None),
        (5, None),  # a quoted cell over two lines starts at line 5
    ]
    assert rows[3].values["name"] == ["multi\nline"]


def test_a_stray_quote_that_swallows_many_lines_is_flagged() -> None:
    data = b'id,name\n1,"Smith\n' + b"".join(f"{i},x\n".encode() for i in range(2, 40)) + b'"\n'
    rows = list(read(data).rows)
    assert len(rows) == 1
    assert rows[0].problem == ("one row spans lines 2-41: a quote is not closed where it should be")


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b"", "empty file", None),
        (b"  \n\n", "empty file", None),
        (b'id,name\n1,ok\n2,"never closed\n3,x\n', "a quote opened here is never closed", 3),
        (b"id,name\n1,ok\n2,bad \x81 byte\n", "neither UTF-8 nor Windows-1252", 3),
        (b",,\n1,2,3\n", "no header row", 1),
    ],
    ids=["empty", "blank", "unterminated-quote", "undecodable", "no-header"],
)
def test_bad_files_raise_with_file_and_line(data: bytes, message: str, line: int | None) -> None:
    with pytest.raises(SourceError, match=message) as caught:
        list(read(data, name="bad.csv").rows)
    assert caught.value.file == "bad.csv"
    assert caught.value.line == line


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(SourceError, match="unknown customer file format 'xlsx'"):
        read(b"id,name\n", fmt="xlsx")
