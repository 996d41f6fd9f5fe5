"""Sentences for events: one per kind, from the detectors' own evidence."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from fullcourt.maritime.events import Event
from fullcourt.maritime.explain import describe, label_mmsi, when, where
from fullcourt.maritime.listed import ListedShip

T = datetime(2024, 3, 1, 10, 0, tzinfo=UTC)
SHIPS = {"x": ListedShip("x", ("CHON MA SAN",), imos=("8660313",))}
NAMES = {667001234: "GLORY STAR", 477000002: "OCEAN BLUE"}


def label(mmsi: int | None) -> str:
    return label_mmsi(mmsi, NAMES, {667001234: "x"}, SHIPS)


def test_labels() -> None:
    assert label(667001234) == "MMSI 667001234 (GLORY STAR, listed as CHON MA SAN IMO 8660313)"
    assert label(5) == "MMSI 000000005"
    assert label(None) == "an unknown vessel"


def test_times_and_places() -> None:
    assert when(T, T + timedelta(hours=2)) == "2024-03-01 10:00 to 12:00 UTC"
    assert when(T, T + timedelta(days=1)) == "2024-03-01 10:00 to 2024-03-02 10:00 UTC"
    assert when(None, T) == "at 2024-03-01 10:00 UTC"
    assert when(None, None) == "at an unknown time"
    assert where({"hotspots": ["caofeidian"], "zones": ["x"]}) == (
        "in the reported transfer area caofeidian"
    )
    assert where({"hotspots": [], "zones": ["territorial_sea_12nm"]}) == "in territorial_sea_12nm"
    assert where({"nearest_port": "Weihai", "port_distance_nm": 42.9}) == "42.9 nm from Weihai"
    assert where({"nearest_port": None}) == "far from any known port"
    assert where(None) == "at an unknown place"


def event(kind: str, other: int | None = None, **evidence: object) -> Event:
    return Event(kind, 477000002, T, T + timedelta(hours=3), 0.9, "high", evidence=evidence,
                 other_mmsi=other)  # fmt: skip


@pytest.mark.parametrize(
    ("item", "sentence"),
    [
        (event("port_visit", port="Nampo (Namp'o)", country="KP", level=4),
         "Nampo (Namp'o) (KP) 2024-03-01 10:00 to 13:00 UTC; entry, stop and exit seen (level 4)"),
        (event("port_visit", port="Nampo (Namp'o)", country="KP", level=1, gap_only=True,
               silence_h=24.0),
         "Nampo (Namp'o) (KP) 2024-03-01 10:00 to 13:00 UTC; no report inside, AIS silent "
         "24.0 h next to the port (level 1)"),
        (event("encounter", 667001234, duration_h=3.0, min_distance_m=140.0,
               place={"hotspots": ["west_korea_bay_chodo"]}),
         "with MMSI 667001234 (GLORY STAR, listed as CHON MA SAN IMO 8660313) for 3.0 h, "
         "140.0 m apart at closest, in the reported transfer area west_korea_bay_chodo, "
         "2024-03-01 10:00 to 13:00 UTC"),
        (event("dprk_waters_entry", zone="territorial_sea_12nm", entered_silent=True,
               reports_inside=30, duration_h=3.0),
         "territorial_sea_12nm 2024-03-01 10:00 to 13:00 UTC; entered with AIS silent, "
         "30 reports inside over 3.0 h"),
        (event("ais_gap", duration_h=3.0, distance_nm=12.5, rule="recorded",
               start_place={"nearest_port": "Weihai", "port_distance_nm": 42.9}),
         "silent 3.0 h starting 42.9 nm from Weihai, 2024-03-01 10:00 to 13:00 UTC, "
         "reappearing 12.5 nm away (recorded)"),
        (event("loitering", duration_h=3.0, mean_speed_kn=0.4, rule="published_20nm",
               place={"nearest_port": "Shanghai", "port_distance_nm": 25.0}),
         "3.0 h at 0.4 kn 25.0 nm from Shanghai, 2024-03-01 10:00 to 13:00 UTC (published_20nm)"),
        (event("imo_shared", 667001234, imo="8660313", concurrent=True),
         "IMO 8660313 also broadcast by MMSI 667001234 (GLORY STAR, listed as CHON MA SAN IMO "
         "8660313) at the same time, 2024-03-01 10:00 to 13:00 UTC"),
        (event("identity_change", field="name", changes=2, values=["A", "B", "A"]),
         "2 changes of name within a day: A, B, A, 2024-03-01 10:00 to 13:00 UTC"),
        (event("brand_new_kind"), "brand_new_kind, 2024-03-01 10:00 to 13:00 UTC"),
    ],
)  # fmt: skip
def test_sentences(item: Event, sentence: str) -> None:
    assert describe(item, 477000002, label) == sentence


def test_an_encounter_names_the_other_ship_from_either_side() -> None:
    meeting = event("encounter", 667001234, duration_h=3.0, min_distance_m=140.0, place={})
    assert "with MMSI 477000002 (OCEAN BLUE)" in describe(meeting, 667001234, label)
