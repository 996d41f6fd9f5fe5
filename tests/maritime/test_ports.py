"""Port visit scenarios (levels 4 to 1), radii, and the rate on a real US day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl
import pytest

from fullcourt.maritime.events import Event, events_frame
from fullcourt.maritime.places import Places, anchorages_from_positions, default_places
from fullcourt.maritime.ports import PortVisitParams, detect_port_visits
from fullcourt.maritime.synth import Hold, Sail, Ship, lane, leg_ends, offset, port, simulate

T0 = datetime(2024, 3, 1, tzinfo=UTC)
ROUTE = lane("dalian-nampo")


def nampo_call(**dark: tuple[timedelta, timedelta]) -> Ship:
    """Dalian, 3 h moored; sail to Nampo; 20 h moored; sail back to Dalian."""
    legs = (
        Hold(timedelta(hours=3), status=5),
        Sail(ROUTE[1:], 10.0),
        Hold(timedelta(hours=20), status=5),
        Sail(ROUTE[::-1][1:], 10.0),
    )
    return Ship(412_000_020, T0, port("Dalian"), legs, dark=tuple(dark.values()))


def summary(events: list[Event]) -> list[tuple[str, int, str]]:
    return [(e.evidence["port"], e.evidence["level"], e.tier) for e in events]


def test_full_call_at_nampo_is_level_4() -> None:
    events = detect_port_visits(simulate([nampo_call()], seed=51))
    assert summary(events) == [
        ("Dalian", 2, "medium"),  # the track starts in port
        ("Nampo (Namp'o)", 4, "high"),  # entry, stop and exit seen
        ("Dalian", 2, "medium"),  # the track ends in port
    ]
    nampo = events[1]
    assert nampo.evidence["stopped_h"] == pytest.approx(20.0, abs=0.2)
    assert (nampo.lat, nampo.lon) == port("Nampo")
    assert nampo.evidence["locode"] == "KPNAM" and nampo.evidence["country"] == "KP"
    assert nampo.evidence["in_port_gaps"] == 0
    table = events_frame(events)  # evidence serialises for storage
    assert table.height == 3 and '"level": 4' in table["evidence"][1]


def test_nampo_call_with_ais_off_except_inside_is_level_1() -> None:
    ends = leg_ends(nampo_call())
    # silent from 1 h out of Dalian until moored in Nampo; silent again from 10 min before
    # casting off until half-way home
    arrive = ends[1] + timedelta(minutes=5)
    leave = ends[2] - timedelta(minutes=10)
    home = ends[2] + (ends[3] - ends[2]) / 2
    ship = nampo_call(a=(ends[0] + timedelta(hours=1), arrive), b=(leave, home))
    events = detect_port_visits(simulate([ship], seed=52))
    (nampo,) = [e for e in events if e.evidence["port"].startswith("Nampo")]
    assert (nampo.evidence["level"], nampo.tier, nampo.confidence) == (1, "low", 0.35)
    assert not nampo.evidence["entry_seen"] and not nampo.evidence["exit_seen"]
    assert nampo.evidence["silence_before_h"] > 10 and nampo.evidence["silence_after_h"] > 3
    assert nampo.evidence["reports_inside"] > 200


def test_passing_through_without_stopping_is_level_3() -> None:
    zhoushan = port("Zhoushan")
    legs = (Sail((offset(zhoushan, 1000.0, 0.0), offset(zhoushan, 0.0, 20_000.0)), 8.0),)
    ship = Ship(1, T0, offset(zhoushan, 0.0, -20_000.0), legs)
    (visit,) = detect_port_visits(simulate([ship], seed=53))
    assert summary([visit]) == [("Zhoushan", 3, "high")]
    assert visit.evidence["entry_seen"] and visit.evidence["exit_seen"]


@pytest.mark.parametrize(("name", "visits"), [("Dandong", 1), ("Dalian", 0)])
def test_river_ports_have_wider_radii(name: str, visits: int) -> None:
    # anchored 6 km from the port point: inside Dandong's 8 km, outside Dalian's 3 km
    ship = Ship(2, T0, offset(port(name), -6000.0, 0.0), (Hold(timedelta(hours=6)),))
    assert len(detect_port_visits(simulate([ship], seed=54))) == visits


def test_hysteresis_keeps_one_visit_at_the_edge() -> None:
    dalian = port("Dalian")
    legs = (
        Sail((offset(dalian, 0.0, -2000.0),), 6.0),  # in, to 2 km
        Sail((offset(dalian, 0.0, -3500.0),), 2.0),  # back out to 3.5 km: still in
        Hold(timedelta(hours=5)),
        Sail((offset(dalian, 0.0, -12_000.0),), 8.0),
    )
    ship = Ship(3, T0, offset(dalian, 0.0, -12_000.0), legs)
    (visit,) = detect_port_visits(simulate([ship], seed=55))
    assert visit.evidence["level"] == 4


def test_silence_next_to_a_port_is_a_hidden_visit() -> None:
    nampo = port("Nampo")
    legs = (
        Sail((offset(nampo, 0.0, -15_000.0),), 8.0),
        Sail((nampo,), 8.0),
        Hold(timedelta(hours=24), status=5),
        Sail((offset(nampo, -12_000.0, -5000.0), offset(nampo, -40_000.0, -30_000.0)), 8.0),
    )
    ship = Ship(4, T0, offset(nampo, 0.0, -40_000.0), legs)
    ends = leg_ends(ship)
    dark = (ends[0] + timedelta(minutes=5), ends[2] + timedelta(hours=1))
    events = detect_port_visits(simulate([Ship(4, T0, ship.origin, legs, dark=(dark,))], seed=56))
    (hidden,) = events
    assert hidden.evidence["gap_only"] and hidden.evidence["reports_inside"] == 0
    assert (hidden.evidence["level"], hidden.tier) == (1, "low")
    assert hidden.evidence["silence_h"] > 24
    off = PortVisitParams(gap_only_km=5.0)
    assert (
        detect_port_visits(
            simulate([Ship(4, T0, ship.origin, legs, dark=(dark,))], seed=56), params=off
        )
        == []
    )


def test_no_ports_no_visits() -> None:
    assert detect_port_visits(simulate([nampo_call()], seed=57), Places()) == []


@pytest.mark.slow
def test_visits_on_a_real_us_day(us_day_positions: pl.DataFrame) -> None:
    positions = us_day_positions
    assert detect_port_visits(positions) == []  # no shipped port is in US waters
    places = default_places() + Places(ports=anchorages_from_positions(positions))
    events = detect_port_visits(positions, places)
    levels = {n: sum(e.evidence["level"] == n for e in events) for n in (4, 3, 2, 1)}
    # 24 minutes of data: nearly every visit is cut by the window (level 2); the level-1
    # visits are mostly (58) silences from 00:xx to 23:xx next to the same anchorage
    assert levels == {4: 0, 3: 60, 2: 6302, 1: 61}
    assert sum(bool(e.evidence.get("gap_only")) for e in events) == 58
