"""Ports, North Korean water zones and reported transfer hotspots the detectors measure against.

Whether a long stop is a port call, a loiter or an encounter depends on where it happens,
so every detector takes a `Places`. The shipped defaults cover the North Korea theatre
(see `data/README.md`); analysts working elsewhere add their own files by path, or derive
anchorage points from the moored reports in their own AIS (`anchorages_from_positions`).
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl

from fullcourt.maritime.geo import (
    METRES_PER_NM,
    Area,
    area_from_geometry,
    contains,
    haversine_m,
    nearest,
)
from fullcourt.sources.errors import SourceError

# A DPRK port point this far inside the Natural Earth coastline sits up a river or lagoon.
RIVER_KM_INLAND = 1.0
TRUE_WORDS = {"1", "true", "yes", "y", "t"}


@dataclass(frozen=True, slots=True)
class Port:
    name: str
    lat: float
    lon: float
    country: str = ""
    locode: str = ""
    river: bool = False  # river ports get wider visit radii: their point is far from the quays


@dataclass(frozen=True, slots=True)
class Hotspot:
    """A reported transfer area, as the circle the report allows us to draw."""

    id: str
    kind: str
    lat: float
    lon: float
    radius_km: float
    what: str = ""


@dataclass(frozen=True, slots=True)
class Zone:
    name: str
    distance_nm: float
    area: Area


@dataclass(frozen=True, slots=True)
class Places:
    ports: tuple[Port, ...] = ()
    zones: tuple[Zone, ...] = ()
    hotspots: tuple[Hotspot, ...] = ()

    def __add__(self, other: Places) -> Places:
        return Places(
            self.ports + other.ports, self.zones + other.zones, self.hotspots + other.hotspots
        )

    def port_points(self) -> list[tuple[float, float]]:
        return [(p.lat, p.lon) for p in self.ports]


def _rows(path: Path) -> Iterable[tuple[int, dict[str, str]]]:
    """CSV rows keyed by lower-case header, with their line numbers."""
    line = 1
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle, strict=True)
            if not reader.fieldnames:
                raise SourceError("empty file, no header", file=str(path), line=1)
            for row in reader:
                line = reader.line_num
                if None in row:
                    raise SourceError("more fields than the header", file=str(path), line=line)
                yield line, {k.strip().lower(): (v or "").strip() for k, v in row.items()}
    except (csv.Error, UnicodeDecodeError) as exc:
        raise SourceError(f"unreadable CSV: {exc}", file=str(path), line=line + 1) from exc


def _pick(row: Mapping[str, str], names: Sequence[str], path: Path, line: int) -> str:
    for name in names:
        if row.get(name):
            return row[name]
    field = next((name for name in names if name in row), names[0])
    raise SourceError("missing value", file=str(path), line=line, field=field)


def _number(
    row: Mapping[str, str], name: str, path: Path, line: int, low: float, high: float
) -> float:
    text = _pick(row, [name], path, line)
    try:
        value = float(text)
    except ValueError:
        raise SourceError(
            f"not a number: {text!r}", file=str(path), line=line, field=name
        ) from None
    if not low <= value <= high:
        raise SourceError(f"{value} outside {low}..{high}", file=str(path), line=line, field=name)
    return value


def _is_river(row: Mapping[str, str]) -> bool:
    if row.get("river"):
        return row["river"].lower() in TRUE_WORDS
    inland = row.get("km_inland_of_ne10m_coastline", "")
    try:
        return float(inland) >= RIVER_KM_INLAND
    except ValueError:
        return False


def load_ports(path: Path, *, country: str = "") -> tuple[Port, ...]:
    """Ports from a CSV with `port` (or `name`), `lat`, `lon`; optional `country`/`iso3`,
    `locode`/`locode_searoute`, `river` (true/false) or `km_inland_of_ne10m_coastline`."""
    ports = [
        Port(
            name=_pick(row, ["port", "name"], path, line),
            lat=_number(row, "lat", path, line, -90.0, 90.0),
            lon=_number(row, "lon", path, line, -180.0, 180.0),
            country=row.get("country") or row.get("iso3") or country,
            locode=row.get("locode") or row.get("locode_searoute") or "",
            river=_is_river(row),
        )
        for line, row in _rows(path)
    ]
    return tuple(ports)


def load_hotspots(path: Path) -> tuple[Hotspot, ...]:
    """Hotspots from a CSV with `id`, `lat`, `lon`, `radius_km`; optional `kind`, `what`."""
    return tuple(
        Hotspot(
            id=_pick(row, ["id", "name"], path, line),
            kind=row.get("kind", ""),
            lat=_number(row, "lat", path, line, -90.0, 90.0),
            lon=_number(row, "lon", path, line, -180.0, 180.0),
            radius_km=_number(row, "radius_km", path, line, 0.0, 5_000.0),
            what=row.get("what", ""),
        )
        for line, row in _rows(path)
    )


def load_zones(path: Path) -> tuple[Zone, ...]:
    """Zones from a GeoJSON FeatureCollection of (Multi)Polygons with `zone` (or `name`)
    and `distance_nm` properties (distance_nm may be absent: it then counts as unknown)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise SourceError(f"not GeoJSON: {exc}", file=str(path), line=line) from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise SourceError("not a GeoJSON FeatureCollection", file=str(path), field="type")
    zones = []
    for number, feature in enumerate(data.get("features") or []):
        props = feature.get("properties") or {}
        name = str(props.get("zone") or props.get("name") or f"feature {number}")
        try:
            area = area_from_geometry(name, feature.get("geometry") or {}, **props)
            distance = float(props.get("distance_nm", "nan"))
        except (ValueError, TypeError, IndexError) as exc:
            raise SourceError(f"feature {number}: {exc}", file=str(path), field="geometry") from exc
        zones.append(Zone(name, distance, area))
    if not zones:
        raise SourceError("no features", file=str(path), field="features")
    return tuple(zones)


def data_file(name: str) -> Path:
    """A file shipped in `fullcourt/maritime/data`."""
    return Path(str(resources.files("fullcourt.maritime") / "data" / name))


@cache
def default_places() -> Places:
    """The shipped North Korea theatre: DPRK and regional ports, zones, hotspots."""
    return Places(
        ports=load_ports(data_file("dprk_ports.csv"), country="KP")
        + load_ports(data_file("regional_ports.csv")),
        zones=load_zones(data_file("dprk_waters_approx.geojson")),
        hotspots=load_hotspots(data_file("sts_hotspots.csv")),
    )


def load_places(
    *,
    ports: Iterable[Path] = (),
    zones: Iterable[Path] = (),
    hotspots: Iterable[Path] = (),
    defaults: bool = True,
) -> Places:
    """The defaults (unless `defaults=False`) plus the user's own files."""
    extra = Places(
        ports=tuple(p for path in ports for p in load_ports(Path(path))),
        zones=tuple(z for path in zones for z in load_zones(Path(path))),
        hotspots=tuple(h for path in hotspots for h in load_hotspots(Path(path))),
    )
    return default_places() + extra if defaults else extra


def anchorages_from_positions(
    positions: pl.DataFrame,
    *,
    statuses: Sequence[int] = (1, 5),
    cell_deg: float = 0.05,
    min_vessels: int = 2,
) -> tuple[Port, ...]:
    """Anchorage points where several vessels reported "at anchor" (1) or "moored" (5).

    Outside the shipped theatre there may be no port list at hand; the AIS itself says
    where ships stop. Reports are grouped in cells of `cell_deg` degrees; a cell where at
    least `min_vessels` distinct vessels stopped becomes a point at its reports' centroid.
    """
    cells = (
        positions.filter(pl.col("nav_status").is_in(list(statuses)))
        .drop_nulls(["lat", "lon"])
        .group_by(
            (pl.col("lat") / cell_deg).floor().alias("cy"),
            (pl.col("lon") / cell_deg).floor().alias("cx"),
        )
        .agg(pl.col("lat").mean(), pl.col("lon").mean(), vessels=pl.col("mmsi").n_unique())
        .filter(pl.col("vessels") >= min_vessels)
        .sort("cy", "cx")
    )
    return tuple(
        Port(name=f"anchorage {lat:.3f},{lon:.3f}", lat=lat, lon=lon)
        for lat, lon in cells.select("lat", "lon").iter_rows()
    )


def port_distance_m(
    places: Places, lat: pl.Series, lon: pl.Series, *, max_m: float | None = None
) -> pl.Series:
    """Distance from each point to the nearest port (null: no port, or none within max_m)."""
    return nearest(lat, lon, places.port_points(), max_m=max_m)["dist_m"]


def contexts(places: Places, lat: Sequence[float], lon: Sequence[float]) -> list[dict[str, Any]]:
    """Where each point is, for events' evidence: nearest port, zones, hotspots, shore.

    `shore_nm` approximates the distance to the coast by the nearest port, tightened by
    the North Korean zones (a point in the 50 nm zone is under 50 nm from its coast).
    """
    lats, lons = pl.Series(lat, dtype=pl.Float64()), pl.Series(lon, dtype=pl.Float64())
    found = nearest(lats, lons, places.port_points())
    inside = [(z, contains(z.area, lats, lons)) for z in sorted(places.zones, key=_zone_order)]
    out = []
    for i, (y, x, index, metres) in enumerate(zip(lats, lons, *found, strict=True)):
        port = places.ports[index] if index is not None else None
        zones = [z for z, flags in inside if flags[i]]
        port_nm = metres / METRES_PER_NM if metres is not None else math.inf
        shore_nm = min([port_nm, *(z.distance_nm for z in zones if not math.isnan(z.distance_nm))])
        hotspots = [
            h.id for h in places.hotspots if haversine_m(y, x, h.lat, h.lon) <= h.radius_km * 1e3
        ]
        out.append(
            {
                "nearest_port": port.name if port else None,
                "port_distance_nm": round(port_nm, 2) if port else None,
                "shore_nm": round(shore_nm, 2) if shore_nm < math.inf else None,
                "zones": [z.name for z in zones],
                "hotspots": hotspots,
            }
        )
    return out


def context(places: Places, lat: float, lon: float) -> dict[str, Any]:
    """`contexts` for one point."""
    return contexts(places, [lat], [lon])[0]


def _zone_order(zone: Zone) -> float:
    return math.inf if math.isnan(zone.distance_nm) else zone.distance_nm
