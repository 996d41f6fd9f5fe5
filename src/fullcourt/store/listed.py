"""Which records in the store are list entries, and which are outside data.

The store holds the lists and the data investigators bring to them (registry extracts,
the ICIJ leaks, an analyst's own FtM files). A record is a list entry when the record
itself says so: a ``Sanction`` entity names it, or it carries a risk topic (FtM's own
set of topics that put a party on a watch list: ``sanction``, ``sanction.linked``,
``debarment``, ``crime.*``, ``wanted``, ``role.pep``, ``export.control``...).

Per record rather than per dataset, because an analyst's FtM file mixes the two: a case
file holding one sanctioned company and its hundred customers must not turn the
customers into list entries. The rule lives in the store because both the store's
cross-list links (resolve.py) and the screening catalog apply it, and the store must
not depend on screening.
"""

from __future__ import annotations

from followthemoney import registry

from fullcourt.store.db import Store

LIST_TOPICS: frozenset[str] = frozenset(registry.topic.RISKS)
# (dataset, entity id) of every list entry in the current versions
_LISTED = """
    WITH current AS (
        SELECT s.dataset, s.entity_id, s.schema, s.prop, s.value
        FROM statements s JOIN current_versions USING (dataset, version)
        WHERE (s.schema = 'Sanction' AND s.prop = 'entity') OR s.prop = 'topics'
    )
    SELECT dataset, value FROM current WHERE schema = 'Sanction'
    UNION
    SELECT dataset, entity_id FROM current
    WHERE prop = 'topics' AND list_contains($1::VARCHAR[], value)
"""


def listed_records(store: Store) -> frozenset[tuple[str, str]]:
    """(dataset, entity id) of the current records that are list entries."""
    rows = store.conn.execute(_LISTED, [sorted(LIST_TOPICS)]).fetchall()
    return frozenset((str(d), str(e)) for d, e in rows)
