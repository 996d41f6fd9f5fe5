"""Assembling two-sentence messages from the real tag-block feed, fragment by fragment."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pyais.messages import AISSentence, NMEASentenceFactory

from fullcourt.sources.ais_nmea_parts import Context, Fragments
from fullcourt.sources.report import ParseReport

# Lines 11-12 of aisdb/test_data_20211101.nm4, tag blocks stripped:
# \g:1-2-3454,s:41925,c:1635731893,...\ and \g:2-2-3454*5B\
FIRST = b"!AIVDM,2,1,2,,57`B?hl2CdtQ`lO;SK9L4Tl5@62222222222220l1@>666QVS>1jDhSl,0*20"
SECOND = b"!AIVDM,2,2,2,,SQH888888888880,2*15"


def _sentence(raw: bytes) -> AISSentence:
    sentence = NMEASentenceFactory.produce(raw)
    assert isinstance(sentence, AISSentence)
    return sentence


def test_lines_are_in_the_file(shared: Path) -> None:
    text = (shared / "ais/aisdb/test_data_20211101.nm4").read_bytes()
    assert FIRST in text and SECOND in text


def test_group_assembles_with_first_context() -> None:
    report = ParseReport()
    fragments = Fragments(report)
    when = datetime(2021, 11, 1, 1, 58, 13, tzinfo=UTC)
    assert fragments.add(_sentence(FIRST), Context(when, "41925"), 3454) is None
    whole = fragments.add(_sentence(SECOND), Context(), 3454)
    assert whole is not None
    message, context = whole
    assert context == Context(when, "41925")
    assert message.decode().shipname == "WAIMATA"  # type: ignore[union-attr]
    assert not report.unknown


def test_unmatched_fragments_are_counted() -> None:
    report = ParseReport()
    fragments = Fragments(report)
    assert fragments.add(_sentence(SECOND), Context(), None) is None  # no first part
    assert fragments.add(_sentence(FIRST), Context(), None) is None
    assert fragments.add(_sentence(FIRST), Context(), None) is None  # restarts: first lost
    fragments.finish()  # second first part never completed
    assert report.unknown["nmea:orphan fragment"] == 1
    assert report.unknown["nmea:incomplete multi-sentence message"] == 2


def test_context_fill() -> None:
    when = datetime(2020, 1, 1, tzinfo=UTC)
    assert Context(None, "a").fill(Context(when, "b")) == Context(when, "a")
