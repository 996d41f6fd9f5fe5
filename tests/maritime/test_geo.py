"""Distances and point-in-polygon, checked against closed forms and the real zone file."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import polars as pl
import pytest

from fullcourt.maritime.geo import (
    EARTH_RADIUS_M,
    Area,
    area_from_geometry,
    contains,
    contains_point,
    haversine_expr,
    haversine_m,
    near_pairs,
    nearest,
)

DEGREE_M = EARTH_RADIUS_M * math.pi / 180  # one degree of a great circle


def zones(shared: Path) -> list[Area]:
    data = json.loads((shared / "ais/reference/dprk_waters_approx.geojson").read_text())
    return [area_from_geometry(f["properties"]["zone"], f["geometry"]) for f in data["features"]]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0.0, 0.0), (1.0, 0.0), DEGREE_M),  # a degree of meridian
        ((0.0, 0.0), (0.0, 1.0), DEGREE_M),  # a degree of equator
        ((60.0, 0.0), (60.0, 1.0), 55_597.0),  # a degree of longitude at 60N: about half
        ((0.0, 0.0), (0.0, 180.0), math.pi * EARTH_RADIUS_M),  # antipodes: half a circle
        ((10.0, 179.5), (10.0, -179.5), 109_505.0),  # across the antimeridian
    ],
)
def test_haversine_known_distances(
    a: tuple[float, float], b: tuple[float, float], expected: float
) -> None:
    assert haversine_m(*a, *b) == pytest.approx(expected, rel=1e-4)


def test_haversine_expression_matches_scalar() -> None:
    rng = random.Random(7)
    points = [[rng.uniform(-80, 80), rng.uniform(-180, 180)] for _ in range(4 * 50)]
    frame = pl.DataFrame(
        {"lat1": [p[0] for p in points[::2]], "lon1": [p[1] for p in points[::2]],
         "lat2": [p[0] for p in points[1::2]], "lon2": [p[1] for p in points[1::2]]}
    )  # fmt: skip
    got = frame.select(d=haversine_expr(*(pl.col(c) for c in frame.columns)))["d"]
    want = [haversine_m(*row) for row in frame.iter_rows()]
    assert got.to_list() == pytest.approx(want, rel=1e-9)


def test_nearest_exact_and_capped_agree() -> None:
    rng = random.Random(3)
    lat = pl.Series([rng.uniform(33, 43) for _ in range(3_000)] + [None])
    lon = pl.Series([rng.uniform(118, 132) for _ in range(3_000)] + [None])
    points = [(rng.uniform(33, 43), rng.uniform(118, 132)) for _ in range(40)]
    exact = nearest(lat, lon, points)
    capped = nearest(lat, lon, points, max_m=50_000)
    assert exact.height == capped.height == 3_001
    assert exact.row(3_000) == (None, None)  # a row without a position
    close = exact.with_columns(c=capped["dist_m"], cn=capped["nearest"]).filter(
        pl.col("dist_m") <= 50_000
    )
    assert close.height == capped["dist_m"].is_not_null().sum() > 0
    assert (close["c"] == close["dist_m"]).all() and (close["cn"] == close["nearest"]).all()
    i = 17  # spot check one row by brute force
    brute = min(haversine_m(lat[i], lon[i], *p) for p in points)
    assert exact["dist_m"][i] == pytest.approx(brute)


def test_nearest_without_points() -> None:
    out = nearest(pl.Series([1.0]), pl.Series([2.0]), [])
    assert out.row(0) == (None, None)


def test_near_pairs_finds_every_close_pair_at_high_latitude() -> None:
    # Cells are sized for the highest latitude, so a pair 450 m apart east-west at 70N is
    # never split across non-adjacent cells.
    rng = random.Random(5)
    left = pl.DataFrame({"lat": [rng.uniform(-70, 70) for _ in range(500)]}).with_columns(
        lon=pl.Series([rng.uniform(-170, 170) for _ in range(500)]), id=pl.int_range(500)
    )
    shift = 450 / DEGREE_M
    right = left.with_columns(lon=pl.col("lon") + shift / pl.col("lat").radians().cos())
    pairs = near_pairs(left, right, 500.0).filter(pl.col("id") == pl.col("id_p"))
    assert pairs.height == 500


SQUARE_WITH_HOLE = {
    "type": "Polygon",
    "coordinates": [
        [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
        [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]],
    ],
}


@pytest.mark.parametrize(
    ("lat", "lon", "inside"),
    [
        (1.0, 1.0, True),
        (5.0, 5.0, False),  # in the hole
        (5.0, 3.0, True),  # beside the hole, same latitude band
        (11.0, 5.0, False),
        (5.0, -0.5, False),
    ],
)
def test_contains_square_with_hole(lat: float, lon: float, inside: bool) -> None:
    area = area_from_geometry("square", SQUARE_WITH_HOLE)
    assert contains_point(area, lat, lon) is inside


def test_contains_matches_brute_force_on_real_zones(shared: Path) -> None:
    rng = random.Random(11)
    lat = [rng.uniform(37.0, 43.0) for _ in range(2_000)]
    lon = [rng.uniform(123.5, 131.5) for _ in range(2_000)]
    for area in zones(shared):
        got = contains(area, pl.Series(lat), pl.Series(lon)).to_list()
        assert got == [_ray_cast(area, y, x) for y, x in zip(lat, lon, strict=True)]


def _ray_cast(area: Area, y: float, x: float) -> bool:
    inside = False
    for ring in area.rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def test_zone_areas_match_the_file(shared: Path) -> None:
    # The file states each zone's area; the spherical area of the parsed rings must agree,
    # which checks the coordinate order, ring closure and hole handling together.
    data = json.loads((shared / "ais/reference/dprk_waters_approx.geojson").read_text())
    for feature, area in zip(data["features"], zones(shared), strict=True):
        km2 = abs(sum(_ring_area(ring) for ring in area.rings)) / 1e6
        assert km2 == pytest.approx(feature["properties"]["area_km2"], rel=0.02), area.name


def _ring_area(ring: tuple[tuple[float, float], ...]) -> float:
    """Signed spherical area of a ring; holes wind the other way and subtract."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        total += math.radians(x2 - x1) * (
            2 + math.sin(math.radians(y1)) + math.sin(math.radians(y2))
        )
    return total * EARTH_RADIUS_M**2 / 2


def test_real_zone_spot_values(shared: Path) -> None:
    territorial, contiguous, near50, eez = zones(shared)
    assert territorial.name == "territorial_sea_12nm" and eez.name == "approx_eez_200nm_median"
    # Nampo's World Port Index point lies in the estuary, inside every zone.
    assert all(contains_point(z, 38.716667, 125.4) for z in (territorial, contiguous, near50, eez))
    # Shanghai is far outside all of them.
    assert not any(contains_point(z, 31.216667, 121.5) for z in (territorial, eez))
    # 38.9N 124.5E, off the Chinese side of West Korea Bay: beyond 24 nm, within 50 nm.
    assert not contains_point(contiguous, 38.9, 124.5) and contains_point(near50, 38.9, 124.5)


def test_bad_geometry_is_refused() -> None:
    with pytest.raises(ValueError, match="Point"):
        area_from_geometry("x", {"type": "Point", "coordinates": [1, 2]})
    with pytest.raises(ValueError, match="no ring"):
        area_from_geometry("x", {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [0, 0]]]})
