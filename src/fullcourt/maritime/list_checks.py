"""Identity checks against the sanctions lists: what a listed ship's AIS contradicts.

Once a listed vessel is found in AIS (``identity.match_listed``), the list and the
transponder can be compared: a flag the list does not give, a name the list does not
know under the listed IMO. Lists lag reality, so these are leads of medium confidence;
together with other evidence they show a ship re-badging itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import polars as pl

from fullcourt.maritime.events import Event, tier_for
from fullcourt.maritime.identity import ListedVessel, VesselMatch, match_key_text


def flag_mismatch(
    history: pl.DataFrame,
    *,
    declared: Mapping[int, str] | None = None,
    matches: Sequence[VesselMatch] = (),
    listed: Sequence[ListedVessel] = (),
) -> list[Event]:
    """MID flag differing from a flag declared elsewhere or from the matched list entry."""
    flags = dict(history.filter(pl.col("field") == "flag").select("mmsi", "value").iter_rows())
    spans = history.group_by("mmsi").agg(pl.col("first_seen").min(), pl.col("last_seen").max())
    seen = {mmsi: (first, last) for mmsi, first, last in spans.iter_rows()}
    claims: list[tuple[int, str, dict[str, object]]] = [
        (mmsi, flag.lower(), {"source": "declared"}) for mmsi, flag in (declared or {}).items()
    ]
    by_id = {v.id: v for v in listed}
    for match in matches:
        vessel = by_id.get(match.listed_id)
        if vessel is not None and vessel.flag and match.method != "imo":
            source: dict[str, object] = {
                "source": "list",
                "listed_id": vessel.id,
                "match": match.method,
            }
            claims.append((match.mmsi, vessel.flag.lower(), source))
    events = []
    for mmsi, flag, source in claims:
        mid_flag = flags.get(mmsi)
        if mid_flag and mid_flag != flag and mmsi in seen:
            evidence = {"mid_flag": mid_flag, "flag": flag, **source}
            start, end = seen[mmsi]
            events.append(
                Event("flag_mismatch", mmsi, start, end, 0.6, tier_for(0.6), evidence=evidence)
            )
    return events


def listed_imo_new_identity(
    history: pl.DataFrame, matches: Sequence[VesselMatch], listed: Sequence[ListedVessel]
) -> list[Event]:
    """A listed ship's IMO heard under a name or flag the list does not know."""
    by_id = {v.id: v for v in listed}
    events = []
    for match in matches:
        vessel = by_id.get(match.listed_id)
        if vessel is None or match.method != "imo":
            continue
        rows = history.filter(pl.col("mmsi") == match.mmsi)
        known = {match_key_text(n) for n in (*vessel.names, *vessel.previous_names)}
        names = [
            v
            for v in rows.filter(pl.col("field") == "name")["value"]
            if match_key_text(v) not in known
        ]
        flags = [
            v
            for v in rows.filter(pl.col("field") == "flag")["value"]
            if vessel.flag and v != vessel.flag.lower()
        ]
        if not names and not flags:
            continue
        conf = 0.85 if names and flags else 0.75 if names else 0.6
        start = rows.select(pl.col("first_seen").min()).item()
        end = rows.select(pl.col("last_seen").max()).item()
        evidence = {
            "listed_id": vessel.id,
            "imo": vessel.imo,
            "new_names": names,
            "new_flags": flags,
        }
        event = Event("listed_imo_new_identity", match.mmsi, start, end, conf, tier_for(conf))
        events.append(replace(event, evidence=evidence))
    return events
