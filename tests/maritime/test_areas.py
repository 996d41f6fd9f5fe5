"""Areas by name or box, placing unlocated events, and selecting events by type and area."""

from __future__ import annotations

from datetime import timedelta

import polars as pl
import pytest

from fullcourt.maritime.analysis import analyse
from fullcourt.maritime.areas import PORT_RADIUS_KM, locate, parse_area, select_events
from fullcourt.maritime.events import Event
from fullcourt.maritime.places import default_places
from fullcourt.maritime.synth import offset, port

from .ship_scenarios import PARTNER, RENAMED, SPOOFED, T0, WEST_KOREA_BAY, traffic

PLACES = default_places()


@pytest.mark.parametrize(
    ("text", "name", "inside", "outside"),
    [
        # corners in any order
        ("125,39,124,38", "box 124.0,38.0,125.0,39.0", (38.5, 124.5), (38.5, 125.5)),
        ("West_Korea_Bay_Chodo", "west_korea_bay_chodo", WEST_KOREA_BAY, (37.0, 124.0)),
        ("territorial_sea_12nm", "territorial_sea_12nm", (38.72, 125.2), (37.5, 123.0)),
        # a port: a circle of PORT_RADIUS_KM, name or its first word
        ("nampo", "Nampo (Namp'o)", offset(port("Nampo"), 15_000.0, 0.0),
         offset(port("Nampo"), PORT_RADIUS_KM * 1000 + 2000.0, 0.0)),
    ],
)  # fmt: skip
def test_areas(
    text: str, name: str, inside: tuple[float, float], outside: tuple[float, float]
) -> None:
    area = parse_area(text, PLACES)
    assert area.name == name
    assert area.contains([inside, outside]) == [True, False]
    assert area.contains([]) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("atlantis", "unknown area 'atlantis'"),
        ("200,10,210,20", "expected lon1,lat1,lon2,lat2"),
        ("1,2,3", "unknown area '1,2,3'"),
    ],
)
def test_bad_areas(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_area(text, PLACES)


@pytest.fixture(scope="module")
def positions() -> pl.DataFrame:
    return traffic()[0]


def test_unlocated_events_take_the_nearest_report(positions: pl.DataFrame) -> None:
    at = Event("imo_invalid", PARTNER, T0, T0 + timedelta(minutes=30), 0.6, "medium")
    ends = Event("imo_invalid", PARTNER, None, None, 0.6, "medium")
    located = Event("encounter", 1, T0, T0, 0.9, "high", lat=1.0, lon=2.0)
    first, last, own = locate([at, ends, located], positions)
    track = positions.filter(pl.col("mmsi") == PARTNER).sort("timestamp")
    near = track.with_columns(d=(pl.col("timestamp") - at.end).abs()).sort("d").row(0, named=True)
    assert first == (near["lat"], near["lon"])
    assert last == (track["lat"][-1], track["lon"][-1])  # no time: the last known position
    assert own == (1.0, 2.0)
    assert locate([Event("mid_dprk", 9, T0, T0, 0.95, "high")], positions) == [None]


def test_select_by_type_and_area(positions: pl.DataFrame) -> None:
    analysis = analyse(positions)
    events = analysis.events
    bay = parse_area("west_korea_bay_chodo", PLACES)
    (meeting,) = select_events(events, kinds={"encounter"}, area=bay, positions=positions)
    assert {meeting.mmsi, meeting.other_mmsi} == {RENAMED, PARTNER}
    # the shared MMSI is placed where its second hull starts: Qingdao (36.03N 120.27E)
    china_seas = parse_area("118,28,131,37", PLACES)
    shared = select_events(events, kinds={"mmsi_shared"}, area=china_seas, positions=positions)
    assert [e.mmsi for e in shared] == [SPOOFED]
    assert select_events(events, kinds={"mmsi_shared"}, area=bay, positions=positions) == []
    assert select_events(events, kinds={"encounter"}) == [meeting]
    assert select_events(events) == list(events)
