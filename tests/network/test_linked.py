"""The network with outside data: links in force only, saved runs, topic designations."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import cast

import pytest

from fullcourt.ingest import load_paths
from fullcourt.network.graph import Graph
from fullcourt.network.linked import (
    linked_analysis,
    linked_graph,
    links_stamp,
    load_run,
    outside_datasets,
    run_linking,
    save_run,
)
from fullcourt.network.linking import ACCEPT, REJECT, LinkDecisions, Linking
from fullcourt.network.model import Node
from fullcourt.network.ownership import OFAC, Status, assess_graph
from fullcourt.screening.matcher import Matcher
from fullcourt.store import Store, StoreError
from fullcourt.store.query import get_entity

FIXTURES = Path(__file__).parents[1] / "sources" / "fixtures"
KINGLY = "icij-10100002"  # KINGLY WON INTERNATIONAL in ICIJ; OFAC 23825 by number 90132
FRONT = "sg-extract-201907731k"  # 60% held by the listed WEE TIONG (registry fixture)


@pytest.fixture
def store_path(default_store: Path, tmp_path: Path) -> Path:
    path = tmp_path / "store.duckdb"
    shutil.copy(default_store, path)
    case = tmp_path / "case.ftm.json"
    lines = [
        {"id": "x", "schema": "Person", "properties": {"name": ["Xu"], "topics": ["sanction"]}},
        {"id": "a", "schema": "Company", "properties": {"name": ["Alpha"]}},
        {"id": "xa", "schema": "Ownership", "properties": {"owner": ["x"], "asset": ["a"],
         "percentage": ["50%"]}},
    ]  # fmt: skip
    case.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with Store(path) as store:
        load_paths(store, [FIXTURES / "icij", FIXTURES / "registry", case])
    return path


def _node(graph: Graph, record_id: str) -> Node:
    found = graph.find(record_id)
    assert found is not None
    return found


def _run(path: Path, matcher: Matcher, datasets: list[str] | None = None) -> Linking:
    with Store(path, read_only=True) as store:
        chosen, found = run_linking(store, matcher, datasets)
    return save_run(path, chosen, found)


def test_outside_records_join_only_through_links_in_force(
    store_path: Path, default_matcher: object
) -> None:
    matcher = cast(Matcher, default_matcher)
    with Store(store_path, read_only=True) as store:
        # the case file holds a list entry (its topic), so it is not linked by default
        assert outside_datasets(store) == ("icij_offshoreleaks", "sg_extract")
        # the ICIJ record shares OFAC's registration number, but only linking joins them:
        # the store keeps its cross-list links between list entries, so OFAC's id stands
        assert store.conn.execute(
            "SELECT count(*) FROM links WHERE dataset <> 'us_ofac_sdn' AND entity_id = ?",
            [KINGLY],
        ).fetchone() == (0,)
        assert get_entity(store, "23825").canonical_id == "ofac-23825"
        assert KINGLY not in _node(linked_graph(store), "ofac-23825").entity_ids
    run = _run(store_path, matcher)
    kingly = run.pair(KINGLY, "ofac-23825")  # by a record of the list entity
    assert kingly is not None and kingly.automatic
    with Store(store_path, read_only=True) as store:
        graph = linked_graph(store)
        assert KINGLY in _node(graph, "ofac-23825").entity_ids
        assert assess_graph(graph, OFAC)[FRONT].status == Status.BLOCKED
    decisions = LinkDecisions.for_store(store_path)
    stamp = links_stamp(store_path)
    decisions.record(kingly, REJECT, "analyst")
    assert links_stamp(store_path) != stamp
    with Store(store_path, read_only=True) as store:
        graph = linked_graph(store)
    assert KINGLY in graph.nodes and KINGLY not in _node(graph, "ofac-23825").entity_ids
    # a proposal accepted: the registry's director is the listed Wee Beng TAN
    director = "sg-extract-party-tan-wee-beng-1977-02-14"
    proposal = run.pair(director, "ofac-25686")
    assert proposal is not None and not proposal.automatic
    decisions.record(proposal, ACCEPT, "analyst")
    with Store(store_path, read_only=True) as store:
        assert director in _node(linked_graph(store), "ofac-25686").entity_ids


def test_saved_runs_are_replaced_per_dataset(store_path: Path, default_matcher: object) -> None:
    matcher = cast(Matcher, default_matcher)
    assert load_run(store_path).proposals == ()
    both = _run(store_path, matcher)
    only_icij = _run(store_path, matcher, ["icij_offshoreleaks"])
    assert sorted(only_icij.proposals, key=str) == sorted(both.proposals, key=str)
    assert load_run(store_path) == only_icij
    with Store(store_path, read_only=True) as store, pytest.raises(StoreError, match="no_such"):
        run_linking(store, matcher, ["no_such"])


def test_topic_alone_designates(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        analysis = linked_analysis(store)
    assert analysis.graph.nodes["x"].designated
    assert analysis.findings("ofac")["a"].status == Status.BLOCKED  # 50% or more
    assert analysis.findings("uk")["a"].status == Status.NOT_BLOCKED  # more than 50%
    assert {v.dataset for v in analysis.versions} >= {"icij_offshoreleaks", "us_ofac_sdn"}
