"""Who each MMSI and IMO said it was, and when: the identity timeline of AIS.

A ship under sanctions changes name, call sign and flag, or borrows another ship's IMO;
its AIS static reports keep the record. Here statics become one row per (vessel, field,
value) with when it was first and last heard and how often, so an analyst can read a
ship's history at a glance and detectors can compare it with the lists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import polars as pl

from fullcourt.maritime.mid import flag_expr
from fullcourt.maritime.schema import TIME
from fullcourt.model.identifiers import imo_digits

_NOT_KEY_RE = re.compile(r"[^0-9A-Z]")
FIELDS = ("name", "callsign", "imo", "ship_type")
HISTORY_SCHEMA: dict[str, pl.DataType] = {
    "mmsi": pl.Int64(),
    "field": pl.Utf8(),
    "value": pl.Utf8(),
    "first_seen": TIME,
    "last_seen": TIME,
    "count": pl.UInt32(),
}
IMO_HISTORY_SCHEMA = {"imo": pl.Utf8(), **{k: v for k, v in HISTORY_SCHEMA.items() if k != "mmsi"}}


def clean_value(column: pl.Expr) -> pl.Expr:
    """A broadcast value as shown to analysts: upper case, single spaces."""
    return column.cast(pl.Utf8).str.to_uppercase().str.replace_all(r"\s+", " ").str.strip_chars()


def match_key(column: pl.Expr) -> pl.Expr:
    """The form values are compared in: letters and digits only ('NO.1' equals 'NO 1')."""
    return column.cast(pl.Utf8).str.to_uppercase().str.replace_all(r"[^0-9A-Z]", "")


def match_key_text(value: str) -> str:
    """``match_key`` for one Python string."""
    return _NOT_KEY_RE.sub("", value.upper())


def _long(statics: pl.DataFrame) -> pl.DataFrame:
    """One row per (mmsi, timestamp, field, value) that a static report carried."""
    return (
        statics.select(
            "mmsi",
            "timestamp",
            *(clean_value(pl.col(f)).alias(f) for f in FIELDS),
        )
        .unpivot(index=["mmsi", "timestamp"], on=list(FIELDS), variable_name="field")
        .filter(pl.col("value").is_not_null() & (pl.col("value") != ""))
    )


def _timeline(frame: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    return frame.group_by(keys).agg(
        pl.col("timestamp").min().alias("first_seen"),
        pl.col("timestamp").max().alias("last_seen"),
        pl.len().alias("count"),
    )


def _heard(statics: pl.DataFrame, positions: pl.DataFrame | None) -> pl.DataFrame:
    """Each MMSI itself and the flag its MID implies, timed by every report of that MMSI.

    The ``mmsi`` row gives every transmitter a span even when it never sent a static
    report or its MID belongs to nobody, which is exactly when it needs checking.
    """
    reports = [statics.select("mmsi", "timestamp")]
    if positions is not None:
        reports.append(positions.select("mmsi", "timestamp"))
    seen = pl.concat(reports)
    itself = seen.with_columns(
        pl.lit("mmsi").alias("field"), pl.col("mmsi").cast(pl.Utf8).str.zfill(9).alias("value")
    )
    flagged = seen.with_columns(
        pl.lit("flag").alias("field"), flag_expr(pl.col("mmsi")).alias("value")
    )
    return pl.concat([itself, flagged.filter(pl.col("value").is_not_null())])


def identity_history(statics: pl.DataFrame, positions: pl.DataFrame | None = None) -> pl.DataFrame:
    """Every name, call sign, IMO, ship type and MID flag of every MMSI, with its timing.

    Rows: mmsi, field, value, first_seen, last_seen, count. Field ``mmsi`` (the number as
    nine digits) spans all reports of the MMSI; ``flag`` is its MID's country. Positions
    only time those two: they carry no other identity.
    """
    keys = ["mmsi", "field", "value"]
    parts = [_long(statics).select("mmsi", "timestamp", "field", "value")]
    parts.append(_heard(statics, positions).select(parts[0].columns))
    history = _timeline(pl.concat(parts), keys)
    history = history.select(pl.col(c).cast(t) for c, t in HISTORY_SCHEMA.items())
    return history.sort(["mmsi", "field", "first_seen", "value"], nulls_last=True)


def imo_history(statics: pl.DataFrame) -> pl.DataFrame:
    """For every broadcast IMO: the MMSIs, names, call signs and flags heard with it."""
    with_imo = statics.filter(pl.col("imo").is_not_null()).with_columns(
        clean_value(pl.col("imo")).alias("imo")
    )
    wide = with_imo.select(
        "imo",
        "timestamp",
        pl.col("mmsi").cast(pl.Utf8).alias("mmsi"),
        clean_value(pl.col("name")).alias("name"),
        clean_value(pl.col("callsign")).alias("callsign"),
        flag_expr(pl.col("mmsi")).alias("flag"),
    )
    rows = wide.unpivot(
        index=["imo", "timestamp"], on=["mmsi", "name", "callsign", "flag"], variable_name="field"
    ).filter(pl.col("value").is_not_null() & (pl.col("value") != ""))
    history = _timeline(rows, ["imo", "field", "value"])
    history = history.select(pl.col(c).cast(t) for c, t in IMO_HISTORY_SCHEMA.items())
    return history.sort(["imo", "field", "first_seen", "value"], nulls_last=True)


@dataclass(frozen=True, slots=True)
class ListedVessel:
    """A vessel as a sanctions list describes it (built by the caller from the store)."""

    id: str
    names: tuple[str, ...] = ()
    previous_names: tuple[str, ...] = ()
    imo: str | None = None
    mmsi: str | None = None
    call_sign: str | None = None
    flag: str | None = None  # ISO alpha-2, lower case, as FollowTheMoney writes it


@dataclass(frozen=True, slots=True)
class VesselMatch:
    """A listed vessel found in AIS under one MMSI, with how and how surely."""

    listed_id: str
    mmsi: int
    method: str
    confidence: float
    evidence: dict[str, object] = field(default_factory=dict)


# How much each way of recognising a listed ship is worth, strongest first. A name alone
# is shared by many ships; a name with the same call sign or flag much less so.
METHODS: tuple[tuple[str, frozenset[str], float], ...] = (
    ("imo", frozenset({"imo"}), 0.95),
    ("name+callsign", frozenset({"name", "callsign"}), 0.85),
    ("mmsi", frozenset({"mmsi"}), 0.8),
    ("previous_name+callsign", frozenset({"previous_name", "callsign"}), 0.75),
    ("name+flag", frozenset({"name", "flag"}), 0.45),
    ("previous_name+flag", frozenset({"previous_name", "flag"}), 0.4),
    ("previous_name", frozenset({"previous_name"}), 0.25),
    ("name", frozenset({"name"}), 0.2),
)
_HISTORY_FIELD = {
    "imo": "imo",
    "name": "name",
    "previous_name": "name",
    "callsign": "callsign",
    "mmsi": "mmsi",
}


def _listed_keys(listed: Sequence[ListedVessel]) -> pl.DataFrame:
    rows: list[tuple[str, str, str]] = []
    for vessel in listed:
        rows += [(vessel.id, "name", n) for n in vessel.names]
        rows += [(vessel.id, "previous_name", n) for n in vessel.previous_names]
        if vessel.imo:
            rows.append((vessel.id, "imo", imo_digits(vessel.imo)))
        if vessel.call_sign:
            rows.append((vessel.id, "callsign", vessel.call_sign))
        if vessel.mmsi and vessel.mmsi.strip().isdigit():
            rows.append((vessel.id, "mmsi", vessel.mmsi.strip().zfill(9)))
    frame = pl.DataFrame(
        rows, schema={"listed_id": pl.Utf8, "kind": pl.Utf8, "listed": pl.Utf8}, orient="row"
    )
    frame = frame.with_columns(
        pl.col("kind").replace_strict(_HISTORY_FIELD).alias("field"),
        match_key(pl.col("listed")).alias("key"),
    )
    return frame.filter(pl.col("key") != "")


def _hits(history: pl.DataFrame, listed: Sequence[ListedVessel]) -> pl.DataFrame:
    """Every (listed vessel, MMSI) pair sharing a value, one row per shared value."""
    heard = history.with_columns(match_key(pl.col("value")).alias("key"))
    hits = _listed_keys(listed).join(heard, on=["field", "key"], how="inner")
    return hits.select("listed_id", "mmsi", "kind", "value", "first_seen", "last_seen", "count")


def match_listed(history: pl.DataFrame, listed: Sequence[ListedVessel]) -> list[VesselMatch]:
    """Listed vessels found in an identity history, strongest method per (vessel, MMSI)."""
    if not listed or history.is_empty():
        return []
    flags = {v.id: v.flag for v in listed if v.flag}
    ais_flags = dict(history.filter(pl.col("field") == "flag").select("mmsi", "value").iter_rows())
    matches = []
    hits = _hits(history, listed)
    for (listed_id, mmsi), group in hits.group_by("listed_id", "mmsi", maintain_order=True):
        kinds = set(group["kind"])
        if flags.get(str(listed_id)) and flags[str(listed_id)] == ais_flags.get(mmsi):
            kinds.add("flag")
        method, confidence = next((m, c) for m, need, c in METHODS if need <= kinds)
        hits_found = group.drop("listed_id", "mmsi").sort("kind", "value")
        evidence: dict[str, object] = {"hits": hits_found.to_dicts()}
        if "flag" in kinds:
            evidence["flag"] = ais_flags.get(mmsi)
        matches.append(VesselMatch(str(listed_id), int(mmsi), method, confidence, evidence))
    return sorted(matches, key=lambda m: (-m.confidence, m.listed_id, m.mmsi))
