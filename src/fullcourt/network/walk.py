"""Random walks seeded on designated parties, over plain weighted adjacency maps.

Two measures, both by power iteration over a symmetric weight map
``{node: {neighbour: weight}}``:

``personalized_pagerank``: where a walker who restarts at the designated parties spends
its time. It is networkx's ``pagerank`` with a personalisation vector (the tests hold it
to that oracle). Its mass is shared among all nodes, so adding a link to a designated
party can lower the score of some other party (the walker now spends time elsewhere):
a measure of reach, not a monotone exposure score.

``hit_probability``: the chance that a walker starting at a party reaches a designated
party, stopping at each step with probability 1 - alpha and, at each party, leaving the
known graph with weight ``leak`` (the party's business with the unlisted world). That
is the exposure score: it lies in [0, 1] with no rescaling (designated parties are 1),
and adding a link, or weight on a link, between any party and a designated party never
lowers any party's score (see docs/networks.md for the argument).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

Adjacency = Mapping[str, Mapping[str, float]]


def personalized_pagerank(
    adjacency: Adjacency,
    seeds: Collection[str],
    *,
    alpha: float = 0.85,
    tol: float = 1e-12,
    max_iter: int = 10_000,
) -> dict[str, float]:
    """Stationary distribution of a walk restarting uniformly at ``seeds``.

    Nodes without links hand their mass back to the seeds, as networkx does.
    """
    nodes = list(adjacency)
    if not nodes:
        return {}
    restart = {s: 1.0 / len(seeds) for s in seeds if s in adjacency}
    if not restart:
        restart = dict.fromkeys(nodes, 1.0 / len(nodes))
    totals = {n: sum(adjacency[n].values()) for n in nodes}
    rank = dict.fromkeys(nodes, 1.0 / len(nodes))
    for _ in range(max_iter):
        dangling = alpha * sum(rank[n] for n in nodes if totals[n] == 0)
        new = {n: (dangling + 1.0 - alpha) * restart.get(n, 0.0) for n in nodes}
        for node in nodes:
            if totals[node]:
                share = alpha * rank[node] / totals[node]
                for neighbour, weight in adjacency[node].items():
                    new[neighbour] += share * weight
        change = sum(abs(new[n] - rank[n]) for n in nodes)
        rank = new
        if change < len(nodes) * tol:
            break
    return rank


def hit_probability(
    adjacency: Adjacency,
    seeds: Collection[str],
    *,
    alpha: float = 0.85,
    leak: Mapping[str, float] | None = None,
    tol: float = 1e-12,
    max_iter: int = 10_000,
) -> dict[str, float]:
    """For each node, the chance a discounted walk from it reaches a seed.

    h(seed) = 1; h(v) = alpha * sum_u w(v, u) h(u) / (W(v) + leak(v)). Iterating from
    h = 0 climbs monotonically to the least solution; alpha < 1 makes it a contraction.
    """
    leak = leak or {}
    seed_set = {s for s in seeds if s in adjacency}
    score = {n: 1.0 if n in seed_set else 0.0 for n in adjacency}
    free = [n for n in adjacency if n not in seed_set]
    denominators = {n: sum(adjacency[n].values()) + leak.get(n, 0.0) for n in free}
    for _ in range(max_iter):
        change = 0.0
        for node in free:
            if denominators[node] <= 0:
                continue
            reach = sum(w * score[u] for u, w in adjacency[node].items())
            value = alpha * reach / denominators[node]
            change = max(change, value - score[node])
            score[node] = value
        if change < tol:
            break
    return score
