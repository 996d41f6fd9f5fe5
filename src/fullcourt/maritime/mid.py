"""Maritime Identification Digits: which administration an MMSI claims to belong to.

The first three digits of a ship's MMSI (ITU-R M.585) are the MID of the flag
administration that assigned it, so every AIS report carries an implied flag. A ship
whose MID disagrees with its registered flag, or whose MID is assigned to nobody, is
worth a second look; a North Korean MID (445) is a finding by itself.

``data/mid.csv`` was compiled for this project from the ITU's published "Table of
Maritime Identification Digits" (ITU MARS / Appendix 43 of the Radio Regulations) as it
stood in the early 2020s, with ISO 3166 alpha-2 codes in lower case as FollowTheMoney
writes countries. Several MIDs share one country (Panama 351-357 and 370-374, China
412-414); MIDs of overseas territories carry the territory's own ISO code where it has
one. MIDs absent from the file (600, 217, 280...) are unassigned. Check it against the
ITU table before relying on a newly allocated MID.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import polars as pl


@dataclass(frozen=True, slots=True)
class MidEntry:
    mid: int
    country: str  # ISO 3166 alpha-2, lower case
    name: str


@cache
def mid_table() -> dict[int, MidEntry]:
    """Every assigned MID with its country."""
    text = files("fullcourt.maritime").joinpath("data/mid.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO(text))
    return {int(r["mid"]): MidEntry(int(r["mid"]), r["country"], r["name"]) for r in rows}


def mid_frame() -> pl.DataFrame:
    """The table as a frame, for joins against many MMSIs at once."""
    entries = mid_table().values()
    return pl.DataFrame(
        {
            "mid": [e.mid for e in entries],
            "country": [e.country for e in entries],
            "country_name": [e.name for e in entries],
        },
        schema={"mid": pl.Int64(), "country": pl.Utf8(), "country_name": pl.Utf8()},
    )


def station_kind(mmsi: int) -> str:
    """What kind of station the MMSI format says it is (ITU-R M.585 Annex 1-2).

    One of ship, group, coast, sar_aircraft, handheld, craft, aton, sart, mob, epirb,
    or invalid when it is not nine digits or fits no pattern.
    """
    text = str(mmsi)
    if mmsi < 0 or len(text) > 9:
        return "invalid"
    text = text.zfill(9)
    if text[0] in "234567":
        return "ship"
    prefixes = (
        ("00", "coast"),
        ("0", "group"),
        ("111", "sar_aircraft"),
        ("970", "sart"),
        ("972", "mob"),
        ("974", "epirb"),
        ("98", "craft"),
        ("99", "aton"),
        ("8", "handheld"),
    )
    return next((kind for prefix, kind in prefixes if text.startswith(prefix)), "invalid")


_MID_OFFSET = {"ship": 0, "group": 1, "coast": 2, "sar_aircraft": 3, "handheld": 1, "craft": 2}


def mid_of(mmsi: int) -> int | None:
    """The MID inside an MMSI, wherever its station kind places it; None if it has none."""
    kind = station_kind(mmsi)
    if kind not in _MID_OFFSET and kind != "aton":
        return None
    start = _MID_OFFSET.get(kind, 2)
    return int(str(mmsi).zfill(9)[start : start + 3])


def is_assigned(mid: int) -> bool:
    return mid in mid_table()


def flag_of(mmsi: int) -> str | None:
    """The flag (ISO alpha-2, lower case) an MMSI claims; None if its MID is unassigned."""
    mid = mid_of(mmsi)
    entry = mid_table().get(mid) if mid is not None else None
    return entry.country if entry else None


def flag_expr(mmsi: pl.Expr) -> pl.Expr:
    """``flag_of`` for a column of ship MMSIs (nine digits, first digit 2-7), else null."""
    mid = (mmsi // 1_000_000).cast(pl.Int64)
    table = {e.mid: e.country for e in mid_table().values()}
    ship = mmsi.is_between(200_000_000, 799_999_999)
    flag = mid.replace_strict(table, default=None, return_dtype=pl.Utf8())
    return pl.when(ship).then(flag)
