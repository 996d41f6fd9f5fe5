"""A small SVG drawing of a graph: no JavaScript, no fonts or images from elsewhere.

An evidence pack must open anywhere, offline, years later, and print; a self-contained
SVG does. Positions come from networkx's spring layout with a fixed seed, so the same
data always gives the same picture. Designated parties are filled red, the party a
report is about is ringed; shapes tell people, companies and vessels apart; shared
values are small grey diamonds on dashed lines. Every mark has a <title>, which
browsers show on hover.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape

from fullcourt.network import model as m
from fullcourt.network.export import list_ids, value_label
from fullcourt.network.graph import Graph

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # x, y, width, height
Panel = tuple[str, Graph]  # caption, graph
SEED = 7
RADIUS = 7.0
MARGIN = (165.0, 40.0)  # x (room for labels written outwards), y
LABEL_ALL = 60  # parties up to which every party is labelled
UNDIRECTED = frozenset({m.LINKED, m.FAMILY, m.ASSOCIATE})
EDGE_CLASSES = {m.OWNERSHIP: "eh", m.PARENT: "eh", m.OWNER: "eh", m.OPERATOR: "eo", m.MANAGER: "eo"}
# scoped to svg: inlined in an HTML page, an SVG's <style> applies to the whole page
STYLE = """
svg text{font-family:Helvetica,Arial,"DejaVu Sans",sans-serif;font-size:10px;fill:#222}
svg .t{font-size:15px;font-weight:bold}svg .pt{font-size:12px;font-weight:bold}
svg .lv{fill:#777;font-style:italic;font-size:9px}
svg .e{stroke:#888;stroke-width:1.2;fill:none}svg .eh{stroke:#1f4e9c;stroke-width:2}
svg .eo{stroke:#00796b;stroke-width:1.6}svg .ev{stroke:#bbb;stroke-dasharray:4 3}
svg .p{fill:#fff;stroke:#333;stroke-width:1.4}svg .d{fill:#c62828;stroke:#7f0000}
svg .v{fill:#ddd;stroke:#999}svg .c{stroke:#f9a825;stroke-width:3.5}
svg .frame{fill:none;stroke:#ddd}
"""
DEFS = (
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
    'markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#555"/>'
    "</marker></defs>"
)


def layout(graph: Graph, *, seed: int = SEED) -> dict[str, Point]:
    """Spring-layout positions of parties and shared values in the unit square."""
    import networkx as nx

    g: nx.Graph[str] = nx.Graph()
    g.add_nodes_from(sorted([*graph.nodes, *graph.attributes]))
    g.add_edges_from((link.source, link.target) for link in graph.links)
    g.add_edges_from((h, a.id) for a in graph.attributes.values() for h in a.holders)
    if not g:
        return {}
    found = {str(n): (float(p[0]), float(p[1])) for n, p in nx.spring_layout(g, seed=seed).items()}
    xs, ys = [p[0] for p in found.values()], [p[1] for p in found.values()]

    def scale(value: float, low: float, high: float) -> float:
        return (value - low) / (high - low) if high > low else 0.5

    lx, hx, ly, hy = min(xs), max(xs), min(ys), max(ys)
    return {n: (scale(x, lx, hx), scale(y, ly, hy)) for n, (x, y) in found.items()}


def _place(point: Point, box: Box) -> Point:
    x, y, width, height = box
    mx, my = min(MARGIN[0], width / 4), min(MARGIN[1], height / 4)
    return x + mx + point[0] * (width - 2 * mx), y + my + point[1] * (height - 2 * my)


def _label(at: Point, text: str, box: Box, toward: float, classes: str = "") -> str:
    """A label written away from the node's neighbours (at x ``toward``), kept in the box."""
    x, y = at
    offset, width = RADIUS + 3, 6.2 * len(text)
    left = toward > x
    if left and x - offset - width < box[0]:
        left = False
    elif not left and x + offset + width > box[0] + box[2]:
        left = True
    anchor = ' text-anchor="end"' if left else ""
    cls = f' class="{classes}"' if classes else ""
    x = x - offset if left else x + offset
    return f'<text{cls} x="{x:.1f}" y="{y + 3.5:.1f}"{anchor}>{escape(text)}</text>'


def _toward(graph: Graph, at: dict[str, Point]) -> dict[str, float]:
    """Mean x of each mark's neighbours (its own x when it has none)."""
    near: dict[str, list[float]] = {n: [] for n in at}
    for link in graph.links:
        near[link.source].append(at[link.target][0])
        near[link.target].append(at[link.source][0])
    for attr in graph.attributes.values():
        for holder in attr.holders:
            near[holder].append(at[attr.id][0])
            near[attr.id].append(at[holder][0])
    return {n: sum(xs) / len(xs) if xs else at[n][0] for n, xs in near.items()}


def _shape(node: m.Node, x: float, y: float, classes: str) -> str:
    r = RADIUS
    if node.category == m.PERSON:
        return f'<circle class="{classes}" cx="{x:.1f}" cy="{y:.1f}" r="{r}"/>'
    if node.category in (m.VESSEL, m.AIRCRAFT):
        pts = f"{x:.1f},{y - r:.1f} {x + r:.1f},{y + r * 0.8:.1f} {x - r:.1f},{y + r * 0.8:.1f}"
        return f'<polygon class="{classes}" points="{pts}"/>'
    side = r * 1.7
    return (
        f'<rect class="{classes}" x="{x - side / 2:.1f}" y="{y - side / 2:.1f}" '
        f'width="{side:.1f}" height="{side:.1f}" rx="2"/>'
    )


def _edge(a: Point, b: Point, classes: str, title: str, arrow: bool) -> str:
    (x1, y1), (x2, y2) = a, b
    length = max(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5, 1e-9)
    cut = min(RADIUS + 1, length / 2) / length  # stop at the target's edge
    x2, y2 = x2 - (x2 - x1) * cut, y2 - (y2 - y1) * cut
    end = ' marker-end="url(#arrow)"' if arrow else ""
    return (
        f'<line class="{classes}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"{end}>'
        f"<title>{escape(title)}</title></line>"
    )


def _party_title(node: m.Node) -> str:
    lists = ", ".join(list_ids(node)) or ("designated" if node.designated else "not listed")
    return f"{node.caption} ({node.schema}; {lists})"


def _short(text: str, size: int = 27) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _edges(graph: Graph, at: dict[str, Point]) -> Iterator[str]:
    caption = {n.id: n.caption for n in graph.nodes.values()}
    for link in graph.links:
        title = f"{caption[link.source]} -[{link.role or link.kind}]- {caption[link.target]}"
        classes = f"e {EDGE_CLASSES.get(link.kind, '')}".strip()
        arrow = link.kind not in UNDIRECTED
        yield _edge(at[link.source], at[link.target], classes, title, arrow)
    for attr in graph.attributes.values():
        title = f"{attr.kind}: {value_label(attr)} ({attr.degree} parties)"
        yield from (_edge(at[h], at[attr.id], "e ev", title, False) for h in attr.holders)


def _values(graph: Graph, at: dict[str, Point], box: Box, labels: bool) -> Iterator[str]:
    toward = _toward(graph, at) if labels else {}
    for attr in graph.attributes.values():
        x, y = at[attr.id]
        r = RADIUS * 0.7
        pts = f"{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}"
        title = escape(f"{attr.kind}: {value_label(attr)}")
        yield f'<polygon class="v" points="{pts}"><title>{title}</title></polygon>'
        if labels:
            label = _short(f"{attr.kind}: {value_label(attr)}")
            yield _label((x, y), label, box, toward[attr.id], "lv")


def _parties(graph: Graph, at: dict[str, Point], box: Box, center: str | None) -> Iterator[str]:
    toward = _toward(graph, at)
    every = len(graph.nodes) <= LABEL_ALL
    for node in graph.nodes.values():
        x, y = at[node.id]
        classes = "p" + (" d" if node.designated else "") + (" c" if node.id == center else "")
        shape = _shape(node, x, y, classes)
        yield f"<g>{shape}<title>{escape(_party_title(node))}</title></g>"
        ties = len(graph.links_of(node.id)) + len(graph.attributes_of(node.id))
        if every or node.id == center or ties > 2:
            yield _label((x, y), _short(node.caption), box, toward[node.id])


def draw(graph: Graph, positions: dict[str, Point], box: Box, center: str | None = None) -> str:
    """The graph's marks inside ``box``: edges under values under parties, labelled."""
    at = {n: _place(p, box) for n, p in positions.items()}
    few = len(graph.nodes) + len(graph.attributes) <= LABEL_ALL
    parts = [*_edges(graph, at), *_values(graph, at, box, few), *_parties(graph, at, box, center)]
    return "\n".join(parts)


def _legend(y: float, center: bool) -> str:
    items = [
        ('<rect class="p d" x="-6" y="-6" width="12" height="12" rx="2"/>', "designated"),
        ('<rect class="p" x="-6" y="-6" width="12" height="12" rx="2"/>', "not listed"),
        ('<circle class="p" r="6"/>', "person"),
        ('<polygon class="p" points="0,-7 7,5.6 -7,5.6"/>', "vessel, aircraft"),
        ('<polygon class="v" points="0,-5 5,0 0,5 -5,0"/>', "shared value"),
        ('<line class="e eh" x1="-9" y1="0" x2="9" y2="0"/>', "ownership"),
        ('<line class="e eo" x1="-9" y1="0" x2="9" y2="0"/>', "operator, manager"),
        ('<line class="e" x1="-9" y1="0" x2="9" y2="0"/>', "other link"),
    ]
    if center:
        items.insert(0, ('<circle class="p c" r="6"/>', "this party"))
    out, x = [], 18.0
    for mark, text in items:
        out.append(f'<g transform="translate({x:.0f},{y:.0f})">{mark}</g>')
        out.append(f'<text x="{x + 12:.0f}" y="{y + 3.5:.0f}">{escape(text)}</text>')
        x += 30 + 6 * len(text)
    return "\n".join(out)


def _document(width: float, height: float, body: str, standalone: bool) -> str:
    xmlns = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    head = '<?xml version="1.0" encoding="UTF-8"?>\n' if standalone else ""
    return (
        f'{head}<svg{xmlns} width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img">\n'
        f"<style>{STYLE}</style>{DEFS}\n"
        f'<rect width="100%" height="100%" fill="#fff"/>\n{body}\n</svg>\n'
    )


def render(
    graph: Graph,
    *,
    center: str | None = None,
    title: str | None = None,
    size: tuple[int, int] = (900, 640),
    seed: int = SEED,
    standalone: bool = True,
) -> str:
    """One graph as an SVG document (``standalone``) or an element to inline in HTML."""
    width, height = size
    top = 30.0 if title else 0.0
    parts = [f'<text class="t" x="16" y="22">{escape(title)}</text>'] if title else []
    parts.append(draw(graph, layout(graph, seed=seed), (0, top, width, height - top - 30), center))
    parts.append(_legend(height - 15, center is not None))
    return _document(width, height, "\n".join(parts), standalone)


def render_panels(
    panels: Sequence[Panel],
    *,
    title: str | None = None,
    columns: int = 2,
    cell: tuple[int, int] = (600, 440),
    seed: int = SEED,
    standalone: bool = True,
) -> str:
    """Several graphs (clusters) side by side, each laid out on its own, with a caption."""
    cell_w, cell_h = cell
    top = 36.0 if title else 0.0
    rows = (len(panels) + columns - 1) // columns
    width, height = columns * cell_w, top + rows * cell_h + 30
    parts = [f'<text class="t" x="16" y="24">{escape(title)}</text>'] if title else []
    for i, (caption, graph) in enumerate(panels):
        x, y = (i % columns) * cell_w, top + (i // columns) * cell_h
        parts.append(
            f'<rect class="frame" x="{x + 4}" y="{y + 4}" width="{cell_w - 8}" '
            f'height="{cell_h - 8}" rx="6"/>'
        )
        fitted = escape(_short(caption, int((cell_w - 28) / 8.6)))
        parts.append(f'<text class="pt" x="{x + 14}" y="{y + 22}">{fitted}</text>')
        parts.append(draw(graph, layout(graph, seed=seed), (x, y + 24, cell_w, cell_h - 24)))
    parts.append(_legend(height - 15, False))
    return _document(width, height, "\n".join(parts), standalone)
