"""The synthetic registry: its sizes, its heavy tails and its determinism."""

from __future__ import annotations

import numpy as np

from fullcourt.network import build_graph
from fullcourt.network.attributes import HUB_CAP
from fullcourt.network.scale_synthetic import (
    DIRECTORSHIP,
    OWNERSHIP,
    SHARE_TEXTS,
    generate,
    to_entities,
)


def test_sizes_and_determinism() -> None:
    one = generate(1000, 2000, 5000, designated=30, seed=3)
    reg = one.registry
    assert reg.parties == 3000 and len(reg.source) == 5000
    assert np.count_nonzero(reg.kind == OWNERSHIP) == 1500
    directors = reg.source[reg.kind == DIRECTORSHIP]
    assert directors.min() >= 1000 and reg.target.max() < 1000  # officers direct companies
    assert (one.share[reg.kind == OWNERSHIP] >= 0).all()
    assert 0 < len(one.designated) <= 30
    again = generate(1000, 2000, 5000, designated=30, seed=3)
    assert np.array_equal(reg.source, again.registry.source)
    assert np.array_equal(reg.value, again.registry.value)
    other = generate(1000, 2000, 5000, designated=30, seed=4)
    assert not np.array_equal(reg.source, other.registry.source)


def test_heavy_tails_and_hubs() -> None:
    reg = generate(50_000, 100_000, 250_000, seed=1).registry
    board_seats = np.bincount(reg.source[reg.kind == DIRECTORSHIP])
    assert board_seats.max() > 50 * board_seats[board_seats > 0].mean()  # nominee directors
    holders = np.bincount(reg.value)
    assert holders.max() > 10 * HUB_CAP  # formation agents' addresses
    assert np.count_nonzero(holders == 1) > np.count_nonzero(holders > 1)  # most are private


def test_entities_build_the_same_registry() -> None:
    synthetic = generate(20, 30, 60, designated=4, seed=2)
    graph = build_graph(to_entities(synthetic))
    assert len(graph.nodes) == 50
    assert len(graph.designated()) == len(synthetic.designated)
    texts = {link.share or "" for link in graph.links if link.kind == "ownership"}
    assert texts <= {text for text, _ in SHARE_TEXTS}
