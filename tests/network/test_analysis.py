"""One graph and its analyses, built once from the store and kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from fullcourt.network import build_graph
from fullcourt.network.analysis import Analysis, ListVersion
from fullcourt.store import Store, StoreError
from fullcourt.store.query import list_datasets
from tests.network.entities import party, sanction


@pytest.fixture(scope="module")
def analysis(default_store: Path) -> Analysis:
    with Store(default_store, read_only=True) as store:
        return Analysis.from_store(store)


def test_versions_are_the_current_ones(analysis: Analysis, default_store: Path) -> None:
    with Store(default_store, read_only=True) as store:
        current = {
            (d, v.version, v.published)
            for d, vs in list_datasets(store).items()
            for v in vs
            if v.current
        }
    assert {(v.dataset, v.version, v.published) for v in analysis.versions} == current
    # the bundle's manifest: OFAC's June 2024 copy, published 2024-06-27
    assert ListVersion("us_ofac_sdn", "2024-06", "2024-06-27") in analysis.versions
    assert analysis.datasets() == (
        "eu_journal_sanctions",
        "gb_fcdo_sanctions",
        "un_sc_sanctions",
        "us_ofac_sdn",
    )


def test_party_by_any_id(analysis: Analysis) -> None:
    by_list_id = analysis.party("KPe.002")
    assert analysis.party("unsc-kpe-002") is by_list_id
    assert analysis.party(by_list_id.id) is by_list_id
    with pytest.raises(StoreError, match=r"no party 'KPe\.999'"):
        analysis.party("KPe.999")


def test_results_are_kept(analysis: Analysis) -> None:
    assert analysis.exposure() is analysis.exposure(None)
    assert analysis.exposure(["un_sc_sanctions"]) is analysis.exposure(("un_sc_sanctions",))
    assert analysis.findings("ofac") is analysis.findings("ofac")
    assert analysis.clusters() is analysis.clusters()
    with pytest.raises(StoreError, match="unknown rule 'us'"):
        analysis.findings("us")


def test_from_store_with_another_graph(default_store: Path) -> None:
    # the linked network builds its own graph over the same store and versions
    alone = build_graph([party("Company", "a", "Alpha"), sanction("a", "un")])
    with Store(default_store, read_only=True) as store:
        built = Analysis.from_store(store, lambda _: alone)
        versions = Analysis.from_store(store).versions
    assert built.graph is alone and built.versions == versions
    assert built.datasets() == ("un",)


def test_cluster_of() -> None:
    graph = build_graph(
        [
            party("Company", "a", "Alpha", phone="+850 2 381 4410"),
            party("Company", "b", "Beta", phone="+850 2 381 4410"),
            party("Company", "c", "Gamma"),
            sanction("a", "un"),
        ]
    )
    analysis = Analysis(graph)
    found = analysis.cluster_of("b")
    assert found is not None and found.members == ("a", "b")
    assert analysis.cluster_of("c") is None
    assert analysis.datasets() == ("un",)
