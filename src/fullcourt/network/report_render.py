"""The evidence pack as Markdown and as one self-contained HTML page.

The HTML page carries its CSS and its drawing inline and loads nothing (no scripts,
fonts, images or style sheets from elsewhere): it is filed with a decision and must
open the same way offline, years later. Values from the lists (a website, a source
URL) are shown as text, never as links. Long provenance tables fold (<details>),
which needs no JavaScript either.
"""

from __future__ import annotations

from html import escape

from fullcourt.network.report import EvidencePack
from fullcourt.network.report_sections import Section, Table, sections
from fullcourt.network.svg import render

CSS = """
body{font-family:Helvetica,Arial,sans-serif;margin:2em auto;max-width:1100px;color:#222;
line-height:1.4;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #eee;padding-bottom:.2em;
margin-top:1.8em}
table{border-collapse:collapse;margin:.6em 0;width:100%;font-size:.9em}
th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f4f4f4}caption{text-align:left;font-weight:bold;padding:4px 0}
td{word-break:break-word}.badge{display:inline-block;padding:2px 8px;border-radius:3px;
color:#fff;font-size:.85em;margin-right:.4em}.listed{background:#c62828}
.unlisted{background:#555}nav a{margin-right:1em}figure{margin:1em 0}
summary{cursor:pointer;font-weight:bold;margin:.4em 0}svg{max-width:100%;height:auto}
@media print{details{display:block}nav{display:none}}
"""


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _md_table(table: Table) -> list[str]:
    lines = [f"**{_md(table.caption)}**", ""] if table.caption else []
    if not table.rows:
        return [*lines, "(none)", ""]
    lines.append("| " + " | ".join(table.header) + " |")
    lines.append("|" + "---|" * len(table.header))
    lines.extend("| " + " | ".join(_md(c) for c in row) + " |" for row in table.rows)
    return [*lines, ""]


def _md_section(section: Section) -> list[str]:
    lines = [f"## {section.title}", ""]
    for text in section.paragraphs:
        lines += [_md(text), ""]
    if section.items:
        lines += [f"- {_md(item)}" for item in section.items] + [""]
    for table in section.tables:
        lines += _md_table(table)
    return lines


def to_markdown(pack: EvidencePack) -> str:
    """The pack as Markdown (the drawing is left to the HTML page)."""
    lines = [f"# Evidence pack: {_md(pack.caption)}", ""]
    for section in sections(pack):
        lines += _md_section(section)
    return "\n".join(lines).rstrip() + "\n"


def _html_table(table: Table) -> str:
    caption = f"<caption>{escape(table.caption)}</caption>" if table.caption else ""
    head = "".join(f"<th>{escape(h)}</th>" for h in table.header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in table.rows
    )
    if not table.rows:
        body = f'<tr><td colspan="{len(table.header)}">(none)</td></tr>'
    html = f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if table.folded:
        label = escape(f"{table.caption or 'details'} - {len(table.rows)} values")
        return f"<details><summary>{label}</summary>{html}</details>"
    return html


def _html_section(section: Section) -> str:
    parts = [f'<section id="{section.anchor}"><h2>{escape(section.title)}</h2>']
    parts += [f"<p>{escape(text)}</p>" for text in section.paragraphs]
    if section.items:
        parts.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in section.items) + "</ul>")
    parts += [_html_table(table) for table in section.tables]
    return "\n".join([*parts, "</section>"])


def _figure(pack: EvidencePack) -> str:
    near = pack.neighbourhood
    svg = render(near.graph, center=pack.entity.id, standalone=False)
    cut = " (cut at the node cap)" if near.truncated else ""
    note = f"{near.size} parties within {near.depth} hops{cut}; hover a mark for its details."
    return (
        '<section id="neighbourhood"><h2>Neighbourhood</h2>'
        f"<figure>{svg}<figcaption>{escape(note)}</figcaption></figure></section>"
    )


def to_html(pack: EvidencePack) -> str:
    """A self-contained page: inline CSS and SVG, no scripts, no external resources."""
    found = sections(pack)
    badge = (
        '<span class="badge listed">designated</span>'
        if pack.designations
        else '<span class="badge unlisted">not listed</span>'
    )
    ids = escape(", ".join(pack.list_ids) or pack.entity.id)
    anchors = [(s.anchor, s.title) for s in found]
    anchors.insert(1, ("neighbourhood", "Neighbourhood"))
    nav = "".join(f'<a href="#{a}">{escape(t)}</a>' for a, t in anchors)
    body = [_html_section(found[0]), _figure(pack), *(_html_section(s) for s in found[1:])]
    title = escape(f"Evidence pack: {pack.caption}")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{CSS}</style></head><body>\n"
        f"<h1>{escape(pack.caption)}</h1><p>{badge}{ids}</p><nav>{nav}</nav>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )
