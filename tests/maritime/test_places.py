"""Loading the shipped reference places, user files, and anchorages derived from AIS."""

from __future__ import annotations

import csv
import gzip
import math
from collections import defaultdict
from pathlib import Path

import polars as pl
import pytest

from fullcourt.maritime.places import (
    Places,
    anchorages_from_positions,
    context,
    data_file,
    default_places,
    load_hotspots,
    load_places,
    load_ports,
    load_zones,
)
from fullcourt.sources.errors import SourceError

MARINECADASTRE = "ais/marinecadastre/AIS_2022_01_03_first99999.csv.gz"


def test_shipped_files_are_the_shared_reference_files(shared: Path) -> None:
    for name in ("dprk_ports.csv", "dprk_waters_approx.geojson", "sts_hotspots.csv"):
        assert data_file(name).read_bytes() == (shared / "ais/reference" / name).read_bytes()


def test_default_places() -> None:
    places = default_places()
    # 10 DPRK ports (dprk_ports.csv) + 47 regional ports (regional_ports.csv)
    assert len(places.ports) == 57
    assert [z.name for z in places.zones] == [
        "territorial_sea_12nm",
        "contiguous_zone_24nm",
        "near_dprk_50nm",
        "approx_eez_200nm_median",
    ]
    assert [z.distance_nm for z in places.zones] == [12, 24, 50, 200]
    assert len(places.hotspots) == 7


def test_dprk_port_rows() -> None:
    ports = {p.name: p for p in default_places().ports}
    nampo = ports["Nampo (Namp'o)"]
    assert (nampo.lat, nampo.lon, nampo.locode, nampo.country) == (38.716667, 125.4, "KPNAM", "KP")
    # river flag from km_inland_of_ne10m_coastline >= 1: Songrim 6.7 km, Sonbong 1.15 km;
    # Hungnam's 0.68 km is a coastal port
    assert ports["Songrim (former Kyomipo)"].river and ports["Sonbong (Unggi)"].river
    assert not ports["Hungnam"].river and ports["Songrim (former Kyomipo)"].locode == ""


def test_regional_port_rows() -> None:
    ports = {p.name: p for p in default_places().ports}
    assert (ports["Dandong"].lat, ports["Dandong"].lon, ports["Dandong"].river) == (
        39.816667,
        124.15,
        True,
    )
    assert (ports["Longkou"].lat, ports["Longkou"].lon) == (37.633333, 120.283333)
    assert ports["Vladivostok"].country == "RU" and not ports["Busan"].river


def test_hotspot_rows() -> None:
    spots = {h.id: h for h in default_places().hotspots}
    bay = spots["west_korea_bay_chodo"]
    assert (bay.kind, bay.lat, bay.lon, bay.radius_km) == ("sts_in_dprk_waters", 38.55, 124.85, 15)
    assert spots["gulf_of_tonkin"].radius_km == 200


def test_context_of_the_west_korea_bay_hotspot() -> None:
    where = context(default_places(), 38.55, 124.85)
    assert where["nearest_port"] == "Nampo (Namp'o)"
    assert where["hotspots"] == ["west_korea_bay_chodo"]
    assert where["zones"][0] == "territorial_sea_12nm"
    assert where["shore_nm"] == 12.0  # tightened by the zone: the nearest port is 28 nm away
    assert where["port_distance_nm"] == pytest.approx(27.4, abs=0.3)


def test_user_files_are_added_to_the_defaults(tmp_path: Path) -> None:
    ports = tmp_path / "ports.csv"
    ports.write_text("name,lat,lon,river\nTest Quay,10.5,20.25,yes\n", encoding="utf-8")
    spots = tmp_path / "spots.csv"
    spots.write_text("id,lat,lon,radius_km\nbox,1,2,3\n", encoding="utf-8")
    places = load_places(ports=[ports], hotspots=[spots])
    assert len(places.ports) == 58 and places.ports[-1].river
    assert places.hotspots[-1].id == "box"
    alone = load_places(ports=[ports], defaults=False)
    assert alone == Places(ports=load_ports(ports))


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ("name,lat,lon\nA,91,10\n", 2, "lat"),  # latitude out of range
        ("name,lat,lon\nA,1,ten\n", 2, "lon"),  # not a number
        ("name,lat\nA,1\n", 2, "lon"),  # column missing
        ("name,lat,lon\nA,1,2\n,3,4\n", 3, "name"),  # nameless row
        ("name,lat,lon\nA,1,2,9\n", 2, None),  # more fields than the header
        ("", 1, None),  # empty file
    ],
)
def test_bad_port_files(tmp_path: Path, text: str, line: int, field: str | None) -> None:
    path = tmp_path / "ports.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_ports(path)
    assert (caught.value.file, caught.value.line, caught.value.field) == (str(path), line, field)


def test_bad_encoding_and_bad_geojson(tmp_path: Path) -> None:
    latin = tmp_path / "ports.csv"
    latin.write_bytes("name,lat,lon\nSão Tomé,0.35,6.73\n".encode("latin-1"))
    with pytest.raises(SourceError, match="unreadable CSV") as bad_bytes:
        load_ports(latin)
    assert bad_bytes.value.line == 2
    truncated = tmp_path / "zones.geojson"
    truncated.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_zones(truncated)
    assert caught.value.line == 1
    csv_as_zones = tmp_path / "z.geojson"
    csv_as_zones.write_text('{"type": "Feature"}', encoding="utf-8")
    with pytest.raises(SourceError, match="FeatureCollection"):
        load_zones(csv_as_zones)
    point = tmp_path / "p.geojson"
    point.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},'
        ' "geometry": {"type": "Point", "coordinates": [1, 2]}}]}',
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="feature 0"):
        load_zones(point)
    with pytest.raises(SourceError, match="radius_km"):
        spots = tmp_path / "s.csv"
        spots.write_text("id,lat,lon\nx,1,2\n", encoding="utf-8")
        load_hotspots(spots)


def test_anchorages_from_real_moored_reports(shared: Path) -> None:
    path = shared / MARINECADASTRE
    raw = pl.read_csv(path, columns=["MMSI", "LAT", "LON", "Status"])
    positions = raw.select(mmsi="MMSI", lat="LAT", lon="LON", nav_status="Status")
    found = anchorages_from_positions(positions)
    # the same count straight from the CSV: 0.05-degree cells where two or more vessels
    # reported status 1 (at anchor) or 5 (moored)
    cells: dict[tuple[int, int], set[str]] = defaultdict(set)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Status"] in ("1", "5"):
                key = (math.floor(float(row["LAT"]) / 0.05), math.floor(float(row["LON"]) / 0.05))
                cells[key].add(row["MMSI"])
    assert len(found) == sum(1 for vessels in cells.values() if len(vessels) >= 2) == 410
    # Los Angeles / Long Beach (WPI 33.75N 118.25W) has anchorages within 3 km
    assert any(abs(p.lat - 33.75) < 0.03 and abs(p.lon + 118.25) < 0.03 for p in found)
