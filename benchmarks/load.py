"""Load benchmark: time and peak memory of ``fullcourt load`` on the largest real files.

Each load runs in a fresh process (``fullcourt load`` into a new store) so its peak
resident memory is its own. To show that memory stays flat as input grows, the
2024-06 SDN set is also loaded at 2x, 4x and 8x its size (rows repeated under new
entry numbers). The anchor is DuckDB's own ``read_csv`` of the same raw ``sdn.csv``,
which parses but does not model anything: the ratio says what modelling costs.

Usage: ``.venv/bin/python benchmarks/load.py [../shared/data]``
"""

from __future__ import annotations

import csv
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

INPUTS = [
    "ofac_sdn/2024-06_openpassport",
    "ofac_sdn/2021-07_moov-watchman-bench",
    "ofac_consolidated/2025-01_moov-watchman/CONS_ENHANCED.ZIP",
    "un_sc/2026-02-27_moov-watchman/consolidated.xml",
    "uk/2026-05_covyr_derived",
]


# Runs the CLI in-process and reports that process's own peak RSS on its last line.
CHILD = """
import resource, sys
from fullcourt.cli.app import app
try:
    app(sys.argv[1:], standalone_mode=False)
finally:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run_load(paths: list[Path], store: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one ``fullcourt load`` process."""
    env = dict(os.environ, FULLCOURT_DB=str(store))
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "load", "--json", *map(str, paths)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    peak_kib = int(done.stdout.strip().splitlines()[-1])
    return seconds, peak_kib / 1024


def grown_sdn(source: Path, factor: int, folder: Path) -> Path:
    """The SDN set repeated ``factor`` times under fresh entry numbers."""
    target = folder / f"x{factor}"
    target.mkdir()
    for name in ("sdn.csv", "add.csv"):
        with (source / name).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        header, body = rows[0], rows[1:]
        with (target / name).open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            for copy in range(factor):
                for row in body:
                    if not row or not row[0].strip().isdigit():
                        continue  # the official files end with a DOS end-of-file byte
                    shifted = [str(int(row[0]) + copy * 1_000_000), *row[1:]]
                    if name == "add.csv":
                        shifted[1] = str(int(row[1]) + copy * 1_000_000)
                    writer.writerow(shifted)
    return target


def anchor_seconds(sdn: Path) -> float:
    start = time.perf_counter()
    conn = duckdb.connect()
    conn.execute(
        f"CREATE TABLE t AS SELECT * FROM read_csv('{sdn}', all_varchar = true, "
        "ignore_errors = true)"
    )
    return time.perf_counter() - start


def main(shared: Path) -> None:
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {time.strftime('%Y-%m-%d')}"
    )
    print(f"{'input':60} {'seconds':>8} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for number, relative in enumerate(INPUTS):
            seconds, peak = run_load([shared / relative], folder / f"s{number}.duckdb")
            print(f"{relative:60} {seconds:8.2f} {peak:9.0f}")
        sdn = shared / INPUTS[0]
        for factor in (2, 4, 8):
            grown = grown_sdn(sdn, factor, folder)
            seconds, peak = run_load([grown], folder / f"g{factor}.duckdb")
            print(f"{INPUTS[0] + f' x{factor}':60} {seconds:8.2f} {peak:9.0f}")
            shutil.rmtree(grown)
        ours, _ = run_load([sdn], folder / "again.duckdb")
        anchor = anchor_seconds(sdn / "sdn.csv")
        print(
            f"anchor: DuckDB read_csv of raw sdn.csv {anchor:.2f} s; fullcourt load "
            f"{ours:.2f} s; ratio {ours / anchor:.1f}x"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
