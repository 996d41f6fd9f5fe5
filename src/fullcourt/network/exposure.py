"""How close each unlisted party sits to designated ones, and ranked lists of them.

The score is the walk's hit probability (walk.py) over a weighted graph of parties and
shared values: ownership and directorship are strong links, a shared phone or address
weak ones, and a shared value's links are damped by how many parties hold it
(attributes.damping). Shared values are nodes of their own, so a value reaches a party
in two steps and its weight is split among its holders: a value held by fifty parties
cannot make any of them close to a designated one. "Designated" can be narrowed to
some lists: exposure to UN designations of parties the UN does not list.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from fullcourt.network import model as m
from fullcourt.network.graph import Graph
from fullcourt.network.walk import hit_probability, personalized_pagerank

LINK_WEIGHTS: dict[str, float] = {
    m.OWNERSHIP: 1.0,
    m.PARENT: 1.0,
    m.OWNER: 1.0,
    m.SUCCESSION: 0.9,
    m.OPERATOR: 0.8,
    m.MANAGER: 0.8,
    m.DIRECTORSHIP: 0.8,
    m.LINKED: 0.7,  # OFAC "Linked To": often the basis of a designation
    m.REPRESENTATION: 0.6,
    m.FAMILY: 0.6,
    m.ASSOCIATE: 0.5,
    m.EMPLOYMENT: 0.5,
    m.MEMBERSHIP: 0.4,
    # shared values, before damping by how many parties hold them
    "imoNumber": 1.0,
    "companyImoNumber": 0.9,
    "registrationNumber": 0.9,
    "taxNumber": 0.9,
    "leiCode": 0.9,
    "dunsCode": 0.9,
    "swiftBic": 0.9,
    "passportNumber": 0.9,
    "idNumber": 0.9,
    "bankAccount": 0.8,
    "cryptoWallet": 0.8,
    "mmsi": 0.7,
    "vehicleRegistration": 0.7,
    "phone": 0.4,
    "email": 0.4,
    "website": 0.3,
    "callSign": 0.3,
    "address": 0.2,
}
DEFAULT_WEIGHT = 0.3  # a kind this table does not know yet


@dataclass(frozen=True, slots=True)
class Settings:
    alpha: float = 0.85  # chance the walk takes one more step
    leak: float = 1.0  # each party's weight of links to the unlisted world
    weights: Mapping[str, float] = field(default_factory=lambda: dict(LINK_WEIGHTS))
    kinds: frozenset[str] | None = None  # only these link kinds; None: all

    def weight(self, kind: str) -> float:
        if self.kinds is not None and kind not in self.kinds:
            return 0.0
        return self.weights.get(kind, DEFAULT_WEIGHT)


def walk_graph(graph: Graph, settings: Settings) -> dict[str, dict[str, float]]:
    """Symmetric weights over parties and attribute nodes; parallel links keep the
    strongest, so a link stated by four lists counts once."""
    adjacency: dict[str, dict[str, float]] = {n: {} for n in graph.nodes}

    def connect(a: str, b: str, weight: float) -> None:
        if weight > 0 and weight > adjacency[a].get(b, 0.0):
            adjacency[a][b] = adjacency[b][a] = weight

    for link in graph.links:
        connect(link.source, link.target, settings.weight(link.kind))
    for attr in graph.attributes.values():
        weight = settings.weight(attr.kind) * attr.weight
        if weight > 0:
            adjacency[attr.id] = {}
            for holder in attr.holders:
                connect(holder, attr.id, weight)
    return adjacency


@dataclass(frozen=True, slots=True)
class Exposure:
    seeds: frozenset[str]
    score: dict[str, float]  # hit probability: 1 for seeds, in [0, alpha) for others
    reach: dict[str, float]  # personalised PageRank / its maximum over unlisted parties
    settings: Settings
    adjacency: dict[str, dict[str, float]] = field(repr=False)


def compute_exposure(
    graph: Graph, *, datasets: Iterable[str] | None = None, settings: Settings | None = None
) -> Exposure:
    """Scores of every party against the parties ``datasets`` list (any list if None)."""
    settings = settings or Settings()
    seeds = graph.designated(datasets)
    adjacency = walk_graph(graph, settings)
    leak = dict.fromkeys(graph.nodes, settings.leak)
    score = hit_probability(adjacency, seeds, alpha=settings.alpha, leak=leak)
    ppr = personalized_pagerank(adjacency, seeds, alpha=settings.alpha) if seeds else {}
    top = max((ppr.get(n, 0.0) for n in graph.nodes if n not in seeds), default=0.0)
    reach = {n: (ppr.get(n, 0.0) / top if top else 0.0) for n in graph.nodes if n not in seeds}
    parties = {n: score[n] for n in graph.nodes}
    return Exposure(seeds, parties, reach, settings, adjacency)


@dataclass(frozen=True, slots=True)
class Ranked:
    node: m.Node
    score: float
    reach: float


def ranked(
    graph: Graph,
    found: Exposure,
    *,
    category: str | None = None,
    countries: Collection[str] | None = None,
    limit: int = 20,
) -> list[Ranked]:
    """The most exposed parties outside the seeds (score above 0), optionally of one
    category (person, company, vessel, aircraft) or with one of ``countries``."""
    rows = [
        Ranked(node, found.score.get(node.id, 0.0), found.reach.get(node.id, 0.0))
        for node in graph.iter_nodes(category)
        if node.id not in found.seeds
        and (countries is None or set(node.countries) & set(countries))
    ]
    rows.sort(key=lambda r: (-r.score, -r.reach, r.node.caption, r.node.id))
    return [r for r in rows if r.score > 0][:limit]


def by_category(graph: Graph, found: Exposure, limit: int = 10) -> dict[str, list[Ranked]]:
    """The most exposed companies, vessels, people and aircraft, each ranked apart."""
    return {
        cat: ranked(graph, found, category=cat, limit=limit)
        for cat in (m.COMPANY, m.VESSEL, m.PERSON, m.AIRCRAFT)
    }
