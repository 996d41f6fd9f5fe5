"""Opening byte streams: gzip and zip detection by content, text decoding with positions."""

from __future__ import annotations

import codecs
import gzip
import io
import zipfile
from collections.abc import Iterator
from typing import BinaryIO

from fullcourt.sources.errors import SourceError

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"


def peek(stream: BinaryIO, size: int = 4096) -> bytes:
    """The first bytes of a stream, leaving it where it was (buffers if it cannot seek)."""
    if stream.seekable():
        pos = stream.tell()
        head = stream.read(size)
        stream.seek(pos)
        return head
    raise SourceError("stream cannot be inspected; pass a seekable file")


def decompress(stream: BinaryIO, name: str) -> BinaryIO:
    """Unwrap gzip, or a zip holding one data file, judged by magic bytes not by name."""
    head = peek(stream, 4)
    if head.startswith(GZIP_MAGIC):
        return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]
    if head.startswith(ZIP_MAGIC):
        try:
            archive = zipfile.ZipFile(stream)
        except zipfile.BadZipFile as exc:
            raise SourceError(f"broken zip archive: {exc}", file=name) from exc
        members = [m for m in archive.namelist() if not m.endswith("/")]
        if len(members) != 1:
            raise SourceError(f"zip holds {len(members)} files, expected one", file=name)
        return io.BytesIO(archive.read(members[0]))
    return stream


def iter_text_lines(stream: BinaryIO, name: str, encoding: str = "utf-8") -> Iterator[str]:
    """Decoded lines; a byte sequence invalid in ``encoding`` raises with its line number."""
    decoder = codecs.getincrementaldecoder(encoding)()
    for number, raw in enumerate(stream, start=1):
        try:
            yield decoder.decode(raw)
        except UnicodeDecodeError as exc:
            raise SourceError(
                f"not valid {encoding} at byte {exc.start} of the line", file=name, line=number
            ) from exc
