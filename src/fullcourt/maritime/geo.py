"""Distances and polygon tests, as Polars expressions where whole tracks pass through them.

Detectors compare every position with ports, zones and other ships; doing that row by row
in Python would not scale past a few thousand positions, so the work is expressed as
columnar operations. The earth is a sphere here (haversine, mean radius): at the 500 m to
200 nm distances the detectors use, its error (< 0.5 %) is far below AIS position noise
and the approximations of the reference geodata.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import polars as pl

EARTH_RADIUS_M = 6_371_008.8  # IUGG mean radius
METRES_PER_NM = 1_852.0
# Polygon edges are indexed by latitude bands of this height, so each point is tested
# against the handful of edges that cross its band, not against the whole coastline.
BAND_DEG = 0.05
# How many (point, place) distance pairs one Polars batch may hold.
PAIR_BATCH = 4_000_000

Ring = tuple[tuple[float, float], ...]  # (lon, lat) pairs, GeoJSON order


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(min(a, 1.0)))


def _expr(value: pl.Expr | float) -> pl.Expr:
    return value if isinstance(value, pl.Expr) else pl.lit(float(value))


def haversine_expr(
    lat1: pl.Expr | float, lon1: pl.Expr | float, lat2: pl.Expr | float, lon2: pl.Expr | float
) -> pl.Expr:
    """Great-circle distance in metres, as an expression over columns or constants."""
    p1, p2 = _expr(lat1).radians(), _expr(lat2).radians()
    dlon = (_expr(lon2) - _expr(lon1)).radians()
    a = ((p2 - p1) / 2).sin().pow(2) + p1.cos() * p2.cos() * (dlon / 2).sin().pow(2)
    return a.clip(0.0, 1.0).sqrt().arcsin() * (2 * EARTH_RADIUS_M)


def nearest(
    lat: pl.Series,
    lon: pl.Series,
    points: Sequence[tuple[float, float]],
    *,
    max_m: float | None = None,
) -> pl.DataFrame:
    """For each (lat, lon), the index of the nearest of `points` and its distance in metres.

    Returns columns `nearest` (UInt32) and `dist_m`, one row per input row, in input order;
    nulls where there is no point (or none within `max_m` when it is given: a cap lets the
    work be bucketed on a grid instead of pairing every row with every point).
    """
    coords = dict.fromkeys(("lat", "lon"), pl.Float64())
    frame = pl.DataFrame({"lat": lat, "lon": lon}, schema=coords).with_row_index("row")
    places = pl.DataFrame(
        {"pid": range(len(points)), "lat": [p[0] for p in points], "lon": [p[1] for p in points]},
        schema={"pid": pl.UInt32(), **coords},
    )
    rows = frame.drop_nulls(["lat", "lon"])
    if max_m is None:
        step = max(1, PAIR_BATCH // max(1, len(points)))
        batches = [
            rows.slice(i, step).join(places, how="cross", suffix="_p")
            for i in range(0, rows.height, step)
        ]
    else:
        batches = [near_pairs(rows, places, max_m)]
    parts = [
        batch.with_columns(
            d=haversine_expr(pl.col("lat"), pl.col("lon"), pl.col("lat_p"), pl.col("lon_p"))
        )
        .filter(pl.col("d") <= (math.inf if max_m is None else max_m))
        .group_by("row")
        .agg(nearest=pl.col("pid").get(pl.col("d").arg_min()), dist_m=pl.col("d").min())
        for batch in batches
        if batch.height
    ]
    found = (
        pl.concat(parts)
        if parts
        else pl.DataFrame(
            schema={"row": pl.UInt32(), "nearest": pl.UInt32(), "dist_m": pl.Float64()}
        )
    )
    return frame.select("row").join(found, on="row", how="left").sort("row").drop("row")


def grid_cells(frame: pl.DataFrame, cell_m: float, max_abs_lat: float) -> pl.DataFrame:
    """Add integer cell keys `cy`, `cx` for cells at least `cell_m` wide everywhere.

    Longitude cells are sized for the highest latitude in play, so they are never narrower
    than `cell_m` (only wider nearer the equator): two points within `cell_m` of each other
    are then always in the same or adjacent cells, which is what bucketed searches rely on.
    Cells do not wrap at the antimeridian.
    """
    degree = 110_000.0  # under the 111,195 m of a degree on our sphere: cells err wide
    top = math.radians(min(abs(max_abs_lat), 89.0))
    dlat, dlon = cell_m / degree, cell_m / (degree * math.cos(top))
    return frame.with_columns(
        cy=(pl.col("lat") / dlat).floor().cast(pl.Int64),
        cx=(pl.col("lon") / dlon).floor().cast(pl.Int64),
    )


def near_pairs(
    left: pl.DataFrame, right: pl.DataFrame, max_m: float, *, on: Sequence[str] = ()
) -> pl.DataFrame:
    """Rows of `left` joined with the rows of `right` in the same or an adjacent grid cell
    (and equal on the `on` columns, e.g. the same instant).

    Both frames need `lat` and `lon`; the right's other columns get the suffix `_p`. A
    superset of the pairs within `max_m`: callers still filter on the exact distance.
    """
    if left.height == 0 or right.height == 0:
        return left.join(
            right, on=list(on) or None, how="cross" if not on else "inner", suffix="_p"
        ).clear()
    top = max(_abs_max(left["lat"]), _abs_max(right["lat"]))
    offsets = pl.DataFrame({"dy": [-1, -1, -1, 0, 0, 0, 1, 1, 1], "dx": [-1, 0, 1] * 3})
    spread = (
        grid_cells(right, max_m, top)
        .join(offsets, how="cross")
        .with_columns(cy=pl.col("cy") + pl.col("dy"), cx=pl.col("cx") + pl.col("dx"))
        .drop("dy", "dx")
    )
    return grid_cells(left, max_m, top).join(spread, on=["cy", "cx", *on], suffix="_p")


def _abs_max(values: pl.Series) -> float:
    top = values.abs().max()
    return float(top) if isinstance(top, int | float) else 0.0


@dataclass(frozen=True)
class Area:
    """A (multi)polygon with holes, tested by the even-odd rule over all its rings."""

    name: str
    rings: tuple[Ring, ...]
    properties: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @cached_property
    def bbox(self) -> tuple[float, float, float, float]:
        """(min lon, min lat, max lon, max lat)."""
        lons = [p[0] for ring in self.rings for p in ring]
        lats = [p[1] for ring in self.rings for p in ring]
        return min(lons), min(lats), max(lons), max(lats)

    @cached_property
    def edges(self) -> pl.DataFrame:
        """Non-horizontal edges, one row per latitude band each edge crosses."""
        rows: dict[str, list[float]] = {"x1": [], "y1": [], "x2": [], "y2": []}
        for ring in self.rings:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
                if y1 != y2:
                    for key, value in zip(rows, (x1, y1, x2, y2), strict=True):
                        rows[key].append(value)
        edges = pl.DataFrame(rows, schema=dict.fromkeys(rows, pl.Float64()))
        lo = (pl.min_horizontal("y1", "y2") / BAND_DEG).floor().cast(pl.Int64)
        hi = (pl.max_horizontal("y1", "y2") / BAND_DEG).floor().cast(pl.Int64)
        return edges.with_columns(band=pl.int_ranges(lo, hi + 1)).explode("band")


def area_from_geometry(name: str, geometry: Mapping[str, Any], **properties: Any) -> Area:
    """An Area from a GeoJSON Polygon or MultiPolygon geometry mapping."""
    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    if kind == "Polygon":
        polygons = [coords]
    elif kind == "MultiPolygon":
        polygons = list(coords or [])
    else:
        raise ValueError(f"geometry type {kind!r} is not a Polygon or MultiPolygon")
    rings: list[Ring] = []
    for polygon in polygons:
        for ring in polygon or []:
            points = tuple((float(p[0]), float(p[1])) for p in ring)
            if len(points) > 1 and points[0] == points[-1]:
                points = points[:-1]
            if len(points) >= 3:
                rings.append(points)
    if not rings:
        raise ValueError("geometry has no ring of three points or more")
    return Area(name, tuple(rings), dict(properties))


def contains(area: Area, lat: pl.Series, lon: pl.Series) -> pl.Series:
    """Whether each point lies inside the area (boundary points may fall either way)."""
    min_x, min_y, max_x, max_y = area.bbox
    points = (
        pl.DataFrame({"y": lat, "x": lon})
        .with_row_index("row")
        .filter(pl.col("x").is_between(min_x, max_x) & pl.col("y").is_between(min_y, max_y))
        .with_columns(band=(pl.col("y") / BAND_DEG).floor().cast(pl.Int64))
    )
    y, x = pl.col("y"), pl.col("x")
    crossing = ((pl.col("y1") > y) != (pl.col("y2") > y)) & (
        x
        < pl.col("x1")
        + (y - pl.col("y1")) * (pl.col("x2") - pl.col("x1")) / (pl.col("y2") - pl.col("y1"))
    )
    inside = (
        points.join(area.edges, on="band")
        .filter(crossing)
        .group_by("row")
        .agg(n=pl.len())
        .filter(pl.col("n") % 2 == 1)
    )
    flags = pl.Series("inside", [False] * len(lat))
    if inside.height:
        flags = flags.scatter(inside["row"], True)
    return flags


def contains_point(area: Area, lat: float, lon: float) -> bool:
    """Scalar form of `contains`, for one position."""
    return bool(contains(area, pl.Series([lat]), pl.Series([lon]))[0])
