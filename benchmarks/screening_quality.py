"""Name-matching quality: fullcourt against nomenklatura's logic-v2 and ofac matchers.

Runs every algorithm on OpenSanctions' 826 labelled name pairs
(``screening_eval/nomenklatura/name_bench_cases.csv``) in one run and prints, for
each, precision, recall and F1 at its default threshold and at its best threshold,
then per case group at each algorithm's best threshold. nomenklatura is a
development-only dependency, installed with ``pip install nomenklatura``.

Usage: ``.venv/bin/python benchmarks/screening_quality.py [../shared/data]``
"""

from __future__ import annotations

import csv
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from fullcourt.screening.names import compare_names
from fullcourt.screening.normalize import name_forms
from fullcourt.screening.score import ALGORITHM, DEFAULT_THRESHOLD

Row = dict[str, str]
Scorer = Callable[[Row], float]


def ours(row: Row) -> float:
    schema = row["schema"]
    result = compare_names(
        name_forms(row["name1"], schema), name_forms(row["name2"], schema), schema
    )
    return result.score if result else 0.0


def nomenklatura_scorer(name: str) -> Scorer:
    from followthemoney.proxy import EntityProxy
    from nomenklatura.matching import get_algorithm

    algorithm = get_algorithm(name)
    if algorithm is None:
        raise SystemExit(f"nomenklatura has no algorithm {name}")
    config = algorithm.default_config()

    def score(row: Row) -> float:
        def entity(key: str) -> EntityProxy:
            ident = f"{key}:{row['schema']}:{row[key]}"  # nomenklatura caches by entity id
            data = {"id": ident, "schema": row["schema"], "properties": {"name": [row[key]]}}
            return EntityProxy.from_dict(data)

        return float(algorithm.compare(entity("name1"), entity("name2"), config).score)

    return score


def prf(scores: list[float], rows: list[Row], threshold: float) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for score, row in zip(scores, rows, strict=True):
        hit, truth = score >= threshold, row["is_match"] == "true"
        tp += hit and truth
        fp += hit and not truth
        fn += truth and not hit
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def best_threshold(scores: list[float], rows: list[Row]) -> float:
    grid = [t / 100 for t in range(30, 100)]
    return max(grid, key=lambda t: (prf(scores, rows, t)[2], -abs(t - 0.7)))


def main(shared: Path) -> None:
    path = shared / "screening_eval/nomenklatura/name_bench_cases.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    algorithms: dict[str, tuple[Scorer, float]] = {
        ALGORITHM: (ours, DEFAULT_THRESHOLD),
        "logic-v2": (nomenklatura_scorer("logic-v2"), 0.7),
        "ofac": (nomenklatura_scorer("ofac"), 0.7),
    }
    results: dict[str, tuple[list[float], float]] = {}
    print(f"{len(rows)} labelled pairs from {path.name}")
    print(
        f"{'algorithm':14} {'pairs/s':>8} {'P@def':>6} {'R@def':>6} {'F1@def':>7} "
        f"{'best t':>6} {'P':>6} {'R':>6} {'F1':>6}"
    )
    for name, (scorer, default) in algorithms.items():
        start = time.perf_counter()
        scores = [scorer(row) for row in rows]
        rate = len(rows) / (time.perf_counter() - start)
        best = best_threshold(scores, rows)
        results[name] = (scores, best)
        p0, r0, f0 = prf(scores, rows, default)
        p, r, f = prf(scores, rows, best)
        print(
            f"{name:14} {rate:8.0f} {p0:6.3f} {r0:6.3f} {f0:7.3f} {best:6.2f} {p:6.3f} "
            f"{r:6.3f} {f:6.3f}"
        )
    f_ours = prf(results[ALGORITHM][0], rows, results[ALGORITHM][1])[2]
    f_v2 = prf(results["logic-v2"][0], rows, results["logic-v2"][1])[2]
    print(f"F1 difference {ALGORITHM} - logic-v2 at best thresholds: {f_ours - f_v2:+.3f}")
    groups: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(rows):
        groups[row["case_group"]].append(index)
    print("\nper case group, F1 at each algorithm's best threshold")
    print(f"{'group':18} {'n':>4} " + " ".join(f"{n:>14}" for n in results))
    for group, members in sorted(groups.items()):
        subset = [rows[i] for i in members]
        cells = []
        for scores, best in results.values():
            cells.append(f"{prf([scores[i] for i in members], subset, best)[2]:14.3f}")
        print(f"{group:18} {len(members):4d} " + " ".join(cells))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
