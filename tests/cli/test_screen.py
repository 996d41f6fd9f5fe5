"""``screen``, ``decide`` and ``audit-verify`` end to end on a store of the bundled lists.

The customer fixture (``fixtures/customers.csv``) mixes ten rows that are listed under
another spelling (KIM JONG-UN for OFAC's "Jong Un KIM", CHONMASAN for CHON MA SAN, a
bare "IMO 9562233" for PETREL 8, a passport number) with sixteen ordinary customers,
one row with nothing to screen and one with unreadable values.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import shutil
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from fullcourt.audit import AuditLog
from fullcourt.cli.screen import BatchEngine, RunSettings, open_writer, register, screen_rows
from fullcourt.defaults import load_defaults
from fullcourt.screening.batch import plan_columns
from fullcourt.screening.score import ALGORITHM, ALGORITHM_VERSION
from fullcourt.sources.customers import read_customers
from fullcourt.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "customers.csv"
LISTED = {f"C{n:03d}" for n in range(1, 11)}
ORDINARY = {f"C{n:03d}" for n in range(11, 27)} | {"C028"}
# (input id, entity id, caption) of the top hit, as the store resolves them
TOP_HITS = [
    ("C001", "ofac-20157", "Jong Un KIM"),  # surname first, hyphenated given name
    ("C006", None, "AN Jong Hyuk"),  # same passport 563410155 (EU and UK records)
    ("C007", None, "CHON MA SAN"),  # spacing
    ("C008", None, "WOORY STAR"),  # spacing and case
    ("C009", None, "PETREL 8"),  # no name at all: the IMO number alone
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("screen") / "store.duckdb"
    with Store(path) as store:
        load_defaults(store)
    return path


@pytest.fixture
def db(built: Path, tmp_path: Path) -> Path:
    """A copy of the store per test: its audit log and decisions start empty."""
    path = tmp_path / "store.duckdb"
    shutil.copy(built, path)
    return path


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def invoke(app: typer.Typer, db: Path, *args: str, code: int = 0) -> tuple[str, str]:
    result = CliRunner().invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == code, result.output
    return result.stdout, result.stderr


def screen_csv(app: typer.Typer, db: Path, path: Path, *args: str) -> list[dict[str, str]]:
    out = Path(tempfile.mkdtemp()) / f"{path.stem}.out.csv"  # never beside a fixture
    invoke(app, db, "screen", str(path), "--output", str(out), "--actor", "tester", *args)
    with out.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def semicolons(text: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(csv.reader(io.StringIO(text)))
    return out.getvalue()


@pytest.mark.parametrize(
    ("variant", "encode"),
    [
        ("utf8-bom", lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
        ("cp1252", lambda t: t.encode("cp1252")),  # José Álvarez, Søren Nielsen in 1252
        ("semicolon", lambda t: semicolons(t).encode("utf-8")),
    ],
)
def test_listed_rows_match_and_ordinary_rows_do_not(
    app: typer.Typer, db: Path, tmp_path: Path, variant: str, encode: Callable[[str], bytes]
) -> None:
    path = tmp_path / f"customers-{variant}.csv"
    path.write_bytes(encode(FIXTURE.read_text(encoding="utf-8")))
    rows = screen_csv(app, db, path)
    matched = {r["input_id"] for r in rows if r["match"] == "true"}
    assert matched == LISTED
    assert {r["input_id"] for r in rows} == LISTED | ORDINARY | {"C027"}
    top = {r["input_id"]: r for r in rows if r["rank"] == "1"}
    for input_id, entity_id, caption in TOP_HITS:
        assert top[input_id]["caption"] == caption, input_id
        assert entity_id is None or top[input_id]["entity_id"] == entity_id
    assert top["C001"]["source_ids"] == "us_ofac_sdn:20157"
    assert "dob_match" in top["C001"]["explanation"]
    assert "same imo: 9562233" in top["C009"]["explanation"]
    assert "gb_fcdo_sanctions:DPR0075" in top["C009"]["source_ids"]
    accented = next(r for r in rows if r["input_id"] == "C013")
    assert accented["input_name"] == "José Álvarez"
    (error,) = [r for r in rows if r["error"]]
    assert (error["input_id"], error["error"]) == ("C027", "no name and no identifier")
    warned = next(r for r in rows if r["input_id"] == "C028")
    assert warned["warning"] == (
        "unreadable date 'not a date' ignored; unknown country 'Atlantis' ignored"
    )


def test_summary_and_audit_of_a_run(app: typer.Typer, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    _, summary = invoke(app, db, "screen", str(FIXTURE), "-o", str(out), "--actor", "tester")
    assert "28 rows, 10 with matches, 0 with suppressed hits only, 1 errors" in summary
    assert "name<-Full Name (guessed)" in summary and "type: Type" in summary
    events = list(AuditLog(db.with_name(db.name + ".audit.jsonl")))
    kinds = [e["kind"] for e in events]
    assert kinds == ["batch_started"] + ["screening"] * 27 + ["batch_finished"]
    assert events[-1]["rows"] == 28 and events[-1]["errors"] == 1
    rows = events[1:-1]
    assert {(e["channel"], e["actor"]) for e in rows} == {("batch", "tester")}
    assert {e["algorithm"] for e in rows} == {f"{ALGORITHM}/{ALGORITHM_VERSION}"}
    assert events[0]["versions"] == rows[0]["versions"]
    assert ["un_sc_sanctions", "2026-02-27"] in events[0]["versions"]


def test_json_lines_in_and_out(app: typer.Typer, db: Path, tmp_path: Path) -> None:
    path = tmp_path / "customers.jsonl"
    records = [
        {"id": "J1", "name": "Kim Jong Un", "dob": "1984", "type": "Person"},
        {"id": "J2", "name": ["Stella Polaris"], "imo": 8408595, "type": "Vessel"},  # alias
        {"id": "J3", "name": "Emily Johnson", "type": "individual"},
        {"id": "J4", "name": None},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    invoke(app, db, "screen", str(path), "--output", str(out))
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["input_id"] for line in lines] == ["J1", "J2", "J3", "J4"]
    first = lines[0]["results"][0]
    assert (first["id"], first["match"]) == ("ofac-20157", True)
    assert {"score", "features", "explanations", "matched_name", "records", "suppressed"} <= set(
        first
    )
    ship = lines[1]["results"][0]
    assert ship["caption"] == "WOORY STAR" and "identifier_imo" in ship["features"]
    assert lines[1]["query"]["imoNumber"] == ["8408595"]
    assert lines[2]["results"] == [] and lines[2]["schema"] == "Person"
    assert lines[3]["error"] == "no name and no identifier"


def test_only_matches_writes_hits_and_errors(app: typer.Typer, db: Path) -> None:
    rows = screen_csv(app, db, FIXTURE, "--only-matches")
    assert {r["input_id"] for r in rows} == LISTED | {"C027"}
    assert all(r["match"] == "true" for r in rows if not r["error"])
    out, summary = invoke(app, db, "screen", str(FIXTURE), "--only-matches")  # to stdout
    assert list(csv.DictReader(io.StringIO(out))) == rows
    assert "28 rows" in summary and "28 rows" not in out


def test_explicit_maps_and_schema(app: typer.Typer, db: Path, tmp_path: Path) -> None:
    path = tmp_path / "ships.csv"
    path.write_text("Code,Vessel,Number\nS1,Chon Ma San,8660313\nS2,Ever Given,9811000\n")
    rows = screen_csv(
        app, db, path, "--schema", "Vessel", "--map", "name=Vessel", "--map", "imoNumber=Number"
    )
    assert [(r["input_id"], r["match"]) for r in rows if r["rank"] in ("", "1")] == [
        ("2", "true"),  # no id column was named or guessed: the line number stands in
        ("3", "false"),
    ]


def test_the_stable_interface(app: typer.Typer, db: Path, tmp_path: Path) -> None:
    """``screen FILE --name-column COL --schema S --format jsonl -o OUT``, as the issue
    names it: --format is the output's, the input's is read from the file."""
    path = tmp_path / "people.csv"
    path.write_text("who,born\nKIM JONG-UN,1984\nEmily Johnson,1990\n", encoding="utf-8")
    out = tmp_path / "hits.txt"  # the extension says nothing: --format does
    args = ("screen", str(path), "--name-column", "who", "--schema", "Person")
    invoke(app, db, *args, "--format", "jsonl", "-o", str(out))
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["query"]["name"] for line in lines] == [["KIM JONG-UN"], ["Emily Johnson"]]
    first = lines[0]["results"][0]
    records = {(r["dataset"], r["source_id"]) for r in first["records"]}
    assert first["match"] and ("us_ofac_sdn", "20157") in records
    assert lines[1]["results"] == [] or not lines[1]["results"][0]["match"]
    invoke(app, db, *args, "--format", "csv", "-o", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0]["input_name"] == "KIM JONG-UN"
    invoke(app, db, *args, "--format", "xml", code=1)


def test_a_missing_column_fails_before_any_screening(app: typer.Typer, db: Path) -> None:
    _, error = invoke(app, db, "screen", str(FIXTURE), "--map", "name=Customer", code=1)
    assert error.strip().count("\n") == 0
    assert "column 'Customer' is not in the file" in error and "Full Name" in error
    assert not db.with_name(db.name + ".audit.jsonl").exists()


@pytest.mark.parametrize("option", ["--limit", "--workers"])
def test_counts_below_one_are_refused(app: typer.Typer, db: Path, option: str) -> None:
    _, error = invoke(app, db, "screen", str(FIXTURE), option, "0", code=2)
    assert option in error


def test_a_false_positive_is_suppressed_on_the_next_run(
    app: typer.Typer, db: Path, tmp_path: Path
) -> None:
    first = screen_csv(app, db, FIXTURE)
    # YUN HO JIN is on every list; the analyst judges the OFAC record another person
    hits = [r for r in first if r["input_id"] == "C005" and r["match"] == "true"]
    assert len(hits) >= 2
    (hit,) = [r for r in hits if "us_ofac_sdn" in r["datasets"]]
    key, entity = hit["query_key"], hit["entity_id"]
    out, _ = invoke(
        app, db, "decide", key, entity, "--decision", "false_positive",
        "--analyst", "A. Analyst", "--note", "born 1966, not 1944",
    )  # fmt: skip
    assert out.startswith("false_positive recorded by A. Analyst")
    second = screen_csv(app, db, FIXTURE)
    again = {r["entity_id"]: r for r in second if r["input_id"] == "C005"}
    assert (again[entity]["match"], again[entity]["suppressed"]) == ("false", "true")
    assert again[entity]["query_key"] == key
    others = {h["entity_id"] for h in hits} - {entity}
    assert all(again[e]["match"] == "true" for e in others)  # only that hit is suppressed
    _, summary = invoke(app, db, "screen", str(FIXTURE), "-o", str(tmp_path / "third.csv"))
    assert "10 with matches" in summary  # C005 still has its other hits

    log = AuditLog(db.with_name(db.name + ".audit.jsonl"))
    events = [e for e in log if e.get("query_key") == key]
    assert [e["kind"] for e in events] == ["screening", "decision", "screening", "screening"]
    before, decision, after, _ = events
    assert (decision["entity_id"], decision["analyst"]) == (entity, "A. Analyst")
    assert decision["note"] == "born 1966, not 1944"
    for event in (before, after):
        assert event["algorithm"] == f"{ALGORITHM}/{ALGORITHM_VERSION}"
        assert ["us_ofac_sdn", "2024-06"] in event["versions"]
    flags = {r["id"]: r["suppressed"] for r in after["results"]}
    assert flags[entity] is True and not any(flags[e] for e in others)

    out, _ = invoke(app, db, "audit-verify")
    assert out.startswith(f"audit log intact: {sum(1 for _ in log)} events")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nokey", "ofac-20157", "--decision", "false_positive", "--analyst", "A"], "no screening"),
        (["KEY", "ofac-20157", "--decision", "maybe", "--analyst", "A"], "decision must be one of"),
        (["KEY", "ofac-20157", "--decision", "clear", "--analyst", " "], "needs the analyst"),
    ],
)
def test_decide_refuses_unknown_hits_and_bad_values(
    app: typer.Typer, db: Path, args: list[str], message: str
) -> None:
    rows = screen_csv(app, db, FIXTURE)
    key = next(r["query_key"] for r in rows if r["input_id"] == "C001")
    args = [key if a == "KEY" else a for a in args]
    _, error = invoke(app, db, "decide", *args, code=1)
    assert message in error and error.strip().count("\n") == 0


def test_audit_verify_names_the_edited_line(app: typer.Typer, db: Path, tmp_path: Path) -> None:
    screen_csv(app, db, FIXTURE)
    log = db.with_name(db.name + ".audit.jsonl")
    invoke(app, db, "audit-verify")
    copy = tmp_path / "copy.jsonl"
    lines = log.read_text(encoding="utf-8").splitlines(keepends=True)
    event = json.loads(lines[4])
    event["results"] = []  # a hit erased from the record
    lines[4] = json.dumps(event, ensure_ascii=False) + "\n"
    copy.write_text("".join(lines), encoding="utf-8")
    _, error = invoke(app, db, "audit-verify", "--log", str(copy), code=1)
    assert f"{copy}:5: audit chain broken" in error
    lines[4] = "{truncated\n"
    copy.write_text("".join(lines), encoding="utf-8")
    _, error = invoke(app, db, "audit-verify", "--log", str(copy), code=1)
    assert f"{copy}:5: unreadable audit event" in error
    _, error = invoke(app, db, "audit-verify", "--log", str(tmp_path / "none.jsonl"), code=1)
    assert "no audit log" in error


FIRST = ("Emily", "John", "Maria", "Lucas", "Sofia", "Noah", "Olivia", "Liam", "Ava", "Ethan")
LAST = ("Johnson", "Smith", "Garcia", "Brown", "Miller", "Davis", "Wilson", "Moore", "Taylor")


def generated(path: Path, count: int, every: int = 200) -> Path:
    """Customers: a person from a pool of names every ``every`` rows, ships otherwise."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id,type,name,imo\n")
        for n in range(count):
            if n % every == 0:
                k = n // every
                handle.write(f"G{n},Person,{FIRST[k % 10]} {LAST[k // 10 % 9]},\n")
            else:
                handle.write(f"G{n},Vessel,,{8000000 + n % 1000}\n")
    return path


def test_memory_does_not_grow_with_the_number_of_rows(db: Path, tmp_path: Path) -> None:
    """A ten times longer file runs within the peak memory of the shorter one.

    The index is built and every pooled name screened once before measuring, so the
    bounded caches of the name comparison are warm; what remains is per-row memory.
    """
    engine = BatchEngine.for_store(db)
    engine.matcher()
    settings = RunSettings(actor="tester")

    def peak(path: Path) -> tuple[int, int]:
        with path.open("rb") as handle, open_writer(str(tmp_path / "o.csv"), "csv", None) as write:
            customers = read_customers(handle, name=str(path))
            plan = plan_columns(customers.columns, {}, "LegalEntity")
            gc.collect()
            tracemalloc.reset_peak()
            base = tracemalloc.get_traced_memory()[0]
            tally = screen_rows(engine, customers.rows, plan, write, settings)
            return tracemalloc.get_traced_memory()[1] - base, tally.rows

    tracemalloc.start()
    try:
        peak(generated(tmp_path / "warm.csv", 90, every=1))
        small, small_rows = peak(generated(tmp_path / "small.csv", 2_000))
        large, large_rows = peak(generated(tmp_path / "large.csv", 20_000))
    finally:
        tracemalloc.stop()
    assert (small_rows, large_rows) == (2_000, 20_000)
    assert large < 2 * small, (small, large)
