"""Table definitions and the schema version the code expects.

The schema version is stored in the file so that a newer fullcourt refuses to guess
about an older store (and says how to rebuild it) instead of corrupting it.
"""

from __future__ import annotations

SCHEMA_VERSION = "1"

DDL = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
    # One row per loaded publication of a list.
    """CREATE TABLE IF NOT EXISTS versions (
        dataset VARCHAR NOT NULL,
        version VARCHAR NOT NULL,
        published VARCHAR,
        loaded_at TIMESTAMP NOT NULL,
        content_hash VARCHAR NOT NULL,
        format VARCHAR NOT NULL,
        sources VARCHAR NOT NULL,
        entities INTEGER NOT NULL,
        statements INTEGER NOT NULL,
        report VARCHAR NOT NULL,
        PRIMARY KEY (dataset, version)
    )""",
    # One row per entity per version; entries carry the publisher's own id.
    """CREATE TABLE IF NOT EXISTS records (
        dataset VARCHAR NOT NULL,
        version VARCHAR NOT NULL,
        entity_id VARCHAR NOT NULL,
        schema VARCHAR NOT NULL,
        source_id VARCHAR,
        caption VARCHAR NOT NULL
    )""",
    # One row per value: the statement model.
    """CREATE TABLE IF NOT EXISTS statements (
        dataset VARCHAR NOT NULL,
        version VARCHAR NOT NULL,
        entity_id VARCHAR NOT NULL,
        schema VARCHAR NOT NULL,
        prop VARCHAR NOT NULL,
        value VARCHAR NOT NULL,
        lang VARCHAR,
        original_value VARCHAR,
        origin VARCHAR,
        is_ref BOOLEAN NOT NULL,
        is_anchor BOOLEAN NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS identifier_flags (
        dataset VARCHAR NOT NULL,
        version VARCHAR NOT NULL,
        entity_id VARCHAR NOT NULL,
        prop VARCHAR NOT NULL,
        value VARCHAR NOT NULL,
        reason VARCHAR NOT NULL
    )""",
    # Cross-list resolution: list records that are one real-world entity.
    """CREATE TABLE IF NOT EXISTS links (
        canonical_id VARCHAR NOT NULL,
        entity_id VARCHAR NOT NULL,
        dataset VARCHAR NOT NULL,
        evidence VARCHAR NOT NULL
    )""",
    # No ART indexes: DuckDB keeps them in memory, which would grow with every version
    # kept; column scans with zone maps answer the entity lookups fast enough.
    # An undated version loaded again: the user means it to be the current one.
    """CREATE TABLE IF NOT EXISTS reloads (
        dataset VARCHAR NOT NULL,
        version VARCHAR NOT NULL,
        reloaded_at TIMESTAMP NOT NULL
    )""",
    # The newest version of each dataset: what screening and networks read. Dated
    # versions go by their date; undated ones by when they were last loaded.
    """CREATE OR REPLACE VIEW current_versions AS
        SELECT dataset, version FROM (
            SELECT dataset, version, row_number() OVER (
                PARTITION BY dataset
                ORDER BY coalesce(published, strftime(touched, '%Y-%m-%d')) DESC, touched DESC
            ) AS rank FROM (
                SELECT v.dataset, v.version, v.published,
                       greatest(v.loaded_at, coalesce(max(r.reloaded_at), v.loaded_at)) AS touched
                FROM versions v LEFT JOIN reloads r USING (dataset, version)
                GROUP BY v.dataset, v.version, v.published, v.loaded_at
            )
        ) WHERE rank = 1""",
    # When each value was first and last published, across all versions of its list.
    """CREATE OR REPLACE VIEW statement_seen AS
        SELECT s.dataset, s.entity_id, s.prop, s.value,
               min(coalesce(v.published, strftime(v.loaded_at, '%Y-%m-%d'))) AS first_seen,
               max(coalesce(v.published, strftime(v.loaded_at, '%Y-%m-%d'))) AS last_seen
        FROM statements s JOIN versions v USING (dataset, version)
        GROUP BY ALL""",
]
