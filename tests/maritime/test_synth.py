"""The synthetic track generator: deterministic, realistic in rate and noise, faithful to plans."""

from __future__ import annotations

import csv
import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest

from fullcourt.maritime.geo import METRES_PER_NM, haversine_expr, haversine_m
from fullcourt.maritime.schema import POSITION_SCHEMA, STATIC_SCHEMA
from fullcourt.maritime.synth import (
    LANES,
    Hold,
    Identity,
    Reception,
    Sail,
    Ship,
    imo_number,
    lane,
    leg_ends,
    offset,
    port,
    random_fleet,
    simulate,
    statics,
)

T0 = datetime(2024, 3, 1, tzinfo=UTC)


def voyage(**changes: object) -> Ship:
    """Anchored 3 h off Dalian, then 10 kn along the lane to Nampo."""
    base = Ship(
        412_000_001,
        T0,
        port("Dalian"),
        (Hold(timedelta(hours=3)), Sail(lane("dalian-nampo")[1:], 10.0)),
        identity=Identity("SYNTH TANKER", imo_number(912_345), "BSYN"),
    )
    return Ship(**{**{f: getattr(base, f) for f in base.__slots__}, **changes})  # type: ignore[arg-type]


def test_same_seed_same_frame() -> None:
    ship = voyage()
    first, again, other = (
        simulate([ship], seed=1),
        simulate([ship], seed=1),
        simulate([ship], seed=2),
    )
    assert first.equals(again) and not first.equals(other)
    assert dict(first.schema) == POSITION_SCHEMA
    assert first["source"].unique().to_list() == ["synth"]


def test_reporting_intervals_by_speed() -> None:
    track = simulate([voyage()], seed=3, reception=Reception(loss=0.0))
    # the wait after a report follows the state the ship was in when it sent it
    steps = track.select(
        dt=pl.col("timestamp").diff().dt.total_seconds(), state=pl.col("nav_status").shift(1)
    )
    under_way = steps.filter(pl.col("state") == 0)["dt"]
    anchored = steps.filter(pl.col("state") == 1)["dt"]
    assert under_way.min() >= 59 and under_way.max() <= 181  # 1-3 min, truncated to seconds
    assert anchored.min() >= 179 and anchored.max() <= 361  # 3-6 min
    assert 100 < under_way.median() < 140


def test_noise_speed_and_arrival() -> None:
    track = simulate([voyage()], seed=4)
    anchor = port("Dalian")
    anchored = track.filter(pl.col("nav_status") == 1).select(
        d=haversine_expr(pl.col("lat"), pl.col("lon"), *anchor)
    )["d"]
    assert 5 < anchored.mean() < 20 and anchored.max() < 60  # GPS noise, sd 8 m per axis
    sailing = track.filter(pl.col("nav_status") == 0)["sog"]
    assert sailing.mean() == pytest.approx(10.0, abs=0.05) and sailing.std() < 0.2
    last = track.row(-1, named=True)
    assert haversine_m(last["lat"], last["lon"], *port("Nampo")) < 600  # last report near the end


def test_leg_ends_follow_distance_and_speed() -> None:
    ship = voyage()
    hold_end, sail_end = leg_ends(ship)
    route = (port("Dalian"), *lane("dalian-nampo")[1:])
    metres = sum(haversine_m(*a, *b) for a, b in itertools.pairwise(route))
    assert hold_end == timedelta(hours=3)
    assert (sail_end - hold_end).total_seconds() == pytest.approx(
        metres / (10 * METRES_PER_NM / 3600)
    )


def test_dark_periods_and_coverage_holes_are_silent() -> None:
    dark = (timedelta(hours=5), timedelta(hours=9))
    hole = (T0 + timedelta(hours=1), T0 + timedelta(hours=2))
    track = simulate([voyage(dark=(dark,))], seed=5, reception=Reception(holes=(hole,)))
    times = track["timestamp"]
    assert not times.is_between(T0 + dark[0], T0 + dark[1], closed="left").any()
    assert not times.is_between(*hole, closed="left").any()
    longest = times.diff().max()
    assert isinstance(longest, timedelta) and longest > timedelta(hours=4)


def test_drifting_hold_moves_at_its_speed() -> None:
    ship = Ship(
        1, T0, (38.0, 123.0), (Hold(timedelta(hours=6), drift_kn=1.0, course=90, status=0),)
    )
    track = simulate([ship], seed=6)
    first, last = track.row(0, named=True), track.row(-1, named=True)
    hours = (last["timestamp"] - first["timestamp"]).total_seconds() / 3600
    nm = haversine_m(first["lat"], first["lon"], last["lat"], last["lon"]) / METRES_PER_NM
    assert nm / hours == pytest.approx(1.0, rel=0.02)
    assert last["lon"] > first["lon"]  # east


@pytest.mark.parametrize("name", sorted(LANES))
def test_lanes_run_between_their_ports(name: str) -> None:
    start, end = (part.capitalize() for part in name.split("-"))
    points = lane(name)
    assert haversine_m(*points[0], *port(start)) < 1.0
    assert haversine_m(*points[-1], *port(end)) < 1.0
    assert lane(name, reverse=True) == points[::-1]


def test_offset_moves_by_metres() -> None:
    here = (38.5, 124.8)
    assert haversine_m(*here, *offset(here, 300.0, 0.0)) == pytest.approx(300.0, rel=1e-3)
    assert haversine_m(*here, *offset(here, 0.0, 300.0)) == pytest.approx(300.0, rel=1e-3)


def test_imo_check_digits_match_real_imo_numbers(shared: Path) -> None:
    with (shared / "ais/reference/dprk_sdn_vessels.csv").open(encoding="utf-8") as handle:
        imos = [row["imo"] for row in csv.DictReader(handle) if row["imo"]]
    assert len(imos) == 104  # RYONG GUN BONG has none
    assert all(imo_number(int(imo[:6])) == imo for imo in imos)


def test_statics_carry_identities() -> None:
    frame = statics([voyage(), voyage(mmsi=2, identity=None)])
    assert dict(frame.schema) == STATIC_SCHEMA
    assert frame.rows() == [(412_000_001, T0, "9123453", "SYNTH TANKER", "BSYN", 80, "", "synth")]


def test_random_fleet_scale() -> None:
    fleet = random_fleet(60, seed=7, start=T0, hours=6, box=(34, 120, 38, 124))
    assert len(fleet) == 60 and len({s.mmsi for s in fleet}) == 60
    anchored = sum(isinstance(s.legs[0], Hold) for s in fleet)
    assert 4 <= anchored <= 20
    track = simulate(fleet, seed=8)
    assert 60 * 6 * 20 < track.height < 60 * 6 * 35  # about 30 reports an hour each
    assert track["timestamp"].max() < T0 + timedelta(hours=7)
