"""Which lists a request screens against: the path's dataset and the include/exclude lists.

yente clients address collections by name: ``default`` (everything) and, commonly,
``sanctions``. Every list fullcourt holds is a sanctions list, so both mean all of
them. A name that is neither a collection nor a loaded list is refused with the
names that would work, so a typo never screens against nothing and reports "clear";
for the same reason a store with no list loaded answers 503.
"""

from __future__ import annotations

from collections.abc import Iterable

from fastapi import HTTPException

COLLECTIONS = ("default", "sanctions")


def dataset_scope(
    dataset: str,
    versions: Iterable[tuple[str, str]],
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
) -> frozenset[str] | None:
    """The datasets to screen; None means all of them (no filter needed)."""
    known = {name for name, _ in versions}
    if not known:  # screening against nothing would answer "no match" for everyone
        raise HTTPException(503, "no list is loaded yet; load lists before screening")
    names = ", ".join([*COLLECTIONS, *sorted(known)])
    if dataset in COLLECTIONS:
        scope = set(known)
    elif dataset in known:
        scope = {dataset}
    else:
        raise HTTPException(404, f"No such dataset: {dataset!r}. Known: {names}")
    include, exclude = set(include), set(exclude)
    if unknown := (include | exclude) - known:
        raise HTTPException(400, f"unknown dataset(s) {', '.join(sorted(unknown))}; known: {names}")
    if include:
        scope &= include
    scope -= exclude
    return None if scope == known else frozenset(scope)
