"""Screening throughput and recall on real lists, with nomenklatura's logic-v2 beside it.

Builds fullcourt's index over the full OFAC SDN 2024-06 and UN 2026-02-27 lists, then
screens (one process, one core):
- the 683 UN-listed people of ``positives_un_treated.csv`` (names altered or
  transliterated by OpenSanctions' candidate benchmark): recall at the default
  threshold, i.e. how many are found;
- 1,000 synthetic people on no list (``negatives_global.csv``): how many raise a hit.
The anchor scores the same queries with nomenklatura's ``logic-v2`` against the
candidates our index proposes (as yente scores the candidates its search proposes), so
the ratio is between two scorers behind the same candidate step. yente publishes about
4 match requests per second per core for its whole pipeline.

Usage: ``.venv/bin/python benchmarks/screening_speed.py [../shared/data]``
"""

from __future__ import annotations

import csv
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from fullcourt.ingest import load_paths
from fullcourt.screening.catalog import current_versions, iter_list_entities
from fullcourt.screening.matcher import Matcher
from fullcourt.screening.score import DEFAULT_THRESHOLD
from fullcourt.screening.subject import make_subject
from fullcourt.store import Store

LISTS = ["ofac_sdn/2024-06_openpassport", "un_sc/2026-02-27_moov-watchman/consolidated.xml"]
POSITIVES = "screening_eval/yente_candidate_benchmark/positives_un_treated.csv"
NEGATIVES = "screening_eval/yente_validation_report/negatives_global.csv"


def queries(path: Path) -> list[dict[str, list[str]]]:
    with path.open(encoding="utf-8") as handle:
        out = []
        for row in csv.DictReader(handle):
            props = {"name": [row["full_name"]]}
            if row.get("date_of_birth"):
                props["birthDate"] = [row["date_of_birth"]]
            out.append(props)
        return out


def run_ours(matcher: Matcher, batch: list[dict[str, list[str]]]) -> tuple[float, int]:
    start = time.perf_counter()
    hits = sum(
        any(m.match for m in matcher.match(make_subject("Person", q), limit=5)) for q in batch
    )
    return time.perf_counter() - start, hits


def run_logic_v2(matcher: Matcher, batch: list[dict[str, list[str]]]) -> tuple[float, int]:
    from followthemoney.proxy import EntityProxy
    from nomenklatura.matching import get_algorithm

    algorithm = get_algorithm("logic-v2")
    assert algorithm is not None
    config = algorithm.default_config()
    hits = 0
    elapsed = 0.0
    for number, props in enumerate(batch):
        query = make_subject("Person", props)
        candidates = matcher.index.candidates(query)
        start = time.perf_counter()
        left = EntityProxy.from_dict({"id": f"q{number}", "schema": "Person", "properties": props})
        best = 0.0
        for entity in candidates:
            if entity.schema not in ("Person", "LegalEntity"):
                continue
            data = {"id": entity.id, "schema": entity.schema, "properties": entity.properties}
            right = EntityProxy.from_dict(data, cleaned=False)
            best = max(best, algorithm.compare(left, right, config).score)
        elapsed += time.perf_counter() - start
        hits += best >= 0.7
    return elapsed, hits


def main(shared: Path) -> None:
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {time.strftime('%Y-%m-%d')}"
    )
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.duckdb") as store:
        load_paths(store, [shared / p for p in LISTS])
        start = time.perf_counter()
        matcher = Matcher.from_entities(iter_list_entities(store), current_versions(store))
        print(
            f"index: {len(matcher.index.entities):,} list entities in "
            f"{time.perf_counter() - start:.1f} s"
        )
    positives, negatives = queries(shared / POSITIVES), queries(shared / NEGATIVES)
    print(
        f"{'scorer':14} {'queries/s':>10} {'recall (683 UN)':>16} {'hits on 1,000 negatives':>24}"
    )
    rates = {}
    for name, runner in (("fullcourt-v1", run_ours), ("logic-v2", run_logic_v2)):
        t_pos, found = runner(matcher, positives)
        t_neg, false_hits = runner(matcher, negatives)
        rates[name] = (len(positives) + len(negatives)) / (t_pos + t_neg)
        print(f"{name:14} {rates[name]:10.1f} {found / len(positives):16.3f} {false_hits:24d}")
    print(
        f"ratio fullcourt-v1 / logic-v2 queries per second: "
        f"{rates['fullcourt-v1'] / rates['logic-v2']:.1f}x (threshold {DEFAULT_THRESHOLD} / 0.70)"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
