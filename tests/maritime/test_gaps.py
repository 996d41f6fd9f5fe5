"""AIS gap scenarios on seeded synthetic tracks, and the false-alarm rate on a real US day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl
import pytest

from fullcourt.maritime.events import Event
from fullcourt.maritime.gaps import GapParams, detect_gaps
from fullcourt.maritime.places import Places, anchorages_from_positions, default_places
from fullcourt.maritime.synth import Hold, Reception, Sail, Ship, lane, leg_ends, port, simulate

T0 = datetime(2024, 3, 1, tzinfo=UTC)
OFFSHORE = (38.3, 123.0)  # Yellow Sea, 64 nm from Weihai, the nearest shipped port


def tanker(dark_hours: float, *, at: tuple[float, float] = OFFSHORE) -> Ship:
    """Leaves Longkou, waits 30 h drifting at `at` with AIS off for `dark_hours`, returns."""
    out = (*lane("longkou-nampo")[1:5], at)
    legs = (
        Hold(timedelta(hours=2), status=5),
        Sail(out, 11.0),
        Hold(timedelta(hours=30), drift_kn=0.3, course=90.0, status=0),
        Sail((*out[::-1][1:], port("Longkou")), 11.0),
    )
    ship = Ship(412_000_777, T0, port("Longkou"), legs)
    waiting = leg_ends(ship)[1]
    dark = (waiting + timedelta(hours=2), waiting + timedelta(hours=2 + dark_hours))
    return Ship(ship.mmsi, T0, ship.origin, legs, dark=(dark,) if dark_hours else ())


def only(events: list[Event]) -> Event:
    assert len(events) == 1, events
    return events[0]


def test_tanker_dark_for_20_hours_offshore_is_high_tier() -> None:
    track = simulate([tanker(20)], seed=21)
    gap = only(detect_gaps(track))
    assert (gap.kind, gap.tier, gap.evidence["rule"]) == ("ais_gap", "high", "published_12h_50nm")
    assert 0.8 <= gap.confidence < 0.9
    assert gap.evidence["duration_h"] == pytest.approx(20.0, abs=0.2)
    assert gap.evidence["start_place"]["nearest_port"] == "Weihai"
    assert gap.evidence["start_place"]["shore_nm"] > 50
    # the event spans exactly the silence between two real reports
    before = track.filter(pl.col("timestamp") <= gap.start).row(-1, named=True)
    after = track.filter(pl.col("timestamp") > gap.start).row(0, named=True)
    assert (before["timestamp"], after["timestamp"]) == (gap.start, gap.end)
    assert (gap.lat, gap.lon) == (before["lat"], before["lon"])


def test_short_gap_in_a_coverage_hole_raises_nothing() -> None:
    ship = tanker(0)
    hole_start = T0 + leg_ends(ship)[1] + timedelta(hours=5)
    hole = Reception(holes=((hole_start, hole_start + timedelta(hours=4)),))
    track = simulate([ship], seed=22, reception=hole)
    assert track["timestamp"].diff().max() > timedelta(hours=3.9)  # the hole is in the data
    assert detect_gaps(track) == []


def test_gap_in_north_korean_waters_is_the_theatre_tier() -> None:
    # West Korea Bay approaches to Nampo: 12 nm zone, hotspot, 27 nm from Nampo
    gap = only(detect_gaps(simulate([tanker(14, at=(38.6, 124.9))], seed=23)))
    assert (gap.tier, gap.evidence["rule"]) == ("medium", "dprk_theatre")
    assert 0.5 <= gap.confidence < 0.8
    assert "territorial_sea_12nm" in gap.evidence["start_place"]["zones"]


def test_gap_in_a_chinese_transfer_hotspot_is_the_theatre_tier() -> None:
    # the Lianyungang anchorage hotspot lies 7 nm from the port: too close for the rule
    ship = Ship(1, T0, (34.75, 119.6), (Hold(timedelta(hours=30)),),
                dark=((timedelta(hours=3), timedelta(hours=16)),))  # fmt: skip
    gap = only(detect_gaps(simulate([ship], seed=24)))
    assert gap.evidence["rule"] == "dprk_theatre"
    assert gap.evidence["start_place"]["hotspots"] == ["lianyungang_anchorage"]


def test_ordinary_gaps_are_recorded_low() -> None:
    near_qingdao = Ship(2, T0, (35.9, 120.5), (Hold(timedelta(hours=30)),),
                        dark=((timedelta(hours=3), timedelta(hours=16)),))  # fmt: skip
    short_offshore = tanker(8)
    events = detect_gaps(simulate([near_qingdao, short_offshore], seed=25))
    assert [(e.mmsi, e.tier, e.evidence["rule"]) for e in events] == [
        (2, "low", "recorded"),
        (412_000_777, "low", "recorded"),  # offshore, but under 12 hours
    ]
    assert all(e.confidence < 0.5 for e in events)


def test_two_transmitters_on_one_mmsi_are_not_a_silence() -> None:
    # same MMSI heard off Dalian, then 7 h later off Busan: 300+ nm, over 40 kn
    a = Ship(3, T0, port("Dalian"), (Hold(timedelta(hours=1)),))
    b = Ship(3, T0 + timedelta(hours=8), port("Busan"), (Hold(timedelta(hours=1)),))
    gap = only(detect_gaps(simulate([a, b], seed=26)))
    assert (gap.tier, gap.evidence["rule"]) == ("low", "implausible_jump")
    assert gap.evidence["implied_speed_kn"] > 30


def test_without_places_no_gap_can_claim_the_offshore_rule() -> None:
    gap = only(detect_gaps(simulate([tanker(20)], seed=21), Places()))
    assert gap.evidence["rule"] == "recorded"


def test_thresholds_are_parameters() -> None:
    track = simulate([tanker(8)], seed=27)
    assert detect_gaps(track, params=GapParams(min_gap=timedelta(hours=9))) == []
    strict = GapParams(intentional_gap=timedelta(hours=6))
    assert only(detect_gaps(track, params=strict)).tier == "high"


@pytest.mark.slow
def test_false_alarms_on_a_real_us_day(us_day_positions: pl.DataFrame) -> None:
    positions = us_day_positions
    vessels = positions["mmsi"].n_unique()
    # Gaps here come from 352 rows stamped 14:xx and 23:xx among rows of 00:00-00:24:
    # vessels heard at midnight, then again late in the day. Counted straight from the file:
    silences = positions.sort("mmsi", "timestamp").select(
        (pl.col("timestamp").diff().over("mmsi") >= timedelta(hours=6)).sum()
    )
    assert silences.item() == 327
    theatre_only = detect_gaps(positions)
    assert len(theatre_only) == 327
    # with no US port in the theatre places, nearly every silence looks 50 nm offshore
    assert sum(e.tier == "high" for e in theatre_only) == 323
    places = default_places() + Places(ports=anchorages_from_positions(positions))
    events = detect_gaps(positions, places)
    tiers = {t: sum(e.tier == t for e in events) for t in ("high", "medium", "low")}
    assert tiers == {"high": 19, "medium": 0, "low": 308}
    assert round(1000 * tiers["high"] / vessels, 2) == 1.79  # high-tier per 1,000 vessels
