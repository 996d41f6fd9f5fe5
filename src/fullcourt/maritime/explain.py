"""Events in words: one sentence per event that says what happened, where, when and why.

An analyst reading a risk summary must not need the evidence JSON to know why a line is
there, so each event kind has a sentence built from its own evidence: the port and which
parts of the call were seen, the partner of a meeting and how close they came, where a
silence began. Unknown kinds still get a sentence from the common fields.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from fullcourt.maritime.events import Event
from fullcourt.maritime.listed import ListedShip

Label = Callable[[int | None], str]

LEVELS = {
    4: "entry, stop and exit seen",
    3: "entry and exit seen, no stop",
    2: "positions inside the port, entry or exit not seen",
    1: "AIS off on the way in and out, seen only inside the port",
}


def label_mmsi(
    mmsi: int | None,
    names: Mapping[int, str],
    listed: Mapping[int, str],
    ships: Mapping[str, ListedShip],
) -> str:
    """``MMSI 412000001 (AIS name, listed as CHON MA SAN IMO 8660313)``."""
    if mmsi is None:
        return "an unknown vessel"
    parts = [names[mmsi]] if mmsi in names else []
    ship = ships.get(listed.get(mmsi, ""))
    if ship is not None:
        imo = f" IMO {ship.imo}" if ship.imo else ""
        parts.append(f"listed as {ship.name}{imo}")
    extra = f" ({', '.join(parts)})" if parts else ""
    return f"MMSI {mmsi:09d}{extra}"


def when(start: datetime | None, end: datetime | None) -> str:
    """``2024-03-01 10:00 to 2024-03-02 06:00 UTC``; one end only when the other is unknown."""
    fmt = "%Y-%m-%d %H:%M"
    if start and end and start != end:
        same_day = start.date() == end.date()
        return f"{start:{fmt}} to {end:{'%H:%M' if same_day else fmt}} UTC"
    moment = start or end
    return f"at {moment:{fmt}} UTC" if moment else "at an unknown time"


def where(place: Mapping[str, Any] | None) -> str:
    """A place from detector evidence: hotspot, then DPRK zone, then nearest port."""
    if not place:
        return "at an unknown place"
    if place.get("hotspots"):
        return f"in the reported transfer area {', '.join(place['hotspots'])}"
    if place.get("zones"):
        return f"in {place['zones'][0]}"
    if place.get("nearest_port"):
        return f"{place.get('port_distance_nm')} nm from {place['nearest_port']}"
    return "far from any known port"


def _port(e: Event, _: int, __: Label) -> str:
    ev = e.evidence
    seen = LEVELS.get(int(ev.get("level", 0)), "")
    if ev.get("gap_only"):
        seen = f"no report inside, AIS silent {ev.get('silence_h')} h next to the port"
    country = f" ({ev['country']})" if ev.get("country") else ""
    return f"{ev.get('port')}{country} {when(e.start, e.end)}; {seen} (level {ev.get('level')})"


def _encounter(e: Event, mmsi: int, label: Label) -> str:
    ev = e.evidence
    other = e.other_mmsi if e.mmsi == mmsi else e.mmsi
    return (
        f"with {label(other)} for {ev.get('duration_h')} h, {ev.get('min_distance_m')} m apart "
        f"at closest, {where(ev.get('place'))}, {when(e.start, e.end)}"
    )


def _zone(e: Event, _: int, __: Label) -> str:
    ev = e.evidence
    how = (
        "entry seen"
        if ev.get("entry_seen")
        else "entered with AIS silent"
        if ev.get("entered_silent")
        else "track starts inside"
    )
    return (
        f"{ev.get('zone')} {when(e.start, e.end)}; {how}, "
        f"{ev.get('reports_inside')} reports inside over {ev.get('duration_h')} h"
    )


def _gap(e: Event, _: int, __: Label) -> str:
    ev = e.evidence
    return (
        f"silent {ev.get('duration_h')} h starting {where(ev.get('start_place'))}, "
        f"{when(e.start, e.end)}, reappearing {ev.get('distance_nm')} nm away ({ev.get('rule')})"
    )


def _loiter(e: Event, _: int, __: Label) -> str:
    ev = e.evidence
    return (
        f"{ev.get('duration_h')} h at {ev.get('mean_speed_kn')} kn {where(ev.get('place'))}, "
        f"{when(e.start, e.end)} ({ev.get('rule')})"
    )


def _identity(e: Event, mmsi: int, label: Label) -> str:
    ev = e.evidence
    other = label(e.other_mmsi if e.mmsi == mmsi else e.mmsi)
    sentences: dict[str, str] = {
        "mmsi_invalid": f"MMSI {e.mmsi:09d} is not a valid ship identity ({ev.get('reason')})",
        "imo_invalid": f"broadcast IMO {ev.get('imo')} fails its check digit",
        "mid_dprk": "the MMSI carries the North Korean country code 445",
        "identity_change": f"{ev.get('changes')} changes of {ev.get('field')} within a day: "
        + ", ".join(map(str, ev.get("values", []))),
        "imo_shared": f"IMO {ev.get('imo')} also broadcast by {other}"
        + (" at the same time" if ev.get("concurrent") else ""),
        "flag_mismatch": f"MMSI flag {ev.get('mid_flag')} but {ev.get('source')} flag "
        f"{ev.get('flag')}",
        "listed_imo_new_identity": f"listed IMO {ev.get('imo')} heard under "
        + ", ".join(map(str, [*ev.get("new_names", []), *ev.get("new_flags", [])])),
        "implied_speed": f"{ev.get('jumps')} position jumps too fast for a ship "
        f"(up to {ev.get('max_distance_nm')} nm)",
        "mmsi_shared": f"two transmitters on one MMSI, {ev.get('concurrent_speed_kn')} kn apart",
        "identity_laundering": f"first heard {ev.get('delay_hours')} h after {other} went "
        f"dark {ev.get('distance_nm')} nm away",
    }
    return f"{sentences.get(e.kind, e.kind)}, {when(e.start, e.end)}"


DESCRIBE: dict[str, Callable[[Event, int, Label], str]] = {
    "port_visit": _port,
    "encounter": _encounter,
    "dprk_waters_entry": _zone,
    "ais_gap": _gap,
    "loitering": _loiter,
}


def describe(event: Event, mmsi: int, label: Label) -> str:
    """One sentence about ``event`` as it concerns vessel ``mmsi``."""
    return DESCRIBE.get(event.kind, _identity)(event, mmsi, label)
