"""A parser's output kept together with its report, with lookups the source tests share."""

from __future__ import annotations

from dataclasses import dataclass

from fullcourt.model import Entity, Record
from fullcourt.sources.report import ParseReport


@dataclass
class Parsed:
    records: list[Record]
    report: ParseReport

    def entity(self, entity_id: str) -> Entity:
        return next(r.entity for r in self.records if r.entity.id == entity_id)

    def of_schema(self, schema: str) -> list[Entity]:
        return [r.entity for r in self.records if r.entity.schema.name == schema]
