"""The vessel risk summary: each vessel's events, most serious first, each line explained.

Detectors speak in confidences, analysts in priorities. A call at a North Korean port is
itself a sanctions finding; a meeting with a listed ship is how cargo changes hands; a
long silence off Nampo is suspicious but not proof. ``SEVERITIES`` is that judgement as
a table (rank 1 first), and ``RULES`` says which events fall under which row. Within a
row, higher tiers and confidences come first. Events of one vessel strongly matched to a
listed ship are gathered under the ship (``imo:`` key) even when it used several MMSIs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fullcourt.maritime.events import TIERS, Event
from fullcourt.maritime.explain import describe, label_mmsi
from fullcourt.maritime.identity import VesselMatch
from fullcourt.maritime.listed import ListedShip, Party

# A match this sure makes the MMSI "the listed ship" (as laundering.listed_mmsis uses it).
STRONG_MATCH = 0.7
NEAR_ZONE_NM = 50.0  # DPRK zones this close in make a silence or a stay "in NK waters"
WATERS_NM = 24.0  # zone entries up to the contiguous zone are "entry into NK waters"
IDENTITY_KINDS = (
    "mmsi_invalid",
    "imo_invalid",
    "mid_dprk",
    "identity_change",
    "imo_shared",
    "flag_mismatch",
    "listed_imo_new_identity",
    "implied_speed",
    "mmsi_shared",
    "identity_laundering",
)


@dataclass(frozen=True, slots=True)
class Severity:
    rank: int
    code: str
    title: str
    why: str


SEVERITIES: tuple[Severity, ...] = (
    Severity(1, "dprk_port_call", "Call at a North Korean port",
             "UN resolutions ban most trade with North Korea: the call is itself the finding"),
    Severity(2, "listed_meeting", "Meeting at sea involving a listed ship",
             "ship-to-ship transfers move sanctioned oil and coal; one side is listed"),
    Severity(3, "dprk_waters", "Entry into North Korean waters",
             "inside 24 nm of the coast: foreign ships there are calling or transferring"),
    Severity(4, "dark_near_transfer", "AIS dark near a transfer area or North Korean waters",
             "ships switch AIS off to hide transfers and calls where they happen"),
    Severity(5, "identity_high", "Identity anomaly (high confidence)",
             "a forged, shared or North Korean identity hides who the ship is"),
    Severity(6, "encounter", "Meeting at sea", "a possible ship-to-ship transfer"),
    Severity(7, "dark_offshore", "AIS dark offshore or in the theatre",
             "12 h or more far from shore, or a silence in the 200 nm zone"),
    Severity(8, "loitering", "Loitering", "idling at sea, often waiting for a transfer"),
    Severity(9, "identity", "Identity anomaly", "weaker identity evidence, often data faults"),
    Severity(10, "dprk_approach", "Near North Korean waters", "the 50 / 200 nm zones hold lanes"),
    Severity(11, "gap", "AIS gap", "a silence that coverage alone can explain"),
    Severity(12, "port_call", "Port call", "context: where the ship has been"),
    Severity(13, "other", "Other event", "context"),
)  # fmt: skip
BY_CODE = {s.code: s for s in SEVERITIES}


@dataclass(frozen=True, slots=True)
class Context:
    """What classifying an event needs beyond the event: who is listed, what is near."""

    listed_mmsis: Mapping[int, str]  # MMSI -> listed ship id, strong matches only
    ships: Mapping[str, ListedShip]
    names: Mapping[int, str]  # MMSI -> a name heard in AIS
    near_zones: frozenset[str] = frozenset()  # DPRK zone names within NEAR_ZONE_NM

    def label(self, mmsi: int | None) -> str:
        return label_mmsi(mmsi, self.names, self.listed_mmsis, self.ships)


def _near(event: Event, ctx: Context) -> bool:
    places = [event.evidence.get("start_place") or {}, event.evidence.get("end_place") or {}]
    return any(p.get("hotspots") or set(p.get("zones") or ()) & ctx.near_zones for p in places)


Rule = Callable[[Event, int, Context], bool]
RULES: tuple[tuple[str, Rule], ...] = (
    ("dprk_port_call", lambda e, m, c: e.kind == "port_visit"
        and str(e.evidence.get("country", "")).upper() in {"KP", "PRK"}),
    ("listed_meeting", lambda e, m, c: e.kind == "encounter"
        and bool({e.mmsi, e.other_mmsi} & set(c.listed_mmsis))),
    ("dprk_waters", lambda e, m, c: e.kind == "dprk_waters_entry"
        and float(e.evidence.get("distance_nm", 999)) <= WATERS_NM),
    ("dark_near_transfer", lambda e, m, c: e.kind == "ais_gap"
        and e.evidence.get("rule") != "implausible_jump" and _near(e, c)),
    ("identity_high", lambda e, m, c: e.kind in IDENTITY_KINDS and e.tier == "high"),
    ("encounter", lambda e, m, c: e.kind == "encounter"),
    ("dark_offshore", lambda e, m, c: e.kind == "ais_gap"
        and e.evidence.get("rule") in {"published_12h_50nm", "dprk_theatre"}),
    ("loitering", lambda e, m, c: e.kind == "loitering"),
    ("identity", lambda e, m, c: e.kind in IDENTITY_KINDS),
    ("dprk_approach", lambda e, m, c: e.kind == "dprk_waters_entry"),
    ("gap", lambda e, m, c: e.kind == "ais_gap"),
    ("port_call", lambda e, m, c: e.kind == "port_visit"),
)  # fmt: skip


def classify(event: Event, mmsi: int, ctx: Context) -> Severity:
    """The first row of the table the event falls under, seen from vessel ``mmsi``."""
    code = next((code for code, rule in RULES if rule(event, mmsi, ctx)), "other")
    return BY_CODE[code]


@dataclass(frozen=True, slots=True)
class RiskLine:
    severity: Severity
    event: Event
    mmsi: int  # the vessel this line is about (an encounter appears for both ships)
    text: str

    def sort_key(self) -> tuple[int, int, float, str]:
        when = self.event.start.isoformat() if self.event.start else ""
        return (self.severity.rank, TIERS.index(self.event.tier), -self.event.confidence, when)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rank": self.severity.rank,
            "severity": self.severity.code,
            "mmsi": self.mmsi,
            "kind": self.event.kind,
            "tier": self.event.tier,
            "confidence": self.event.confidence,
            "start": self.event.start.isoformat() if self.event.start else None,
            "end": self.event.end.isoformat() if self.event.end else None,
            "text": self.text,
        }


def explain(event: Event, mmsi: int, ctx: Context) -> RiskLine:
    """The event as one self-explaining summary line for vessel ``mmsi``."""
    severity = classify(event, mmsi, ctx)
    detail = describe(event, mmsi, ctx.label)
    text = f"{severity.title}: {detail} [{event.tier}, {event.confidence:.2f}]"
    return RiskLine(severity, event, mmsi, text)


@dataclass(frozen=True, slots=True)
class VesselRisk:
    """One vessel (an MMSI, or a listed ship under all its MMSIs) and its ranked lines."""

    key: str
    mmsis: tuple[int, ...]
    names: tuple[str, ...]
    ships: tuple[ListedShip, ...]  # listed ships this vessel is strongly matched to
    matches: tuple[VesselMatch, ...]  # every list match of its MMSIs, weak ones too
    lines: tuple[RiskLine, ...]

    @property
    def top(self) -> RiskLine | None:
        return self.lines[0] if self.lines else None

    def status_lines(self) -> list[str]:
        """The vessel's list status and links, one sentence each."""
        out = []
        for m in self.matches:
            sure = "" if m.confidence >= STRONG_MATCH else "possible "
            out.append(
                f"MMSI {m.mmsi:09d} is a {sure}match ({m.method}, {m.confidence:.2f}) "
                f"for listed vessel {m.listed_id}"
            )
        for ship in self.ships:
            imo = f" (IMO {ship.imo})" if ship.imo else ""
            out.append(f"{ship.name}{imo}: {ship.status()}")
            out += [_party_line(p) for p in ship.parties]
        return out

    def sort_key(self) -> tuple[int, int, float, str]:
        top = self.top
        rank = top.severity.rank if top else 99
        return (rank, 0 if self.ships else 1, -(top.event.confidence if top else 0.0), self.key)

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "mmsis": list(self.mmsis),
            "names": list(self.names),
            "listed": [s.id for s in self.ships],
            "status": self.status_lines(),
            "lines": [line.as_dict() for line in self.lines],
        }


def _party_line(party: Party) -> str:
    role = "Linked to" if party.role == "linked" else party.role.capitalize()
    if not party.listed:
        return f"{role}: {party.name} (not itself listed)"
    return (
        f"{role}: {party.name} (listed on {', '.join(sorted({x.dataset for x in party.listings}))})"
    )


def subject_of(mmsi: int, ctx: Context) -> str:
    """``imo:N`` (or ``listed:ID``) for an MMSI strongly matched to a listed ship."""
    ship = ctx.ships.get(ctx.listed_mmsis.get(mmsi, ""))
    if ship is None:
        return f"mmsi:{mmsi}"
    return f"imo:{ship.imo}" if ship.imo else f"listed:{ship.id}"


def summarise(
    events: Iterable[Event], matches: Sequence[VesselMatch], ctx: Context
) -> list[VesselRisk]:
    """Risk summaries of every vessel with an event or a list match, most serious first."""
    lines: dict[str, list[RiskLine]] = {}
    mmsis: dict[str, set[int]] = {}
    for event in events:
        for mmsi in {m for m in (event.mmsi, event.other_mmsi) if m is not None}:
            key = subject_of(mmsi, ctx)
            lines.setdefault(key, []).append(explain(event, mmsi, ctx))
            mmsis.setdefault(key, set()).add(mmsi)
    for match in matches:
        mmsis.setdefault(subject_of(match.mmsi, ctx), set()).add(match.mmsi)
    risks = []
    for key, members in mmsis.items():
        ids = {ctx.listed_mmsis[m] for m in members if m in ctx.listed_mmsis}
        risks.append(
            VesselRisk(
                key,
                tuple(sorted(members)),
                tuple(sorted({ctx.names[m] for m in members if m in ctx.names})),
                tuple(ctx.ships[i] for i in sorted(ids) if i in ctx.ships),
                tuple(m for m in matches if m.mmsi in members),
                tuple(sorted(lines.get(key, []), key=RiskLine.sort_key)),
            )
        )
    return sorted(risks, key=VesselRisk.sort_key)


def strong_matches(matches: Iterable[VesselMatch]) -> dict[int, str]:
    """MMSI -> listed ship id, the surest match per MMSI at or above ``STRONG_MATCH``."""
    best: dict[int, VesselMatch] = {}
    for m in matches:
        if m.confidence >= STRONG_MATCH and (
            m.mmsi not in best
            or (-m.confidence, m.listed_id) < (-best[m.mmsi].confidence, best[m.mmsi].listed_id)
        ):
            best[m.mmsi] = m
    return {mmsi: m.listed_id for mmsi, m in best.items()}
