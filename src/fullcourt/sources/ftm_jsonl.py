"""FollowTheMoney entities as JSON lines: reading OpenSanctions exports, writing our own.

Two line forms are read, and may be mixed in one file:

- entity form, ``{"id", "schema", "properties": {prop: [values]}, ...}`` as OpenSanctions
  and ``ftm`` export it; our own export adds a top-level ``source_id``;
- statement form, one value per line (``entity_id``, ``prop``, ``schema``, ``value``...),
  as ``Statement.to_dict`` writes it. An entity's statements must be on consecutive
  lines, as exports sorted by entity write them; a file that returns to an entity after
  another is refused rather than yielding the entity twice.

Entities keep their ids; all statements go to the ``dataset`` argument (the datasets an
export names are its provenance, not ours). A line that is not JSON, an unknown or
abstract schema, or a malformed value raises :class:`SourceError` with file and line.
An unknown property is only noted in the report: exports from a newer FtM carry
properties this version lacks, and refusing the file for one of them would lose the rest.
Values go through FtM cleaning (a no-op on clean exports); one it rejects is noted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO, TextIO

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.schema import Schema

from fullcourt.model.entity import Entity, make_entity
from fullcourt.model.record import Record
from fullcourt.sources.errors import SourceError
from fullcourt.sources.report import ParseReport
from fullcourt.sources.stream import iter_text_lines

ENTITY_KEYS = {"id", "schema", "properties", "datasets", "source_id", "caption", "referents"}
ENTITY_KEYS |= {"first_seen", "last_seen", "last_change", "target"}
STATEMENT_KEYS = {"id", "canonical_id", "entity_id", "prop", "prop_type", "schema", "value"}
STATEMENT_KEYS |= {"dataset", "lang", "original_value", "first_seen", "last_seen", "target"}
STATEMENT_KEYS |= {"external", "origin", "source_id", "version"}


def sniff_ftm_jsonl(head: bytes) -> bool:
    """A first line that opens a JSON object naming a schema and properties or a prop."""
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    first = text.split("\n", 1)[0]
    return first.startswith("{") and '"schema"' in first and ('"prop' in first)


def parse_ftm_jsonl(
    stream: BinaryIO, *, name: str, dataset: str, report: ParseReport
) -> Iterator[Record]:
    """Records of an FtM JSON lines file, one entity in memory at a time."""
    group = _Statements(name, dataset, report)
    seen_line = False
    for number, line in enumerate(iter_text_lines(stream, name, "utf-8-sig"), start=1):
        if not line.strip():
            continue
        seen_line = True
        data = _load(line, name, number)
        if "entity_id" in data and "prop" in data:
            yield from group.push(data, number)
            continue
        yield from group.flush()
        yield _entity(data, name, number, dataset, report)
    if not seen_line:
        raise SourceError("empty file, expected FtM JSON lines", file=name, line=1)
    yield from group.flush()


def write_ftm_jsonl(records: Iterable[Record], out: TextIO) -> int:
    """One entity per line, properties and values sorted so two exports diff line by line."""
    count = 0
    for record in records:
        entity = record.entity
        data: dict[str, Any] = {
            "id": entity.id,
            "schema": entity.schema.name,
            "properties": {p: sorted(v) for p, v in sorted(entity.properties.items())},
            "datasets": sorted(entity.datasets),
        }
        # ``source_id`` when set, and an explicit null where a reader would otherwise take
        # the id of an entry-like schema for it (a stub LegalEntity is no entry).
        if record.source_id is not None or entity.schema.is_a("Thing"):
            data["source_id"] = record.source_id
        out.write(json.dumps(data, ensure_ascii=False) + "\n")
        count += 1
    return count


def _load(line: str, name: str, number: int) -> dict[str, Any]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        message = f"not JSON: {exc.msg} at column {exc.colno}"
        raise SourceError(message, file=name, line=number) from exc
    if not isinstance(data, dict):
        raise SourceError("expected a JSON object per line", file=name, line=number)
    return data


def _schema(value: object, name: str, number: int) -> Schema:
    schema = model.get(value) if isinstance(value, str) else None
    if schema is None or schema.abstract:
        message = f"unknown or abstract schema {value!r}"
        raise SourceError(message, file=name, line=number, field="schema")
    return schema


def _source_id(data: dict[str, Any], schema: Schema, entity_id: str) -> str | None:
    """Our export says; otherwise an entry is a Thing, and relations are not entries."""
    if "source_id" in data:
        return None if data["source_id"] is None else str(data["source_id"])
    return entity_id if schema.is_a("Thing") else None


def _text(value: object, name: str, number: int, prop: str) -> str | None:
    """A value as text; nested exports put whole entities where ids belong."""
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        return str(value["id"])
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value)
    if value is None:
        return None
    raise SourceError(f"value of type {type(value).__name__}", file=name, line=number, field=prop)


def _add(
    entity: Entity, prop: str, value: str, report: ParseReport, lang: str | None = None
) -> None:
    prop_obj = entity.schema.properties.get(prop)
    if prop_obj is None or prop_obj.stub:  # a stub is the far side of a relation entity
        kind = "unknown-property" if prop_obj is None else "stub-property"
        report.note(f"{kind}:{entity.schema.name}.{prop}", str(entity.id))
        return
    clean = prop_obj.type.clean(value, proxy=entity)
    if clean is None:
        report.note(f"rejected:{entity.schema.name}.{prop}", value)
        return
    entity.add(prop_obj, clean, cleaned=True, lang=lang)


def _entity(
    data: dict[str, Any], name: str, number: int, dataset: str, report: ParseReport
) -> Record:
    schema = _schema(data.get("schema"), name, number)
    entity_id = data.get("id")
    if not isinstance(entity_id, str) or not entity_id:
        raise SourceError("entity without an id", file=name, line=number, field="id")
    properties = data.get("properties", {})
    properties = {} if properties is None else properties
    if not isinstance(properties, dict):
        raise SourceError("properties is not an object", file=name, line=number, field="properties")
    entity = make_entity(schema.name, entity_id, dataset)
    for prop, values in properties.items():
        for value in values if isinstance(values, list) else [values]:
            if (text := _text(value, name, number, prop)) is not None:
                _add(entity, prop, text, report)
    for key in data.keys() - ENTITY_KEYS:
        report.note(f"key:{key}", entity_id)
    report.records += 1
    return Record(entity, _source_id(data, schema, entity_id))


class _Statements:
    """The statements of the entity being read, built into one record when it ends."""

    def __init__(self, name: str, dataset: str, report: ParseReport) -> None:
        self.name, self.dataset, self.report = name, dataset, report
        self.lines: list[tuple[int, dict[str, Any]]] = []
        self.done: set[str] = set()

    def push(self, data: dict[str, Any], number: int) -> Iterator[Record]:
        entity_id = data.get("canonical_id") or data.get("entity_id")
        if not isinstance(entity_id, str) or not entity_id:
            raise SourceError("statement without entity_id", file=self.name, line=number)
        if self.lines and self._id(self.lines[0][1]) != entity_id:
            yield from self.flush()
        if entity_id in self.done:
            message = f"statements of {entity_id!r} are not on consecutive lines"
            raise SourceError(message, file=self.name, line=number, field="entity_id")
        self.lines.append((number, data))

    @staticmethod
    def _id(data: dict[str, Any]) -> str:
        return str(data.get("canonical_id") or data.get("entity_id"))

    def flush(self) -> Iterator[Record]:
        if not self.lines:
            return
        lines, self.lines = self.lines, []
        entity_id = self._id(lines[0][1])
        self.done.add(entity_id)
        schema = _schema(lines[0][1].get("schema"), self.name, lines[0][0])
        for number, data in lines[1:]:
            other = _schema(data.get("schema"), self.name, number)
            if other != schema and not schema.is_a(other):
                schema = self._common(schema, other, number)
        entity = make_entity(schema.name, entity_id, self.dataset)
        for number, data in lines:
            value = _text(data.get("value"), self.name, number, str(data.get("prop")))
            if data["prop"] != "id" and value is not None:
                _add(entity, str(data["prop"]), value, self.report, data.get("lang"))
            for key in data.keys() - STATEMENT_KEYS:
                self.report.note(f"key:{key}", entity_id)
        self.report.records += 1
        yield Record(entity, _source_id(lines[0][1], schema, entity_id))

    def _common(self, schema: Schema, other: Schema, number: int) -> Schema:
        try:
            return model.common_schema(schema, other)
        except InvalidData as exc:  # Person and Vessel statements for one id
            raise SourceError(str(exc), file=self.name, line=number, field="schema") from exc
