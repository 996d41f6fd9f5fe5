"""Track segmentation on a real clean track and on real reports of two places."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from fullcourt.maritime.segments import Point, Segment, nearest_in_time, split_track


def _points(path: Path) -> list[Point]:
    points = []
    with path.open() as handle:
        for line in handle:
            row = json.loads(line)
            if row["lat"] is None or row["lon"] is None:
                continue
            when = datetime.fromisoformat(row["timestamp"].replace("Z", "+00:00"))
            points.append(
                Point(when.timestamp(), row["lat"], row["lon"], row["speed"], row["course"])
            )
    return sorted(points, key=lambda p: p.t)


def test_clean_track_stays_whole(shared: Path) -> None:
    points = _points(shared / "ais/gfw_gpsdio_segment/338013000.jsonl")
    segments = split_track(points)
    biggest = max(len(s.points) for s in segments)
    # gpsdio-segment's "expected" labels put 1,163 of 1,253 lines in one segment
    assert biggest / len(points) > 0.98
    assert sum(len(s.points) for s in segments) == len(points)


def test_two_places_make_two_segments() -> None:
    # 211002010 in MarineCadastre 2022-01-03: Santa Barbara, then Pensacola, and back
    t0 = 1641168044.0  # 2022-01-03T00:00:44Z
    points = [
        Point(t0, 34.40715, -119.69165, 0.0, 76.2),
        Point(t0 + 82, 30.28391, -87.53641, 0.2, 177.9),
        Point(t0 + 143, 30.28393, -87.5364, 0.0, 177.9),
        Point(t0 + 361, 34.40715, -119.69165, 0.0, 76.2),
        Point(t0 + 534, 30.28383, -87.5364, 0.0, 254.6),
    ]
    segments = split_track(points)
    assert [len(s.points) for s in segments] == [2, 3]
    p, q = nearest_in_time(segments[0], segments[1])
    assert abs(p.t - q.t) == 82


def test_young_segment_expires() -> None:
    glitch = Point(0, 10.0, 10.0)
    far = Point(7200, 10.0, 10.0)  # same place two hours later: the glitch is not a ship
    segments = split_track([Point(-60, 0.0, 0.0), glitch, far], young_expiry_s=3600)
    assert [len(s.points) for s in segments] == [1, 1, 1]


def test_predict_follows_course() -> None:
    north = Point(0, 0.0, 0.0, sog=60.0, cog=0.0)  # 60 knots = one degree an hour
    lat, lon = north.predict(3600)
    assert lat == pytest.approx(1.0)
    assert lon == pytest.approx(0.0)
    assert Point(0, 1.0, 2.0).predict(99) == (1.0, 2.0)


def test_summary() -> None:
    segment = Segment([Point(0, 1.0, 2.0), Point(60, 1.5, 2.5)])
    assert segment.summary(4)["share"] == 0.5
    with pytest.raises(ValueError):
        nearest_in_time(Segment([]), segment)
