"""Identity anomalies: what an AIS identity says that a real, honest ship would not.

Each detector turns one kind of evidence into ``Event``s with a confidence and the facts
behind it. Identifier faults (placeholder MMSIs, unassigned or North Korean MIDs, IMOs
failing their check digit) are certain as facts but not as intent, so their confidence
says how often the fault means concealment rather than a careless installer.
Motion-based evidence (one MMSI in two places) lives in ``mmsi_sharing``; identities
appearing where a listed ship went dark in ``laundering``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from itertools import pairwise

import polars as pl

from fullcourt.maritime.events import Event, tier_for
from fullcourt.maritime.identity import (
    ListedVessel,
    clean_value,
    identity_history,
    imo_history,
    match_key,
    match_listed,
)
from fullcourt.maritime.laundering import LaunderingParams, laundering_candidates, listed_mmsis
from fullcourt.maritime.list_checks import flag_mismatch, listed_imo_new_identity
from fullcourt.maritime.mid import mid_of, mid_table, station_kind
from fullcourt.maritime.mmsi_sharing import SharingParams, shared_mmsi, speed_jumps
from fullcourt.model.identifiers import is_valid_imo

Span = tuple[datetime | None, datetime | None]
SHARING = SharingParams()
LAUNDERING = LaunderingParams()
DPRK_MID = 445
# Values installers type when they do not know the MMSI, or leave from the factory.
_PLACEHOLDER_RE = re.compile(r"^(\d)\1{8}$|^\d{3}0{6}$|^123456789$|^987654321$")
# Stations that legitimately send position reports without being ships.
_NOT_SHIPS = frozenset({"sart", "mob", "epirb", "aton", "sar_aircraft", "craft", "handheld"})


def _spans(history: pl.DataFrame) -> dict[int, Span]:
    """First and last time each MMSI was heard (its ``mmsi`` row spans all reports)."""
    spans = history.group_by("mmsi").agg(pl.col("first_seen").min(), pl.col("last_seen").max())
    return {m: (a, b) for m, a, b in spans.iter_rows()}


def _event(kind: str, mmsi: int, span: Span, conf: float, **ev: object) -> Event:
    start, end = span
    return Event(kind, mmsi, start, end, conf, tier_for(conf), evidence=ev)


def invalid_mmsi(history: pl.DataFrame) -> list[Event]:
    """Placeholder MMSIs, MMSIs not in the ship format, and ship MMSIs of unassigned MIDs."""
    events = []
    for mmsi, span in _spans(history).items():
        text = str(mmsi).zfill(9)
        kind = station_kind(mmsi)
        if _PLACEHOLDER_RE.match(text):
            events.append(
                _event("mmsi_invalid", mmsi, span, 0.9, reason="placeholder", digits=text)
            )
        elif kind in _NOT_SHIPS:
            continue
        elif kind != "ship":
            events.append(
                _event("mmsi_invalid", mmsi, span, 0.6, reason="not a ship MMSI", station=kind)
            )
        elif mid_of(mmsi) not in mid_table():
            events.append(
                _event("mmsi_invalid", mmsi, span, 0.7, reason="unassigned MID", mid=text[:3])
            )
    return events


def real_imo(value: str) -> bool:
    """A check-digit-valid IMO that is not a typed placeholder such as 0000001."""
    return is_valid_imo(value) and not value.startswith("0")


def invalid_imo(history: pl.DataFrame) -> list[Event]:
    """Broadcast IMO numbers failing their check digit (typo, or a made-up identity).

    Cargo ships and tankers (AIS types 70-89) must carry a real IMO number, so a bad one
    there is medium confidence; small craft often type anything into the field.
    """
    imos = history.filter(pl.col("field") == "imo")
    types = history.filter(pl.col("field") == "ship_type").group_by("mmsi").agg("value")
    merchant = {m for m, values in types.iter_rows() if any(v[:1] in "78" for v in values)}
    events = []
    for mmsi, _, value, first, last, count in imos.iter_rows():
        if real_imo(value):
            continue
        evidence: dict[str, object] = {"imo": value, "reports": count}
        if len(value) > 7 and real_imo(value[:7]):  # "956795800": zeros typed after it
            evidence["valid_prefix"] = value[:7]
        conf = 0.6 if mmsi in merchant else 0.35
        events.append(_event("imo_invalid", mmsi, (first, last), conf, **evidence))
    return events


def dprk_mid(history: pl.DataFrame) -> list[Event]:
    """Ships whose MMSI claims the North Korean flag (MID 445)."""
    spans = _spans(history)
    return [
        _event("mid_dprk", mmsi, span, 0.95, mid=DPRK_MID, flag="kp")
        for mmsi, span in spans.items()
        if station_kind(mmsi) == "ship" and mid_of(mmsi) == DPRK_MID
    ]


def identity_changes(statics: pl.DataFrame, window: timedelta = timedelta(hours=24)) -> list[Event]:
    """Several names, call signs or IMOs on one MMSI within ``window`` of each other.

    One change can be a renaming; a value that comes back (A, B, A) means two ships, or
    one ship switching identities, are on the same MMSI.
    """
    fields = ["name", "callsign", "imo"]
    long = (
        statics.filter(pl.col("timestamp").is_not_null())
        .select("mmsi", "timestamp", *(clean_value(pl.col(f)).alias(f) for f in fields))
        .unpivot(index=["mmsi", "timestamp"], on=fields, variable_name="field")
        .filter(pl.col("value").is_not_null())
        .with_columns(match_key(pl.col("value")).alias("key"))
        .filter(pl.col("key") != "")
        .sort("mmsi", "field", "timestamp", "key")  # ties in a fixed order
    )
    over = ["mmsi", "field"]
    long = long.with_columns(
        pl.col("key").shift().over(over).alias("prev_key"),
        pl.col("value").shift().over(over).alias("prev_value"),
        pl.col("timestamp").shift().over(over).alias("prev_time"),
    )
    changed = (pl.col("key") != pl.col("prev_key")) & (
        pl.col("timestamp") - pl.col("prev_time") <= window
    )
    changes = (
        long.filter(changed)
        .group_by(over)
        .agg(
            pl.len().alias("changes"),
            pl.col("prev_time").min().alias("start"),
            pl.col("timestamp").max().alias("end"),
            pl.concat_list("prev_value", "value")
            .explode()
            .unique(maintain_order=True)
            .alias("values"),
            pl.concat_list("prev_key", "key").explode().n_unique().alias("distinct"),
        )
    )
    events = []
    for mmsi, field, count, start, end, values, distinct in changes.sort(over).iter_rows():
        returned = count > distinct - 1
        conf = 0.3 if not returned and distinct == 2 else 0.6
        if returned and count >= 3:
            conf = 0.85
        evidence = {"field": field, "values": values[:10], "changes": count, "returned": returned}
        events.append(
            Event("identity_change", mmsi, start, end, conf, tier_for(conf), evidence=evidence)
        )
    return events


def imo_shared(imo_rows: pl.DataFrame, window: timedelta = timedelta(hours=24)) -> list[Event]:
    """A valid IMO broadcast by several MMSIs: at once (cloning) or in turn (reflagging).

    ``imo_rows`` is ``identity.imo_history`` output. MMSIs whose use of the IMO overlaps
    or follows within ``window`` are likelier two ships than one ship re-registered.
    """
    rows = imo_rows.filter(pl.col("field") == "mmsi").sort("imo", "first_seen", "value")
    events = []
    for (imo,), group in rows.group_by("imo", maintain_order=True):
        if group.height < 2 or not real_imo(str(imo)):
            continue
        spans = list(group.select("value", "first_seen", "last_seen").iter_rows())
        for (mmsi, first, last), (other, o_first, o_last) in pairwise(spans):
            close = first and o_first and last and o_first - last <= window
            conf = 0.6 if close else 0.3
            evidence = {"imo": imo, "concurrent": bool(close), "other_first_seen": o_first}
            events.append(
                Event(
                    "imo_shared",
                    int(mmsi),
                    first,
                    o_last or last,
                    conf,
                    tier_for(conf),
                    evidence=evidence,
                    other_mmsi=int(other),
                )
            )
    return events


def identity_anomalies(
    positions: pl.DataFrame,
    statics: pl.DataFrame,
    *,
    listed: Sequence[ListedVessel] = (),
    declared_flags: Mapping[int, str] | None = None,
    window: timedelta = timedelta(hours=24),
    sharing: SharingParams = SHARING,
    laundering: LaunderingParams = LAUNDERING,
) -> list[Event]:
    """Every identity detector over one body of AIS, listed vessels matched first."""
    history = identity_history(statics, positions)
    matches = match_listed(history, listed)
    events = [
        *invalid_mmsi(history),
        *invalid_imo(history),
        *dprk_mid(history),
        *identity_changes(statics, window),
        *imo_shared(imo_history(statics), window),
        *flag_mismatch(history, declared=declared_flags, matches=matches, listed=listed),
        *listed_imo_new_identity(history, matches, listed),
        *speed_jumps(positions, sharing),
        *shared_mmsi(positions, sharing),
        *laundering_candidates(positions, listed_mmsis(matches), laundering),
    ]
    return events
