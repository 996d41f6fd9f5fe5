"""Raw AIS NMEA (``!AIVDM``/``!AIVDO``) to position and static tables.

Receivers wrap the same sentences differently: IEC 62320 tag blocks
(``\\s:station,c:unixtime*hh\\``), Gatehouse ``$PGHP`` lines that time the next sentence,
and receiver suffix fields after the checksum (``,d-109,S2105,t050056.00,...,r003669946,
1325394060,...``). Each gives the receive time and station, without which a position
cannot be placed on a timeline. pyais decodes single sentences; fragments are assembled
here so that every sentence pyais would silently skip is counted in the report instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, BinaryIO

import polars as pl
from pyais.exceptions import AISBaseException
from pyais.messages import AISSentence, GatehouseSentence, NMEASentenceFactory, TagBlock

from fullcourt.sources.ais_frames import AisFrames, clean_positions, clean_statics, concat_frames
from fullcourt.sources.ais_nmea_parts import Context, Fragments
from fullcourt.sources.errors import SourceError
from fullcourt.sources.report import ParseReport

POSITION_TYPES = frozenset({1, 2, 3, 18, 19, 27})
STATIC_TYPES = frozenset({5, 19, 24})
BATCH_MESSAGES = 200_000
_SNIFF_RE = re.compile(rb"(^|\\|\n)(![A-Z]{2}VD[MO]|\$PGHP),")
_EPOCH_RE = re.compile(r"^\d{10}$")
# Receive times outside this span are corrupt tag blocks, not history.
_PLAUSIBLE = (
    datetime(1995, 1, 1, tzinfo=UTC).timestamp(),
    datetime(2100, 1, 1, tzinfo=UTC).timestamp(),
)


def sniff_nmea(head: bytes) -> bool:
    """AIS sentences (possibly behind tag blocks or Gatehouse lines) in the first bytes."""
    return _SNIFF_RE.search(head) is not None


def _epoch(text: str | None) -> datetime | None:
    """Unix seconds (or milliseconds) as a UTC time, None when absent or implausible."""
    if not text or not text.strip().isdigit():
        return None
    value = int(text)
    for seconds in (value, value / 1000):
        if _PLAUSIBLE[0] <= seconds < _PLAUSIBLE[1]:
            return datetime.fromtimestamp(seconds, tz=UTC)
    return None


def _tag_context(raw: str, report: ParseReport) -> tuple[Context, int | None]:
    """Time, station and fragment group from a tag block; an invalid block is not trusted."""
    block = TagBlock(raw.encode("ascii"))
    block.init()
    if not block.is_valid:
        report.note("nmea:bad tag block checksum", raw)
        return Context(), None
    stamp = block.receiver_timestamp
    time = _epoch(stamp)
    if stamp and time is None:
        report.note("nmea:implausible receive time", raw)
    group = block.group.group_id if block.group is not None else None
    return Context(time, block.source_station), group


def _suffix_context(suffix: str) -> Context:
    """Receiver suffix fields: ``r<station>`` and the first 10-digit Unix time."""
    fields = suffix.strip(",").split(",")
    station = next((f[1:] for f in fields if f.startswith("r") and len(f) > 1), None)
    time = next((_epoch(f) for f in fields if _EPOCH_RE.match(f)), None)
    return Context(time, station)


class _Reader:
    """Line-by-line state: the pending Gatehouse time and unfinished multi-sentence messages."""

    def __init__(self, name: str, report: ParseReport) -> None:
        self.name = name
        self.report = report
        self.gatehouse: Context | None = None
        self.fragments = Fragments(report)
        self.positions: list[dict[str, Any]] = []
        self.statics: list[dict[str, Any]] = []

    def line(self, text: str) -> None:
        text = text.strip()
        if not text or text.startswith("#"):
            return
        context, group = Context(), None
        if text.startswith("\\"):
            end = text.find("\\", 1)
            if end < 0:
                self.report.note("nmea:broken tag block", text)
                return
            context, group = _tag_context(text[1:end], self.report)
            text = text[end + 1 :]
        if text.startswith("$"):
            self._dollar(text)
        elif text.startswith("!"):
            self._sentence(text, context, group)
        else:
            self.report.note("nmea:undecodable line", text)

    def _dollar(self, text: str) -> None:
        try:
            sentence = NMEASentenceFactory.produce(text.encode("ascii"))
        except AISBaseException:
            self.report.note("nmea:other sentence", text)
            return
        if isinstance(sentence, GatehouseSentence):
            stamp = sentence.timestamp.replace(tzinfo=UTC)
            self.gatehouse = Context(stamp, sentence.pss or None)

    def _sentence(self, text: str, context: Context, group: int | None) -> None:
        star = text.find("*")
        if star < 0:
            self.report.note("nmea:broken sentence", text)
            return
        core, suffix = text[: star + 3], text[star + 3 :]
        if suffix:
            context = context.fill(_suffix_context(suffix))
        if self.gatehouse is not None:
            context, self.gatehouse = context.fill(self.gatehouse), None
        try:
            sentence = NMEASentenceFactory.produce(core.encode("ascii"))
        except AISBaseException:
            self.report.note("nmea:broken sentence", text)
            return
        if not isinstance(sentence, AISSentence):
            self.report.note("nmea:other sentence", text)
            return
        if not sentence.is_valid:
            self.report.note("nmea:bad checksum", text)
            return
        whole = self.fragments.add(sentence, context, group)
        if whole is not None:
            self._decode(*whole)

    def _decode(self, sentence: AISSentence, context: Context) -> None:
        raw = sentence.raw.decode("ascii")
        try:
            fields: dict[str, Any] = dict(sentence.decode().asdict(enum_as_int=True))
        except AISBaseException as exc:
            self.report.note(f"nmea:{type(exc).__name__}", raw)
            return
        except (ValueError, IndexError, TypeError):
            self.report.note("nmea:undecodable payload", raw)
            return
        self.report.records += 1
        kind = int(fields["msg_type"])
        if kind not in POSITION_TYPES and kind not in STATIC_TYPES:
            self.report.note(f"nmea:unused type {kind}", raw)
            return
        if context.time is None:
            self.report.note("nmea:no timestamp", raw)
        base = {"mmsi": fields["mmsi"], "timestamp": context.time, "source": self.name}
        if kind in POSITION_TYPES:
            self.positions.append(_position(fields, base, context))
        if kind in STATIC_TYPES:
            self.statics.append(_static(fields, base))

    def flush(self) -> AisFrames:
        positions = pl.DataFrame(self.positions, infer_schema_length=None)
        statics = pl.DataFrame(self.statics, infer_schema_length=None)
        self.positions, self.statics = [], []
        return AisFrames(clean_positions(positions), clean_statics(statics))


def _position(fields: dict[str, Any], base: dict[str, Any], context: Context) -> dict[str, Any]:
    speed = fields.get("speed")
    if fields["msg_type"] == 27 and speed == 63:  # long-range reports use 63 for "unknown"
        speed = None
    return {
        **base,
        "lat": fields.get("lat"),
        "lon": fields.get("lon"),
        "sog": speed,
        "cog": fields.get("course"),
        "heading": fields.get("heading"),
        "nav_status": fields.get("status"),
        "station": context.station,
    }


def _static(fields: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    return {
        **base,
        "imo": str(fields["imo"]) if fields.get("imo") else None,
        "name": fields.get("shipname"),
        "callsign": fields.get("callsign"),
        "ship_type": fields.get("ship_type"),
        "destination": fields.get("destination"),
    }


def iter_nmea(
    stream: BinaryIO, *, name: str, report: ParseReport, batch_messages: int = BATCH_MESSAGES
) -> Iterator[AisFrames]:
    """Batches of decoded messages; bad sentences are counted in ``report``, never fatal."""
    reader = _Reader(name, report)
    seen_any = False
    for number, raw in enumerate(stream, start=1):
        try:
            text = raw.decode("ascii")
        except UnicodeDecodeError:
            report.note("nmea:undecodable line", f"{name}:{number}")
            continue
        seen_any = seen_any or bool(text.strip())
        reader.line(text)
        if len(reader.positions) + len(reader.statics) >= batch_messages:
            yield reader.flush()
    if not seen_any:
        raise SourceError("empty NMEA file", file=name)
    reader.fragments.finish()
    yield reader.flush()


def read_nmea(stream: BinaryIO, *, name: str, report: ParseReport) -> AisFrames:
    """All positions and static reports of an NMEA stream, deduplicated."""
    return concat_frames(list(iter_nmea(stream, name=name, report=report)))
