"""Track preparation, steps, segments and 10-minute resampling."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest

from fullcourt.maritime.geo import METRES_PER_NM, haversine_expr
from fullcourt.maritime.schema import POSITION_SCHEMA
from fullcourt.maritime.synth import Hold, Reception, Sail, Ship, lane, port, simulate
from fullcourt.maritime.tracks import prepare, resample, segment, with_steps

T0 = datetime(2024, 3, 1, tzinfo=UTC)


def frame(
    rows: Sequence[tuple[int, int, float | None, float | None, float | None]],
) -> pl.DataFrame:
    """(mmsi, minutes after T0, lat, lon, sog) rows."""
    return pl.DataFrame(
        [(m, T0 + timedelta(minutes=t), la, lo, s) for m, t, la, lo, s in rows],
        schema={"mmsi": pl.Int64(), "timestamp": POSITION_SCHEMA["timestamp"],
                "lat": pl.Float64(), "lon": pl.Float64(), "sog": pl.Float64()},
        orient="row",
    )  # fmt: skip


def test_prepare_orders_cleans_and_completes_the_schema() -> None:
    raw = frame([(2, 5, 1.0, 1.0, 0.0), (1, 9, 1.0, 1.0, 0.0), (1, 3, 1.0, 1.0, 0.0),
                 (1, 3, 9.0, 9.0, 0.0), (1, 4, None, 1.0, 0.0),
                 (1, 6, 95.0, 1.0, 0.0)])  # fmt: skip
    out = prepare(raw)
    assert list(out.schema.items()) == list(POSITION_SCHEMA.items())
    # sorted; the duplicate instant keeps its first report; no null or impossible latitude
    assert out.select("mmsi", "lat").rows() == [(1, 1.0), (1, 1.0), (2, 1.0)]
    assert out["timestamp"].to_list() == [T0 + timedelta(minutes=m) for m in (3, 9, 5)]
    with pytest.raises(ValueError, match="timestamp"):
        prepare(raw.drop("timestamp"))


def test_steps_measure_time_distance_and_speed() -> None:
    one_nm = 1 / 60  # a minute of latitude is about a nautical mile
    out = with_steps(prepare(frame([(1, 0, 10.0, 0.0, 6.0), (1, 10, 10.0 + one_nm, 0.0, 6.0)])))
    last = out.row(1, named=True)
    assert last["dt_s"] == 600 and last["prev_lat"] == 10.0
    assert last["step_m"] == pytest.approx(METRES_PER_NM, rel=0.002)
    assert last["implied_kn"] == pytest.approx(6.0, rel=0.002)
    assert out.row(0, named=True)["implied_kn"] is None


def test_segments_break_at_silences_and_impossible_jumps() -> None:
    rows = [(1, 0, 10.0, 0.0, 5.0), (1, 10, 10.01, 0.0, 5.0), (1, 200, 10.02, 0.0, 5.0),
            (1, 210, 12.0, 0.0, 5.0), (1, 220, 12.01, 0.0, 5.0), (2, 0, 0.0, 0.0, 0.0)]  # fmt: skip
    out = segment(prepare(frame(rows)), max_gap=timedelta(hours=1))
    # a 190-minute silence, then a 2-degree jump in 10 minutes (720 kn)
    assert out["segment"].to_list() == [0, 0, 1, 2, 2, 0]


def test_resample_is_on_the_grid_and_never_crosses_a_silence() -> None:
    rows = [(1, 3, 10.0, 0.0, 4.0), (1, 23, 10.02, 0.0, None), (1, 300, 11.0, 0.0, 4.0),
            (1, 310, 11.01, 0.0, 5.0)]  # fmt: skip
    out = resample(frame(rows))
    assert out["timestamp"].to_list() == [T0 + timedelta(minutes=m) for m in (10, 20, 300, 310)]
    assert out["lat"].to_list() == pytest.approx([10.007, 10.017, 11.0, 11.01])
    assert out["segment"].to_list() == [0, 0, 1, 1]
    # sog is interpolated between reported values; past the last one, the speed implied by
    # the grid positions stands in (0.01 degree in 10 minutes: 3.6 kn)
    assert out["sog"].to_list() == pytest.approx([3.6, 3.6, 4.0, 5.0], rel=0.01)
    assert out["observed"].to_list() == [False, True, True, True]


def test_resampled_synthetic_track_stays_on_the_true_path() -> None:
    route = lane("dalian-nampo")
    ship = Ship(1, T0, port("Dalian"), (Sail(route[1:3], 12.0), Hold(timedelta(hours=1))))
    track = simulate([ship], seed=9, reception=Reception(loss=0.2))
    grid = resample(track)
    gaps = grid["timestamp"].diff().drop_nulls().unique().to_list()
    assert gaps == [timedelta(minutes=10)]
    # every grid position lies within 60 m of the straight legs (GPS noise is 8 m)
    legs = [(route[0], route[1]), (route[1], route[2])]
    off = grid.select(d=pl.min_horizontal(_cross_track(a, b) for a, b in legs).abs())["d"]
    assert off.max() < 60
    sailing = grid.filter(pl.col("timestamp") < T0 + timedelta(hours=3.5))["sog"]
    assert sailing.mean() == pytest.approx(12.0, abs=0.1)


def _cross_track(a: tuple[float, float], b: tuple[float, float]) -> pl.Expr:
    """Distance (m) from the track point to segment a-b, by flat-earth projection."""
    k = math.cos(math.radians(a[0]))
    ax, ay, bx, by = a[1] * k, a[0], b[1] * k, b[0]
    px, py = pl.col("lon") * k, pl.col("lat")
    t = (((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)).clip(
        0, 1
    )
    return haversine_expr(py, px / k, ay + t * (by - ay), (ax + t * (bx - ax)) / k)


@pytest.mark.slow
def test_resample_real_marinecadastre_day(shared: Path) -> None:
    raw = pl.read_csv(
        shared / "ais/marinecadastre/AIS_2022_01_03_first99999.csv.gz",
        columns=["MMSI", "BaseDateTime", "LAT", "LON", "SOG"],
    )
    positions = raw.select(
        mmsi="MMSI",
        timestamp=pl.col("BaseDateTime").str.to_datetime(time_unit="us", time_zone="UTC"),
        lat="LAT",
        lon="LON",
        sog=pl.when(pl.col("SOG") < 102.3).then("SOG"),
    )
    assert prepare(positions)["mmsi"].n_unique() == 10_631
    grid = resample(positions)
    # 00:00-00:24 UTC holds all but 352 rows, so most vessels get the 00:10 and 00:20 instants
    assert (
        grid.filter(pl.col("timestamp") == datetime(2022, 1, 3, 0, 10, tzinfo=UTC)).height > 8_000
    )
    assert grid["lat"].null_count() == 0
