"""The network of a store as analysts use it: lists, outside data and the links between.

``loader.graph_from_store`` builds over the store's own cross-list links, which join
list entries only. The CLI and the API build here instead, because two things an
analyst relies on live beside the store:

- outside records (a registry, the ICIJ leaks, a case file) join a listed party only
  through linking: automatic links nobody rejected and proposals someone accepted, so
  that a rejection stands even where a registry number matched;
- the last linking run is saved beside the store (``<store>.linking.json``), next to
  the decisions (``<store>.link-decisions.jsonl``), so that every later graph applies
  the links in force without screening the outside data again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from fullcourt.model import Entity
from fullcourt.network.analysis import Analysis
from fullcourt.network.graph import Graph, build_graph
from fullcourt.network.linking import (
    LinkDecisions,
    Linking,
    Proposal,
    link_entities,
    linked_same_as,
)
from fullcourt.network.loader import same_as as list_links
from fullcourt.screening.catalog import SCREENED_SCHEMATA
from fullcourt.screening.matcher import Matcher
from fullcourt.screening.score import DEFAULT_THRESHOLD
from fullcourt.store import Store, StoreError
from fullcourt.store.listed import listed_records
from fullcourt.store.query import iter_records, list_datasets


def runs_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".linking.json")


def outside_datasets(store: Store) -> tuple[str, ...]:
    """Datasets holding no list entry at all: what ``fullcourt link`` links by default."""
    lists = {d for d, _ in listed_records(store)}
    return tuple(sorted(set(list_datasets(store)) - lists))


def outside_parties(store: Store, datasets: Collection[str]) -> Iterator[Entity]:
    """The parties of ``datasets`` that are not list entries themselves."""
    listed = listed_records(store)
    for dataset in sorted(datasets):
        for record in iter_records(store, dataset):
            entity = record.entity
            if entity.schema.name in SCREENED_SCHEMATA and (dataset, entity.id) not in listed:
                yield entity


def run_linking(
    store: Store,
    matcher: Matcher,
    datasets: Collection[str] | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
) -> tuple[tuple[str, ...], Linking]:
    """Outside parties screened against the lists; the datasets linked and the result."""
    chosen = tuple(sorted(datasets)) if datasets else outside_datasets(store)
    known = set(list_datasets(store))
    if unknown := sorted(set(chosen) - known):
        raise StoreError(f"no dataset {unknown[0]!r} in the store")
    parties = outside_parties(store, chosen)
    return chosen, link_entities(parties, matcher, threshold=threshold)


def _proposal(data: dict[str, Any]) -> Proposal:
    for key in ("list_records", "list_datasets", "evidence"):
        data[key] = tuple(data[key])
    return Proposal(**data)


def load_run(store_path: Path) -> Linking:
    """The saved proposals of every dataset linked so far (none before the first run)."""
    path = runs_path(store_path)
    if not path.exists():
        return Linking(())
    data = json.loads(path.read_text(encoding="utf-8"))
    proposals = [_proposal(p) for p in data["proposals"]]
    versions = tuple((str(d), str(v)) for d, v in data["versions"])
    return Linking(tuple(proposals), versions, str(data["algorithm"]))


def save_run(store_path: Path, datasets: Iterable[str], linking: Linking) -> Linking:
    """Replace the saved proposals of ``datasets`` by this run's; others are kept."""
    redone = set(datasets)
    kept = [p for p in load_run(store_path).proposals if p.dataset not in redone]
    merged = [*kept, *linking.proposals]
    merged.sort(key=lambda p: (not p.automatic, -p.score, p.record_id, p.list_id))
    saved = Linking(tuple(merged), linking.versions, linking.algorithm)
    body = {
        "algorithm": saved.algorithm,
        "versions": [list(v) for v in saved.versions],
        "proposals": [asdict(p) for p in saved.proposals],
    }
    path = runs_path(store_path)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
    temporary.replace(path)  # readers never see half a file
    return saved


def linked_graph(store: Store, store_path: Path | None = None) -> Graph:
    """The network of the current versions with the links in force applied."""
    path = store_path or store.path
    same_as = linked_same_as(load_run(path), LinkDecisions.for_store(path), list_links(store))
    return build_graph((record.entity for record in iter_records(store)), same_as=same_as)


def linked_analysis(store: Store, store_path: Path | None = None) -> Analysis:
    """``Analysis.from_store`` over :func:`linked_graph`."""
    return Analysis.from_store(store, lambda s: linked_graph(s, store_path))


def links_stamp(store_path: Path) -> tuple[tuple[int, int], ...]:
    """Changes when a run is saved or a decision recorded: a cached graph is then stale."""
    decisions = LinkDecisions.for_store(store_path).path
    stamps = []
    for path in (runs_path(store_path), decisions):
        stat = os.stat(path) if path.exists() else None
        stamps.append((stat.st_mtime_ns, stat.st_size) if stat else (0, 0))
    return tuple(stamps)
