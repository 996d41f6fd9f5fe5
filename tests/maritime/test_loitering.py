"""Loitering scenarios, their negative twins, and the false-alarm rate on a real US day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl
import pytest

from fullcourt.maritime.loitering import LoiterParams, detect_loitering
from fullcourt.maritime.places import Places, anchorages_from_positions, default_places
from fullcourt.maritime.synth import Hold, Sail, Ship, offset, port, simulate

T0 = datetime(2024, 3, 1, tzinfo=UTC)


def idler(mmsi: int, where: tuple[float, float], hours: float, drift_kn: float = 0.5) -> Ship:
    """Arrives at 10 kn from 10 km south, drifts north for `hours`, leaves north."""
    legs = (
        Sail((where,), 10.0),
        Hold(timedelta(hours=hours), drift_kn=drift_kn, course=0.0, status=0),
        Sail((offset(where, 20_000.0, 0.0),), 10.0),
    )
    return Ship(mmsi, T0, offset(where, -10_000.0, 0.0), legs)


def test_drifting_six_hours_in_the_east_china_sea_is_high_tier() -> None:
    # in the east_china_sea_off_shanghai hotspot, 160 nm from the nearest shipped port
    (event,) = detect_loitering(simulate([idler(1, (31.0, 125.0), 6)], seed=41))
    assert (event.kind, event.tier, event.evidence["rule"]) == (
        "loitering",
        "high",
        "published_20nm",
    )
    assert event.evidence["duration_h"] == pytest.approx(6.0, abs=0.2)
    assert event.evidence["mean_speed_kn"] == pytest.approx(0.5, abs=0.1)
    assert event.evidence["place"]["hotspots"] == ["east_china_sea_off_shanghai"]
    assert event.evidence["max_drift_m"] > 2000  # 3 nm drifted: idle, not anchored


@pytest.mark.parametrize(
    ("where", "hotspots"),
    [
        ((38.65, 125.1), ["nampo_port_approaches"]),  # 15 nm off Nampo, 12 nm zone
        ((41.6, 130.0), []),  # 13 nm off Chongjin, 12 nm zone, no reported transfers
    ],
)
def test_idling_in_the_dprk_approaches_is_the_theatre_tier(
    where: tuple[float, float], hotspots: list[str]
) -> None:
    (event,) = detect_loitering(simulate([idler(2, where, 5)], seed=42))
    assert (event.tier, event.evidence["rule"]) == ("medium", "dprk_theatre")
    assert event.confidence < 0.8
    assert event.evidence["place"]["hotspots"] == hotspots
    assert "territorial_sea_12nm" in event.evidence["place"]["zones"]


def test_twenty_four_nm_out_the_published_rule_applies() -> None:
    # 38.6N 124.9E, in the Cho-do hotspot but 24 nm from Nampo: far enough for the rule
    (event,) = detect_loitering(simulate([idler(2, (38.6, 124.9), 5)], seed=42))
    assert (event.tier, event.evidence["rule"]) == ("high", "published_20nm")


def test_anchored_in_port_raises_nothing() -> None:
    dalian, nampo = port("Dalian"), port("Nampo")
    ships = [
        Ship(3, T0, offset(dalian, 0.0, 1500.0), (Hold(timedelta(hours=12)),)),
        # in Nampo itself: a port visit, not loitering
        Ship(4, T0, offset(nampo, 0.0, -1000.0), (Hold(timedelta(hours=12), status=5),)),
    ]
    assert detect_loitering(simulate(ships, seed=43)) == []


def test_short_idle_offshore_raises_nothing() -> None:
    assert detect_loitering(simulate([idler(5, (31.0, 125.0), 3)], seed=44)) == []


def test_a_long_silence_splits_the_idle_stretch() -> None:
    ship = idler(6, (31.0, 125.0), 8)
    dark = Ship(
        ship.mmsi, T0, ship.origin, ship.legs, dark=((timedelta(hours=4), timedelta(hours=7)),)
    )
    track = simulate([dark], seed=45)
    assert detect_loitering(track) == []  # about 3 h idle either side of the silence
    relaxed = LoiterParams(max_gap=timedelta(hours=4))
    assert len(detect_loitering(track, params=relaxed)) == 1


@pytest.mark.slow
def test_false_alarms_on_a_real_us_day(us_day_positions: pl.DataFrame) -> None:
    positions = us_day_positions
    places = default_places() + Places(ports=anchorages_from_positions(positions))
    # 24 minutes of data, and idle stretches break at silences over 2 h: nothing can last 4 h
    assert detect_loitering(positions, places) == []
    # the same idle stretches at 20 minutes show the port data at work
    short = LoiterParams(min_duration=timedelta(minutes=20))
    theatre_only = detect_loitering(positions, default_places(), short)
    with_ports = detect_loitering(positions, places, short)
    # idle 20 min at least 20 nm from any port: without US ports, every stationary vessel
    assert (len(theatre_only), len(with_ports)) == (4147, 366)
