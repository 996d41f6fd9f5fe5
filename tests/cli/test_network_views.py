"""Tables and JSON of the network commands, on a small hand-built network."""

from __future__ import annotations

import io
import json

from rich.console import Console

from fullcourt.cli.network_views import (
    exposure_table,
    neighbourhood_dict,
    neighbourhood_tables,
    ownership_table,
)
from fullcourt.network import build_graph
from fullcourt.network.analysis import Analysis
from fullcourt.network.evidence import most_exposed, ownership_rows
from fullcourt.network.neighbourhood import neighbourhood
from tests.network.entities import party, relation, sanction


def _analysis() -> Analysis:
    """A listed owner of a company whose name holds brackets, as some list names do."""
    return Analysis(
        build_graph(
            [
                party("Person", "x", "Xu Listed"),
                party("Company", "a", "Alpha [HK] Ltd", country="hk"),
                relation("Ownership", "o", {"owner": "x", "asset": "a"}, percentage="60% [direct]"),
                sanction("x", "un", source_id="KPi.900"),
            ]
        )
    )


def _text(*tables: object) -> str:
    console = Console(file=io.StringIO(), width=200)
    for table in tables:
        console.print(table)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    return out


def test_neighbourhood_dict_and_tables() -> None:
    analysis = _analysis()
    near = neighbourhood(analysis.graph, "a")
    data = json.loads(json.dumps(neighbourhood_dict(near)))
    assert [(n["id"], n["distance"]) for n in data["nodes"]] == [("a", 0), ("x", 1)]
    assert data["nodes"][1]["list_ids"] == ["un:KPi.900"]
    assert data["links"][0]["share"] == "60% [direct]"
    text = _text(*neighbourhood_tables(near))
    # brackets are text, not rich markup
    assert "Alpha [HK] Ltd" in text and "ownership: 60% [direct]" in text


def test_exposure_and_ownership_tables() -> None:
    analysis = _analysis()
    text = _text(exposure_table(most_exposed(analysis), "exposure to all lists"))
    assert "Alpha [HK] Ltd <-[ownership: 60% [direct]]- Xu Listed" in text
    rows = ownership_rows(analysis, analysis.party("a"))
    text = _text(ownership_table(rows, "Alpha"))
    assert (
        "OFAC: 50% or more" in text
        and "Xu Listed -[60% [direct]: [0%, 100%]]-> Alpha [HK] Ltd" in text
    )
