"""The append-only audit log and the analysts' decisions.

Compliance teams must show, for any past screening, what was asked, what the lists
said then (which versions), which algorithm answered and what an analyst decided.
Both files are JSON lines that are only ever appended to. Each audit event carries
the hash of the previous one, so a removed or edited line breaks the chain and
``verify`` says where. They live beside the store (``<store>.audit.jsonl`` and
``<store>.decisions.jsonl``), not in it, so that a running API can append while the
store is being loaded by another process.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

GENESIS = "0" * 64
DECISIONS = ("false_positive", "true_positive", "clear")


class AuditError(Exception):
    """The audit log is not what was written (a line removed, edited or reordered)."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _digest(previous: str, body: dict[str, Any]) -> str:
    payload = json.dumps(body, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{previous}\n{payload}".encode()).hexdigest()


class AuditLog:
    """Hash-chained JSON lines; appends are serialised with a file lock.

    Each event is on disk (fsync) before ``append`` returns, so an API caller's receipt
    names an event that survives a crash. A batch run may ask for ``synced_every``:
    its rows are then synced in groups, and the run's closing event, written after the
    last group, shows that none was lost.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._every = 1
        self._unsynced = 0
        # (inode, file size, last hash) we wrote: a log rotated or replaced by one of
        # the same size has another inode
        self._tail: tuple[int, int, str] | None = None

    def _last_hash(self, file: os.stat_result) -> str:
        size = file.st_size
        if size == 0:
            return GENESIS
        if self._tail is not None and self._tail[:2] == (file.st_ino, size):
            return self._tail[2]  # nobody appended since we did: no need to read back
        with self.path.open("rb") as handle:
            handle.seek(max(0, size - 65536))
            last = handle.read().splitlines()[-1]
        return str(json.loads(last)["hash"])

    def append(self, kind: str, body: dict[str, Any]) -> str:
        """Write one event; returns its hash (the receipt an API caller gets)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                event = {"at": _now(), "kind": kind, **body}
                previous = self._last_hash(os.fstat(handle.fileno()))
                digest = _digest(previous, event)
                line = {**event, "previous": previous, "hash": digest}
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
                handle.flush()
                self._unsynced += 1
                if self._unsynced >= self._every:
                    os.fsync(handle.fileno())
                    self._unsynced = 0
                after = os.fstat(handle.fileno())
                self._tail = (after.st_ino, after.st_size, digest)
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        return digest

    @contextmanager
    def synced_every(self, events: int) -> Iterator[None]:
        """Sync to disk once per ``events`` appends inside the block, and at its end."""
        before, self._every = self._every, max(1, events)
        try:
            yield
        finally:
            self._every = before
            if self._unsynced and self.path.exists():
                with self.path.open("a", encoding="utf-8") as handle:
                    os.fsync(handle.fileno())
                self._unsynced = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        if not self.path.exists():
            return
        with self.path.open(encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line)

    def verify(self) -> int:
        """Check the chain; returns the number of events, raises on the first break."""
        previous = GENESIS
        count = 0
        for number, line in enumerate(self, start=1):
            body = {k: v for k, v in line.items() if k not in ("previous", "hash")}
            if line.get("previous") != previous or _digest(previous, body) != line.get("hash"):
                raise AuditError(f"{self.path}:{number}: audit chain broken")
            previous = str(line["hash"])
            count += 1
        return count


@dataclass(frozen=True, slots=True)
class Decision:
    query_key: str
    entity_id: str
    decision: str
    analyst: str
    note: str
    at: str


class Decisions:
    """Analysts' decisions per (query identity, list entity); the latest one stands."""

    def __init__(self, path: Path, audit: AuditLog | None = None) -> None:
        self.path = path
        self.audit = audit
        self._cache: tuple[tuple[int, int], dict[tuple[str, str], Decision]] | None = None

    def record(
        self, query_key: str, entity_id: str, decision: str, analyst: str, note: str = ""
    ) -> Decision:
        if decision not in DECISIONS:
            raise ValueError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
        if not analyst.strip():
            raise ValueError("a decision needs the analyst who made it")
        made = Decision(query_key, entity_id, decision, analyst, note, _now())
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            handle.write(json.dumps(_row(made)) + "\n")
            fcntl.flock(handle, fcntl.LOCK_UN)
        if self.audit is not None:
            self.audit.append("decision", _row(made))
        return made

    def current(self) -> dict[tuple[str, str], Decision]:
        """The standing decision per (query key, entity id)."""
        if not self.path.exists():
            return {}
        stat = self.path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        if self._cache is not None and self._cache[0] == stamp:
            return self._cache[1]  # read again only when another process appended
        standing: dict[tuple[str, str], Decision] = {}
        with self.path.open(encoding="utf-8") as handle:
            for line in handle:
                made = Decision(**json.loads(line))
                standing[(made.query_key, made.entity_id)] = made
        self._cache = (stamp, standing)
        return standing

    def for_query(self, query_key: str) -> dict[str, Decision]:
        return {e: d for (q, e), d in self.current().items() if q == query_key}


def _row(decision: Decision) -> dict[str, str]:
    return {
        "query_key": decision.query_key,
        "entity_id": decision.entity_id,
        "decision": decision.decision,
        "analyst": decision.analyst,
        "note": decision.note,
        "at": decision.at,
    }
