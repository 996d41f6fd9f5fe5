"""Loading files into the store: plan, parse every input, then commit all in one go.

This is the one place that joins sources (formats, parsing) and the store (versions,
transactions); the CLI and the API call it and only present its results.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from fullcourt.model import Record
from fullcourt.sources.plan import LoadPlan, plan_paths
from fullcourt.sources.report import ParseReport
from fullcourt.store import Store, StoreError
from fullcourt.store.load import (
    LoadRequest,
    LoadResult,
    Staged,
    commit_staged,
    existing_version,
    reinstate,
    stage_records,
)

Tick = Callable[[], None]


def _counted(records: Iterable[Record], tick: Tick | None) -> Iterator[Record]:
    for record in records:
        if tick is not None:
            tick()
        yield record


def request_for(plan: LoadPlan, dataset: str | None, version: str | None) -> LoadRequest:
    return LoadRequest(
        dataset=dataset or plan.dataset,
        format=plan.format,
        sources=[p.name for p in plan.files.values()],
        content_hash=plan.content_hash(),
        version=version or plan.version,
        version_hint=plan.version_hint(),
        origin=plan.origin or "+".join(p.name for p in plan.files.values()),
    )


def load_plans(
    store: Store,
    plans: list[LoadPlan],
    *,
    dataset: str | None = None,
    version: str | None = None,
    tick: Tick | None = None,
) -> list[LoadResult]:
    """Load every plan as one transaction; content already in the store is skipped."""
    if version is not None and len(plans) > 1:
        raise StoreError("--version names one version; load these inputs one at a time")
    present: list[LoadResult] = []
    with tempfile.TemporaryDirectory(prefix="fullcourt-load-") as tmp:
        staged: list[Staged] = []
        for number, plan in enumerate(plans):
            request = request_for(plan, dataset, version)
            report = ParseReport()
            done = existing_version(store, request.dataset, request.content_hash)
            if done is not None:
                present.append(LoadResult(request.dataset, done, False, 0, 0, 0, report))
                continue
            folder = Path(tmp) / str(number)
            folder.mkdir()
            records = _counted(plan.parse(request.dataset, report), tick)
            staged.append(stage_records(folder, request, records, report))
        commit_staged(store, staged)
    # only once everything new has landed: a failed load changes nothing
    results = [replace(r, reinstated=reinstate(store, r.dataset, r.version)) for r in present]
    return results + [item.result(True) for item in staged]


def load_paths(
    store: Store,
    paths: list[Path],
    *,
    dataset: str | None = None,
    version: str | None = None,
    tick: Tick | None = None,
) -> list[LoadResult]:
    """Recognise, parse and load files and folders."""
    return load_plans(store, plan_paths(paths), dataset=dataset, version=version, tick=tick)
