"""The array walk graph against the dict path's (graph.build_graph + exposure.walk_graph)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from fullcourt.network import build_graph
from fullcourt.network.arrays import Registry, build_walk
from fullcourt.network.exposure import Settings, walk_graph
from fullcourt.network.scale_synthetic import generate, node_names, to_entities


def ints(*values: int) -> np.ndarray[tuple[int], np.dtype[np.int64]]:
    return np.array(values, dtype=np.int64)


@pytest.mark.parametrize(
    "settings",
    [
        Settings(),
        Settings(kinds=frozenset({"ownership", "address"})),  # directorships weigh nothing
        Settings(weights={"directorship": 0.5, "ownership": 0.25}),  # address: default weight
    ],
)
@pytest.mark.parametrize("seed", range(4))
def test_same_weights_as_the_dict_path(seed: int, settings: Settings) -> None:
    # random registries: repeated and self links, shared and private addresses
    synthetic = generate(40, 60, 160, designated=5, seed=seed)
    expected = walk_graph(build_graph(to_entities(synthetic)), settings)
    walk = build_walk(synthetic.registry, settings)
    found = walk.to_adjacency(node_names(synthetic, walk))
    assert found.keys() == expected.keys()
    for node, neighbours in expected.items():
        assert found[node] == pytest.approx(neighbours, abs=1e-15), node


def test_hub_cap_singletons_and_parallel_links() -> None:
    registry = Registry(
        parties=6,
        kinds=("ownership", "directorship", "phone"),
        source=ints(0, 0, 1, 2),
        target=ints(1, 1, 0, 2),  # owns and directs 0-1 twice; 2 is linked to itself
        kind=ints(1, 0, 1, 0),
        holder=ints(0, 1, 2, 2, 3, 3, 4, 5),
        value=ints(0, 0, 0, 0, 1, 2, 2, 2),  # a value stated twice by one holder counts once
        value_kind=ints(2, 2, 2),
    )
    walk = build_walk(registry, hub_cap=2)
    assert walk.nodes == 6 and len(walk.values) == 0  # value 0 is over the cap, 1 alone
    assert walk.weights.tolist() == [1.0, 1.0]  # the strongest of the parallel links
    walk = build_walk(registry, hub_cap=3)
    assert walk.values.tolist() == [0, 2] and walk.nodes == 8
    assert walk.strength()[6] == pytest.approx(3 * 0.4 / math.log2(4))
    assert walk.leak.tolist() == [1.0] * 6 + [0.0] * 2  # values lead to no outside world
