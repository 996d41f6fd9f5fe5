"""Rows the CLI, API, report and docs share: 50% rule findings, exposure, ranked lists."""

from __future__ import annotations

import json

import pytest

from fullcourt.model import Entity
from fullcourt.network import build_graph, compute_exposure, ranked
from fullcourt.network.analysis import Analysis
from fullcourt.network.evidence import (
    Party,
    exposure_row,
    most_exposed,
    ownership_answer,
    ownership_rows,
    party,
    plain,
)
from fullcourt.store import StoreError
from tests.network.entities import party as make_party
from tests.network.entities import relation, sanction


def _owns(owner: str, asset: str, share: str) -> Entity:
    return relation(
        "Ownership", f"o-{owner}-{asset}", {"owner": owner, "asset": asset}, percentage=share
    )


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    """X (UN) holds 60% of A, which holds 60% of B; exactly 50% of C (which OFAC lists)
    and of F; 25-60% of D; E stands apart."""
    entities = [
        make_party("Person", "x", "Xu Listed"),
        make_party("Company", "a", "Alpha"),
        make_party("Company", "b", "Beta"),
        make_party("Company", "c", "Gamma"),
        make_party("Company", "d", "Delta", country="hk"),
        make_party("Company", "e", "Epsilon"),
        make_party("Company", "f", "Phi"),
        _owns("x", "a", "60%"),
        _owns("a", "b", "60%"),
        _owns("x", "c", "50%"),
        _owns("x", "d", "25-60%"),
        _owns("x", "f", "50%"),
        sanction("x", "un", source_id="KPi.900"),
        sanction("c", "ofac", source_id="99999"),
    ]
    return Analysis(build_graph(entities))


def _status(analysis: Analysis, key: str) -> dict[str, str]:
    node = analysis.party(key)
    return {row.rule: row.status for row in ownership_rows(analysis, node)}


def test_ownership_under_each_rule(analysis: Analysis) -> None:
    assert _status(analysis, "b") == {"ofac": "blocked", "eu": "blocked", "uk": "blocked"}
    # "50% or more" (OFAC, EU) against "more than 50%" (UK)
    assert _status(analysis, "f") == {"ofac": "blocked", "eu": "blocked", "uk": "not_blocked"}
    # 25-60%: the rule may or may not be met, whatever the reading
    assert _status(analysis, "d") == {
        "ofac": "possibly_blocked",
        "eu": "possibly_blocked",
        "uk": "possibly_blocked",
    }
    assert _status(analysis, "e") == {
        "ofac": "not_blocked",
        "eu": "not_blocked",
        "uk": "not_blocked",
    }


def test_chains_written_out(analysis: Analysis) -> None:
    (ofac,) = ownership_rows(analysis, analysis.party("b"), ["ofac"])
    assert ofac.rule_name.startswith("OFAC") and ofac.share == "60%"
    assert ofac.chains == (("Xu Listed -[60%: 60%]-> Alpha", "Alpha -[60%: 60%]-> Beta"),)
    (uk,) = ownership_rows(analysis, analysis.party("b"), ["uk"])
    assert uk.controllers == ("x",)  # the UK counts each designated person apart
    (eu,) = ownership_rows(analysis, analysis.party("x"), ["eu"])
    assert eu.designated and eu.status == "blocked" and eu.chains == ()


def test_ownership_answer_per_jurisdiction(analysis: Analysis) -> None:
    # the issue's JSON: exactly 50% of F blocks in the US and the EU, not in the UK
    f = analysis.party("f")
    us, uk = ownership_answer(analysis, f), ownership_answer(analysis, f, "uk")
    assert list(us) == ["status", "blocked_share", "chains"]
    assert (us["status"], us["blocked_share"]) == ("blocked", [50.0, 50.0])
    assert ownership_answer(analysis, f, "eu") == us
    assert (uk["status"], uk["chains"]) == ("not_blocked", [])
    ((first, second),) = ownership_answer(analysis, analysis.party("b"))["chains"]
    assert (first["owner_caption"], first["percentage"], first["share"]) == (
        "Xu Listed",
        "60%",
        [60.0, 60.0],
    )
    assert (second["asset"], second["record_ids"]) == ("b", ["o-a-b"])
    # nobody holds shares in E and no list names it: no finding, not blocked at 0%
    assert ownership_answer(analysis, analysis.party("e"), "uk") == {
        "status": "not_blocked",
        "blocked_share": [0.0, 0.0],
        "chains": [],
    }
    with pytest.raises(StoreError, match="unknown jurisdiction 'ofac'"):
        ownership_answer(analysis, f, "ofac")  # a rule's name, not a jurisdiction


def test_exposure_row(analysis: Analysis) -> None:
    row = exposure_row(analysis, analysis.party("a"))
    assert row.against == "all lists" and not row.listed
    assert row.score == round(analysis.exposure().score["a"], 4)
    assert row.paths[0].seed == Party("x", "Xu Listed", True)
    assert row.paths[0].text == "Alpha <-[ownership: 60%]- Xu Listed"
    assert row.paths[0].record_ids == ("o-x-a",)
    only_un = exposure_row(analysis, analysis.party("c"), "un")
    assert only_un.against == "un" and not only_un.listed and only_un.score > 0


def test_most_exposed_follows_ranked(analysis: Analysis) -> None:
    found = compute_exposure(analysis.graph)
    expected = [r.node.id for r in ranked(analysis.graph, found, limit=10)]
    rows = most_exposed(analysis, top=10)
    assert [r.party.id for r in rows] == expected
    assert "c" not in expected  # listed by OFAC: a seed against all lists
    assert [r.party.id for r in most_exposed(analysis, countries=["hk"])] == ["d"]
    assert most_exposed(analysis, category="person") == []
    gap = {r.party.id: r for r in most_exposed(analysis, datasets=["un"])}
    assert gap["c"].list_ids == ("ofac:99999",)  # not a UN seed: ranked, with its OFAC id
    assert gap["c"].paths[0].text == "Gamma <-[ownership: 50%]- Xu Listed"


def test_plain_is_json(analysis: Analysis) -> None:
    data = plain(most_exposed(analysis, top=1))
    assert json.loads(json.dumps(data)) == data
    assert set(data[0]) == {"party", "category", "countries", "list_ids", "score", "reach", "paths"}
    assert plain(party(analysis.party("x"))) == {
        "id": "x",
        "caption": "Xu Listed",
        "designated": True,
    }
