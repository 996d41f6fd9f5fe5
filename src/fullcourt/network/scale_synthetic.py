"""A synthetic company registry with the shape of real ones, to measure and test the
array engines at any size.

Real registries are heavy-tailed: most officers sit on one board, a few nominee
directors on thousands; most companies have their own address, a few formation agents'
addresses hold thousands of companies. Degrees here are drawn from Pareto weights and
addresses from a mix of a large pool of private ones and a small Zipf-weighted pool of
shared ones, so that hubs over the cap appear. Ownership percentages are texts as
registers write them (bands, "majority", blanks), parsed once per distinct text.
Everything comes from one seeded generator: the same arguments give the same registry.

Parties 0..companies-1 are companies, the rest officers. ``to_entities`` writes a
small registry as FollowTheMoney entities, so that the dict path (graph.build_graph)
can be run on exactly the same data.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from fullcourt.model import Entity, make_entity
from fullcourt.network import model as m
from fullcourt.network.arrays import Floats, Ints, Registry, WalkArrays
from fullcourt.network.attributes import normalize_address
from fullcourt.network.shares import ShareRange, parse_share

KINDS = (m.DIRECTORSHIP, m.OWNERSHIP, "address")
DIRECTORSHIP, OWNERSHIP, ADDRESS = range(3)
# (text, relative frequency): mostly plain figures, then bands and words, some blanks
SHARE_TEXTS: tuple[tuple[str, float], ...] = (
    ("100%", 0.18),
    ("51%", 0.08),
    ("50%", 0.08),
    ("40%", 0.06),
    ("33.33%", 0.05),
    ("30%", 0.06),
    ("25%", 0.1),
    ("20%", 0.06),
    ("12.5%", 0.04),
    ("10%", 0.08),
    ("25-50%", 0.04),
    ("50-75%", 0.03),
    (">25%", 0.03),
    ("majority", 0.02),
    ("about 50%", 0.02),
    ("", 0.07),
)


@dataclass(frozen=True, slots=True)
class Synthetic:
    companies: int
    officers: int
    registry: Registry
    share: Ints  # per link: index into SHARE_TEXTS for ownerships, -1 otherwise
    designated: Ints

    @property
    def vocabulary(self) -> list[ShareRange]:
        return [parse_share(text) for text, _ in SHARE_TEXTS]


def _heavy(rng: np.random.Generator, size: int, draws: int, shape: float) -> Ints:
    """``draws`` indices in [0, size) with Pareto(shape) popularity: a few are very common."""
    weights: Floats = np.cumsum(rng.pareto(shape, size) + 1.0)
    found: Ints = np.searchsorted(weights, rng.random(draws) * weights[-1]).astype(np.int64)
    return found


def _addresses(rng: np.random.Generator, holders: int, shared: float) -> tuple[Ints, int]:
    """An address for each holder: most from a pool larger than the holders (alone or
    in pairs), ``shared`` of them Zipf-weighted over a small pool (hubs)."""
    private = int(holders * 1.5) + 1
    pool = max(holders // 50, 1)
    zipf = 1.0 / np.arange(1, pool + 1) ** 1.1
    common = np.searchsorted(np.cumsum(zipf), rng.random(holders) * zipf.sum())
    own = rng.integers(0, private, holders)
    return np.where(rng.random(holders) < shared, private + common, own).astype(np.int64), (
        private + pool
    )


def generate(
    companies: int,
    officers: int,
    links: int,
    *,
    designated: int = 3000,
    ownership: float = 0.3,
    seed: int = 0,
) -> Synthetic:
    """A registry with ``links`` directorships and ownerships (``ownership`` of them),
    an address for every company and a quarter of officers, and ``designated`` seeds."""
    rng = np.random.default_rng(seed)
    owns = int(links * ownership)
    directors = companies + _heavy(rng, officers, links - owns, 1.2)
    boards = _heavy(rng, companies, links - owns, 2.0)
    by_company = rng.random(owns) < 0.5
    holders = np.where(
        by_company,
        _heavy(rng, companies, owns, 1.5),
        companies + _heavy(rng, officers, owns, 1.5),
    )
    assets = _heavy(rng, companies, owns, 2.0)
    frequency = np.array([f for _, f in SHARE_TEXTS])
    texts = np.searchsorted(np.cumsum(frequency), rng.random(owns) * frequency.sum())
    housed = np.r_[np.arange(companies), companies + np.flatnonzero(rng.random(officers) < 0.25)]
    address, values = _addresses(rng, len(housed), 0.1)
    registry = Registry(
        parties=companies + officers,
        kinds=KINDS,
        source=np.r_[directors, holders].astype(np.int64),
        target=np.r_[boards, assets].astype(np.int64),
        kind=np.r_[np.full(links - owns, DIRECTORSHIP), np.full(owns, OWNERSHIP)].astype(np.int64),
        holder=housed.astype(np.int64),
        value=address,
        value_kind=np.full(values, ADDRESS, dtype=np.int64),
    )
    share = np.r_[np.full(links - owns, -1), texts].astype(np.int64)
    picked = rng.choice(companies + officers, size=min(designated, companies + officers))
    return Synthetic(companies, officers, registry, share, np.unique(picked).astype(np.int64))


def party_id(synthetic: Synthetic, index: int) -> str:
    return f"c{index}" if index < synthetic.companies else f"p{index - synthetic.companies}"


def address_text(value: int) -> str:
    return f"{value} Registry Road, Unit {value % 89}"


def node_names(synthetic: Synthetic, walk: WalkArrays) -> list[str]:
    """The dict path's id of each node of ``walk``: party ids, then attr:address:..."""
    names = [party_id(synthetic, i) for i in range(walk.parties)]
    texts = (normalize_address(address_text(v)) for v in walk.values.tolist())
    return names + [f"attr:address:{text}" for text in texts]


def to_entities(synthetic: Synthetic) -> Iterator[Entity]:
    """The registry as FollowTheMoney entities (for small registries: one object each)."""
    reg = synthetic.registry
    addresses: dict[int, list[int]] = {}
    for holder, value in zip(reg.holder.tolist(), reg.value.tolist(), strict=True):
        addresses.setdefault(holder, []).append(value)
    for index in range(reg.parties):
        schema = "Company" if index < synthetic.companies else "Person"
        entity = make_entity(schema, party_id(synthetic, index), "registry")
        entity.add("name", f"{schema} {index}")
        for value in addresses.get(index, []):
            entity.add("address", address_text(value))
        yield entity
    for index in synthetic.designated.tolist():
        sanction = make_entity("Sanction", f"s{index}", "registry")
        sanction.add("entity", party_id(synthetic, index))
        yield sanction
    rows = zip(reg.source.tolist(), reg.target.tolist(), reg.kind.tolist(), strict=True)
    for row, (source, target, kind) in enumerate(rows):
        ends = (party_id(synthetic, source), party_id(synthetic, target))
        if kind == OWNERSHIP:
            link = make_entity("Ownership", f"o{row}", "registry")
            link.add("owner", ends[0])
            link.add("asset", ends[1])
            link.add("percentage", SHARE_TEXTS[int(synthetic.share[row])][0])
        else:
            link = make_entity("Directorship", f"d{row}", "registry")
            link.add("director", ends[0])
            link.add("organization", ends[1])
        yield link
