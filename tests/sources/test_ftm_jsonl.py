"""FtM JSON lines: round trips of real parsed lists, OpenSanctions-style lines, bad input."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fullcourt.model import Record, make_entity
from fullcourt.sources.errors import SourceError
from fullcourt.sources.eu_journal import parse_eu_journal
from fullcourt.sources.eu_xml import parse_eu_xml
from fullcourt.sources.ftm_jsonl import parse_ftm_jsonl, sniff_ftm_jsonl, write_ftm_jsonl
from fullcourt.sources.report import ParseReport

SAMPLE = Path(__file__).parent / "fixtures" / "eu_fsf_sample.xml"


def read(data: bytes, name: str = "in.jsonl") -> tuple[list[Record], ParseReport]:
    report = ParseReport()
    stream = io.BytesIO(data)
    return list(parse_ftm_jsonl(stream, name=name, dataset="imported", report=report)), report


def lines(*objects: dict[str, Any]) -> bytes:
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects).encode("utf-8")


def written(records: list[Record]) -> str:
    out = io.StringIO()
    assert write_ftm_jsonl(records, out) == len(records)
    return out.getvalue()


def as_tuples(records: list[Record]) -> list[tuple[str, str, dict[str, list[str]], str | None]]:
    return [
        (
            str(r.entity.id),
            r.entity.schema.name,
            {p: sorted(v) for p, v in r.entity.properties.items()},
            r.source_id,
        )
        for r in records
    ]


def test_round_trip_of_the_eu_journal(shared: Path) -> None:
    path = shared / "eu" / "opensanctions_eu_journal_32017R1509_DPRK.csv"
    with path.open("rb") as handle:
        report = ParseReport()
        records = list(parse_eu_journal(handle, name="j", dataset="imported", report=report))
    text = written(records)
    assert text.count("\n") == 652
    again, again_report = read(text.encode("utf-8"))
    assert as_tuples(again) == as_tuples(records)
    assert again_report.records == 652
    assert not again_report.unknown
    assert written(again) == text  # byte-identical second export


def test_round_trip_of_the_fsf_sample() -> None:
    report = ParseReport()
    with SAMPLE.open("rb") as handle:
        records = list(parse_eu_xml(handle, name="s", dataset="imported", report=report))
    text = written(records)
    first = json.loads(text.split("\n", 1)[0])
    assert first == {
        "id": "eu-900001",
        "schema": "Person",
        "properties": first["properties"],
        "datasets": ["imported"],
        "source_id": "900001",
    }
    assert first["properties"]["birthDate"] == ["1946"]
    assert as_tuples(read(text.encode())[0]) == as_tuples(records)


# Values FtM's cleaning leaves as they are, so that a written value reads back unchanged.
_TEXT = st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), min_size=1)
_CLEAN = _TEXT.map(lambda t: " ".join(t.split())).filter(bool)
_DATES = st.dates().map(lambda d: d.isoformat()).filter(lambda d: d >= "1000")
_ENTITY = st.fixed_dictionaries(
    {
        "schema": st.sampled_from(["Person", "Vessel", "Organization"]),
        "id": st.from_regex(r"[a-z]{2,5}-[a-z0-9]{1,12}", fullmatch=True),
        "names": st.lists(_CLEAN, min_size=1, max_size=3),
        "notes": st.lists(_CLEAN, max_size=2),
        "dates": st.lists(_DATES, max_size=2),
        "source_id": st.none() | _CLEAN,
    }
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ENTITY, max_size=4, unique_by=lambda e: e["id"]))
def test_round_trip_property(specs: list[dict[str, Any]]) -> None:
    records = []
    for spec in specs:
        entity = make_entity(spec["schema"], spec["id"], "imported")
        entity.add("name", spec["names"])
        entity.add("notes", spec["notes"])
        entity.add("modifiedAt", spec["dates"])
        records.append(Record(entity, spec["source_id"]))
    text = written(records)
    if not records:
        assert text == ""
        return
    again, report = read(text.encode("utf-8"))
    assert as_tuples(again) == as_tuples(records)
    assert not report.unknown


OPENSANCTIONS_PERSON = {
    "id": "NK-25MHaNpFsbmFKxKZW7CJk4",
    "caption": "Paek Chang-Ho",
    "schema": "Person",
    "properties": {
        "name": ["Paek Chang-Ho"],
        "alias": ["Pak Chang-Ho", "Paek Ch'ang-Ho"],
        "birthDate": ["1964-06-18"],
        "passportNumber": ["381420754"],
        "sanctions": [{"id": "eu-oj-sanction-1", "schema": "Sanction", "properties": {}}],
    },
    "referents": ["eu-fsf-x"],
    "datasets": ["eu_journal_sanctions"],
    "first_seen": "2024-01-01T00:00:00",
    "last_seen": "2025-01-01T00:00:00",
    "last_change": "2024-06-01T00:00:00",
    "target": True,
}


def test_opensanctions_lines() -> None:
    nested = {"id": "NK-25MHaNpFsbmFKxKZW7CJk4", "schema": "Person", "properties": {}}
    sanction = {"id": "s-1", "schema": "Sanction", "properties": {"entity": [nested]}}
    records, report = read(lines(OPENSANCTIONS_PERSON, sanction))
    person, link = records
    assert person.source_id == "NK-25MHaNpFsbmFKxKZW7CJk4"  # an entry: the id stands in
    assert link.source_id is None  # a relation is no entry
    assert link.entity.get("entity") == ["NK-25MHaNpFsbmFKxKZW7CJk4"]  # nested entity -> id
    assert person.entity.get("passportNumber") == ["381420754"]
    assert person.entity.datasets == {"imported"}  # statements go to our dataset
    assert report.records == 2
    # the reverse side of a relation, as nested exports write it, is not a property to set
    assert report.unknown == {"stub-property:Person.sanctions": 1}


def test_our_source_id_key_wins() -> None:
    ours = {"id": "eu-1", "schema": "Person", "properties": {}, "source_id": "1"}
    stub: dict[str, Any] = {
        "id": "stub-1",
        "schema": "LegalEntity",
        "properties": {},
        "source_id": None,
    }
    records, _ = read(lines(ours, stub))
    assert [r.source_id for r in records] == ["1", None]


def test_unknown_property_and_key_are_noted_not_fatal() -> None:
    data = {"id": "p", "schema": "Person", "properties": {"name": ["A"], "hairStyle": ["b"]}}
    records, report = read(lines({**data, "version": 3}))
    assert records[0].entity.get("name") == ["A"]
    assert report.unknown == {"unknown-property:Person.hairStyle": 1, "key:version": 1}


def test_rejected_value_is_noted() -> None:
    data = {"id": "p", "schema": "Person", "properties": {"birthDate": ["13 Oct 1944"]}}
    records, report = read(lines(data))
    assert records[0].entity.get("birthDate") == []
    assert report.unknown == {"rejected:Person.birthDate": 1}


def statement(entity_id: str, prop: str, value: str, schema: str = "Person") -> dict[str, Any]:
    return {"entity_id": entity_id, "prop": prop, "schema": schema, "value": value, "dataset": "x"}


def test_statement_lines() -> None:
    korean = {**statement("kim", "alias", "김영철"), "lang": "kor"}
    data = lines(
        statement("kim", "id", "kim", "LegalEntity"),
        statement("kim", "name", "KIM Yong Chol"),
        korean,
        statement("v-1", "imoNumber", "8712362", "Vessel"),
        {"id": "e", "schema": "Sanction", "properties": {"entity": ["kim"]}},
    )
    records, report = read(data)
    kim, vessel, sanction = records
    assert kim.entity.schema.name == "Person"  # LegalEntity and Person statements merge
    assert kim.entity.get("name") == ["KIM Yong Chol"]
    assert [s.lang for s in kim.entity.get_statements("alias")] == ["kor"]
    assert (kim.source_id, vessel.source_id, sanction.source_id) == ("kim", "v-1", None)
    assert vessel.entity.get("imoNumber") == ["8712362"]
    assert report.records == 3


def test_statements_must_be_grouped() -> None:
    data = lines(
        statement("a", "name", "A"), statement("b", "name", "B"), statement("a", "alias", "C")
    )
    with pytest.raises(SourceError) as err:
        read(data, name="s.jsonl")
    assert (err.value.file, err.value.line, err.value.field) == ("s.jsonl", 3, "entity_id")


def test_statement_schemata_that_cannot_merge() -> None:
    data = lines(statement("a", "name", "A"), statement("a", "name", "A", "Vessel"))
    with pytest.raises(SourceError) as err:
        read(data)
    assert (err.value.line, err.value.field) == (2, "schema")


def test_sniff() -> None:
    assert sniff_ftm_jsonl(lines(OPENSANCTIONS_PERSON)[:4096])
    assert sniff_ftm_jsonl(lines(statement("a", "name", "A")))
    assert not sniff_ftm_jsonl(b'{"mmsi": 227317360, "timestamp": "2014-08-05T00:04:24Z"}\n')
    assert not sniff_ftm_jsonl(b"celex,recordId,programKey,annex\n")
    assert not sniff_ftm_jsonl(SAMPLE.read_bytes()[:4096])


GOOD = lines({"id": "a", "schema": "Person", "properties": {"name": ["A"]}})


@pytest.mark.parametrize(
    ("data", "line", "field", "message"),
    [
        (b"", 1, None, "empty file"),
        (b"\n  \n", 1, None, "empty file"),
        (GOOD + b'{"id": "b", "schema": "Person", "properties": {\n', 2, None, "not JSON"),
        (GOOD + b"[1, 2]\n", 2, None, "JSON object"),
        (GOOD + lines({"id": "b", "schema": "Robot"}), 2, "schema", "unknown or abstract"),
        (GOOD + lines({"id": "b", "schema": "Thing"}), 2, "schema", "unknown or abstract"),
        (GOOD + lines({"schema": "Person"}), 2, "id", "without an id"),
        (GOOD + lines({"id": "b", "schema": "Person", "properties": []}), 2, "properties", "not"),
        (
            GOOD + lines({"id": "b", "schema": "Person", "properties": {"name": [["x"]]}}),
            2,
            "name",
            "value of type list",
        ),
        (GOOD + '{"id": "é"}\n'.encode("latin-1"), 2, None, "not valid utf-8"),
        (b"celex,recordId,programKey\n", 1, None, "not JSON"),  # another format
    ],
)
def test_bad_input(data: bytes, line: int, field: str | None, message: str) -> None:
    with pytest.raises(SourceError) as err:
        read(data, name="bad.jsonl")
    assert (err.value.file, err.value.line, err.value.field) == ("bad.jsonl", line, field)
    assert message in str(err.value)


def test_ais_json_lines_are_not_entities(shared: Path) -> None:
    """Real JSON lines of another kind (AIS positions) fail on the schema of line 1."""
    path = shared / "ais" / "gfw_gpsdio_segment" / "point_pair" / "227317360.jsonl.gz"
    with gzip.open(path, "rb") as handle:
        head = handle.read(4096)
        handle.seek(0)
        assert not sniff_ftm_jsonl(head)
        with pytest.raises(SourceError) as err:
            list(parse_ftm_jsonl(handle, name="ais.jsonl", dataset="x", report=ParseReport()))  # type: ignore[arg-type]
    assert (err.value.line, err.value.field) == (1, "schema")


def test_byte_order_mark_is_skipped() -> None:
    records, _ = read(b"\xef\xbb\xbf" + GOOD)
    assert records[0].entity.get("name") == ["A"]
    assert sniff_ftm_jsonl(b"\xef\xbb\xbf" + GOOD)
