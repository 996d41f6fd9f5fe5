"""Listed vessels whose AIS contradicts the list, with real AIS and list rows.

The listed entries are built the way the lead builds them from the store, using real
identifiers: IMOs from OFAC's DPRK vessel list and from MarineCadastre broadcasts.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from fullcourt.maritime.identity import ListedVessel, identity_history, match_listed
from fullcourt.maritime.ingest import read_ais
from fullcourt.maritime.list_checks import flag_mismatch, listed_imo_new_identity

MARINECADASTRE = "ais/marinecadastre/AIS_2022_01_03_first99999.csv.gz"


@pytest.fixture(scope="module")
def history(shared: Path) -> pl.DataFrame:
    positions, statics, _ = read_ais([shared / MARINECADASTRE])
    return identity_history(statics, positions)


def test_listed_imo_under_a_new_name_and_flag(history: pl.DataFrame) -> None:
    # IMO 9307839 is not in this file; 8207721 is broadcast by 367379190 as EAGLE (US MID)
    listed = [ListedVessel("ofac-x", names=("SEA EAGLE",), imo="8207721", flag="pa")]
    matches = match_listed(history, listed)
    (event,) = listed_imo_new_identity(history, matches, listed)
    assert event.mmsi == 367379190
    assert event.evidence["new_names"] == ["EAGLE"]
    assert event.evidence["new_flags"] == ["us"]
    assert event.confidence == 0.85


def test_known_former_name_is_no_alarm(history: pl.DataFrame) -> None:
    listed = [
        ListedVessel(
            "ofac-y", names=("SEA EAGLE",), previous_names=("Eagle",), imo="8207721", flag="us"
        )
    ]
    assert listed_imo_new_identity(history, match_listed(history, listed), listed) == []


def test_flag_mismatch_declared_and_listed(history: pl.DataFrame) -> None:
    # 636021061 is not here; 215031000 SERENE AMELIA has MID 215 (Malta)
    events = flag_mismatch(history, declared={215031000: "LR", 367379190: "us"})
    assert [(e.mmsi, e.evidence["mid_flag"], e.evidence["flag"]) for e in events] == [
        (215031000, "mt", "lr")
    ]
    listed = [ListedVessel("z", names=("GRAN FINALE",), call_sign="J8Y2969", flag="pa")]
    matches = match_listed(history, listed)
    events = flag_mismatch(history, matches=matches, listed=listed)
    assert {e.mmsi for e in events} == {377039000, 377039001}
    assert {e.evidence["mid_flag"] for e in events} == {"vc"}
    assert all(e.evidence["match"] == "name+callsign" for e in events)
