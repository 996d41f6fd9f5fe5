"""Array exposure against exposure.compute_exposure and walk.hit_probability."""

from __future__ import annotations

import numpy as np
import pytest

from fullcourt.network import build_graph, compute_exposure
from fullcourt.network.arrays import build_walk
from fullcourt.network.exposure import Settings, walk_graph
from fullcourt.network.scale_exposure import (
    ConvergenceError,
    exposure,
    hit_probability,
    most_exposed,
)
from fullcourt.network.scale_synthetic import generate, node_names, party_id, to_entities
from fullcourt.network.walk import hit_probability as dict_hit_probability


@pytest.mark.parametrize("seed", range(5))
def test_same_scores_as_compute_exposure(seed: int) -> None:
    # random registries built both ways: FtM entities -> Graph, and columns -> arrays
    synthetic = generate(50, 70, 180, designated=4, seed=seed)
    expected = compute_exposure(build_graph(to_entities(synthetic))).score
    found = exposure(synthetic.registry, synthetic.designated)
    assert len(found) == len(expected)
    for index, score in enumerate(found.tolist()):
        assert score == pytest.approx(expected[party_id(synthetic, index)], abs=1e-9)
    assert np.count_nonzero((found > 0) & (found < 1)) > 0  # the test can see a difference


@pytest.mark.parametrize(
    "settings",
    [
        Settings(alpha=0.5, leak=0.2),  # short walks, little outside business
        Settings(alpha=0.95, leak=3.0),  # long walks, most business with the unlisted
        Settings(leak=0.0),  # no outside world: only the stopping chance discounts
    ],
)
def test_same_scores_as_walk_hit_probability(settings: Settings) -> None:
    synthetic = generate(60, 60, 200, designated=6, seed=7)
    walk = build_walk(synthetic.registry, settings)
    names = node_names(synthetic, walk)
    adjacency = walk.to_adjacency(names)
    leak = {names[i]: float(walk.leak[i]) for i in range(walk.nodes)}
    seeds = [names[i] for i in synthetic.designated.tolist()]
    expected = dict_hit_probability(adjacency, seeds, alpha=settings.alpha, leak=leak)
    found = hit_probability(walk, synthetic.designated, alpha=settings.alpha)
    assert found.tolist() == pytest.approx([expected[n] for n in names], abs=1e-9)
    # the dict path's own builder gives the same adjacency, value nodes included
    graph_adjacency = walk_graph(build_graph(to_entities(synthetic)), settings)
    assert graph_adjacency.keys() == adjacency.keys()


def test_no_seeds_and_isolated_parties() -> None:
    synthetic = generate(30, 30, 40, designated=3, seed=1)
    walk = build_walk(synthetic.registry)
    assert not hit_probability(walk, synthetic.designated[:0]).any()
    found = hit_probability(walk, synthetic.designated)
    assert (found[synthetic.designated] == 1.0).all()
    isolated = np.diff(walk.indptr) == 0
    assert not found[isolated & ~np.isin(np.arange(walk.nodes), synthetic.designated)].any()


def test_most_exposed_and_convergence_error() -> None:
    score = np.array([1.0, 0.2, 0.5, 0.0, 0.5, 0.1])
    seeds = np.array([0], dtype=np.int64)
    assert most_exposed(score, seeds, 3).tolist() == [2, 4, 1]  # ties by index
    assert most_exposed(score, seeds, 10).tolist() == [2, 4, 1, 5]  # none at 0
    walk = build_walk(generate(100, 100, 400, designated=5).registry)
    with pytest.raises(ConvergenceError):
        hit_probability(walk, np.array([0], dtype=np.int64), tol=1e-15, max_iter=1)
