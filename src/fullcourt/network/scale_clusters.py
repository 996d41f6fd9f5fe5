"""Groups of parties in a registry of millions: components and label propagation.

clusters.py runs Louvain in networkx, which needs minutes and gigabytes at a few
million nodes. Two measures that do not, over the same walk graph (hubs left out,
common values damped):

- ``components``: parties joined by any chain of links at least ``min_weight`` strong.
  Exact, and the right question for "is anything connecting these two?", but in a
  registry most parties sit in one giant component, so it does not group them.
- ``label_propagation``: each node takes the label carrying the most link weight among
  its neighbours, until few change. Dense, strongly tied groups (a family of companies
  sharing directors and an address) end with one label; a weak bridge does not merge
  two of them. Half the nodes, drawn at random with a fixed seed, move in each round,
  because moving all at once makes two-sided structures (director and company) swap
  labels forever. A node keeps its label when it ties the best; among tied others
  the smallest label wins, so one seed always gives the same groups. A label that
  ends on two parts with no link between them makes two groups.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_array  # type: ignore[import-untyped]
from scipy.sparse.csgraph import connected_components  # type: ignore[import-untyped]

from fullcourt.network.arrays import Floats, Ints, WalkArrays


def components(walk: WalkArrays, *, min_weight: float = 0.0) -> Ints:
    """Component number of every node over links weighing at least ``min_weight``."""

    matrix = walk.matrix()
    if min_weight > 0:
        matrix.data[matrix.data < min_weight] = 0.0
        matrix.eliminate_zeros()
    _, labels = connected_components(matrix, directed=False)
    found: Ints = labels.astype(np.int64)
    return found


def _best_labels(rows: Ints, labels: Ints, weights: Floats, n: int) -> tuple[Ints, Ints, Floats]:
    """Per row present in ``rows``: the row, its heaviest neighbouring label (smallest
    on ties) and that label's weight; rows must be sorted."""
    code = rows * n + labels
    order = np.argsort(code, kind="stable")
    code = code[order]
    starts = np.flatnonzero(np.r_[True, code[1:] != code[:-1]])
    summed = np.add.reduceat(weights[order], starts)
    row, label = code[starts] // n, code[starts] % n
    firsts = np.flatnonzero(np.r_[True, row[1:] != row[:-1]])
    group = np.cumsum(np.r_[True, row[1:] != row[:-1]]) - 1
    best = np.maximum.reduceat(summed, firsts)
    top = np.flatnonzero(summed == best[group])
    top = top[np.r_[True, group[top][1:] != group[top][:-1]]]
    return row[firsts], label[top], best


def _own_weight(rows: Ints, neighbours: Ints, weights: Floats, current: Ints, n: int) -> Floats:
    """Per node, the weight of its links to nodes that carry its own label."""
    same = current[neighbours] == current[rows]
    return np.asarray(np.bincount(rows[same], weights=weights[same], minlength=n), np.float64)


def label_propagation(
    walk: WalkArrays, *, seed: int = 0, max_rounds: int = 30, settle: float = 1e-4
) -> Ints:
    """A group number for every node (0, 1, ... by first member); stops when fewer than
    ``settle`` of the nodes changed label in a round, or after ``max_rounds``."""
    n = walk.nodes
    rows_all = np.repeat(np.arange(n, dtype=np.int64), np.diff(walk.indptr))
    neighbours_all = walk.indices.astype(np.int64)
    label = np.arange(n, dtype=np.int64)
    rng = np.random.default_rng(seed)
    for _ in range(max_rounds):
        moving = rng.random(n) < 0.5
        pick = moving[rows_all]
        rows, neighbours, weights = rows_all[pick], neighbours_all[pick], walk.weights[pick]
        row, best_label, best = _best_labels(rows, label[neighbours], weights, n)
        own = _own_weight(rows, neighbours, weights, label, n)[row]
        move = (best > own) & (best_label != label[row])
        label[row[move]] = best_label[move]
        if np.count_nonzero(move) < settle * n:
            break
    return _connected_groups(walk, rows_all, neighbours_all, label)


def _connected_groups(walk: WalkArrays, rows: Ints, neighbours: Ints, label: Ints) -> Ints:
    """Groups numbered by first member, split where one label covers parts with no link
    between them (a label can spread two ways and lose the node in the middle)."""
    inside = label[rows] == label[neighbours]
    kept = (walk.weights[inside], (rows[inside], neighbours[inside]))
    _, found = connected_components(csr_array(kept, shape=(walk.nodes,) * 2), directed=False)
    first = np.full(int(found.max(initial=-1)) + 1, walk.nodes, dtype=np.int64)
    np.minimum.at(first, found, np.arange(walk.nodes))
    rank = np.argsort(np.argsort(first))  # scipy numbers components its own way
    groups: Ints = rank[found].astype(np.int64)
    return groups


def group_sizes(groups: Ints, parties: int) -> Ints:
    """Parties per group (value nodes not counted), by group number."""
    sizes: Ints = np.bincount(groups[:parties], minlength=int(groups.max(initial=-1)) + 1)
    return sizes
