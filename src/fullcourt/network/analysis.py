"""One graph and the analyses over it, computed on first use and kept.

A report needs the graph, the 50% rule under three rules, exposure against all lists
and against each list apart, and the clusters; the CLI and the API need some of them
for many entities in a row. Building them once per store version, lazily, keeps a
report under a second and lets a server answer from memory until a list changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from fullcourt.network import model as m
from fullcourt.network.clusters import Cluster, find_clusters
from fullcourt.network.exposure import LINK_WEIGHTS, Exposure, Settings, compute_exposure
from fullcourt.network.graph import Graph
from fullcourt.network.loader import graph_from_store
from fullcourt.network.ownership import EU, OFAC, UK, Finding, Rule, assess_graph
from fullcourt.store import Store, StoreError
from fullcourt.store.query import list_datasets

RULES: dict[str, Rule] = {"ofac": OFAC, "eu": EU, "uk": UK}
# The jurisdictions the CLI and the API name, and the rule each applies
JURISDICTIONS: dict[str, str] = {"us": "ofac", "eu": "eu", "uk": "uk"}
# How a store becomes a graph: the lists alone (loader) or with outside data (linked)
GraphBuilder = Callable[[Store], Graph]


@dataclass(frozen=True, slots=True)
class ListVersion:
    """The list version an analysis stands on: a decision cites the data it used."""

    dataset: str
    version: str
    published: str | None = None


@dataclass
class Analysis:
    graph: Graph
    versions: tuple[ListVersion, ...] = ()
    _exposure: dict[tuple[tuple[str, ...] | None, tuple[str, ...] | None], Exposure] = field(
        default_factory=dict, repr=False
    )
    _findings: dict[str, dict[str, Finding]] = field(default_factory=dict, repr=False)
    _clusters: list[Cluster] | None = field(default=None, repr=False)

    @classmethod
    def from_store(cls, store: Store, build: GraphBuilder = graph_from_store) -> Analysis:
        """The analysis of ``store`` over the graph ``build`` makes of it."""
        versions = tuple(
            ListVersion(dataset, v.version, v.published)
            for dataset, found in sorted(list_datasets(store).items())
            for v in found
            if v.current
        )
        return cls(build(store), versions)

    def party(self, key: str) -> m.Node:
        """A party by node id, record id or a list's own id; StoreError when unknown."""
        node = self.graph.find(key)
        if node is None:
            raise StoreError(f"no party {key!r} in the network of the current lists")
        return node

    def exposure(
        self, datasets: Iterable[str] | None = None, link_types: Iterable[str] | None = None
    ) -> Exposure:
        """Exposure to the designations of ``datasets`` (of any list when None), through
        links of ``link_types`` only (any kind when None): "how close through ownership
        alone" is a question of its own."""
        lists = None if datasets is None else tuple(sorted(set(datasets)))
        kinds = None if link_types is None else tuple(sorted(set(link_types)))
        if (lists, kinds) not in self._exposure:
            unknown = sorted(set(kinds or ()) - set(LINK_WEIGHTS))
            if unknown:
                raise StoreError(
                    f"unknown link type {', '.join(unknown)}; use {', '.join(sorted(LINK_WEIGHTS))}"
                )
            settings = Settings(kinds=frozenset(kinds) if kinds is not None else None)
            found = compute_exposure(self.graph, datasets=lists, settings=settings)
            self._exposure[lists, kinds] = found
        return self._exposure[lists, kinds]

    def findings(self, rule: str) -> dict[str, Finding]:
        """The 50% rule under ``rule`` (ofac, eu or uk) for every party it decides."""
        if rule not in RULES:
            raise StoreError(f"unknown rule {rule!r}; use {', '.join(RULES)}")
        if rule not in self._findings:
            self._findings[rule] = assess_graph(self.graph, RULES[rule])
        return self._findings[rule]

    def clusters(self) -> list[Cluster]:
        if self._clusters is None:
            self._clusters = find_clusters(self.graph)
        return self._clusters

    def cluster_of(self, node_id: str) -> Cluster | None:
        return next((c for c in self.clusters() if node_id in c.members), None)

    def datasets(self) -> tuple[str, ...]:
        """Lists that designate someone in the graph, for per-list exposure."""
        return tuple(sorted({d.dataset for n in self.graph.nodes.values() for d in n.designations}))
