"""The severity table and the risk summary on the seeded scenario fleet (``ship_scenarios``)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from fullcourt.maritime.analysis import Analysis, analyse
from fullcourt.maritime.events import Event
from fullcourt.maritime.identity import VesselMatch
from fullcourt.maritime.listed import ListedShip, load_listed
from fullcourt.maritime.risk import (
    BY_CODE,
    RULES,
    SEVERITIES,
    Context,
    VesselRisk,
    classify,
    strong_matches,
    subject_of,
    summarise,
)
from fullcourt.store import Store

from .ship_scenarios import NAMPO_CALLER, PARTNER, RENAMED, SPOOFED, T0, traffic


@pytest.fixture(scope="module")
def ships(default_store: Path) -> list[ListedShip]:
    with Store(default_store, read_only=True) as store:
        return load_listed(store)


@pytest.fixture(scope="module")
def analysis(ships: list[ListedShip]) -> Analysis:
    positions, statics = traffic()
    return analyse(positions, statics, ships)


def risk(analysis: Analysis, key: str) -> VesselRisk:
    (found,) = [r for r in analysis.risks if r.key == key]
    return found


def codes(summary: VesselRisk) -> list[str]:
    return [line.severity.code for line in summary.lines]


def test_the_table_orders_the_findings_the_brief_names_first() -> None:
    assert [s.rank for s in SEVERITIES] == list(range(1, len(SEVERITIES) + 1))
    assert [s.code for s in SEVERITIES[:5]] == [
        "dprk_port_call",
        "listed_meeting",
        "dprk_waters",
        "dark_near_transfer",
        "identity_high",
    ]
    assert {code for code, _ in RULES} | {"other"} == set(BY_CODE)


def test_the_nampo_call_comes_first(analysis: Analysis) -> None:
    first = analysis.risks[0]
    assert (first.key, first.names) == (f"mmsi:{NAMPO_CALLER}", ("HUA XIN 7",))
    top = first.lines[0]
    assert (top.severity.code, top.event.kind, top.event.tier) == (
        "dprk_port_call",
        "port_visit",
        "high",
    )
    assert top.text.startswith("Call at a North Korean port: Nampo (Namp'o) (KP) 2024-03-01")
    assert "entry, stop and exit seen (level 4) [high, 0.95]" in top.text
    # the entries into the 12 and 24 nm zones follow; Dalian calls are context at the end
    assert codes(first)[1:3] == ["dprk_waters", "dprk_waters"]
    assert codes(first)[-2:] == ["port_call", "port_call"]


def test_a_meeting_with_a_listed_ship_ranks_above_a_plain_gap(analysis: Analysis) -> None:
    partner = risk(analysis, f"mmsi:{PARTNER}")
    assert codes(partner)[0] == "listed_meeting"
    assert codes(partner).index("listed_meeting") < codes(partner).index("gap")
    meeting = partner.lines[0]
    assert meeting.event.kind == "encounter" and meeting.mmsi == PARTNER
    assert f"MMSI {RENAMED} (GLORY STAR, listed as CHON MA SAN IMO 8660313)" in meeting.text
    assert "west_korea_bay_chodo" in meeting.text
    (gap,) = [line for line in partner.lines if line.severity.code == "gap"]
    assert gap.event.evidence["rule"] == "recorded"  # 43 nm from Weihai: under the 50 nm rule
    assert gap.event.evidence["duration_h"] == pytest.approx(14.0, abs=0.3)


def test_the_renamed_listed_ship_is_summarised_under_its_imo(analysis: Analysis) -> None:
    ship = risk(analysis, "imo:8660313")
    assert ship.mmsis == (RENAMED,) and ship.names == ("GLORY STAR",)
    assert [s.name for s in ship.ships] == ["CHON MA SAN"]
    status = ship.status_lines()
    assert status[0].startswith(f"MMSI {RENAMED:09d} is a match (imo, 0.95)")
    assert status[1].startswith(
        "CHON MA SAN (IMO 8660313): listed on eu_journal_sanctions [EU-PRK]"
    )
    assert status[2] == (
        "Linked to: KOREA ACHIM SHIPPING CO "
        "(listed on gb_fcdo_sanctions, un_sc_sanctions, us_ofac_sdn)"
    )
    assert codes(ship)[0] == "listed_meeting"
    (new_identity,) = [line for line in ship.lines if line.event.kind == "listed_imo_new_identity"]
    assert new_identity.severity.code == "identity_high"
    assert "listed IMO 8660313 heard under GLORY STAR, sl" in new_identity.text
    # summaries with a rank-2 finding: the listed ship before its unlisted partner
    keys = [r.key for r in analysis.risks]
    assert keys.index("imo:8660313") < keys.index(f"mmsi:{PARTNER}")


def test_one_mmsi_on_two_hulls_is_a_high_identity_finding(analysis: Analysis) -> None:
    spoofed = risk(analysis, f"mmsi:{SPOOFED}")
    top = spoofed.lines[0]
    assert (top.severity.code, top.event.kind, top.event.confidence) == (
        "identity_high",
        "mmsi_shared",
        0.9,
    )
    assert "two transmitters on one MMSI" in top.text


def gap(rule: str, **start_place: object) -> Event:
    evidence = {"rule": rule, "start_place": start_place, "end_place": {}}
    return Event("ais_gap", 1, T0, T0 + timedelta(hours=14), 0.6, "medium", evidence=evidence)


CONTEXT = Context({7: "ship-a"}, {}, {}, frozenset({"territorial_sea_12nm"}))


@pytest.mark.parametrize(
    ("event", "code"),
    [
        # a silence starting in a reported transfer area
        (gap("dprk_theatre", hotspots=["lianyungang_anchorage"], zones=[]), "dark_near_transfer"),
        # ... or inside 12 nm of North Korea
        (gap("dprk_theatre", hotspots=[], zones=["territorial_sea_12nm"]), "dark_near_transfer"),
        # only the 200 nm zone: a theatre silence, not "near"
        (gap("dprk_theatre", hotspots=[], zones=["approx_eez_200nm_median"]), "dark_offshore"),
        # two transmitters, not a silence, even in a hotspot
        (gap("implausible_jump", hotspots=["caofeidian"], zones=[]), "gap"),
        (Event("dprk_waters_entry", 1, T0, T0, 0.9, "medium", evidence={"distance_nm": 50.0}),
         "dprk_approach"),
        (Event("imo_invalid", 1, T0, T0, 0.6, "medium"), "identity"),
        (Event("mid_dprk", 1, T0, T0, 0.95, "high"), "identity_high"),
        # the listed partner (MMSI 7) may be either side of the encounter
        (Event("encounter", 1, T0, T0, 0.9, "high", other_mmsi=7), "listed_meeting"),
        (Event("encounter", 7, T0, T0, 0.9, "high", other_mmsi=9), "listed_meeting"),
        (Event("encounter", 1, T0, T0, 0.9, "high", other_mmsi=9), "encounter"),
        (Event("port_visit", 1, T0, T0, 0.35, "low", evidence={"country": "KP"}), "dprk_port_call"),
        (Event("something_new", 1, None, None, 0.1, "low"), "other"),
    ],
)  # fmt: skip
def test_classify(event: Event, code: str) -> None:
    assert classify(event, 1, CONTEXT).code == code


def test_strongest_match_decides_whose_mmsi_it_is() -> None:
    matches = [
        VesselMatch("ship-b", 5, "name", 0.2),  # too weak to claim the MMSI
        VesselMatch("ship-a", 5, "mmsi", 0.8),
        VesselMatch("ship-c", 5, "imo", 0.95),
        VesselMatch("ship-a", 6, "previous_name+callsign", 0.75),
    ]
    assert strong_matches(matches) == {5: "ship-c", 6: "ship-a"}
    ships = {
        "ship-a": ListedShip("ship-a", ("A",), imos=("9020015",)),
        "ship-c": ListedShip("ship-c", ("C",)),  # listed without an IMO
    }
    context = Context(strong_matches(matches), ships, {})
    assert (subject_of(6, context), subject_of(5, context), subject_of(4, context)) == (
        "imo:9020015",
        "listed:ship-c",  # no IMO to key on
        "mmsi:4",
    )
    # a match without events still yields a summary, with the weak match shown as possible
    (summary, other) = summarise([], matches, context)
    assert (summary.key, summary.lines, other.key) == ("imo:9020015", (), "listed:ship-c")
    assert summary.status_lines()[0] == (
        "MMSI 000000006 is a match (previous_name+callsign, 0.75) for listed vessel ship-a"
    )
    assert any("possible match (name, 0.20)" in line for line in other.status_lines())
