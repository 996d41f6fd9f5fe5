"""Batch rows to queries and results to output rows, with real results from the defaults."""

from __future__ import annotations

from typing import Any

import pytest

from fullcourt.defaults import load_defaults
from fullcourt.engine import Engine
from fullcourt.screening.batch import (
    CSV_COLUMNS,
    ColumnPlan,
    Query,
    Tally,
    csv_rows,
    header_key,
    json_record,
    make_query,
    parse_maps,
    plan_columns,
)
from fullcourt.sources.customers import CustomerRow
from fullcourt.sources.errors import SourceError
from fullcourt.store import Store

HEADER = ["ID", "Type", "Full Name", "DOB", "Nationality", "IMO", "Passport"]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    path = tmp_path_factory.mktemp("batch") / "store.duckdb"
    with Store(path) as store:
        load_defaults(store)
    return Engine.for_store(path)


def row(line: int = 2, problem: str | None = None, **values: str) -> CustomerRow:
    return CustomerRow(line, {k.replace("_", " "): [v] for k, v in values.items()}, problem)


def plan(**props: str) -> ColumnPlan:
    return ColumnPlan("LegalEntity", {p: (c,) for p, c in props.items()}, "ID", frozenset(), "Type")


def test_columns_are_guessed_from_common_header_names() -> None:
    found = plan_columns(HEADER, {}, "LegalEntity")
    assert found.props == {
        "name": ("Full Name",),
        "birthDate": ("DOB",),
        "nationality": ("Nationality",),
        "imoNumber": ("IMO",),
        "passportNumber": ("Passport",),
    }
    assert found.guessed == frozenset(found.props)
    assert found.id_column == "ID"
    assert found.schema_column == "Type"


@pytest.mark.parametrize(
    ("header", "prop"),
    [
        ("name", "name"),
        ("Full_Name", "name"),
        ("Customer Name", "name"),
        ("DATE OF BIRTH", "birthDate"),
        ("date_of_birth", "birthDate"),
        ("IMO number", "imoNumber"),
        ("IMO No.", "imoNumber"),
        ("Passport No", "passportNumber"),
        ("registration_number", "registrationNumber"),
        ("Company Number", "registrationNumber"),  # UK Companies House wording
        ("Citizenship", "nationality"),
        ("Country of Residence", "country"),
        ("Surname", "lastName"),
    ],
)
def test_header_guesses(header: str, prop: str) -> None:
    assert plan_columns(["Ref", header], {}, "Person").props == {prop: (header,)}


def test_an_explicit_map_wins_over_the_guess_for_that_column() -> None:
    found = plan_columns(
        HEADER, parse_maps(["country=Nationality", "name=ID"]), "Person", id_column="Passport"
    )
    assert found.props["country"] == ("Nationality",)
    assert "nationality" not in found.props  # the column is taken by the explicit map
    assert found.props["name"] == ("ID",)
    assert found.id_column == "Passport"
    assert "name" not in found.guessed and "birthDate" in found.guessed


def test_several_columns_for_one_property() -> None:
    found = plan_columns(["n", "a1", "a2"], parse_maps(["alias=a1", "alias=a2"]), "Person")
    assert found.props["alias"] == ("a1", "a2")


@pytest.mark.parametrize(
    ("maps", "id_column", "schema", "message"),
    [
        (["name=Full name"], None, "Person", "column 'Full name' is not in the file"),
        ([], "Customer ID", "Person", "column 'Customer ID' is not in the file"),
        (["shoeSize=DOB"], None, "Person", "Person has no property 'shoeSize'"),
        ([], None, "Airplane", "schema must be one of"),
        ([], None, "Persn", "schema must be one of"),
    ],
)
def test_plan_errors_are_one_line(
    maps: list[str], id_column: str | None, schema: str, message: str
) -> None:
    with pytest.raises(SourceError, match=message) as caught:
        plan_columns(HEADER, parse_maps(maps), schema, id_column, file="customers.csv")
    assert "\n" not in str(caught.value)


def test_birth_date_is_accepted_for_a_legal_entity_query() -> None:
    """LegalEntity has no birthDate, but a mixed customer file's DOB is still evidence."""
    assert plan_columns(HEADER, parse_maps(["birthDate=DOB"]), "LegalEntity").props["birthDate"]


@pytest.mark.parametrize("item", ["name", "=Full Name", "name="])
def test_parse_maps_needs_property_equals_column(item: str) -> None:
    with pytest.raises(SourceError, match="--map takes PROPERTY=COLUMN"):
        parse_maps([item])


def test_header_key() -> None:
    assert header_key("  Date_of-Birth ") == "dateofbirth"


def test_values_are_cleaned_like_list_values() -> None:
    query = make_query(
        row(Full_Name="  KIM   JONG-UN ", DOB="08/01/1984", Nationality="Korea, North", ID="C1"),
        plan(name="Full Name", birthDate="DOB", nationality="Nationality"),
    )
    assert query.properties == {
        "name": ["KIM JONG-UN"],
        "birthDate": ["1984-01-08"],  # day first, as customer systems outside the US write
        "nationality": ["kp"],
    }
    assert (query.row_id, query.name, query.error, query.warnings) == (
        "C1",
        "KIM JONG-UN",
        None,
        (),
    )


def test_unreadable_secondary_values_are_dropped_with_a_warning() -> None:
    query = make_query(
        row(Full_Name="Olga Petrova", DOB="not a date", Nationality="Atlantis", Sex="x"),
        plan(name="Full Name", birthDate="DOB", nationality="Nationality", gender="Sex"),
    )
    assert query.properties == {"name": ["Olga Petrova"]}
    assert query.error is None
    assert query.warnings == (
        "unreadable date 'not a date' ignored",
        "unknown country 'Atlantis' ignored",
        "unknown gender 'x' ignored",
    )


def test_a_row_without_name_or_identifier_is_an_error_row() -> None:
    query = make_query(row(7, Full_Name="", DOB="1980"), plan(name="Full Name", birthDate="DOB"))
    assert query.error == "no name and no identifier"
    assert query.row_id == "7"  # no id column value: the line stands in


def test_an_identifier_alone_is_enough() -> None:
    query = make_query(row(IMO="IMO 9562233"), plan(name="Full Name", imoNumber="IMO"))
    assert (query.error, query.name) == (None, "IMO 9562233")


def test_first_and_last_name_make_the_shown_name() -> None:
    query = make_query(row(F="Jong Un", L="KIM"), plan(firstName="F", lastName="L"))
    assert query.name == "Jong Un KIM"


def test_a_reader_problem_becomes_the_row_error() -> None:
    query = make_query(row(problem="3 cells, the header has 2", Full_Name="Smith"), plan())
    assert query.error == "3 cells, the header has 2"


@pytest.mark.parametrize(
    ("written", "schema", "warned"),
    [
        ("Vessel", "Vessel", False),
        ("ship", "Vessel", False),
        ("Individual", "Person", False),  # UN and UK wording
        ("  company ", "Company", False),
        ("", "LegalEntity", False),  # no type: the run's schema
        ("Aircraft", "LegalEntity", True),
    ],
)
def test_the_type_column_sets_each_rows_schema(written: str, schema: str, warned: bool) -> None:
    query = make_query(row(Full_Name="X", Type=written), plan(name="Full Name"))
    assert query.schema == schema
    assert bool(query.warnings) is warned


Screened = tuple[Query, str, list[dict[str, Any]]]


def screened(
    engine: Engine, props: dict[str, list[str]], schema: str = "Person", threshold: float = 0.8
) -> Screened:
    query = Query(2, "C001", props["name"][0], schema, props)
    outcome = engine.screen(schema, props, limit=3, threshold=threshold, channel="batch")
    return query, outcome.query_key, outcome.results


def test_csv_rows_one_per_result_with_the_explanation(engine: Engine) -> None:
    query, key, results = screened(engine, {"name": ["KIM JONG-UN"], "birthDate": ["1984-01-08"]})
    rows = list(csv_rows(query, key, results))
    assert [r["rank"] for r in rows] == [str(i) for i in range(1, len(results) + 1)]
    top = rows[0]
    assert set(top) == set(CSV_COLUMNS)
    assert (top["entity_id"], top["caption"], top["match"]) == ("ofac-20157", "Jong Un KIM", "true")
    assert top["source_ids"] == "us_ofac_sdn:20157"
    assert top["matched_name_query"] == "KIM JONG-UN"
    assert top["matched_name_list"] == "Jong Un KIM"
    assert (
        "name: " in top["explanation"] and "dob_match: date of birth agrees" in top["explanation"]
    )
    assert top["query_key"] == key and top["input_id"] == "C001"


def test_csv_rows_for_no_result_and_for_an_error(engine: Engine) -> None:
    query, key, results = screened(engine, {"name": ["Emily Johnson"]})
    assert results == []
    (only,) = csv_rows(query, key, results)
    assert (only["match"], only["rank"], only["entity_id"]) == ("false", "", "")
    assert list(csv_rows(query, key, results, hits_above=0.8)) == []
    bad = Query(9, "C027", "", "Person", {}, "no name and no identifier")
    (error,) = csv_rows(bad, "", [], hits_above=0.8)  # errors are never filtered out
    assert (error["error"], error["match"]) == ("no name and no identifier", "")


def test_only_matches_keeps_hits_and_suppressed_hits(engine: Engine) -> None:
    _, _, first = screened(engine, {"name": ["KIM JONG-UN"]})
    assert len(first) >= 2
    between = (first[0]["score"] + first[1]["score"]) / 2  # the top one matches, not the next
    query, key, results = screened(engine, {"name": ["KIM JONG-UN"]}, threshold=between)
    assert [r["match"] for r in results] == [True] + [False] * (len(results) - 1)
    kept = list(csv_rows(query, key, results, hits_above=between))
    assert [r["entity_id"] for r in kept] == [results[0]["id"]]
    # an analyst's false positive on every result: only the one that scores as a hit shows
    suppressed = [{**r, "match": False, "suppressed": True} for r in results]
    shown = list(csv_rows(query, key, suppressed, hits_above=between))
    assert [(r["entity_id"], r["suppressed"]) for r in shown] == [(results[0]["id"], "true")]


def test_json_record_keeps_the_full_results(engine: Engine) -> None:
    query, key, results = screened(engine, {"name": ["Woorystar"]}, "Vessel")
    record = json_record(query, key, results, "receipt-hash")
    assert record is not None
    assert record["results"] == results
    assert record["results"][0]["caption"] == "WOORY STAR"
    assert (record["query_key"], record["receipt"], record["schema"]) == (
        key,
        "receipt-hash",
        "Vessel",
    )
    quiet = Query(3, "C011", "Emily Johnson", "Person", {"name": ["Emily Johnson"]})
    assert json_record(quiet, "k", [], hits_above=0.8) is None


def test_tally_counts_rows_by_outcome() -> None:
    tally = Tally(threshold=0.8)
    hit = {"match": True, "suppressed": False, "score": 0.9}
    quiet = Query(2, "1", "a", "Person", {"name": ["a"]})
    tally.add(quiet, [hit])
    tally.add(quiet, [{"match": False, "suppressed": True, "score": 0.9}])
    tally.add(quiet, [{"match": False, "suppressed": True, "score": 0.7}])  # below: no hit
    tally.add(quiet, [])
    for line in range(12):
        tally.add(Query(line, "x", "", "Person", {}, "no name and no identifier", ("w",)), [])
    assert (tally.rows, tally.matched, tally.suppressed, tally.errors, tally.warnings) == (
        16,
        1,
        1,
        12,
        12,
    )
    assert tally.error_lines == list(range(10))  # examples only: bounded memory
