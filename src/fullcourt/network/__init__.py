"""Networks: who is tied to whom, who is blocked by ownership, who sits close to a listing.

The core works on plain data (graph.Graph built from FollowTheMoney entities);
loader.graph_from_store is the only part that reads the store.

- graph: parties, relations and shared values (``build_graph``)
- ownership: the 50% rule as a fixed point, OFAC / EU / UK variants (``assess``)
- exposure, paths: a [0, 1] exposure score and the paths that explain it
- clusters: communities of parties with what ties them

The same exposure, 50% rule and groups for registries of millions of rows, on integer
arrays rather than on ``Graph`` (same weights, damping and rules; see docs/networks.md):

- arrays: a registry as columns and its walk graph (``Registry``, ``build_walk``)
- scale_exposure: exposure as a sparse solve (``hit_probability``, ``exposure``)
- scale_ownership: the 50% rule by rounds (``build_stakes``, ``assess``)
- scale_clusters: components and label propagation

They load numpy and scipy, a quarter of a second that every CLI command would pay, so
they are imported on first use (``__getattr__`` below); type checkers see them as
ordinary imports.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from fullcourt.network.clusters import Cluster, find_clusters
from fullcourt.network.exposure import Exposure, Ranked, Settings, compute_exposure, ranked
from fullcourt.network.graph import Graph, build_graph
from fullcourt.network.loader import graph_from_store
from fullcourt.network.model import Attribute, Designation, Link, Node
from fullcourt.network.ownership import EU, OFAC, UK, Finding, Holding, Rule, Status, assess
from fullcourt.network.paths import Explanation, Hop, Path, explain
from fullcourt.network.shares import ShareRange, parse_share

if TYPE_CHECKING:
    from fullcourt.network import arrays, scale_clusters, scale_exposure, scale_ownership
    from fullcourt.network.arrays import Registry, WalkArrays, build_walk
    from fullcourt.network.scale_clusters import components, group_sizes, label_propagation
    from fullcourt.network.scale_exposure import ConvergenceError, hit_probability
    from fullcourt.network.scale_ownership import Stakes, build_stakes

# name -> the module that defines it; the modules themselves by their own name. The
# functions whose names the dict engines use too (scale_exposure.exposure,
# scale_ownership.assess, scale_exposure.most_exposed) are reached through their module.
_SCALE = {
    "arrays": "arrays",
    "scale_clusters": "scale_clusters",
    "scale_exposure": "scale_exposure",
    "scale_ownership": "scale_ownership",
    "Registry": "arrays",
    "WalkArrays": "arrays",
    "build_walk": "arrays",
    "components": "scale_clusters",
    "group_sizes": "scale_clusters",
    "label_propagation": "scale_clusters",
    "ConvergenceError": "scale_exposure",
    "hit_probability": "scale_exposure",
    "Stakes": "scale_ownership",
    "build_stakes": "scale_ownership",
}


def __getattr__(name: str) -> Any:
    """The array engines, imported when first asked for."""
    if name not in _SCALE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = import_module(f"{__name__}.{_SCALE[name]}")
    return module if name == _SCALE[name] else getattr(module, name)


__all__ = [
    "EU",
    "OFAC",
    "UK",
    "Attribute",
    "Cluster",
    "ConvergenceError",
    "Designation",
    "Explanation",
    "Exposure",
    "Finding",
    "Graph",
    "Holding",
    "Hop",
    "Link",
    "Node",
    "Path",
    "Ranked",
    "Registry",
    "Rule",
    "Settings",
    "ShareRange",
    "Stakes",
    "Status",
    "WalkArrays",
    "arrays",
    "assess",
    "build_graph",
    "build_stakes",
    "build_walk",
    "components",
    "compute_exposure",
    "explain",
    "find_clusters",
    "graph_from_store",
    "group_sizes",
    "hit_probability",
    "label_propagation",
    "parse_share",
    "ranked",
    "scale_clusters",
    "scale_exposure",
    "scale_ownership",
]
