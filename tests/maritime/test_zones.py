"""Entries into the North Korean zones on seeded synthetic voyages, and none in US waters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest

from fullcourt.maritime.events import Event
from fullcourt.maritime.synth import Hold, Sail, Ship, lane, leg_ends, offset, port, simulate
from fullcourt.maritime.zones import ZoneParams, detect_zone_entries

T0 = datetime(2024, 3, 1, tzinfo=UTC)


def summary(events: list[Event]) -> list[tuple[str, str, bool]]:
    return [(e.evidence["zone"], e.tier, e.evidence["entry_seen"]) for e in events]


def test_voyage_to_nampo_enters_every_zone() -> None:
    legs = (Sail(lane("dalian-nampo")[1:], 10.0), Hold(timedelta(hours=10), status=5))
    events = detect_zone_entries(simulate([Ship(1, T0, port("Dalian"), legs)], seed=61))
    assert summary(events) == [
        ("near_dprk_50nm", "medium", True),  # the 50 and 200 nm lines coincide here
        ("approx_eez_200nm_median", "low", True),
        ("contiguous_zone_24nm", "high", True),
        ("territorial_sea_12nm", "high", True),
    ]
    territorial = events[-1]
    assert territorial.kind == "dprk_waters_entry" and territorial.confidence == 0.9
    assert territorial.evidence["distance_nm"] == 12
    # the approach up the estuary leaves the zones briefly (they are cut around land)
    assert territorial.evidence["brief_exits_merged"] >= 1
    assert not territorial.evidence["exit_seen"]  # the track ends in Nampo
    before = territorial.evidence["before"]
    assert (
        before is not None
        and before["timestamp"] < territorial.evidence["first_inside"]["timestamp"]
    )


def test_chinese_coastal_voyage_enters_nothing() -> None:
    legs = (Sail((port("Dalian"), (38.3, 121.7), port("Yantai")), 12.0),)
    assert detect_zone_entries(simulate([Ship(2, T0, port("Dalian"), legs)], seed=62)) == []


def test_crossing_with_ais_off_is_a_silent_entry() -> None:
    ship = Ship(3, T0, port("Dalian"), (Sail(lane("dalian-nampo")[1:], 10.0),))
    arrival = leg_ends(ship)[0]
    dark = (arrival - timedelta(hours=8), arrival - timedelta(hours=1))  # across every line
    events = detect_zone_entries(
        simulate([Ship(3, T0, ship.origin, ship.legs, dark=(dark,))], seed=63)
    )
    territorial = next(e for e in events if e.evidence["zone"] == "territorial_sea_12nm")
    assert territorial.evidence["entered_silent"] and not territorial.evidence["entry_seen"]
    assert (territorial.confidence, territorial.tier) == (0.7, "medium")


def test_track_starting_inside_is_presence() -> None:
    ship = Ship(4, T0, port("Nampo"), (Hold(timedelta(hours=6), status=5),))
    events = detect_zone_entries(simulate([ship], seed=64))
    assert {e.confidence for e in events} == {0.6}
    assert all(e.evidence["before"] is None for e in events)


def test_transit_to_busan_touches_only_the_200nm_zone() -> None:
    ship = Ship(5, T0, port("Vladivostok"), (Sail(lane("vladivostok-busan")[1:], 14.0),))
    events = detect_zone_entries(simulate([ship], seed=65))
    assert summary(events) == [("approx_eez_200nm_median", "low", True)]


def test_a_single_report_inside_is_doubtful() -> None:
    outside = Ship(6, T0, (38.0, 123.0), (Hold(timedelta(hours=3)),))
    glitch = Ship(6, T0 + timedelta(hours=1), (38.6, 124.9), (Hold(timedelta(minutes=1)),))
    track = simulate([outside, glitch], seed=66)
    events = detect_zone_entries(track, params=ZoneParams(zones=("territorial_sea_12nm",)))
    (event,) = events
    assert event.evidence["reports_inside"] == 1 and event.confidence == pytest.approx(0.54)


def test_zone_selection() -> None:
    legs = (Sail(lane("dalian-nampo")[1:], 10.0),)
    track = simulate([Ship(7, T0, port("Dalian"), legs)], seed=67)
    chosen = detect_zone_entries(track, params=ZoneParams(zones=("contiguous_zone_24nm",)))
    assert [e.evidence["zone"] for e in chosen] == ["contiguous_zone_24nm"]


def test_offset_helper_sanity() -> None:
    # the scenario points above rely on synth.offset; a 12 nm step is 22.2 km
    here = (38.6, 124.9)
    there = offset(here, 22_224.0, 0.0)
    assert there[0] - here[0] == pytest.approx(0.2, abs=1e-3)


@pytest.mark.slow
def test_no_entries_in_us_waters(shared: Path) -> None:
    raw = pl.read_csv(
        shared / "ais/marinecadastre/AIS_2022_01_03_first99999.csv.gz",
        columns=["MMSI", "BaseDateTime", "LAT", "LON"],
    )
    positions = raw.select(
        mmsi="MMSI",
        timestamp=pl.col("BaseDateTime").str.to_datetime(time_unit="us", time_zone="UTC"),
        lat="LAT",
        lon="LON",
    )
    assert detect_zone_entries(positions) == []
