"""Screening a long file on every core, in order, without holding the file in memory.

Scoring is pure Python and holds the interpreter lock, so threads would not help: the
work goes to forked worker processes that share the parent's index copy-on-write (it
is built once, before the fork, and frozen out of the garbage collector's reach so
that collections do not touch, and so copy, its pages). Workers get chunks of queries
and send back, per query, the position of each matched list entity and its score;
the parent turns them back into matches over its own identical index, so answers are
exactly those of one process. Only ``WINDOW`` chunks are in flight at a time: a
ten-million-row file needs no more memory than a small one.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice

from fullcourt.screening.matcher import Match, Matcher
from fullcourt.screening.score import DEFAULT_THRESHOLD, Score
from fullcourt.screening.subject import make_subject

CHUNK = 64
WINDOW = 4  # chunks in flight per worker

Request = tuple[str, Mapping[str, list[str]]]  # (schema, properties)
Found = list[tuple[int, Score, bool]]  # (entity position, score, match)


@dataclass(frozen=True, slots=True)
class MatchSettings:
    threshold: float = DEFAULT_THRESHOLD
    limit: int = 5
    datasets: frozenset[str] | None = None


# The worker's index and each entity's place in it, inherited through fork.
_state: tuple[Matcher, dict[str, int]] | None = None


def _work(chunk: Sequence[Request | None], settings: MatchSettings) -> list[Found]:
    assert _state is not None, "workers are forked from a parent that set the state"
    matcher, where = _state
    out: list[Found] = []
    for request in chunk:
        matches = _match(matcher, request, settings)
        out.append([(where[m.entity.id], m.score, m.match) for m in matches])
    return out


def _match(matcher: Matcher, request: Request | None, settings: MatchSettings) -> list[Match]:
    if request is None:
        return []
    schema, properties = request
    return matcher.match(
        make_subject(schema, properties),
        threshold=settings.threshold,
        limit=settings.limit,
        datasets=settings.datasets,
    )


def default_workers() -> int:
    """The cores this process may run on (all of them where the system cannot say)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


class MatchPool:
    """Worker processes forked from a matcher, for one run.

    Open it before starting threads (a progress bar's, say): forking copies only the
    calling thread, and a lock another thread held stays held in the child. A pool
    serves one run at a time; leaving it cancels what was not yet started.
    """

    def __init__(self, matcher: Matcher, workers: int = 1) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.matcher = matcher
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._owns_freeze = False

    def __enter__(self) -> MatchPool:
        global _state
        if self.workers == 1:
            return self
        entities = self.matcher.index.entities
        _state = (self.matcher, {entity.id: k for k, entity in enumerate(entities)})
        # the index is now old: collections leave its pages alone. A caller that froze
        # the heap itself keeps its freeze; only a freeze made here is undone here.
        self._owns_freeze = gc.get_freeze_count() == 0
        gc.freeze()
        context = multiprocessing.get_context("fork")
        self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
        try:
            self._pool.submit(int).result()  # fork every worker now, not at the first chunk
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        global _state
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
            _state = None
            if self._owns_freeze:
                gc.unfreeze()

    def run(
        self, requests: Iterable[Request | None], settings: MatchSettings
    ) -> Iterator[list[Match]]:
        """The matches of each request, in order; ``None`` (a row that cannot be
        screened) has none, and keeps its place."""
        if self._pool is None:
            for request in requests:
                yield _match(self.matcher, request, settings)
            return
        entities = self.matcher.index.entities
        pending: deque[Future[list[Found]]] = deque()
        source = iter(requests)
        while True:
            while len(pending) < self.workers * WINDOW:
                chunk = list(islice(source, CHUNK))
                if not chunk:
                    break
                pending.append(self._pool.submit(_work, chunk, settings))
            if not pending:
                break
            for found in pending.popleft().result():
                yield [Match(entities[p], score, hit) for p, score, hit in found]


def match_many(
    matcher: Matcher,
    requests: Iterable[Request | None],
    settings: MatchSettings,
    workers: int = 1,
) -> Iterator[list[Match]]:
    """The matches of each request, in the order of ``requests``, on a pool of its own."""
    with MatchPool(matcher, workers) as pool:
        yield from pool.run(requests, settings)
