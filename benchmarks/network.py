"""Network benchmark: the array engines on a synthetic registry of millions, and the same
exposure computation in networkx on a 100,000-party sample.

Stages, each timed: building the walk graph (arrays.build_walk: links, shared
addresses with hub damping), exposure (scale_exposure.hit_probability), the 50% rule
under the OFAC and UK rules (scale_ownership, share texts parsed once per distinct
text) and clusters (connected components and label propagation). Generating the
registry is timed apart and is not part of the total. Peak memory is the process's
peak resident set from the end of generation on (Linux lets a process reset its
high-water mark through /proc/self/clear_refs); the whole run's peak is printed too.

The networkx side: networkx has no hit probability, so the oracle is the computation
walk.hit_probability performs (Gauss-Seidel sweeps until no score moves by 1e-10)
reading weights from a networkx Graph built from the same sample columns by plain
Python. The arrays solve to an error bound of 1e-9; the largest difference between
the two is printed so that the ratio compares like with like. networkx's
personalised PageRank (a different measure, scipy inside) is timed for reference.

Usage: ``.venv/bin/python benchmarks/network.py [--companies N --officers N --links N]``
"""

from __future__ import annotations

import argparse
import platform
import resource
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx
import numpy as np

from fullcourt.network.arrays import Ints, Registry, build_walk, distinct
from fullcourt.network.attributes import HUB_CAP, damping
from fullcourt.network.exposure import Settings
from fullcourt.network.ownership import OFAC, UK
from fullcourt.network.scale_clusters import components, group_sizes, label_propagation
from fullcourt.network.scale_exposure import hit_probability
from fullcourt.network.scale_ownership import BLOCKED, POSSIBLY_BLOCKED, assess, build_stakes
from fullcourt.network.scale_synthetic import OWNERSHIP, Synthetic, generate

T = TypeVar("T")
STATUS = Path("/proc/self/status")


def reset_peak() -> bool:
    """Start a new peak-memory measurement (Linux 4.0+); False where not supported."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def peak_mib() -> float:
    """Peak resident memory since the last reset, else since the process started."""
    if STATUS.exists():
        for line in STATUS.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Clock:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        self.seconds[name] = time.perf_counter() - start
        print(f"  {name:<28} {self.seconds[name]:8.2f} s", flush=True)

    def run(self, name: str, work: Callable[[], T]) -> T:
        with self.stage(name):
            return work()


def full_run(synthetic: Synthetic, clock: Clock, rounds: int) -> dict[str, Any]:
    reg = synthetic.registry
    owned = reg.kind == OWNERSHIP
    walk = clock.run("build walk graph", lambda: build_walk(reg))
    stakes = clock.run(
        "build stakes",
        lambda: build_stakes(
            reg.parties, reg.source[owned], reg.target[owned], synthetic.share[owned],
            synthetic.vocabulary,
        ),
    )  # fmt: skip
    score = clock.run("exposure", lambda: hit_probability(walk, synthetic.designated, tol=1e-9))
    us = clock.run("ownership (OFAC)", lambda: assess(stakes, synthetic.designated, OFAC))
    uk = clock.run("ownership (UK)", lambda: assess(stakes, synthetic.designated, UK))
    parts = clock.run("components", lambda: components(walk))
    groups = clock.run("label propagation", lambda: label_propagation(walk, max_rounds=rounds))
    sizes, part_sizes = group_sizes(groups, reg.parties), group_sizes(parts, reg.parties)
    return {
        "walk nodes": walk.nodes,
        "walk entries": len(walk.weights),
        "address nodes": len(walk.values),
        "exposed parties (score > 0.01)": int(np.count_nonzero(score[: reg.parties] > 0.01)),
        "OFAC blocked / possibly": (
            int(np.count_nonzero(us == BLOCKED)),
            int(np.count_nonzero(us == POSSIBLY_BLOCKED)),
        ),
        "UK blocked / possibly": (
            int(np.count_nonzero(uk == BLOCKED)),
            int(np.count_nonzero(uk == POSSIBLY_BLOCKED)),
        ),
        "largest component (parties)": int(part_sizes.max()),
        "groups of 2+ parties": int(np.count_nonzero(sizes >= 2)),
        "largest group (parties)": int(sizes.max()),
    }


def snowball(synthetic: Synthetic, size: int) -> Ints:
    """Parties reached breadth-first from the designated ones over links (then the
    lowest numbers, if the links run out): a sample that keeps neighbourhoods whole."""
    reg = synthetic.registry
    ends = np.r_[reg.source, reg.target]
    other = np.r_[reg.target, reg.source]
    order = np.argsort(ends, kind="stable")
    ptr = np.searchsorted(ends[order], np.arange(reg.parties + 1))
    seen = np.zeros(reg.parties, dtype=np.bool_)
    frontier = np.unique(synthetic.designated)
    seen[frontier] = True
    taken = [frontier]
    total = len(frontier)
    while len(frontier) and total < size:
        starts, stops = ptr[frontier], ptr[frontier + 1]
        spans = [order[a:b] for a, b in zip(starts.tolist(), stops.tolist(), strict=True)]
        found = distinct(other[np.concatenate(spans)]) if spans else frontier[:0]
        frontier = found[~seen[found]]
        seen[frontier] = True
        taken.append(frontier)
        total += len(frontier)
    picked = np.concatenate(taken)[:size]
    if len(picked) < size:
        rest = np.flatnonzero(~np.isin(np.arange(reg.parties), picked))
        picked = np.r_[picked, rest[: size - len(picked)]]
    return np.sort(picked)


def induced(synthetic: Synthetic, picked: Ints) -> tuple[Registry, Ints]:
    """The registry restricted to ``picked`` parties (renumbered), and its seeds."""
    reg = synthetic.registry
    index = np.full(reg.parties, -1, dtype=np.int64)
    index[picked] = np.arange(len(picked))
    keep = (index[reg.source] >= 0) & (index[reg.target] >= 0)
    held = index[reg.holder] >= 0
    values, value = np.unique(reg.value[held], return_inverse=True)
    sample = Registry(
        parties=len(picked),
        kinds=reg.kinds,
        source=index[reg.source[keep]],
        target=index[reg.target[keep]],
        kind=reg.kind[keep],
        holder=index[reg.holder[held]],
        value=value.astype(np.int64),
        value_kind=reg.value_kind[values],
    )
    seeds = index[synthetic.designated]
    return sample, seeds[seeds >= 0]


def networkx_graph(sample: Registry, settings: Settings) -> nx.Graph[int]:
    """The walk graph in networkx, by the dict path's rules, from the same columns."""
    graph: nx.Graph[int] = nx.Graph()
    graph.add_nodes_from(range(sample.parties))
    links = zip(sample.source.tolist(), sample.target.tolist(), sample.kind.tolist(), strict=True)
    for a, b, kind in links:
        weight = settings.weight(sample.kinds[kind])
        if a != b and weight > graph.get_edge_data(a, b, {"weight": 0.0})["weight"]:
            graph.add_edge(a, b, weight=weight)
    holders: dict[int, set[int]] = {}
    for holder, value in zip(sample.holder.tolist(), sample.value.tolist(), strict=True):
        holders.setdefault(value, set()).add(holder)
    for value, held in holders.items():
        weight = settings.weight(sample.kinds[int(sample.value_kind[value])])
        if 2 <= len(held) <= HUB_CAP and weight > 0:
            node = sample.parties + value
            graph.add_edges_from((h, node, {"weight": weight * damping(len(held))}) for h in held)
    return graph


def networkx_hit_probability(
    graph: nx.Graph[int], seeds: set[int], parties: int, alpha: float, leak: float
) -> dict[int, float]:
    """walk.hit_probability's iteration, reading the networkx Graph."""
    score = {n: 1.0 if n in seeds else 0.0 for n in graph}
    free = [n for n in graph if n not in seeds]
    den = {n: graph.degree(n, weight="weight") + (leak if n < parties else 0.0) for n in free}
    adjacency = graph.adj
    while True:
        change = 0.0
        for node in free:
            if den[node] <= 0:
                continue
            reach = sum(d["weight"] * score[u] for u, d in adjacency[node].items())
            value = alpha * reach / den[node]
            change = max(change, value - score[node])
            score[node] = value
        if change < 1e-10:
            return score


def sample_run(synthetic: Synthetic, size: int, clock: Clock) -> dict[str, Any]:
    settings = Settings()
    picked = clock.run("sample: snowball", lambda: snowball(synthetic, size))
    sample, seeds = induced(synthetic, picked)
    walk = clock.run("sample: arrays build", lambda: build_walk(sample, settings))
    ours = clock.run("sample: arrays exposure", lambda: hit_probability(walk, seeds, tol=1e-9))
    graph = clock.run("sample: networkx build", lambda: networkx_graph(sample, settings))
    theirs = clock.run(
        "sample: networkx exposure",
        lambda: networkx_hit_probability(graph, set(seeds.tolist()), sample.parties, 0.85, 1.0),
    )
    weights = {int(s): 1.0 for s in seeds}
    clock.run("sample: networkx pagerank", lambda: nx.pagerank(graph, personalization=weights))
    gap = _gap(ours, theirs, walk.values, sample.parties)
    seconds = clock.seconds
    return {
        "sample parties": sample.parties,
        "sample walk nodes / edges": (graph.number_of_nodes(), graph.number_of_edges()),
        "sample seeds": len(seeds),
        "max |arrays - networkx|": f"{gap:.1e}",
        "ratio, exposure only": _ratio(seconds, "exposure"),
        "ratio, build+exposure": _ratio(seconds, "build", "exposure"),
    }


def _gap(ours: np.ndarray[Any, Any], theirs: dict[int, float], values: Ints, parties: int) -> float:
    """The largest score difference; networkx numbers value v as parties + v, the
    arrays number linked values in order."""
    node = np.r_[np.arange(parties), parties + values]
    mine = ours[np.searchsorted(node, np.array(sorted(theirs)))]
    return float(np.max(np.abs(mine - np.array([theirs[n] for n in sorted(theirs)]))))


def _ratio(seconds: dict[str, float], *stages: str) -> float:
    theirs = sum(seconds[f"sample: networkx {s}"] for s in stages)
    ours = sum(seconds[f"sample: arrays {s}"] for s in stages)
    return round(theirs / max(ours, 1e-9), 1)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--companies", type=int, default=1_000_000)
    parser.add_argument("--officers", type=int, default=2_000_000)
    parser.add_argument("--links", type=int, default=5_000_000)
    parser.add_argument("--designated", type=int, default=3_000)
    parser.add_argument("--sample", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=20, help="label propagation rounds")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    print(f"{platform.machine()}, {platform.python_version()}, {sys.platform}")
    clock = Clock()
    synthetic = clock.run(
        "generate (not in total)",
        lambda: generate(
            args.companies, args.officers, args.links, designated=args.designated, seed=args.seed
        ),
    )
    reset = reset_peak()
    figures = full_run(synthetic, clock, args.rounds)
    total = sum(s for name, s in clock.seconds.items() if "generate" not in name)
    figures["total seconds"] = round(total, 2)
    figures["peak MiB after generation" if reset else "peak MiB"] = round(peak_mib())
    figures.update(sample_run(synthetic, min(args.sample, synthetic.registry.parties), clock))
    figures["peak MiB whole run"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    for name, value in figures.items():
        print(f"{name:<34} {value}")
    return figures


if __name__ == "__main__":
    main()
