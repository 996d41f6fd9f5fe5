"""Matching on several processes gives the answers of one, in input order."""

from __future__ import annotations

import gc

import pytest

from fullcourt.screening.matcher import Matcher
from fullcourt.screening.parallel import (
    CHUNK,
    MatchPool,
    MatchSettings,
    default_workers,
    match_many,
)
from fullcourt.screening.subject import make_subject

NAMES = ["Kim Jong Un", "Ri Pyong Chol", "John Smith", "Choe Ryong Hae", "Pak Pong Ju"]


def requests(count: int) -> list[tuple[str, dict[str, list[str]]] | None]:
    return [("Person", {"name": [NAMES[i % len(NAMES)] + " " * (i % 3)]}) for i in range(count)]


def answers(matcher: Matcher, workers: int, count: int) -> list[list[tuple[str, float, bool]]]:
    found = match_many(matcher, requests(count), MatchSettings(limit=3), workers)
    return [[(m.entity.id, m.score.score, m.match) for m in matches] for matches in found]


def test_workers_answer_as_one_process(default_matcher: Matcher) -> None:
    count = CHUNK * 5 + 7  # several chunks and a short last one
    one = answers(default_matcher, 1, count)
    assert len(one) == count
    assert any(row and row[0][2] for row in one)  # the listed names are hits
    assert answers(default_matcher, 2, count) == one


def test_matches_point_into_the_parents_index(default_matcher: Matcher) -> None:
    first = next(match_many(default_matcher, requests(1), MatchSettings(), 2))
    assert first and first[0].entity in default_matcher.index.entities


def test_the_heap_is_unfrozen_after_a_run(default_matcher: Matcher) -> None:
    gc.unfreeze()  # an engine built by an earlier test keeps its index frozen
    list(match_many(default_matcher, requests(3), MatchSettings(), 2))
    assert gc.get_freeze_count() == 0


def test_empty_input_and_worker_count(default_matcher: Matcher) -> None:
    assert list(match_many(default_matcher, [], MatchSettings(), 2)) == []
    assert default_workers() >= 1


def test_a_callers_freeze_is_left_in_place(default_matcher: Matcher) -> None:
    gc.freeze()
    try:
        list(match_many(default_matcher, requests(3), MatchSettings(), 2))
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_rows_that_cannot_be_screened_keep_their_place(default_matcher: Matcher) -> None:
    mixed = [None, *requests(2), None, None, *requests(1), None]
    for workers in (1, 2):
        found = list(match_many(default_matcher, mixed, MatchSettings(), workers))
        assert [bool(row) for row in found] == [r is not None for r in mixed]


def test_leaving_a_run_early_stops_the_workers(default_matcher: Matcher) -> None:
    with MatchPool(default_matcher, 2) as pool:
        assert pool._pool is not None
        workers = list(pool._pool._processes.values())
        assert len(workers) == 2 and all(w.is_alive() for w in workers)
        run = pool.run(requests(CHUNK * 20), MatchSettings())
        assert next(run)
        run.close()
    assert not any(w.is_alive() for w in workers)  # no worker outlives the pool


def test_worker_and_limit_counts_are_checked(default_matcher: Matcher) -> None:
    with pytest.raises(ValueError, match="workers"):
        MatchPool(default_matcher, 0)
    with pytest.raises(ValueError, match="limit"):
        default_matcher.match(make_subject("Person", {"name": ["Kim Jong Un"]}), limit=0)
