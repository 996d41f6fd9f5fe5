"""The bundled default dataset: North Korea related entries of the official lists.

It lets ``make run`` work offline on a fresh machine. Each dataset is one gzipped FtM
JSON lines file whose statements keep their source file; ``manifest.json`` keeps the
dataset name, list version and origin of each, so provenance survives the bundling.
Rebuild it with ``scripts/build_default_data.py`` from newer official files.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from fullcourt.ingest import load_plans
from fullcourt.sources.plan import LoadPlan
from fullcourt.store import Store
from fullcourt.store.load import LoadResult

FTM_FORMAT = "ftm_jsonl"


def default_folder() -> Path:
    return Path(str(resources.files("fullcourt") / "data" / "default"))


def read_manifest(folder: Path | None = None) -> list[dict[str, str]]:
    folder = folder or default_folder()
    entries: list[dict[str, str]] = json.loads((folder / "manifest.json").read_text())["files"]
    return entries


def default_plans(folder: Path | None = None) -> list[LoadPlan]:
    folder = folder or default_folder()
    return [
        LoadPlan(
            FTM_FORMAT,
            e["dataset"],
            {"main": folder / e["file"]},
            version=e["version"],
            origin=e["origin"],
            published=e.get("published") or None,
        )
        for e in read_manifest(folder)
    ]


def load_defaults(store: Store, folder: Path | None = None) -> list[LoadResult]:
    """Load every bundled dataset in one transaction (a no-op when already loaded)."""
    return load_plans(store, default_plans(folder))
