"""Build the bundled default dataset from the newest official files available.

Run from the project root: ``.venv/bin/python scripts/build_default_data.py ../shared/data``.
It loads each list into a temporary store with fullcourt's own parsers, selects the
North Korea related entries (programmes ``DPRK*`` and equivalents, ``NPWMD`` entries
with a North Korean address) and everything they link to, and writes one gzipped FtM
JSON lines file per dataset plus ``manifest.json`` with each file's provenance.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
import tempfile
from pathlib import Path

from fullcourt.ingest import load_paths
from fullcourt.sources.ftm_jsonl import write_ftm_jsonl
from fullcourt.store import Store
from fullcourt.store.query import iter_records, list_datasets
from fullcourt.store.select import program_seeds, related_ids

TARGET = Path("src/fullcourt/data/default")
# Publication dates the files do not state themselves, from the data folder's README:
# the 2024-06 SDN copy is of 2024-06-27 at the latest; the UK list was last updated on
# 2026-04-29 before it was transcribed.
KNOWN_PUBLISHED = {"us_ofac_sdn": "2024-06-27", "gb_fcdo_sanctions": "2026-04-29"}
# (path under the shared data folder, dataset)
INPUTS = [
    ("ofac_sdn/2024-06_openpassport", "us_ofac_sdn"),
    ("un_sc/2026-02-27_moov-watchman/consolidated.xml", "un_sc_sanctions"),
    ("uk/2026-05_covyr_derived", "gb_fcdo_sanctions"),
    ("eu/opensanctions_eu_journal_32017R1509_DPRK.csv", "eu_journal_sanctions"),
]
# Programme tags naming North Korea on each list, as the lists write them.
# OFAC: DPRK, DPRK2..4, DPRK-NKSPEA; UN: DPRK; UK: the regime name; EU: EU-PRK.
DPRK_PROGRAMS = r"^DPRK|korea|(^|-)PRK$"
COUNTRY_PROGRAMS = r"^NPWMD$"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
        if file.is_file():
            digest.update(file.read_bytes())
    return digest.hexdigest()


def main(shared: Path) -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    manifest = []
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "build.duckdb") as store:
        for relative, dataset in INPUTS:
            source = shared / relative
            result = load_paths(store, [source], dataset=dataset)[0]
            manifest.append(
                {
                    "dataset": dataset,
                    "version": result.version,
                    "file": f"{dataset}.ftm.jsonl.gz",
                    "origin": relative,
                    "source_sha256": sha256(source),
                }
            )
        seeds = program_seeds(store, DPRK_PROGRAMS, COUNTRY_PROGRAMS, "kp", r"korea,? north")
        selected = related_ids(store, seeds)
        for entry in manifest:
            path = TARGET / entry["file"]
            records = (r for r in iter_records(store, entry["dataset"]) if r.entity.id in selected)
            with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
                entry["entities"] = str(write_ftm_jsonl(records, out))
            published = list_datasets(store)[entry["dataset"]][-1].published
            entry["published"] = published or KNOWN_PUBLISHED.get(entry["dataset"], "")
    (TARGET / "manifest.json").write_text(json.dumps({"files": manifest}, indent=2) + "\n")
    print(json.dumps(manifest, indent=2))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
