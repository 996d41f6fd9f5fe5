"""One seeded day and a half of synthetic traffic holding every case the risk summary ranks.

- ``NAMPO_CALLER`` (412000020, HUA XIN 7) sails Dalian -> Nampo, moors 20 h, sails back.
- ``RENAMED`` broadcasts the IMO of the listed CHON MA SAN (8660313) under a new name,
  GLORY STAR, and a Sierra Leone MMSI (MID 667): the list says North Korean flag.
- ``PARTNER`` (477000002, OCEAN BLUE) meets RENAMED 150 m apart at 1 kn for 3 h in West
  Korea Bay, then sails into the open Yellow Sea and goes dark 14 h (the plain gap).
- ``SPOOFED`` (412555000) is used by two hulls at once: one sailing Qingdao -> Busan,
  one anchored off Shanghai.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl

from fullcourt.maritime.synth import (
    Hold,
    Identity,
    LatLon,
    Sail,
    Ship,
    imo_number,
    lane,
    leg_ends,
    offset,
    port,
    simulate,
    statics,
)

T0 = datetime(2024, 3, 1, tzinfo=UTC)
WEST_KOREA_BAY: LatLon = (38.55, 124.80)  # in the west_korea_bay_chodo hotspot
OPEN_SEA: LatLon = (37.5, 123.0)  # Yellow Sea, over 50 nm from any shipped port
NAMPO_CALLER, RENAMED, PARTNER, SPOOFED = 412_000_020, 667_001_234, 477_000_002, 412_555_000
CHON_MA_SAN_IMO = "8660313"


def nampo_caller() -> Ship:
    route = lane("dalian-nampo")
    legs = (
        Hold(timedelta(hours=3), status=5),
        Sail(route[1:], 10.0),
        Hold(timedelta(hours=20), status=5),
        Sail(route[::-1][1:], 10.0),
    )
    ident = Identity("HUA XIN 7", imo_number(912345), "BQXY7")
    return Ship(NAMPO_CALLER, T0, port("Dalian"), legs, identity=ident)


def _meeting(north: float) -> tuple[LatLon, tuple[Sail, Sail, Sail]]:
    """Approach from 9 km west at 10 kn, 3 h together at 1 kn, part 9 km north or south."""
    run_m = 1.0 * 1852 * 3
    side = 1 if north else -1
    legs = (
        Sail((offset(WEST_KOREA_BAY, north, 0.0),), 10.0),
        Sail((offset(WEST_KOREA_BAY, north, run_m),), 1.0),
        Sail((offset(WEST_KOREA_BAY, north + 9000.0 * side, run_m + 3000.0),), 10.0),
    )
    return offset(WEST_KOREA_BAY, north, -9000.0), legs


def renamed() -> Ship:
    origin, legs = _meeting(0.0)
    ident = Identity("GLORY STAR", CHON_MA_SAN_IMO, "9LX99")
    return Ship(RENAMED, T0, origin, legs, identity=ident)


def partner() -> Ship:
    origin, legs = _meeting(150.0)
    plan = Ship(PARTNER, T0, origin, (*legs, Sail((OPEN_SEA,), 10.0), Hold(timedelta(hours=20))))
    arrive = leg_ends(plan)[3]
    dark = ((arrive + timedelta(hours=1), arrive + timedelta(hours=15)),)
    ident = Identity("OCEAN BLUE", imo_number(930000), "VRAB2")
    return Ship(PARTNER, T0, origin, plan.legs, dark=dark, identity=ident)


def spoofed() -> list[Ship]:
    sailing = Ship(SPOOFED, T0, lane("qingdao-busan")[0], (Sail(lane("qingdao-busan")[1:], 12.0),))
    anchored = Ship(SPOOFED, T0, offset(port("Shanghai"), -20_000.0, 30_000.0),
                    (Hold(timedelta(hours=12)),))  # fmt: skip
    return [sailing, anchored]


def fleet() -> list[Ship]:
    return [nampo_caller(), renamed(), partner(), *spoofed()]


def traffic(seed: int = 2024) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Positions and statics of the whole fleet, sorted as a receiver feed would be."""
    ships = fleet()
    return simulate(ships, seed=seed), statics(ships)
