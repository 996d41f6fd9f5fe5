"""Opening the store file and checking that its schema is the one this code writes."""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

import duckdb

from fullcourt.store.schema import DDL, SCHEMA_VERSION

DEFAULT_PATH = "fullcourt.duckdb"
# DuckDB caches pages and builds hash tables up to most of the machine's memory by
# default; a cap makes large loads spill to disk instead, so memory stays flat as the
# input grows. FULLCOURT_DB_MEMORY raises it on a big machine.
DEFAULT_MEMORY_LIMIT = "256MB"


class StoreError(Exception):
    """A store operation that cannot proceed; the store is left as it was."""


def default_path() -> Path:
    """``FULLCOURT_DB`` names the store file; every command honours it."""
    return Path(os.environ.get("FULLCOURT_DB", DEFAULT_PATH))


class Store:
    """A DuckDB file holding every loaded version of every list."""

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else default_path()
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no store here yet; load a list first")
        self.read_only = read_only
        self.conn = self._connect()
        if read_only:
            self._check_version()
        else:
            self._migrate()

    def _connect(self) -> duckdb.DuckDBPyConnection:
        config: dict[str, str | bool | int | float | list[str]] = {
            "memory_limit": os.environ.get("FULLCOURT_DB_MEMORY", DEFAULT_MEMORY_LIMIT),
            "preserve_insertion_order": False,
        }
        return duckdb.connect(str(self.path), read_only=self.read_only, config=config)

    def _migrate(self) -> None:
        for statement in DDL:
            self.conn.execute(statement)
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self.conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
        elif row[0] != SCHEMA_VERSION:
            self._refuse(str(row[0]))

    def _check_version(self) -> None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None or row[0] != SCHEMA_VERSION:
            self._refuse(str(row[0]) if row else "none")

    def _refuse(self, found: str) -> None:
        self.conn.close()
        raise StoreError(
            f"{self.path}: store schema {found}, this fullcourt writes {SCHEMA_VERSION}; "
            "move the file aside and load the lists again"
        )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
