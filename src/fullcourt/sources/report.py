"""Counting what a parser did not recognise, so format drift is noticed, not lost."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

MAX_EXAMPLES = 3


@dataclass(slots=True)
class ParseReport:
    """Unrecognised fields and remark items, counted with a few real examples each."""

    unknown: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    records: int = 0
    published: str | None = None
    """The publication date or version the file states about itself, when it states one."""

    def note(self, kind: str, example: str) -> None:
        """Count one occurrence of ``kind`` (e.g. ``remark:Vessel Year of Build``)."""
        self.unknown[kind] += 1
        kept = self.examples.setdefault(kind, [])
        if len(kept) < MAX_EXAMPLES and example not in kept:
            kept.append(example[:200])

    def merge(self, other: ParseReport) -> None:
        self.records += other.records
        for kind, count in other.unknown.items():
            self.unknown[kind] += count
            kept = self.examples.setdefault(kind, [])
            for example in other.examples.get(kind, []):
                if len(kept) < MAX_EXAMPLES and example not in kept:
                    kept.append(example)

    def as_dict(self) -> dict[str, object]:
        unknown = {
            k: {"count": c, "examples": self.examples.get(k, [])}
            for k, c in self.unknown.most_common()
        }
        return {"records": self.records, "published": self.published, "unknown": unknown}
