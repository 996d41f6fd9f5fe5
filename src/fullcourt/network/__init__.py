"""Networks: who is tied to whom, who is blocked by ownership, who sits close to a listing.

The core works on plain data (graph.Graph built from FollowTheMoney entities);
loader.graph_from_store is the only part that reads the store.

- graph: parties, relations and shared values (``build_graph``)
- ownership: the 50% rule as a fixed point, OFAC / EU / UK variants (``assess``)
- exposure, paths: a [0, 1] exposure score and the paths that explain it
- clusters: communities of parties with what ties them
"""

from fullcourt.network.clusters import Cluster, find_clusters
from fullcourt.network.exposure import Exposure, Ranked, Settings, compute_exposure, ranked
from fullcourt.network.graph import Graph, build_graph
from fullcourt.network.loader import graph_from_store
from fullcourt.network.model import Attribute, Designation, Link, Node
from fullcourt.network.ownership import EU, OFAC, UK, Finding, Holding, Rule, Status, assess
from fullcourt.network.paths import Explanation, Hop, Path, explain
from fullcourt.network.shares import ShareRange, parse_share

__all__ = [
    "EU",
    "OFAC",
    "UK",
    "Attribute",
    "Cluster",
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
    "Rule",
    "Settings",
    "ShareRange",
    "Status",
    "assess",
    "build_graph",
    "compute_exposure",
    "explain",
    "find_clusters",
    "graph_from_store",
    "parse_share",
    "ranked",
]
