"""Compressed inputs are recognised by their bytes, and bad text names its line."""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest

from fullcourt.sources.errors import SourceError
from fullcourt.sources.stream import decompress, iter_text_lines, peek


def test_gzip_and_zip_by_content() -> None:
    raw = b'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"\n'
    assert decompress(io.BytesIO(gzip.compress(raw)), "x.txt").read() == raw
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("SDN.CSV", raw)
    buffer.seek(0)
    assert decompress(buffer, "x.bin").read() == raw
    plain = io.BytesIO(raw)
    assert decompress(plain, "x") is plain and peek(plain, 2) == b"36"


def test_zip_with_several_files_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.csv", b"a")
        archive.writestr("b.csv", b"b")
    buffer.seek(0)
    with pytest.raises(SourceError, match="holds 2 files"):
        decompress(buffer, "lists.zip")


def test_bad_encoding_names_the_line() -> None:
    stream = io.BytesIO(b"ok\nKIM Jong \xff\n")
    with pytest.raises(SourceError, match=r"^sdn.csv:2: not valid utf-8"):
        list(iter_text_lines(stream, "sdn.csv"))
