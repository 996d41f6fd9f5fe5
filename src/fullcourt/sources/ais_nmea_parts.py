"""Assembling multi-sentence AIS messages while counting what cannot be assembled.

A type 5 voyage report spans two sentences; only the first carries the tag block with
time and station. Fragments from several receivers interleave in one feed, so they are
matched by their tag-block group when there is one, else by sequence id and channel.
pyais drops unmatched fragments silently; here each is counted, because a feed losing
half its static reports is something an analyst must see.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pyais.messages import AISSentence

from fullcourt.sources.report import ParseReport

Key = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Context:
    """What the wrapping of a sentence says about its reception."""

    time: datetime | None = None
    station: str | None = None

    def fill(self, other: Context) -> Context:
        """This context, with gaps taken from ``other``."""
        return Context(self.time or other.time, self.station or other.station)


@dataclass(slots=True)
class _Pending:
    parts: list[AISSentence]
    context: Context


class Fragments:
    """Buffers unfinished messages; yields each whole one with its first fragment's context."""

    def __init__(self, report: ParseReport) -> None:
        self.report = report
        self.pending: dict[Key, _Pending] = {}

    @staticmethod
    def _key(sentence: AISSentence, group: int | None) -> Key:
        if group is not None:
            return ("group", group, sentence.frag_cnt)
        return (sentence.talker_id, sentence.seq_id, sentence.channel, sentence.frag_cnt)

    def add(
        self, sentence: AISSentence, context: Context, group: int | None
    ) -> tuple[AISSentence, Context] | None:
        if sentence.frag_cnt == 1:
            return sentence, context
        key = self._key(sentence, group)
        raw = sentence.raw.decode("ascii")
        if sentence.frag_num == 1:
            if key in self.pending:
                self.report.note("nmea:incomplete multi-sentence message", raw)
            self.pending[key] = _Pending([sentence], context)
            return None
        waiting = self.pending.get(key)
        if waiting is None or sentence.frag_num != len(waiting.parts) + 1:
            self.report.note("nmea:orphan fragment", raw)
            return None
        waiting.parts.append(sentence)
        if len(waiting.parts) < sentence.frag_cnt:
            return None
        del self.pending[key]
        whole = AISSentence.assemble_from_iterable(waiting.parts)
        return whole, waiting.context.fill(context)

    def finish(self) -> None:
        """Count the messages still waiting for fragments when the stream ends."""
        for waiting in self.pending.values():
            raw = waiting.parts[0].raw.decode("ascii")
            self.report.note("nmea:incomplete multi-sentence message", raw)
        self.pending.clear()
