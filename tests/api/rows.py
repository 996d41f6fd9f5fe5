"""Reading the store directly: an oracle for API tests that does not go through the API."""

from __future__ import annotations

from pathlib import Path

from fullcourt.store import Store


def store_rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with Store(path, read_only=True) as store:
        return [tuple(row) for row in store.conn.execute(sql).fetchall()]
