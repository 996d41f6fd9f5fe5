"""The SVG drawing: well-formed, self-contained, deterministic, every party marked."""

from __future__ import annotations

from lxml import etree

from fullcourt.network import Graph, build_graph
from fullcourt.network.neighbourhood import neighbourhood, subgraph
from fullcourt.network.svg import layout, render, render_panels
from tests.network.entities import party, relation, sanction

SVG_NS = "{http://www.w3.org/2000/svg}"
OFFICE = "Unit 503, Silvercord Tower 2, 30 Canton Road, Tsim Sha Tsui, Kowloon"


def _graph() -> Graph:
    return build_graph(
        [
            party("Company", "a", "Alpha & <Sons> Trading", address=OFFICE),
            party("Person", "b", "Bo Ri", address=OFFICE),
            party("Vessel", "v", "Sea Star"),
            relation("Ownership", "o", {"owner": "b", "asset": "a"}, percentage="51%"),
            relation("UnknownLink", "l", {"subject": "a", "object": "v"}, role="Operator"),
            sanction("b", "un"),
        ]
    )


def _parse(svg: str) -> etree._Element:
    return etree.fromstring(svg.encode())


def _drawn(element: etree._Element) -> bool:
    """A mark of the graph, not of the legend (whose marks sit in translated groups)."""
    parent = element.getparent()
    return parent is None or parent.get("transform") is None


def test_every_party_drawn_with_its_mark() -> None:
    root = _parse(render(_graph(), center="a", title="Alpha's network"))
    assert root.tag == SVG_NS + "svg"
    titles = [t.text for t in root.iter(SVG_NS + "title")]
    assert "Alpha & <Sons> Trading (Company; not listed)" in titles  # escaped, read back
    shapes = {
        el.tag.removeprefix(SVG_NS): el.get("class")
        for el in root.iter(SVG_NS + "circle", SVG_NS + "rect", SVG_NS + "polygon")
        if el.get("class", "").startswith("p") and _drawn(el)
    }
    # person: circle, designated; company: square, the center; vessel: triangle
    assert shapes == {"circle": "p d", "rect": "p c", "polygon": "p"}
    lines = [el.get("class", "") for el in root.iter(SVG_NS + "line") if _drawn(el)]
    assert sorted(lines) == ["e eh", "e eo", "e ev", "e ev"]  # ownership, operator, office
    texts = str(etree.tostring(root, method="text", encoding="unicode"))
    assert "Alpha's network" in texts and "address: Unit 503" in texts


def test_self_contained_and_deterministic() -> None:
    graph = _graph()
    svg = render(graph)
    assert svg == render(graph)  # fixed seed: the same picture every time
    assert "<script" not in svg and "href" not in svg
    assert svg.count("http") == 1  # the SVG namespace, nothing fetched
    inline = render(graph, standalone=False)
    assert not inline.startswith("<?xml") and "xmlns" not in inline


def test_layout_in_the_unit_square() -> None:
    positions = layout(_graph())
    assert len(positions) == 4  # three parties and the shared office
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in positions.values())
    assert layout(build_graph([party("Person", "p", "Solo")])) == {"p": (0.5, 0.5)}
    assert layout(build_graph([])) == {}


def test_panels_for_clusters(default_graph: Graph) -> None:
    air_koryo = default_graph.find("20520")  # OFAC: AIR KORYO, operator of 16 aircraft
    assert air_koryo is not None
    near = neighbourhood(default_graph, air_koryo.id, depth=1)
    panels = [("Air Koryo and its aircraft " * 5, near.graph), ("Small", subgraph(_graph(), "ab"))]
    root = _parse(render_panels(panels, title="Two panels", columns=2, cell=(500, 400)))
    assert root.get("width") == "1000"
    captions = [t.text or "" for t in root.iter(SVG_NS + "text") if t.get("class") == "pt"]
    assert captions[1] == "Small" and captions[0].endswith("…") and len(captions[0]) < 60
    operated = [el for el in root.iter(SVG_NS + "line") if el.get("class") == "e eo" and _drawn(el)]
    assert len(operated) == 16 and all(el.get("marker-end") for el in operated)
