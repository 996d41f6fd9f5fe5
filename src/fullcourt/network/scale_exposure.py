"""Exposure scores over millions of nodes: walk.hit_probability as a sparse solve.

walk.hit_probability iterates h(v) = alpha * sum_u w(v, u) h(u) / (W(v) + leak(v))
from h = 0, with h = 1 on seeds. Its limit is the unique solution of the linear
system (D - alpha W_ff) h_f = alpha W_fs 1 over the free nodes f, where D is the
diagonal of W(v) + leak(v). That matrix is symmetric (links are) and strictly
diagonally dominant (alpha < 1), hence positive definite, so conjugate gradients
preconditioned by D reach it in a few dozen sparse products where the plain iteration
needs about log(tol) / log(alpha), some 170 for 1e-12.

The stopping rule bounds the answer's error, not a step's size: with r the residual,
the error is (I - alpha P)^-1 D^-1 r, and P's rows sum to at most 1, so
max |error| <= max |D^-1 r| / (1 - alpha). The solver stops once that bound is under
``tol``, and confirms it on the true residual (the updated one can drift).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from fullcourt.network.arrays import Bools, Floats, Ints, Registry, WalkArrays, build_walk
from fullcourt.network.exposure import Settings


class ConvergenceError(RuntimeError):
    """The solver ran out of iterations before its error bound met the tolerance."""


def _solve(
    matrix: Any, den: Floats, free: Bools, rhs: Floats, alpha: float, tol: float, max_iter: int
) -> Floats:
    """Preconditioned conjugate gradients on free nodes; other entries stay 0."""
    inverse = np.where(free, 1.0 / np.where(free, den, 1.0), 0.0)
    bound = tol * (1.0 - alpha)

    def apply(vector: Floats) -> Floats:
        out: Floats = den * vector - alpha * (matrix @ vector)
        return np.where(free, out, 0.0)

    h = np.zeros_like(rhs)
    for _ in range(3):  # restarts from the true residual if the updated one drifted
        r = rhs - apply(h)
        z = inverse * r
        if np.max(np.abs(z), initial=0.0) <= bound:
            return h
        p, rz = z.copy(), float(r @ z)
        for _ in range(max_iter):
            ap = apply(p)
            step = rz / float(p @ ap)
            h += step * p
            r -= step * ap
            z = inverse * r
            if np.max(np.abs(z), initial=0.0) <= bound:
                break
            rz, previous = float(r @ z), rz
            p = z + (rz / previous) * p
    r = rhs - apply(h)
    if np.max(np.abs(inverse * r), initial=0.0) > bound:
        raise ConvergenceError(f"error bound above {tol} after {max_iter} iterations")
    return h


def hit_probability(
    walk: WalkArrays,
    seeds: Ints,
    *,
    alpha: float = 0.85,
    tol: float = 1e-12,
    max_iter: int = 1000,
) -> Floats:
    """For each node of ``walk``, the chance a discounted walk from it reaches a seed.

    Same definition and weights as walk.hit_probability; within ``tol`` of it.
    """
    matrix = walk.matrix()
    seed = np.zeros(walk.nodes, dtype=np.bool_)
    seed[seeds] = True
    den = walk.strength() + walk.leak
    free = ~seed & (den > 0)
    rhs = np.where(free, alpha * (matrix @ seed.astype(np.float64)), 0.0)
    score = _solve(matrix, den, free, rhs, alpha, tol, max_iter)
    score[seed] = 1.0
    return np.clip(score, 0.0, 1.0)


def exposure(
    registry: Registry, seeds: Ints, settings: Settings | None = None, *, tol: float = 1e-12
) -> Floats:
    """Exposure of every party of ``registry`` (value nodes left out), as
    exposure.compute_exposure scores them."""
    settings = settings or Settings()
    walk = build_walk(registry, settings)
    return hit_probability(walk, seeds, alpha=settings.alpha, tol=tol)[: registry.parties]


def most_exposed(score: Floats, seeds: Ints, top: int) -> Ints:
    """The ``top`` unlisted parties by score, highest first (ties by index)."""
    masked = score.copy()
    masked[seeds] = -1.0
    top = min(top, len(masked))
    if top <= 0:
        return np.zeros(0, dtype=np.int64)
    picked = np.argpartition(-masked, top - 1)[:top]
    order = np.lexsort((picked, -masked[picked]))
    return picked[order][masked[picked][order] > 0].astype(np.int64)
