"""The exposure walk graph as integer-indexed arrays, for registries of millions of rows.

graph.Graph keeps every record, text and dataset so that a finding can be explained;
that costs about a kilobyte per link and a Python loop per step, which is right for the
lists and wrong for a company registry. Here the same walk graph (exposure.walk_graph)
is built from columns: parties are numbered 0..parties-1, each linked shared value gets
the next free number, and the symmetric weights are one CSR matrix. The rules are the
dict path's, so that both give the same scores: a link weighs its kind's weight,
parallel links keep the strongest, a value held by n parties (2 <= n <= hub cap) is a
node whose links weigh its kind's weight times attributes.damping(n), and values held
by more parties than the cap are hubs that link nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
from numpy.typing import NDArray

from fullcourt.network.attributes import HUB_CAP
from fullcourt.network.exposure import Settings

Ints = NDArray[np.int64]
Floats = NDArray[np.float64]
Bools = NDArray[np.bool_]
Item = TypeVar("Item", bound=np.generic)
Index = NDArray[np.signedinteger[Any]]  # int32 while it fits: half the memory traffic


@dataclass(frozen=True, slots=True)
class Registry:
    """Parties, links and shared values as columns; kinds are indices into ``kinds``.

    ``source``/``target``/``kind`` hold one row per link; ``holder``/``value`` one row
    per (party, value) pair, with ``value_kind[value]`` the kind of each value, so a
    value id is unique across kinds (a phone never meets an address).
    """

    parties: int
    kinds: tuple[str, ...]
    source: Ints
    target: Ints
    kind: Ints
    holder: Ints
    value: Ints
    value_kind: Ints


@dataclass(frozen=True, slots=True)
class WalkArrays:
    """Symmetric weights over parties and linked values; node ``parties + i`` is
    value ``values[i]``; ``leak`` is each node's weight towards the unlisted world."""

    parties: int
    values: Ints
    indptr: Index
    indices: Index
    weights: Floats
    leak: Floats

    @property
    def nodes(self) -> int:
        return self.parties + len(self.values)

    def matrix(self) -> Any:
        """The weights as a scipy CSR matrix (scipy ships no type information)."""
        from scipy.sparse import csr_array  # type: ignore[import-untyped]

        return csr_array((self.weights, self.indices, self.indptr), shape=(self.nodes,) * 2)

    def to_adjacency(self, names: Sequence[str]) -> dict[str, dict[str, float]]:
        """The dict path's adjacency map (walk.py's input), naming node i ``names[i]``."""
        adjacency: dict[str, dict[str, float]] = {name: {} for name in names}
        rows = np.repeat(np.arange(self.nodes), np.diff(self.indptr)).tolist()
        for row, col, weight in zip(
            rows, self.indices.tolist(), self.weights.tolist(), strict=True
        ):
            adjacency[names[row]][names[col]] = weight
        return adjacency

    def strength(self) -> Floats:
        """Each node's total link weight, W(v) in the walk's denominator."""
        rows = np.repeat(np.arange(self.nodes), np.diff(self.indptr))
        return np.asarray(
            np.bincount(rows, weights=self.weights, minlength=self.nodes), dtype=np.float64
        )


def kind_weights(kinds: tuple[str, ...], settings: Settings) -> Floats:
    return np.array([settings.weight(k) for k in kinds], dtype=np.float64).reshape(-1)


def distinct(values: NDArray[Item]) -> NDArray[Item]:
    """Sorted distinct values; np.unique is some 20 times slower on millions of int64."""
    ordered = np.sort(values)
    found: NDArray[Item] = (
        ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if len(ordered) else ordered
    )
    return found


def strongest_links(registry: Registry, weights: Floats) -> tuple[Ints, Ints, Floats]:
    """One (low end, high end, weight) per linked pair, with its strongest weight; a
    party's link to itself is dropped, as graph.build_graph drops it.

    The rank of each link's weight among the kinds' weights is put in the key's lowest
    digits, so one plain sort leaves each pair's strongest link last."""
    weight = weights[registry.kind]
    keep = (weight > 0) & (registry.source != registry.target)
    levels = distinct(weights)
    low = np.minimum(registry.source, registry.target)[keep]
    high = np.maximum(registry.source, registry.target)[keep]
    rank = np.searchsorted(levels, weight[keep])
    key = np.sort((low * registry.parties + high) * len(levels) + rank)
    pair = key // len(levels)
    key = key[np.r_[pair[1:] != pair[:-1], True]] if len(key) else key
    pair = key // len(levels)
    strength: Floats = levels[key % len(levels)]
    return pair // registry.parties, pair % registry.parties, strength


def linked_values(
    registry: Registry, weights: Floats, hub_cap: int
) -> tuple[Ints, Ints, Floats, Ints]:
    """Distinct (holder, value node) pairs with their damped weights, and the value of
    each value node; singletons and hubs are dropped, as graph.build_graph does."""
    count = len(registry.value_kind)
    pairs = distinct(registry.value * registry.parties + registry.holder)
    value, holder = pairs // registry.parties, pairs % registry.parties
    degree = np.bincount(value, minlength=count)
    with np.errstate(divide="ignore"):
        damped = weights[registry.value_kind] / np.log2(1.0 + degree)
    linked = (degree >= 2) & (degree <= hub_cap) & (damped > 0)
    node = np.cumsum(linked) - 1 + registry.parties
    keep = linked[value]
    return holder[keep], node[value[keep]], damped[value[keep]], np.flatnonzero(linked)


def build_walk(
    registry: Registry, settings: Settings | None = None, *, hub_cap: int = HUB_CAP
) -> WalkArrays:
    """The walk graph of exposure.walk_graph, from columns."""
    settings = settings or Settings()
    weights = kind_weights(registry.kinds, settings)
    low, high, strength = strongest_links(registry, weights)
    holder, node, damped, values = linked_values(registry, weights, hub_cap)
    rows = np.concatenate([low, high, holder, node])
    cols = np.concatenate([high, low, node, holder])
    data = np.concatenate([strength, strength, damped, damped])
    total = registry.parties + len(values)
    order = np.argsort(rows, kind="stable")
    index = np.int32 if max(total, len(rows)) < 2**31 - 1 else np.int64
    indptr: Index = np.zeros(total + 1, dtype=index)
    np.cumsum(np.bincount(rows, minlength=total), out=indptr[1:])
    leak = np.zeros(total)
    leak[: registry.parties] = settings.leak
    indices: Index = cols[order].astype(index)
    return WalkArrays(registry.parties, values, indptr, indices, data[order], leak)
