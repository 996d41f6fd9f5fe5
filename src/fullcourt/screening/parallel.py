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


def _work(chunk: Sequence[Request], settings: MatchSettings) -> list[Found]:
    assert _state is not None, "workers are forked from a parent that set the state"
    matcher, where = _state
    out = []
    for schema, properties in chunk:
        matches = matcher.match(
            make_subject(schema, properties),
            threshold=settings.threshold,
            limit=settings.limit,
            datasets=settings.datasets,
        )
        out.append([(where[m.entity.id], m.score, m.match) for m in matches])
    return out


def default_workers() -> int:
    """The cores this process may run on (all of them where the system cannot say)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def match_many(
    matcher: Matcher,
    requests: Iterable[Request],
    settings: MatchSettings,
    workers: int = 1,
) -> Iterator[list[Match]]:
    """The matches of each request, in the order of ``requests``."""
    if workers <= 1:
        for schema, properties in requests:
            yield matcher.match(
                make_subject(schema, properties),
                threshold=settings.threshold,
                limit=settings.limit,
                datasets=settings.datasets,
            )
        return
    global _state
    entities = matcher.index.entities
    _state = (matcher, {entity.id: k for k, entity in enumerate(entities)})
    gc.freeze()  # the index is now old: collections leave its pages alone
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            pending: deque[Future[list[Found]]] = deque()
            source = iter(requests)
            while True:
                while len(pending) < workers * WINDOW:
                    chunk = list(islice(source, CHUNK))
                    if not chunk:
                        break
                    pending.append(pool.submit(_work, chunk, settings))
                if not pending:
                    break
                for found in pending.popleft().result():
                    yield [Match(entities[p], score, hit) for p, score, hit in found]
    finally:
        _state = None
        gc.unfreeze()
