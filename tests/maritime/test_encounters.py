"""Encounter scenarios, their negative twins, scale, and the false-alarm rate on a real US day."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import polars as pl
import pytest

from fullcourt.maritime.encounters import EncounterParams, close_pairs, detect_encounters
from fullcourt.maritime.places import Places, anchorages_from_positions, default_places
from fullcourt.maritime.synth import (
    Hold,
    LatLon,
    Reception,
    Sail,
    Ship,
    offset,
    port,
    random_fleet,
    simulate,
)

T0 = datetime(2024, 3, 1, tzinfo=UTC)
WEST_KOREA_BAY = (38.55, 124.80)  # in the west_korea_bay_chodo hotspot (centre 38.55N 124.85E)


def side_by_side(a: int, b: int, where: LatLon, minutes: float, speed_kn: float) -> list[Ship]:
    """Two ships arrive from 9 km west at 10 kn, sail together 150 m apart at `speed_kn`
    for `minutes`, then part at 10 kn."""
    run_m = speed_kn * 1852 * minutes / 60
    ships = []
    for mmsi, north in ((a, 0.0), (b, 150.0)):
        legs = (
            Sail((offset(where, north, 0.0),), 10.0),
            Sail((offset(where, north, run_m),), speed_kn),
            Sail((offset(where, north + 9000.0 * (1 if north else -1), run_m + 3000.0),), 10.0),
        )
        ships.append(Ship(mmsi, T0, offset(where, north, -9000.0), legs))
    return ships


def test_three_hour_meeting_in_west_korea_bay() -> None:
    track = simulate(side_by_side(477_000_002, 412_000_001, WEST_KOREA_BAY, 180, 1.0), seed=31)
    (meeting,) = detect_encounters(track)
    assert (meeting.kind, meeting.mmsi, meeting.other_mmsi) == (
        "encounter",
        412_000_001,
        477_000_002,
    )
    assert meeting.tier == "high" and meeting.confidence >= 0.8
    assert 2.5 <= meeting.evidence["duration_h"] <= 3.0
    assert meeting.evidence["min_distance_m"] == pytest.approx(150, abs=30)
    assert meeting.evidence["place"]["hotspots"] == ["west_korea_bay_chodo"]
    assert meeting.evidence["place"]["nearest_port"] == "Nampo (Namp'o)"


def test_ships_anchored_side_by_side_in_port_raise_nothing() -> None:
    dalian = port("Dalian")
    ships = [
        Ship(412_000_010 + i, T0, offset(dalian, 200.0 * i, 1500.0), (Hold(timedelta(hours=12)),))
        for i in range(4)
    ]
    track = simulate(ships, seed=32)
    assert close_pairs(track, Places(), EncounterParams()).height > 0  # they are close ...
    assert detect_encounters(track) == []  # ... but within 10 km of Dalian


def test_pilot_boat_alongside_briefly_raises_nothing() -> None:
    # same waters, same distance, but only an hour together
    track = simulate(side_by_side(412_000_003, 412_000_004, WEST_KOREA_BAY, 60, 1.5), seed=33)
    assert detect_encounters(track) == []


def test_meetings_under_four_hours_apart_are_merged() -> None:
    first = side_by_side(412_000_005, 412_000_006, WEST_KOREA_BAY, 150, 1.0)
    second = [
        Ship(s.mmsi, s.start + timedelta(hours=5), s.origin, s.legs) for s in first
    ]  # the same meeting again, starting 5 h later: about 2 h after the first ended
    track = simulate(first + second, seed=34)
    (meeting,) = detect_encounters(track)
    assert meeting.evidence["meetings_merged"] == 2
    apart = detect_encounters(track, params=EncounterParams(merge_gap=timedelta(hours=1)))
    assert len(apart) == 2


def test_interpolated_meetings_are_less_certain() -> None:
    # both ships heard only every 20-40 minutes: instants are mostly interpolated
    sparse = Reception(underway_s=(1200.0, 2400.0), stationary_s=(1200.0, 2400.0))
    ships = side_by_side(412_000_007, 412_000_008, WEST_KOREA_BAY, 240, 1.0)
    (meeting,) = detect_encounters(simulate(ships, seed=35, reception=sparse))
    assert meeting.evidence["observed_share"] < 0.6
    assert meeting.confidence < 0.8 and meeting.tier == "medium"


def test_scales_to_100k_positions() -> None:
    fleet = random_fleet(330, seed=36, start=T0, hours=12, box=(34.0, 120.0, 39.0, 126.0))
    planted = side_by_side(412_999_001, 412_999_002, (36.0, 124.0), 180, 1.0)
    track = simulate([*fleet, *planted], seed=37)
    assert track.height > 100_000
    started = time.perf_counter()
    events = detect_encounters(track)
    assert time.perf_counter() - started < 5.0
    assert [(e.mmsi, e.other_mmsi) for e in events] == [(412_999_001, 412_999_002)]


@pytest.mark.slow
def test_false_alarms_on_a_real_us_day(us_day_positions: pl.DataFrame) -> None:
    positions = us_day_positions
    places = default_places() + Places(ports=anchorages_from_positions(positions))
    # The file spans 24 minutes of the day: no pair can stay together for 2 hours.
    assert detect_encounters(positions, places) == []
    # A 20-minute stress run shows what port data is worth: without US ports, vessels
    # moored side by side in harbours pass for meetings at sea.
    short = EncounterParams(min_duration=timedelta(minutes=20))
    assert len(detect_encounters(positions, default_places(), short)) == 14
    assert len(detect_encounters(positions, places, short)) == 1
