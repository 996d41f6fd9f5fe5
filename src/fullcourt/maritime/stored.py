"""The inputs of an analysis as stored on disk: the AIS Parquet store and the list store.

The command line and the API analyse what was loaded earlier (``fullcourt ais load``,
``fullcourt load``); this is the one place that knows where those live. The AIS store
defaults to a folder beside the list store, so one ``FULLCOURT_DB`` names both.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from fullcourt.maritime.analysis import Analysis, analyse
from fullcourt.maritime.ingest import read_parquet
from fullcourt.maritime.listed import ListedShip, load_listed
from fullcourt.maritime.places import Places
from fullcourt.store import Store

AIS_ENV = "FULLCOURT_AIS"


def default_ais_folder(db: Path, environ: Mapping[str, str] | None = None) -> Path:
    """``FULLCOURT_AIS``, else a folder beside the store file (``fullcourt.duckdb.ais``)."""
    env = os.environ if environ is None else environ
    if env.get(AIS_ENV):
        return Path(env[AIS_ENV])
    return db.with_name(db.name + ".ais")


def stored_ships(db: Path) -> list[ListedShip]:
    """Listed ships of the store's current list versions; none when no store exists yet."""
    if not db.exists():
        return []
    with Store(db, read_only=True) as store:
        return load_listed(store)


def analyse_stored(db: Path, ais: Path, places: Places | None = None) -> Analysis:
    """Everything in the AIS store at ``ais`` against the listed ships of store ``db``."""
    frames = read_parquet(ais)
    return analyse(frames.positions, frames.statics, stored_ships(db), places=places)


def store_version(db: Path, ais: Path) -> tuple[object, ...]:
    """Changes whenever either store changes: a key for caching an analysis."""
    files = sorted(p for t in ("positions", "statics") for p in (ais / t).glob("*.parquet"))
    lists = [f for f in (db, db.with_name(db.name + ".wal")) if f.exists()]
    stamps = tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in lists)
    return (str(db), stamps, tuple((p.name, p.stat().st_size) for p in files))
