"""The 50% rule: which parties are blocked because blocked parties own them.

Blocked ownership is a fixed point over sets, never a product along paths: a party is
blocked when it is designated, or when the shares held in it by blocked parties meet
the rule. Blocked sets only grow while iterating, so the iteration ends (also around
ownership cycles) at the least fixed point: a cycle of companies owning each other
blocks nobody unless a designated party feeds into it.

Under OFAC's rule (and the EU's) holdings of all blocked owners add up, and 50% is
enough. Under the UK's, more than 50% is needed and each designated person's holdings
(direct, and through entities blocked because of that person) are counted on their
own; designated persons under a joint arrangement count as one. Keys say whose
holdings are being summed: one shared key when aggregating, one key per designated
person (and per joint arrangement) when not.

With share ranges the rule is run twice: on the lower ends ("certainly meets") and on
the upper ends ("might meet"): blocked, possibly blocked, or not blocked.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from fractions import Fraction

from fullcourt.network import model as m
from fullcourt.network.graph import Graph
from fullcourt.network.shares import (
    HUNDRED,
    NOTHING,
    UNKNOWN,
    WHOLE,
    ShareRange,
    combine,
    parse_share,
)

ALL = "*"  # the one key when holdings of different blocked owners add up
MAX_CHAINS = 20


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    threshold: Fraction = Fraction(50)
    inclusive: bool = True  # "50% or more" (True) or "more than 50%" (False)
    aggregate: bool = True  # holdings of different designated persons add up

    def certainly_met(self, total: ShareRange) -> bool:
        value = total.low
        return value > self.threshold or (
            value == self.threshold and (self.inclusive or total.low_open)
        )

    def possibly_met(self, total: ShareRange) -> bool:
        value = total.high
        return value > self.threshold or (
            value == self.threshold and self.inclusive and not total.high_open
        )


# US and EU: "50% or more in the aggregate"; UK: "more than 50%", per designated person.
# The EU's Best Practices word the test as "more than 50% of the proprietary rights";
# that reading differs from the preset only at exactly 50%, and is
# Rule("EU, more than 50%", inclusive=False) for whoever follows it.
OFAC = Rule("OFAC: 50% or more, in the aggregate")
EU = Rule("EU: 50% or more, in the aggregate")
UK = Rule("UK: more than 50%, per designated person", inclusive=False, aggregate=False)


class Status(StrEnum):
    BLOCKED = "blocked"
    POSSIBLY_BLOCKED = "possibly_blocked"
    NOT_BLOCKED = "not_blocked"


@dataclass(frozen=True, slots=True)
class Holding:
    """``owner`` holds ``share`` of ``asset``."""

    owner: str
    asset: str
    share: ShareRange
    text: str | None = None
    record_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """Why a party is (possibly, not) blocked: the stake and the chains that decide it."""

    entity: str
    status: Status
    designated: bool
    share: ShareRange  # held by certainly (low) and possibly (high) blocked owners
    controllers: tuple[str, ...] = ()  # keys it is blocked under: persons, "joint:...", "*"
    chains: tuple[tuple[Holding, ...], ...] = ()  # designated owner -> ... -> entity


Order = dict[str, dict[str, int]]  # entity -> key -> when it became blocked under the key


def _merge(holdings: Iterable[Holding]) -> dict[str, list[Holding]]:
    """Holdings by asset, one per owner (several records of one stake are combined)."""
    pairs: dict[tuple[str, str], list[Holding]] = defaultdict(list)
    for h in holdings:
        if h.owner != h.asset:
            pairs[(h.owner, h.asset)].append(h)
    by_asset: dict[str, list[Holding]] = defaultdict(list)
    for (owner, asset), found in sorted(pairs.items()):
        records = tuple(sorted({r for h in found for r in h.record_ids}))
        texts = sorted({h.text for h in found if h.text})
        share = combine([h.share for h in found])
        by_asset[asset].append(Holding(owner, asset, share, "; ".join(texts) or None, records))
    return by_asset


def _seed_keys(
    designated: Iterable[str], rule: Rule, joint: Iterable[Iterable[str]]
) -> dict[str, set[str]]:
    listed = set(designated)
    if rule.aggregate:
        return {d: {ALL} for d in listed}
    keys = {d: {d} for d in listed}
    for group in joint:
        members = sorted(set(group) & listed)
        for member in members:
            keys[member].add("joint:" + "+".join(members))
    return keys


def _fixed_point(
    by_asset: Mapping[str, list[Holding]],
    seeds: Mapping[str, set[str]],
    met: Callable[[ShareRange], bool],
) -> Order:
    """Least fixed point of "blocked under key k", by a worklist of (party, key)."""
    assets_of: dict[str, list[str]] = defaultdict(list)
    for asset, holdings in by_asset.items():
        for h in holdings:
            assets_of[h.owner].append(asset)
    order: Order = {e: dict.fromkeys(keys, 0) for e, keys in seeds.items()}
    queue = deque((e, k) for e, keys in sorted(seeds.items()) for k in sorted(keys))
    step = 0
    while queue:
        owner, key = queue.popleft()
        for asset in assets_of[owner]:
            if key in order.get(asset, {}):
                continue
            total = _total(by_asset[asset], order, key)
            if met(total):
                step += 1
                order.setdefault(asset, {})[key] = step
                queue.append((asset, key))
    return order


def _total(holdings: list[Holding], order: Order, key: str) -> ShareRange:
    total = NOTHING
    for h in holdings:
        if key in order.get(h.owner, {}):
            total = total + h.share
    return total


def _chains(
    entity: str, key: str, order: Order, by_asset: Mapping[str, list[Holding]], limit: int
) -> list[tuple[Holding, ...]]:
    """Chains from designated owners down to ``entity``; each hop was blocked earlier."""
    rank = order[entity][key]
    if rank == 0:
        return [()]
    out: list[tuple[Holding, ...]] = []
    for h in by_asset.get(entity, []):
        owner_rank = order.get(h.owner, {}).get(key)
        if owner_rank is None or owner_rank >= rank:
            continue
        for chain in _chains(h.owner, key, order, by_asset, limit - len(out)):
            out.append((*chain, h))
            if len(out) >= limit:
                return out
    return out


def _stake(holdings: list[Holding], certain: Order, possible: Order, key: str) -> ShareRange:
    """What blocked owners hold under ``key``: at least the holdings of owners
    certainly blocked, at most those of owners possibly blocked, never past 100%."""
    low = _total(holdings, certain, key)
    high = _total(holdings, possible, key)
    share = ShareRange(low.low, high.high, low.low_open, high.high_open, high.known)
    if share.high > HUNDRED:
        share = replace(share, high=HUNDRED, high_open=False)
    if share.low > HUNDRED:
        share = replace(share, low=HUNDRED, low_open=False)
    return share


def _largest_stake(holdings: list[Holding], certain: Order, possible: Order) -> ShareRange:
    """The stake blocked owners hold: summed over all of them where the rule
    aggregates (one key), else the most any one designated person (or joint
    arrangement) certainly and possibly holds."""
    keys = sorted({k for h in holdings for k in possible.get(h.owner, {})})
    stakes = [_stake(holdings, certain, possible, k) for k in keys]
    if not stakes:
        return NOTHING
    low = max(stakes, key=lambda s: (s.low, s.low_open))
    high = max(stakes, key=lambda s: (s.high, not s.high_open))
    known = all(s.known for s in stakes)
    return ShareRange(low.low, high.high, low.low_open, high.high_open, known)


def _finding(
    entity: str,
    designated: bool,
    passes: tuple[tuple[Order, Status], ...],
    by_asset: Mapping[str, list[Holding]],
    limit: int,
) -> Finding:
    holdings = by_asset.get(entity, [])
    share = _largest_stake(holdings, passes[0][0], passes[-1][0])
    for order, status in passes:
        keys = sorted((rank, key) for key, rank in order.get(entity, {}).items() if rank > 0)
        if keys:
            key = keys[0][1]
            return Finding(
                entity,
                Status.BLOCKED if designated else status,
                designated,
                share,
                tuple(sorted(k for _, k in keys)),
                tuple(_chains(entity, key, order, by_asset, limit)),
            )
    return Finding(entity, Status.BLOCKED if designated else Status.NOT_BLOCKED, designated, share)


def assess(
    holdings: Iterable[Holding],
    designated: Iterable[str],
    rule: Rule = OFAC,
    *,
    joint_arrangements: Iterable[Iterable[str]] = (),
    max_chains: int = MAX_CHAINS,
) -> dict[str, Finding]:
    """A finding for every designated party and every party someone holds shares in.

    ``joint_arrangements`` are groups of designated persons acting together (UK rule
    only): their holdings are summed as if one person held them.
    """
    by_asset = _merge(holdings)
    seeds = _seed_keys(designated, rule, joint_arrangements)
    passes = (
        (_fixed_point(by_asset, seeds, rule.certainly_met), Status.BLOCKED),
        (_fixed_point(by_asset, seeds, rule.possibly_met), Status.POSSIBLY_BLOCKED),
    )
    return {
        entity: _finding(entity, entity in seeds, passes, by_asset, max_chains)
        for entity in sorted(set(by_asset) | set(seeds))
    }


def holdings_from_graph(graph: Graph) -> Iterator[Holding]:
    """Stakes the graph states: Ownership with its percentage text; a vehicle's
    registered owner holds all of it; a parent company holds an unknown share."""
    for link in graph.links:
        if link.kind == m.OWNERSHIP:
            share = parse_share(link.share)
        elif link.kind == m.OWNER:
            share = WHOLE
        elif link.kind == m.PARENT:
            share = UNKNOWN
        else:
            continue
        yield Holding(link.source, link.target, share, link.share, link.record_ids)


def assess_graph(
    graph: Graph,
    rule: Rule = OFAC,
    *,
    datasets: Iterable[str] | None = None,
    joint_arrangements: Iterable[Iterable[str]] = (),
) -> dict[str, Finding]:
    """The rule over a graph, designated meaning listed by ``datasets`` (any list if None)."""
    return assess(
        holdings_from_graph(graph),
        graph.designated(datasets),
        rule,
        joint_arrangements=joint_arrangements,
    )
