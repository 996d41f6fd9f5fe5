"""Errors are one line naming the file, the position and the field."""

from fullcourt.sources.errors import SourceError


def test_message_shapes() -> None:
    assert str(SourceError("unclosed quote", file="sdn.csv", line=10_000)) == (
        "sdn.csv:10000: unclosed quote"
    )
    assert str(SourceError("bad date", file="a.xml", line=3, field="DOB")) == (
        "a.xml:3: field 'DOB': bad date"
    )
    assert str(SourceError("empty")) == "<input>: empty"
