"""The 50% rule over millions of stakes: ownership.assess's fixed point, by rounds.

ownership.assess runs a worklist of (party, key) pairs: when a party becomes blocked
under a key, each asset it holds is re-summed over the owners blocked under that key.
Here a whole round of newly blocked pairs is expanded at once, with (key, party) pairs
coded as one integer, key * parties + party. Sums only grow as pairs are added, so
the rounds reach the same least fixed point, and stop, around cycles too, when a
round blocks nothing new. Only assets held by newly blocked owners are re-summed, so
the work follows the blocked part of the registry, not its size.

Keys are as in ownership.py: one key when holdings add up (OFAC, EU), one per
designated person and one per joint arrangement when they do not (UK). Shares are
whole millionths of a percent, so that 25% + 25% is exactly 50%; a share that is no
such decimal (one third) is rounded to the nearest millionth.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from fullcourt.network.arrays import Bools, Ints, distinct
from fullcourt.network.ownership import OFAC, Rule
from fullcourt.network.shares import ShareRange, combine

SCALE = 1_000_000  # units per percent
NOT_BLOCKED, POSSIBLY_BLOCKED, BLOCKED = 0, 1, 2  # values of assess's status array


@dataclass(frozen=True, slots=True)
class Stakes:
    """One stake per (owner, asset) pair, indexed both ways, as CSR by owner and by asset."""

    parties: int
    owner_ptr: Ints  # stakes of owner o: rows owner_ptr[o]:owner_ptr[o + 1] of by_owner
    by_owner: Ints  # the asset of each stake, ordered by owner
    asset_ptr: Ints
    by_asset: Ints  # the owner of each stake, ordered by asset
    low: Ints  # ends of each stake's range, ordered by asset, in millionths of a percent
    high: Ints
    low_open: Bools
    high_open: Bools


def _units(ranges: Sequence[ShareRange]) -> tuple[Ints, Ints, Bools, Bools]:
    low = np.array([round(r.low * SCALE) for r in ranges], dtype=np.int64)
    high = np.array([round(r.high * SCALE) for r in ranges], dtype=np.int64)
    low_open = np.array([r.low_open for r in ranges], dtype=np.bool_)
    high_open = np.array([r.high_open for r in ranges], dtype=np.bool_)
    return low, high, low_open, high_open


def _csr(rows: Ints, size: int) -> Ints:
    ptr = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=size), out=ptr[1:])
    return ptr


def build_stakes(
    parties: int, owner: Ints, asset: Ints, share: Ints, vocabulary: Sequence[ShareRange]
) -> Stakes:
    """Stakes from columns; ``share`` indexes ``vocabulary`` (each distinct text parsed once).

    A party's stake in itself is dropped and repeated stakes of one owner in one asset
    are combined in their order (shares.combine), as ownership.assess does.
    """
    keep = owner != asset
    owner, asset, share = owner[keep], asset[keep], share[keep]
    order = np.argsort(owner * parties + asset, kind="stable")
    owner, asset, share = owner[order], asset[order], share[order]
    first = np.r_[True, (owner[1:] != owner[:-1]) | (asset[1:] != asset[:-1])]
    units = _units(vocabulary)
    low, high = units[0][share[first]], units[1][share[first]]
    low_open, high_open = units[2][share[first]], units[3][share[first]]
    group = np.cumsum(first) - 1
    for start, stop in _repeats(first):
        merged = combine([vocabulary[int(s)] for s in share[start:stop]])
        at = group[start]
        low[at], high[at] = round(merged.low * SCALE), round(merged.high * SCALE)
        low_open[at], high_open[at] = merged.low_open, merged.high_open
    owner, asset = owner[first], asset[first]
    by_asset = np.argsort(asset, kind="stable")
    return Stakes(
        parties,
        _csr(owner, parties),
        asset,
        _csr(asset, parties),
        owner[by_asset],
        low[by_asset],
        high[by_asset],
        low_open[by_asset],
        high_open[by_asset],
    )


def _repeats(first: Bools) -> list[tuple[int, int]]:
    """(start, stop) of each run of rows stating the same pair more than once."""
    starts = np.flatnonzero(first)
    stops = np.r_[starts[1:], len(first)]
    return [(int(a), int(b)) for a, b in zip(starts, stops, strict=True) if b - a > 1]


def _expand(ptr: Ints, rows: Ints) -> tuple[Ints, Ints]:
    """Positions of the CSR entries of ``rows``, and the index in ``rows`` of each."""
    starts, counts = ptr[rows], ptr[rows + 1] - ptr[rows]
    which = np.repeat(np.arange(len(rows)), counts)
    offsets = np.arange(len(which)) - np.repeat(np.cumsum(counts) - counts, counts)
    return starts[which] + offsets, which


def _member(codes: Ints, known: Ints) -> Bools:
    """Which ``codes`` are in the sorted array ``known``."""
    if not len(known):
        return np.zeros(len(codes), dtype=np.bool_)
    pos = np.minimum(np.searchsorted(known, codes), len(known) - 1)
    found: Bools = known[pos] == codes
    return found


def _met(stakes: Stakes, rule: Rule, certain: bool, rows: Ints, which: Ints, size: int) -> Bools:
    """Whether the summed stakes at ``rows`` (per candidate ``which``) meet the rule."""
    threshold = round(rule.threshold * SCALE)
    ends, opens = (stakes.low, stakes.low_open) if certain else (stakes.high, stakes.high_open)
    total = np.bincount(which, weights=ends[rows], minlength=size)
    opened = np.bincount(which, weights=opens[rows], minlength=size) > 0
    at = (opened | rule.inclusive) if certain else (~opened & rule.inclusive)
    met: Bools = (total > threshold) | ((total == threshold) & at)
    return met


def fixed_point(stakes: Stakes, seeds: Ints, rule: Rule, *, certain: bool) -> Ints:
    """Sorted codes key * parties + party of every pair blocked under the rule's
    certain (lower ends) or possible (upper ends) reading, seeds included."""
    n = stakes.parties
    blocked = frontier = distinct(seeds)
    while len(frontier):
        rows, which = _expand(stakes.owner_ptr, frontier % n)
        found = distinct((frontier // n)[which] * n + stakes.by_owner[rows])
        found = found[~_member(found, blocked)]
        rows, which = _expand(stakes.asset_ptr, found % n)
        held = _member((found // n)[which] * n + stakes.by_asset[rows], blocked)
        met = _met(stakes, rule, certain, rows[held], which[held], len(found))
        frontier = found[met]
        blocked = np.sort(np.r_[blocked, frontier])  # frontier holds no blocked pair
    return blocked


def seed_codes(
    parties: int, designated: Ints, rule: Rule, joint: Iterable[Iterable[int]] = ()
) -> Ints:
    """The (key, party) codes the fixed point starts from, keyed as ownership.py keys."""
    listed = np.unique(designated)
    if rule.aggregate:
        return listed
    codes = [np.arange(len(listed)) * parties + listed]
    for key, group in enumerate(joint, start=len(listed)):
        members = np.intersect1d(np.fromiter(group, dtype=np.int64), listed)
        codes.append(key * parties + members)
    return np.unique(np.concatenate(codes))


def assess(
    stakes: Stakes,
    designated: Ints,
    rule: Rule = OFAC,
    *,
    joint_arrangements: Iterable[Iterable[int]] = (),
) -> np.ndarray[tuple[int], np.dtype[np.int8]]:
    """Status of every party: BLOCKED, POSSIBLY_BLOCKED or NOT_BLOCKED, as
    ownership.assess decides it (designated parties are blocked)."""
    seeds = seed_codes(stakes.parties, designated, rule, joint_arrangements)
    status = np.zeros(stakes.parties, dtype=np.int8)
    status[fixed_point(stakes, seeds, rule, certain=False) % stakes.parties] = POSSIBLY_BLOCKED
    status[fixed_point(stakes, seeds, rule, certain=True) % stakes.parties] = BLOCKED
    status[designated] = BLOCKED
    return status
