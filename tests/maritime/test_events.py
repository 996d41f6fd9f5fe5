"""The shared Event type: what detectors may and may not emit."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from fullcourt.maritime.events import EVENT_SCHEMA, Event, events_frame, tier_for

T0 = datetime(2015, 1, 3, 5, 4, tzinfo=UTC)
T1 = datetime(2015, 1, 31, 23, 56, tzinfo=UTC)


def test_event_is_frozen_and_small() -> None:
    event = Event("mmsi_shared", 240000000, T0, T1, 0.9, "high", 10.88, -74.74, {"segments": 2})
    assert event.other_mmsi is None
    with pytest.raises(AttributeError):
        event.kind = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"confidence": 1.2}, "outside 0..1"),
        ({"confidence": -0.1}, "outside 0..1"),
        ({"tier": "certain"}, "not one of"),
        ({"start": T1, "end": T0}, "ends before"),
    ],
)
def test_invalid_events(kwargs: dict[str, object], message: str) -> None:
    fields: dict[str, object] = {
        "kind": "k",
        "mmsi": 1,
        "start": T0,
        "end": T1,
        "confidence": 0.5,
        "tier": "medium",
    }
    fields.update(kwargs)
    with pytest.raises(ValueError, match=message):
        Event(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("confidence", "tier"), [(0.95, "high"), (0.8, "high"), (0.6, "medium"), (0.3, "low")]
)
def test_tier_for(confidence: float, tier: str) -> None:
    assert tier_for(confidence) == tier


def test_events_frame() -> None:
    events = [
        Event(
            "imo_shared",
            377039001,
            T0,
            None,
            0.6,
            "medium",
            evidence={"imo": "9022180"},
            other_mmsi=377039000,
        ),
        Event("mid_dprk", 445451000, None, None, 0.95, "high"),
    ]
    frame = events_frame(events)
    assert frame.schema == dict(EVENT_SCHEMA)
    assert frame["other_mmsi"].to_list() == [377039000, None]
    assert json.loads(frame["evidence"][0]) == {"imo": "9022180"}
    assert events_frame([]).is_empty()
