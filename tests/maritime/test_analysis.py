"""The whole analysis: every detector, the list matches, the lookup of one vessel."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from fullcourt.maritime.analysis import (
    EVENT_TYPES,
    Analysis,
    analyse,
    behaviour_events,
    find_vessel,
    kinds_for,
)
from fullcourt.maritime.anomalies import identity_anomalies
from fullcourt.maritime.ingest import read_ais
from fullcourt.maritime.listed import ListedShip, load_listed, match_vessels
from fullcourt.maritime.places import default_places
from fullcourt.maritime.risk import IDENTITY_KINDS
from fullcourt.store import Store

from .ship_scenarios import NAMPO_CALLER, PARTNER, RENAMED, SPOOFED, traffic


@pytest.fixture(scope="module")
def ships(default_store: Path) -> list[ListedShip]:
    with Store(default_store, read_only=True) as store:
        return load_listed(store)


@pytest.fixture(scope="module")
def inputs() -> tuple[pl.DataFrame, pl.DataFrame]:
    return traffic()


@pytest.fixture(scope="module")
def analysis(inputs: tuple[pl.DataFrame, pl.DataFrame], ships: list[ListedShip]) -> Analysis:
    return analyse(*inputs, ships)


def test_every_detector_runs(
    analysis: Analysis, inputs: tuple[pl.DataFrame, pl.DataFrame], ships: list[ListedShip]
) -> None:
    positions, statics = inputs
    behaviour = behaviour_events(positions, default_places())
    identity = identity_anomalies(positions, statics, listed=match_vessels(ships))
    assert list(analysis.events) == [*behaviour, *identity]
    kinds = {e.kind for e in analysis.events}
    assert {"port_visit", "encounter", "ais_gap", "loitering", "dprk_waters_entry"} <= kinds
    assert {"mmsi_shared", "listed_imo_new_identity"} <= kinds
    assert {m for r in analysis.risks for m in r.mmsis} == {
        NAMPO_CALLER,
        RENAMED,
        PARTNER,
        SPOOFED,
    }


def test_the_renamed_and_reflagged_listed_ship_is_found_by_imo(analysis: Analysis) -> None:
    (match,) = [m for m in analysis.matches if m.mmsi == RENAMED]
    assert (match.method, match.confidence) == ("imo", 0.95)
    (event,) = [e for e in analysis.events if e.kind == "listed_imo_new_identity"]
    assert event.evidence["new_names"] == ["GLORY STAR"]
    assert event.evidence["new_flags"] == ["sl"]  # MID 667 is Sierra Leone; the list says kp
    assert analysis.context.listed_mmsis == {RENAMED: match.listed_id}


@pytest.mark.parametrize(
    "key",
    ["IMO 8660313", "8660313", "chon ma san", "Go Mal San 4", "GLORY STAR", "667001234",
     "MMSI 667001234"],
)  # fmt: skip
def test_find_a_vessel_by_any_of_its_names_and_numbers(analysis: Analysis, key: str) -> None:
    view = find_vessel(analysis, key)
    assert view.mmsis == (RENAMED,)
    assert [s.name for s in view.ships] == ["CHON MA SAN"]
    assert [r.key for r in view.risks] == ["imo:8660313"]
    assert set(view.history["field"]) == {"name", "callsign", "imo", "ship_type", "flag", "mmsi"}
    assert any(e.kind == "encounter" and e.other_mmsi == RENAMED for e in view.events)
    body = view.as_dict()
    json.dumps(body, allow_nan=False)
    assert body["listed"][0]["imos"] == ["8660313"]
    assert body["listed"][0]["links"][0]["name"] == "KOREA ACHIM SHIPPING CO"


def test_a_listed_ship_not_heard_and_an_unknown_key(analysis: Analysis) -> None:
    petrel = find_vessel(analysis, "PETREL 8")  # listed with MMSI 620233000, not in the traffic
    assert petrel.mmsis == () and [s.imo for s in petrel.ships] == ["9562233"]
    assert find_vessel(analysis, "620233000").ships == petrel.ships
    nobody = find_vessel(analysis, "NO SUCH SHIP")
    assert (nobody.mmsis, nobody.ships, nobody.events) == ((), (), ())
    hua_xin = find_vessel(analysis, "hua xin 7")
    assert hua_xin.mmsis == (NAMPO_CALLER,) and hua_xin.ships == ()


def test_event_types() -> None:
    assert kinds_for(["gap,encounter"]) == {"ais_gap", "encounter"}
    assert kinds_for(["identity"]) == set(IDENTITY_KINDS)
    assert kinds_for(["ais_gap", "zone_entry"]) == {"ais_gap", "dprk_waters_entry"}
    assert kinds_for([]) == set()
    with pytest.raises(ValueError, match="unknown event type 'gaps'"):
        kinds_for(["gaps"])
    assert set(EVENT_TYPES) == {
        "encounter",
        "gap",
        "loitering",
        "port_visit",
        "zone_entry",
        "identity",
    }


def test_event_rows_explain_themselves(analysis: Analysis) -> None:
    (call,) = [
        e
        for e in analysis.events
        if e.kind == "port_visit" and e.evidence["port"].startswith("Nampo")
    ]
    row = analysis.event_dict(call)
    assert (row["rank"], row["severity"], row["mmsi"]) == (1, "dprk_port_call", NAMPO_CALLER)
    assert row["text"].startswith("Call at a North Korean port: Nampo")
    json.dumps(row, allow_nan=False)


def test_raw_nmea_without_times_gives_identity_events_only(shared: Path) -> None:
    """pyais's sample has no tag blocks: positions but no times, so no behaviour."""
    positions, statics, _ = read_ais([shared / "ais/pyais/nmea_data_sample.txt"])
    assert positions.height > 0 and positions["timestamp"].null_count() == positions.height
    result = analyse(positions, statics)
    assert behaviour_events(positions, default_places()) == []
    assert {e.kind for e in result.events} <= set(IDENTITY_KINDS)
    assert [r.key for r in result.risks] == [f"mmsi:{e.mmsi}" for e in result.events]


def test_no_statics_no_lists(inputs: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    result = analyse(inputs[0])
    assert result.matches == () and result.context.listed_mmsis == {}
    assert any(e.kind == "encounter" for e in result.events)
