"""Choosing a related part of the store: entries matching a programme, and their links.

A North Korea extract must carry more than the entries tagged ``DPRK``: the companies
they are linked to, the owners of their ships and the sanctions records attached to
them, or the network and screening analyses lose the context that makes a hit useful.
"""

from __future__ import annotations

from fullcourt.store.db import Store

_SEEDS = """
    SELECT DISTINCT target.value AS entity_id
    FROM statements prog
    JOIN current_versions USING (dataset, version)
    JOIN statements target ON target.dataset = prog.dataset AND target.version = prog.version
        AND target.entity_id = prog.entity_id AND target.schema = 'Sanction'
        AND target.prop = 'entity'
    WHERE prog.schema = 'Sanction' AND prog.prop = 'program' AND (
        regexp_matches(prog.value, $1, 'i')
        OR (regexp_matches(prog.value, $2, 'i') AND target.value IN (
            SELECT c.entity_id FROM statements c JOIN current_versions USING (dataset, version)
            WHERE c.prop IN ('country', 'nationality', 'addressEntity', 'address')
              AND (c.value = $3 OR regexp_matches(c.value, $4, 'i'))
        ))
    )
"""


def program_seeds(
    store: Store,
    program: str,
    country_program: str = "^$",
    country: str = "",
    country_text: str = "^$",
) -> set[str]:
    """Entries whose programme matches ``program``, or ``country_program`` with ``country``."""
    rows = store.conn.execute(_SEEDS, [program, country_program, country, country_text])
    return {str(r[0]) for r in rows.fetchall()}


def related_ids(store: Store, seeds: set[str], depth: int = 3) -> set[str]:
    """Seeds, entities that point at them (sanctions, links) and what those point at."""
    selected = set(seeds)
    frontier = set(seeds)
    for _ in range(depth):
        if not frontier:
            break
        ids = sorted(frontier)
        marks = ", ".join("?" for _ in ids)
        rows = store.conn.execute(
            f"""SELECT s.entity_id, s.value FROM statements s
                JOIN current_versions USING (dataset, version)
                WHERE s.is_ref AND (s.value IN ({marks}) OR s.entity_id IN ({marks}))""",
            ids + ids,
        ).fetchall()
        found = {str(a) for a, _ in rows} | {str(b) for _, b in rows}
        frontier = found - selected
        selected |= found
    return selected
