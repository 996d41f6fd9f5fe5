"""Every detector and every identity check over one body of AIS, in one call.

The CLI, the API and a notebook all want the same thing: given positions, static reports
and the listed ships of a store, every event and a risk summary per vessel. Keeping that
here, pure (nothing is read but the arguments), means they can never disagree, and
tests run the whole analysis on synthetic tracks without a store or a file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import polars as pl

from fullcourt.maritime.anomalies import identity_anomalies
from fullcourt.maritime.encounters import detect_encounters
from fullcourt.maritime.events import Event
from fullcourt.maritime.gaps import detect_gaps
from fullcourt.maritime.geojson import plain
from fullcourt.maritime.identity import (
    VesselMatch,
    identity_history,
    match_key,
    match_key_text,
    match_listed,
)
from fullcourt.maritime.listed import ListedShip, match_vessels, ships_by_id
from fullcourt.maritime.loitering import detect_loitering
from fullcourt.maritime.places import Places, default_places
from fullcourt.maritime.ports import detect_port_visits
from fullcourt.maritime.risk import (
    IDENTITY_KINDS,
    NEAR_ZONE_NM,
    Context,
    RiskLine,
    VesselRisk,
    explain,
    strong_matches,
    summarise,
)
from fullcourt.maritime.schema import STATIC_SCHEMA
from fullcourt.maritime.zones import detect_zone_entries

# The names analysts filter on (``--type``), and the event kinds behind each.
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "encounter": ("encounter",),
    "gap": ("ais_gap",),
    "loitering": ("loitering",),
    "port_visit": ("port_visit",),
    "zone_entry": ("dprk_waters_entry",),
    "identity": IDENTITY_KINDS,
}


@dataclass(frozen=True)
class Analysis:
    """Everything found in one body of AIS against one set of listed ships."""

    positions: pl.DataFrame
    history: pl.DataFrame
    matches: tuple[VesselMatch, ...]
    events: tuple[Event, ...]
    risks: tuple[VesselRisk, ...]
    context: Context
    ships: tuple[ListedShip, ...] = field(default=())

    def explain(self, event: Event) -> RiskLine:
        """The event's severity and sentence, from the side of its own MMSI."""
        return explain(event, event.mmsi, self.context)

    def event_dict(self, event: Event) -> dict[str, Any]:
        """The event as plain JSON with its severity and sentence: what exports carry."""
        line = self.explain(event)
        row: dict[str, Any] = plain(
            {
                "rank": line.severity.rank,
                "severity": line.severity.code,
                "kind": event.kind,
                "mmsi": event.mmsi,
                "other_mmsi": event.other_mmsi,
                "start": event.start,
                "end": event.end,
                "tier": event.tier,
                "confidence": event.confidence,
                "lat": event.lat,
                "lon": event.lon,
                "text": line.text,
                "evidence": event.evidence,
            }
        )
        return row


def _located(positions: pl.DataFrame) -> bool:
    """Whether any report has a time and a position (raw NMEA without tag blocks has none)."""
    usable = positions.filter(
        pl.col("timestamp").is_not_null()
        & pl.col("lat").is_not_null()
        & pl.col("lon").is_not_null()
    )
    return not usable.is_empty()


def behaviour_events(positions: pl.DataFrame, places: Places) -> list[Event]:
    """Gaps, encounters, loitering, port visits and zone entries, in that order."""
    if not _located(positions):  # the zone detector fails on an empty track
        return []
    return [
        *detect_gaps(positions, places),
        *detect_encounters(positions, places),
        *detect_loitering(positions, places),
        *detect_port_visits(positions, places),
        *detect_zone_entries(positions, places),
    ]


def _names(history: pl.DataFrame) -> dict[int, str]:
    """The name each MMSI broadcast last: how an analyst recognises it."""
    names = history.filter(pl.col("field") == "name").sort("last_seen", nulls_last=False)
    return {int(m): str(v) for m, v in names.select("mmsi", "value").iter_rows()}


def analyse(
    positions: pl.DataFrame,
    statics: pl.DataFrame | None = None,
    ships: Sequence[ListedShip] = (),
    *,
    places: Places | None = None,
    declared_flags: Mapping[int, str] | None = None,
) -> Analysis:
    """All events of all vessels, their list matches and risk summaries."""
    places = default_places() if places is None else places
    statics = pl.DataFrame(schema=STATIC_SCHEMA) if statics is None else statics
    vessels = match_vessels(ships)
    history = identity_history(statics, positions)
    matches = tuple(match_listed(history, vessels))
    identity = identity_anomalies(positions, statics, listed=vessels, declared_flags=declared_flags)
    events = (*behaviour_events(positions, places), *identity)
    near = frozenset(z.name for z in places.zones if z.distance_nm <= NEAR_ZONE_NM)
    context = Context(strong_matches(matches), ships_by_id(ships), _names(history), near)
    risks = tuple(summarise(events, matches, context))
    return Analysis(positions, history, matches, events, risks, context, tuple(ships))


def kinds_for(types: Iterable[str]) -> set[str]:
    """Event kinds for ``--type`` names; a kind's own name (``ais_gap``) works too."""
    kinds: set[str] = set()
    for name in types:
        for part in name.split(","):
            part = part.strip().lower()
            if part in EVENT_TYPES:
                kinds.update(EVENT_TYPES[part])
            elif part in {k for ks in EVENT_TYPES.values() for k in ks}:
                kinds.add(part)
            elif part:
                choices = ", ".join(EVENT_TYPES)
                raise ValueError(f"unknown event type {part!r}; use {choices} or an event kind")
    return kinds


@dataclass(frozen=True)
class VesselView:
    """One vessel as asked for: its MMSIs, list entries, identity timeline and risks."""

    key: str
    mmsis: tuple[int, ...]
    ships: tuple[ListedShip, ...]
    history: pl.DataFrame
    risks: tuple[VesselRisk, ...]
    events: tuple[Event, ...]

    def as_dict(self) -> dict[str, Any]:
        """List entries with their links, identity timeline and risk summaries, as JSON."""
        body: dict[str, Any] = plain(
            {
                "key": self.key,
                "mmsis": list(self.mmsis),
                "listed": [_ship_dict(s) for s in self.ships],
                "identity": self.history.to_dicts(),
                "risks": [r.as_dict() for r in self.risks],
            }
        )
        return body


def _ship_dict(ship: ListedShip) -> dict[str, Any]:
    return {
        **{k: v for k, v in asdict(ship).items() if k not in ("listings", "parties")},
        "lists": [asdict(x) for x in ship.listings],
        "links": [{**asdict(p), "listed": p.listed} for p in ship.parties],
    }


def _key_kind(key: str) -> tuple[str, str]:
    """('mmsi', digits), ('imo', digits) or ('name', match key) for what the user typed."""
    text = key.strip().upper()
    digits = text.removeprefix("IMO").removeprefix("MMSI").strip(" :")
    if digits.isdigit() and len(digits) == 7 and not text.startswith("MMSI"):
        return "imo", digits
    if digits.isdigit():
        return "mmsi", digits
    return "name", match_key_text(text)


def find_vessel(analysis: Analysis, key: str) -> VesselView:
    """A vessel by MMSI, IMO (``IMO 8660313`` or 7 digits) or name (any list or AIS name)."""
    kind, value = _key_kind(key)
    heard = analysis.history.with_columns(match_key(pl.col("value")).alias("key"))
    field = {"mmsi": "mmsi", "imo": "imo", "name": "name"}[kind]
    wanted = value.zfill(9) if kind == "mmsi" else value
    mmsis = set(heard.filter((pl.col("field") == field) & (pl.col("key") == wanted))["mmsi"])
    ships = [s for s in analysis.ships if _names_ship(s, kind, value)]
    ids = {s.id for s in ships}
    mmsis |= {m.mmsi for m in analysis.matches if m.listed_id in ids and m.confidence >= 0.7}
    ids |= {analysis.context.listed_mmsis[m] for m in mmsis if m in analysis.context.listed_mmsis}
    ships += [s for s in analysis.ships if s.id in ids and s not in ships]
    risks = tuple(r for r in analysis.risks if set(r.mmsis) & mmsis)
    events = tuple(e for e in analysis.events if e.mmsi in mmsis or (e.other_mmsi in mmsis))
    history = analysis.history.filter(pl.col("mmsi").is_in(sorted(mmsis)))
    return VesselView(key, tuple(sorted(mmsis)), tuple(ships), history, risks, events)


def _names_ship(ship: ListedShip, kind: str, value: str) -> bool:
    if kind == "imo":
        return value in ship.imos
    if kind == "mmsi":
        return value.zfill(9) in {m.strip().zfill(9) for m in ship.mmsis}
    return value in {match_key_text(n) for n in (*ship.names, *ship.previous_names)}
