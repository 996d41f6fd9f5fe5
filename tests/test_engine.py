"""The screening engine on a real store: index freshness, decisions, audit events."""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest

from fullcourt.defaults import load_defaults
from fullcourt.engine import Engine, file_stamps
from fullcourt.ingest import load_paths
from fullcourt.screening.identity import query_key
from fullcourt.store import Store

UN_FULL = "un_sc/2026-02-27_moov-watchman/consolidated.xml"
# SOe.001 in the full UN list; the bundled defaults hold only North Korea entries
SHABAAB = ("Organization", {"name": ["Al Shabaab"]})
YUN = {"name": ["YUN HO JIN"]}  # on all four bundled lists


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("engine") / "store.duckdb"
    with Store(path) as store:
        load_defaults(store)
    return path


@pytest.fixture
def engine(built: Path, tmp_path: Path) -> Engine:
    path = tmp_path / "store.duckdb"
    shutil.copy(built, path)
    engine = Engine.for_store(path)
    engine.refresh_seconds = 0.0  # these tests load a version and screen at once
    return engine


def load_un(
    engine: Engine, shared: Path, dataset: str | None = None, version: str | None = None
) -> None:
    with Store(engine.store_path) as store:
        (result,) = load_paths(store, [shared / UN_FULL], dataset=dataset, version=version)
    assert result.loaded


def found(engine: Engine, schema: str, props: dict[str, list[str]]) -> list[tuple[str, ...]]:
    outcome = engine.screen(schema, props)
    return [(r["caption"], *(f"{x['dataset']}:{x['source_id']}" for x in r["records"]))
            for r in outcome.results if r["match"]]  # fmt: skip


def test_the_index_is_kept_until_the_lists_change(engine: Engine) -> None:
    first = engine.matcher()
    engine.screen("Person", YUN)
    assert engine.matcher() is first


def test_the_index_is_kept_out_of_collections(engine: Engine) -> None:
    gc.unfreeze()
    try:
        matcher = engine.matcher()
        tracked = {id(o) for o in gc.get_objects()}
        assert id(matcher.index.entities[0].subject) not in tracked
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_the_store_is_opened_again_only_once_written(engine: Engine, shared: Path) -> None:
    """Reading the store leaves its files as they were, so the engine need not open
    it to know the list versions are the same; a load changes them."""
    engine.matcher()
    before = file_stamps(engine.store_path)
    engine.screen("Person", YUN)
    with Store(engine.store_path, read_only=True) as store:
        store.conn.execute("select 1")
    assert file_stamps(engine.store_path) == before
    load_un(engine, shared, dataset="un_sc_full")
    assert file_stamps(engine.store_path) != before


def test_an_unwritten_store_is_not_opened_again(engine: Engine) -> None:
    """The store's file overwritten with zeros but stamped as before: an engine that
    opened it again would fail; this one keeps its index without looking inside."""
    first = engine.matcher()
    path = engine.store_path
    stat = path.stat()
    path.write_bytes(bytes(stat.st_size))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert engine.matcher() is first


def test_a_new_list_in_the_store_rebuilds_the_index(engine: Engine, shared: Path) -> None:
    before = engine.screen(*SHABAAB)
    assert not any(r["match"] for r in before.results)
    old = engine.matcher()
    load_un(engine, shared, dataset="un_sc_full")
    after = engine.screen(*SHABAAB)
    assert engine.matcher() is not old
    assert ("un_sc_full", "2026-02-27") in after.versions
    assert ("AL-SHABAAB", "un_sc_full:SOe.001") in found(engine, *SHABAAB)
    assert found(engine, "Person", {"name": ["KIM JONG-UN"]})[0][0] == "Jong Un KIM"


def test_a_new_version_of_a_bundled_list_becomes_current(engine: Engine, shared: Path) -> None:
    load_un(engine, shared, version="2026-02-27-full")
    outcome = engine.screen(*SHABAAB)
    assert ("un_sc_sanctions", "2026-02-27-full") in outcome.versions
    assert ("AL-SHABAAB", "un_sc_sanctions:SOe.001") in found(engine, *SHABAAB)


def test_outcome_and_audit_event(engine: Engine) -> None:
    outcome = engine.screen("Person", YUN, threshold=0.9, actor="api-user", channel="api")
    assert outcome.query_key == query_key("Person", YUN)
    assert outcome.algorithm == "fullcourt-v1"
    assert ("us_ofac_sdn", "2024-06") in outcome.versions
    assert engine.audit is not None
    (event,) = list(engine.audit)
    assert outcome.receipt == event["hash"]
    assert (event["kind"], event["actor"], event["channel"]) == ("screening", "api-user", "api")
    assert event["query"] == {"schema": "Person", "properties": YUN}
    assert event["threshold"] == 0.9
    assert event["versions"] == [list(v) for v in outcome.versions]
    assert [r["id"] for r in event["results"]] == [r["id"] for r in outcome.results]


def test_datasets_limit_the_lists_searched(engine: Engine) -> None:
    outcome = engine.screen("Person", YUN, datasets=frozenset({"us_ofac_sdn"}))
    assert outcome.results
    assert all("us_ofac_sdn" in r["datasets"] for r in outcome.results)


def test_a_false_positive_applies_to_the_same_query_identity_only(engine: Engine) -> None:
    first = engine.screen("Person", YUN)
    target = next(r["id"] for r in first.results if r["match"])
    assert engine.decisions is not None
    engine.decisions.record(first.query_key, target, "false_positive", "A. Analyst", "not him")
    # the same customer record, written differently: same identity, still suppressed
    for props in ({"name": ["yun  ho jin"]}, {"name": ["Yun Ho Jin", "YUN HO JIN"]}):
        again = engine.screen("Person", props)
        assert again.query_key == first.query_key
        hit = next(r for r in again.results if r["id"] == target)
        assert (hit["match"], hit["suppressed"]) == (False, True)
        assert hit["decision"]["analyst"] == "A. Analyst"
        assert hit["decision"]["note"] == "not him"
    # a changed record (a date of birth added) is a new query, screened afresh
    changed = engine.screen("Person", {**YUN, "birthDate": ["1944-10-13"]})
    assert changed.query_key != first.query_key
    hit = next(r for r in changed.results if r["id"] == target)
    assert (hit["match"], hit["suppressed"], "decision" in hit) == (True, False, False)
    # so is the same name as another kind of entity
    assert engine.screen("LegalEntity", YUN).query_key != first.query_key


def test_the_latest_decision_stands(engine: Engine) -> None:
    first = engine.screen("Person", YUN)
    target = next(r["id"] for r in first.results if r["match"])
    assert engine.decisions is not None
    engine.decisions.record(first.query_key, target, "false_positive", "A. Analyst")
    engine.decisions.record(first.query_key, target, "clear", "B. Reviewer", "reopened")
    hit = next(r for r in engine.screen("Person", YUN).results if r["id"] == target)
    assert (hit["match"], hit["suppressed"]) == (True, False)
    assert hit["decision"]["decision"] == "clear"
    engine.decisions.record(first.query_key, target, "true_positive", "B. Reviewer")
    hit = next(r for r in engine.screen("Person", YUN).results if r["id"] == target)
    assert (hit["match"], hit["suppressed"], hit["decision"]["decision"]) == (
        True,
        False,
        "true_positive",
    )
