"""Listed ships built from the bundled default store, and from hand-made FtM records for the
relations the default lists do not carry (Ownership, owner/operator properties, past flags)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fullcourt.maritime.identity import identity_history, match_listed
from fullcourt.maritime.listed import (
    ListedShip,
    build_listed,
    canonical_ids,
    load_listed,
    match_vessels,
    ships_by_id,
)
from fullcourt.maritime.synth import Identity, Ship, statics
from fullcourt.model import Record
from fullcourt.model.entity import make_entity
from fullcourt.store import Store

from .ship_scenarios import T0


@pytest.fixture(scope="module")
def ships(default_store: Path) -> list[ListedShip]:
    with Store(default_store, read_only=True) as store:
        return load_listed(store)


def by_imo(ships: list[ListedShip], imo: str) -> ListedShip:
    (ship,) = [s for s in ships if imo in s.imos]
    return ship


def test_vessel_records_of_all_lists_become_one_ship_per_imo(
    ships: list[ListedShip], default_store: Path
) -> None:
    with Store(default_store, read_only=True) as store:
        vessels = store.conn.execute(
            """SELECT count(*) FROM records JOIN current_versions USING (dataset, version)
               WHERE schema = 'Vessel'"""
        ).fetchone()
    # 105 OFAC + 75 EU + 37 UK vessel records; linked on IMO they are 116 ships
    assert vessels == (217,)
    assert len(ships) == 116
    assert sum(len(s.entity_ids) for s in ships) == 217
    assert len(ships_by_id(ships)) == 116


def test_chon_ma_san_across_the_lists(ships: list[ListedShip]) -> None:
    ship = by_imo(ships, "8660313")
    # OFAC 23729, UK DPR0105 (alias Go Mal San 4), EU annexes XIV.A/10 and XIV.B/18
    assert ship.entity_ids == (
        "eu-oj-32017r1509-xiv-a-10",
        "eu-oj-32017r1509-xiv-b-18",
        "gb-dpr0105",
        "ofac-23729",
    )
    assert ship.names == ("CHON MA SAN", "Go Mal San 4")  # "Chon Ma San" (UK) once
    assert ship.flags == ("kp",)  # only OFAC states a flag
    assert {(x.dataset, x.source_id, x.programs) for x in ship.listings} == {
        ("eu_journal_sanctions", "32017R1509/XIV.A/10", ("EU-PRK",)),
        ("eu_journal_sanctions", "32017R1509/XIV.B/18", ("EU-PRK",)),
        ("gb_fcdo_sanctions", "DPR0105", ("Democratic People's Republic of Korea",)),
        ("us_ofac_sdn", "23729", ("DPRK4",)),
    }
    (owner,) = ship.parties  # OFAC remarks: "Linked To: KOREA ACHIM SHIPPING CO."
    assert (owner.name, owner.role, owner.entity_id) == (
        "KOREA ACHIM SHIPPING CO",
        "linked",
        "ofac-23707",
    )
    # the company is listed by OFAC, the UN (KPe.061) and the UK (DPR0144)
    assert {x.source_id for x in owner.listings} == {"23707", "KPe.061", "DPR0144"}


def test_list_values_reach_the_matcher(ships: list[ListedShip]) -> None:
    star = by_imo(ships, "9020015")  # OFAC: STAR 18, f.k.a. SAM 5, f.k.a. THINH CUONG
    assert (star.name, set(star.previous_names), star.flags) == (
        "STAR 18",
        {"SAM 5", "THINH CUONG"},
        ("vn",),
    )
    petrel = by_imo(ships, "9562233")  # EU and UK give PETREL 8 an MMSI, OFAC does not list it
    (vessel,) = petrel.vessels()
    assert (vessel.imo, vessel.mmsi, vessel.names[0]) == ("9562233", "620233000", "PETREL 8")
    assert petrel.parties == () and petrel.flags == ()


def test_canonical_ids_come_from_the_store_links(default_store: Path) -> None:
    with Store(default_store, read_only=True) as store:
        canonical = canonical_ids(store)
    assert canonical["ofac-23729"] == canonical["gb-dpr0105"] == "fc-eu-oj-32017r1509-xiv-a-10"


def test_a_listed_ship_is_found_in_ais_by_its_imo(ships: list[ListedShip]) -> None:
    renamed = Ship(667_001_234, T0, (38.5, 124.5), (), identity=Identity("GLORY", "8660313", "X"))
    history = identity_history(statics([renamed]))
    (match,) = match_listed(history, match_vessels(ships))
    assert (match.listed_id, match.mmsi, match.method) == (by_imo(ships, "8660313").id,
                                                           667_001_234, "imo")  # fmt: skip


def records() -> Iterator[Record]:
    """A vessel with owner, operator and manager given three ways, two IMOs, a past flag."""
    vessel = make_entity("Vessel", "x-v1", "hand")
    for prop, value in [("name", "SEA STAR"), ("imoNumber", "9020015"), ("imoNumber", "8660313"),
                        ("flag", "pa"), ("pastFlags", "kp"), ("pastFlags", "pa"),
                        ("operator", "x-op"), ("callSign", "3FAB4")]:  # fmt: skip
        vessel.add(prop, value)
    yield Record(vessel, "V1")
    for eid, name, source_id in [("x-own", "OWNER LTD", "E1"), ("x-op", "RUNNER CO", None),
                                 ("x-man", "MANAGER SA", None)]:  # fmt: skip
        company = make_entity("Company", eid, "hand")
        company.add("name", name)
        yield Record(company, source_id)
    owns = make_entity("Ownership", "x-o1", "hand")
    owns.add("owner", "x-own")
    owns.add("asset", "x-v1")
    yield Record(owns)
    link = make_entity("UnknownLink", "x-l1", "hand")
    link.add("subject", "x-man")
    link.add("object", "x-v1")
    link.add("role", "ISM Manager")
    yield Record(link)
    sanction = make_entity("Sanction", "x-s1", "hand")
    sanction.add("entity", "x-own")
    sanction.add("program", "TEST")
    yield Record(sanction)


def test_owners_operators_and_managers_with_their_list_status() -> None:
    (ship,) = build_listed(records())
    roles = {(p.role, p.name, p.listed) for p in ship.parties}
    assert roles == {
        ("owner", "OWNER LTD", True),  # Ownership(owner, asset), and a Sanction names it
        ("operator", "RUNNER CO", False),  # the Vessel's own operator property, a stub
        ("manager", "MANAGER SA", False),  # UnknownLink role "ISM Manager", vessel as object
    }
    assert (ship.flags, ship.past_flags) == (("pa",), ("kp",))  # a past flag is not current
    first, second = ship.vessels()  # one matcher entry per IMO (in order), same ship id
    assert (first.imo, first.call_sign, second.imo, second.id) == (
        "8660313",
        "3FAB4",
        "9020015",
        "x-v1",
    )
    (listing,) = ship.listings  # an entry without a Sanction still counts as listed
    assert (listing.dataset, listing.source_id, listing.programs) == ("hand", "V1", ())


def test_no_vessels_no_ships() -> None:
    assert build_listed([]) == []
    company = make_entity("Company", "x-c", "hand")
    company.add("name", "NOT A SHIP")
    assert build_listed([Record(company, "C1")]) == []
