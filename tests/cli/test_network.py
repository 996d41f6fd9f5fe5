"""``network``, ``exposure``, ``ownership``, ``report`` and ``graph-export`` on the bundled data.

The commands are registered on an app of their own, so these tests do not depend on
the main app's registration line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import lxml.html
import networkx as nx
import pytest
import typer
from lxml import etree
from typer.testing import CliRunner

from fullcourt.cli.network import register
from fullcourt.network import graph_from_store
from fullcourt.store import Store

app = typer.Typer()


@app.callback()
def _root() -> None:
    """Commands under test."""


register(app)


@pytest.fixture(scope="module")
def cli(default_store: Path) -> CliRunner:
    return CliRunner(env={"FULLCOURT_DB": str(default_store), "COLUMNS": "200"})


def invoke(cli: CliRunner, *args: str, code: int = 0) -> str:
    result = cli.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.output


def test_network_table_and_json(cli: CliRunner) -> None:
    table = invoke(cli, "network", "KPe.002", "--depth", "1")
    assert "KOREA RYONBONG GENERAL CORPORATION" in table and "un_sc_sanctions:KPe.002" in table
    data = json.loads(invoke(cli, "network", "KPe.002", "--depth", "1", "--format", "json"))
    assert data["center"] == "fc-gb-dpr0160" and not data["truncated"]
    assert data["nodes"][0]["distance"] == 0 and data["nodes"][0]["id"] == data["center"]
    assert {n["distance"] for n in data["nodes"]} == {0, 1}
    capped = json.loads(invoke(cli, "network", "KPe.002", "--max-nodes", "3", "--format", "json"))
    assert len(capped["nodes"]) == 3 and capped["truncated"]


def test_network_files(cli: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "air_koryo.graphml"
    invoke(cli, "network", "20520", "--depth", "1", "--format", "graphml", "-o", str(out))
    read = nx.read_graphml(out, force_multigraph=True)
    # OFAC 20520, AIR KORYO: operator of 16 aircraft, linked to two people
    kinds = sorted(d["kind"] for _, _, d in read.edges(data=True))
    assert kinds == ["linked"] * 2 + ["operator"] * 16
    gexf = invoke(cli, "network", "20520", "--depth", "1", "--format", "gexf")
    assert gexf.startswith("<?xml") and "<gexf" in gexf
    elements = json.loads(invoke(cli, "network", "20520", "--format", "cytoscape"))["elements"]
    assert len(elements["nodes"]) == read.number_of_nodes()
    lines = invoke(cli, "network", "20520", "--depth", "1", "--format", "ftm").splitlines()
    schemata = {json.loads(line)["schema"] for line in lines}
    assert {"Airplane", "Organization", "Sanction", "UnknownLink"} <= schemata


def lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def test_exposure(cli: CliRunner) -> None:
    rows = lines(invoke(cli, "exposure", "--dataset", "un_sc_sanctions", "--json"))
    assert len(rows) == 20
    first = rows[0]
    # OFAC's record of Tanchon Commercial Bank (UN KPe.003 under another record),
    # reached through Choe Song Il whom both lists name
    assert (first["id"], first["caption"]) == ("ofac-9346", "TANCHON COMMERCIAL BANK")
    assert first["list_ids"] == ["us_ofac_sdn:9346"]
    assert first["paths"][0]["seed"]["caption"] == "Choe Song Il"
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    vessels = lines(
        invoke(cli, "exposure", "--dataset", "un_sc_sanctions", "--category", "vessel", "--json")
    )
    assert vessels and all(r["category"] == "vessel" for r in vessels)
    # against all lists one party is unlisted, however many are asked for
    assert len(lines(invoke(cli, "exposure", "--json", "--top", "3"))) == 1
    table = invoke(cli, "exposure", "--top", "1")
    # against all lists only OFAC's stub for the Ministry of State Security is unlisted
    assert "MINISTRY OF STATE SECURITY" in table and "-[linked: Linked To]-" in table
    assert invoke(cli, "exposure", "--country", "xx", "--json") == ""


def test_exposure_through_some_links_only(cli: CliRunner) -> None:
    args = ("exposure", "--dataset", "un_sc_sanctions", "--json", "--top", "50")
    linked = lines(invoke(cli, *args, "--link-type", "linked"))
    texts = [path["text"] for row in linked for path in row["paths"]]
    assert texts and all("[linked:" in text for text in texts)
    assert not any("[ownership" in text or "[directorship" in text for text in texts)
    # Tanchon is reached through an OFAC "Linked To"; through ownership alone it is not
    owned = lines(invoke(cli, *args, "--link-type", "ownership"))
    assert "ofac-9346" in {r["id"] for r in linked} - {r["id"] for r in owned}
    failed = invoke(cli, *args, "--link-type", "friendship", code=1)
    assert "unknown link type friendship" in failed


def test_ownership(cli: CliRunner) -> None:
    data = json.loads(invoke(cli, "ownership", "9346", "--json"))
    # a designated party: blocked by its own designation, no owner in the lists
    assert data == {"status": "blocked", "blocked_share": [0.0, 0.0], "chains": []}
    for jurisdiction in ("us", "eu", "uk"):
        found = json.loads(
            invoke(cli, "ownership", "9346", "--jurisdiction", jurisdiction, "--json")
        )
        assert found["status"] == "blocked"
    table = invoke(cli, "ownership", "9346")
    assert "OFAC: 50% or more" in table and "EU: 50% or more, in the aggregate" in table
    assert "blocked (designated)" in invoke(cli, "ownership", "9346", "--jurisdiction", "uk")


def test_report(cli: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "ryonbong.html"
    invoke(cli, "report", "KPe.002", "-o", str(page))  # the format from the suffix
    html = lxml.html.fromstring(page.read_text(encoding="utf-8"))
    assert "KPe.002" in str(etree.tostring(html, method="text", encoding="unicode")) and html.xpath(
        "//svg"
    )
    data = json.loads(invoke(cli, "report", "KPe.002", "--format", "json"))
    assert data["list_ids"] == ["gb_fcdo_sanctions:DPR0160", "un_sc_sanctions:KPe.002"]
    md = invoke(cli, "report", "KPe.002")
    assert md.startswith("# Evidence pack: KOREA RYONBONG GENERAL CORPORATION")


def test_graph_export(cli: CliRunner, default_store: Path, tmp_path: Path) -> None:
    with Store(default_store, read_only=True) as store:
        stats = graph_from_store(store).stats()
    out = tmp_path / "all.gexf"
    invoke(cli, "graph-export", "--format", "gexf", "-o", str(out))
    read = nx.read_gexf(out)
    assert read.number_of_nodes() == stats["nodes"] + stats["attributes"]
    ftm = tmp_path / "all.ftm.json"
    invoke(cli, "graph-export", "--format", "ftm", "-o", str(ftm))
    ids = [json.loads(line)["id"] for line in ftm.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids)) and "ofac-9346" in ids


def test_errors_are_one_line(cli: CliRunner) -> None:
    output = invoke(cli, "report", "KPe.999", code=1)
    assert output.strip() == "error: no party 'KPe.999' in the network of the current lists"
    invoke(cli, "network", "KPe.002", "--format", "png", code=2)
    invoke(cli, "ownership", "9346", "--jurisdiction", "ofac", code=2)
