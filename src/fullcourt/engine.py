"""The screening service: an index kept in step with the store, decisions, audit.

The API, the batch command and the CLI all screen through an :class:`Engine`. It
opens the store read-only and briefly, to build the index and to check whether a new
list version has landed since (then it rebuilds), so that loads from another process
are never blocked. Every screening is written to the audit log with the list
versions and the algorithm that answered, and standing analyst decisions are applied
(a false positive is shown as suppressed, not hidden).
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fullcourt.audit import AuditLog, Decisions
from fullcourt.screening.catalog import current_versions, iter_list_entities
from fullcourt.screening.identity import query_key
from fullcourt.screening.matcher import Match, Matcher
from fullcourt.screening.results import match_dict
from fullcourt.screening.score import ALGORITHM, ALGORITHM_VERSION, DEFAULT_THRESHOLD
from fullcourt.screening.subject import make_subject
from fullcourt.store import Store
from fullcourt.store.db import default_path

REFRESH_SECONDS = 5.0


def _keep_out_of_collections() -> None:
    """Move what lives now, the new index above all, out of the cycle collector's way.

    The index is a million Python objects that live as long as the list versions.
    Every full collection walked them all: up to a tenth of the screening time, and
    pauses of tens of milliseconds in the slowest API answers. An index replaced later
    is still freed as its references go, which is how its objects die (they hold no
    cycles).
    """
    gc.collect()
    gc.freeze()


def file_stamps(path: Path) -> tuple[tuple[int, int], ...]:
    """When and how far the store's files were last written: any commit changes the
    database file or its write-ahead log, so while neither changes, neither do the
    list versions in it."""
    found = []
    for file in (path, path.with_name(path.name + ".wal")):
        try:
            stat = file.stat()
        except FileNotFoundError:
            found.append((0, -1))
        else:
            found.append((stat.st_mtime_ns, stat.st_size))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One screened query: its results and what answered it."""

    query_key: str
    results: list[dict[str, Any]]
    versions: tuple[tuple[str, str], ...]
    algorithm: str
    receipt: str | None


@dataclass
class Engine:
    store_path: Path = field(default_factory=default_path)
    audit: AuditLog | None = None
    decisions: Decisions | None = None
    refresh_seconds: float = REFRESH_SECONDS
    _matcher: Matcher | None = None
    _checked: float = 0.0
    _stamps: tuple[tuple[int, int], ...] = ()
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def for_store(cls, store_path: Path | None = None) -> Engine:
        """An engine with the audit log and decisions beside the store file."""
        path = store_path or default_path()
        audit = AuditLog(path.with_name(path.name + ".audit.jsonl"))
        return cls(path, audit, Decisions(path.with_name(path.name + ".decisions.jsonl"), audit))

    def matcher(self) -> Matcher:
        """The index for the store's current list versions, rebuilt when they change.

        The store is looked at at most every ``refresh_seconds``, and opened only if
        its files changed since: opening it costs many times the screening of a name,
        and paid every few seconds by whichever request came then, it made the slowest
        answers of the API. A new list version a few seconds late is fine.
        """
        with self._lock:
            now = time.monotonic()
            if self._matcher is not None and now - self._checked < self.refresh_seconds:
                return self._matcher
            stamps = file_stamps(self.store_path)
            if self._matcher is None or stamps != self._stamps:
                with Store(self.store_path, read_only=True) as store:
                    versions = current_versions(store)
                    if self._matcher is None or self._matcher.versions != versions:
                        self._matcher = Matcher.from_entities(iter_list_entities(store), versions)
                        _keep_out_of_collections()
                # the files as they were before this look: a write since shows next time
                self._stamps = stamps
            self._checked = now
            return self._matcher

    def screen(
        self,
        schema: str,
        properties: Mapping[str, list[str]],
        *,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = 5,
        datasets: frozenset[str] | None = None,
        actor: str = "",
        channel: str = "api",
    ) -> Outcome:
        matcher = self.matcher()
        matches = matcher.match(
            make_subject(schema, properties), threshold=threshold, limit=limit, datasets=datasets
        )
        return self.record(
            schema, properties, matches, matcher.versions, threshold=threshold, actor=actor,
            channel=channel,
        )  # fmt: skip

    def record(
        self,
        schema: str,
        properties: Mapping[str, list[str]],
        matches: list[Match],
        versions: tuple[tuple[str, str], ...],
        *,
        threshold: float = DEFAULT_THRESHOLD,
        actor: str = "",
        channel: str = "api",
    ) -> Outcome:
        """Apply standing decisions to matches found elsewhere (a batch worker) and
        write them to the audit log, as :meth:`screen` does for its own."""
        key = query_key(schema, properties)
        results = self._with_decisions(key, matches)
        receipt = None
        if self.audit is not None:
            receipt = self.audit.append(
                "screening",
                {
                    "channel": channel,
                    "actor": actor,
                    "query_key": key,
                    "query": {"schema": schema, "properties": dict(properties)},
                    "threshold": threshold,
                    "algorithm": f"{ALGORITHM}/{ALGORITHM_VERSION}",
                    "versions": [list(v) for v in versions],
                    "results": [
                        {
                            "id": r["id"],
                            "score": r["score"],
                            "match": r["match"],
                            "suppressed": r["suppressed"],
                        }
                        for r in results
                    ],
                },
            )
        return Outcome(key, results, versions, ALGORITHM, receipt)

    def _with_decisions(self, key: str, matches: list[Match]) -> list[dict[str, Any]]:
        standing = self.decisions.for_query(key) if self.decisions is not None else {}
        out = []
        for match in matches:
            decision = standing.get(match.entity.id)
            suppressed = decision is not None and decision.decision == "false_positive"
            row = match_dict(match, suppressed=suppressed)
            if decision is not None:
                row["decision"] = {
                    "decision": decision.decision,
                    "analyst": decision.analyst,
                    "note": decision.note,
                    "at": decision.at,
                }
            out.append(row)
        return out
