"""Identity anomalies on real tracks with known problems, and their false-alarm rate.

Known problems (gpsdio-segment's test tracks): 416000000 and 240000000 are placeholder
MMSIs shared by several ships; 240000000 carries two names; 600011817 has an unassigned
MID. The MarineCadastre sample (10,631 vessels in US waters, 2022-01-03) gives the
false-alarm rate: its identity problems were checked against the rows with grep.
"""

from __future__ import annotations

import collections
from datetime import timedelta
from pathlib import Path

import polars as pl
import pytest

from fullcourt.maritime.anomalies import (
    dprk_mid,
    identity_anomalies,
    identity_changes,
    imo_shared,
    invalid_imo,
    invalid_mmsi,
    real_imo,
)
from fullcourt.maritime.events import Event
from fullcourt.maritime.identity import identity_history, imo_history
from fullcourt.maritime.ingest import read_ais

TRACKS = "ais/gfw_gpsdio_segment"
MARINECADASTRE = "ais/marinecadastre/AIS_2022_01_03_first99999.csv.gz"


@pytest.fixture(scope="module")
def tracks(shared: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    folder = shared / TRACKS
    positions, statics, _ = read_ais(
        [*sorted(folder.glob("*.jsonl")), *sorted(folder.glob("point_pair/*.gz"))]
    )
    return positions, statics


@pytest.fixture(scope="module")
def us_day(shared: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    positions, statics, _ = read_ais([shared / MARINECADASTRE])
    return positions, statics


@pytest.fixture(scope="module")
def track_events(tracks: tuple[pl.DataFrame, pl.DataFrame]) -> list[Event]:
    return identity_anomalies(*tracks)


def _by(events: list[Event], kind: str) -> dict[int, Event]:
    return {e.mmsi: e for e in events if e.kind == kind}


def test_known_bad_mmsis(track_events: list[Event]) -> None:
    invalid = _by(track_events, "mmsi_invalid")
    assert set(invalid) == {416000000, 240000000, 600011817}
    assert invalid[416000000].evidence["reason"] == "placeholder"
    assert invalid[416000000].tier == "high"
    assert invalid[600011817].evidence == {"reason": "unassigned MID", "mid": "600"}


def test_two_names_on_240000000(track_events: list[Event]) -> None:
    changes = [e for e in track_events if e.kind == "identity_change"]
    assert {(e.mmsi, e.evidence["field"]) for e in changes} == {
        (240000000, "name"),
        (240000000, "callsign"),
    }
    names = next(e for e in changes if e.evidence["field"] == "name")
    assert names.evidence["values"] == ["IMPALA MAGDALENA", "WARSHIP M71"]
    assert names.evidence["returned"] is True  # A, B, A: two ships, not a renaming
    assert names.tier == "high"


def test_clean_tracks_raise_no_high_alarm(track_events: list[Event]) -> None:
    high = {e.mmsi for e in track_events if e.tier == "high"}
    assert high == {416000000, 240000000}
    # 338013000 (labelled clean) and 431704490 (latitude noise) at most a medium jump alert
    for mmsi in (338013000, 431704490):
        kinds = {e.kind for e in track_events if e.mmsi == mmsi}
        assert kinds == {"implied_speed"}


def test_invalid_imo_of_a_merchant_ship(us_day: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    history = identity_history(us_day[1], us_day[0])
    events = _by(invalid_imo(history), "imo_invalid")
    # SERENE AMELIA, type 70, broadcasts IMO956795800: 9567958 followed by two zeros
    serene = events[215031000]
    assert serene.evidence == {"imo": "956795800", "reports": 6, "valid_prefix": "9567958"}
    assert serene.tier == "medium"
    # GINNY LAB, type 0, IMO0000569: a small craft's junk IMO is low confidence
    assert events[303250000].tier == "low"


def test_invalid_mmsis_of_a_us_day(us_day: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    events = invalid_mmsi(identity_history(us_day[1], us_day[0]))
    reasons = collections.Counter(e.evidence["reason"] for e in events)
    placeholders = {e.mmsi for e in events if e.evidence["reason"] == "placeholder"}
    # grep -E '^(.)\1{8}$|^[0-9]{3}000000$' over the MMSI column
    assert placeholders == {210000000, 345000000, 360000000, 444444444, 999999999}
    # 349, 365, 386 (x2), 388, 499, 583 are assigned to no administration
    assert reasons["unassigned MID"] == 7
    # 12345678, 36926403, 122292919, 191283710, 1072211352 and the base stations 3669881,
    # 3669882, 3669884, 7751005, 9110192 (00-prefixed coast stations or malformed)
    assert reasons["not a ship MMSI"] == 10


def test_dprk_mid(shared: Path) -> None:
    positions, statics, _ = read_ais([shared / "ais/pyais/gatehouse.nmea"])
    events = dprk_mid(identity_history(statics, positions))
    assert [(e.mmsi, e.tier) for e in events] == [(445451000, "high")]


def test_identity_change_window(tracks: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    statics = tracks[1]
    assert len(identity_changes(statics, window=timedelta(hours=24))) == 2
    # consecutive static reports of the two ships are never a second apart
    assert identity_changes(statics, window=timedelta(seconds=1)) == []


def test_imo_shared(us_day: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    events = imo_shared(imo_history(us_day[1]))
    # grep IMO9022180: GRAN FINALE on 377039000 and 377039001 within the same hour
    pair = next(e for e in events if e.evidence["imo"] == "9022180")
    assert {pair.mmsi, pair.other_mmsi} == {377039000, 377039001}
    assert pair.evidence["concurrent"] is True
    assert all(real_imo(str(e.evidence["imo"])) for e in events)


@pytest.mark.parametrize(
    ("imo", "real"), [("9022180", True), ("0000001", False), ("956795800", False)]
)
def test_real_imo(imo: str, real: bool) -> None:
    assert real_imo(imo) is real


def test_false_alarm_rate_of_a_us_day(us_day: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    """The figures in docs/maritime.md: events per 1,000 vessels, by kind and tier."""
    positions, statics = us_day
    events = identity_anomalies(positions, statics)
    vessels = pl.concat([positions["mmsi"], statics["mmsi"]]).n_unique()
    assert vessels == 10_631
    counts = collections.Counter((e.kind, e.tier) for e in events)
    assert counts == {
        ("imo_invalid", "low"): 147,
        ("imo_invalid", "medium"): 6,
        ("imo_shared", "medium"): 5,
        ("implied_speed", "low"): 51,
        ("implied_speed", "medium"): 10,
        ("mmsi_invalid", "high"): 5,
        ("mmsi_invalid", "medium"): 17,
        ("mmsi_shared", "high"): 2,
    }
    high = sum(n for (_, tier), n in counts.items() if tier == "high")
    assert 1000 * high / vessels < 1.0
