"""Building FollowTheMoney statement entities with stable identifiers.

Entity ids must be stable across versions of a list so that a diff between two
publications compares the same entry with itself. They are therefore derived from the
list's own identifier (OFAC ent_num, UN reference number, UK unique id), never from
a position in the file or a random value.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

from followthemoney import StatementEntity
from followthemoney.dataset import Dataset

Entity = StatementEntity

_SLUG_RE = re.compile(r"[^a-z0-9]+")


@cache
def dataset_of(name: str) -> Dataset:
    """One FtM dataset object per name; statements carry the name."""
    return Dataset.make({"name": name, "title": name})


def _slug(part: str) -> str:
    return _SLUG_RE.sub("-", part.lower()).strip("-")


def make_id(prefix: str, *parts: str) -> str:
    """A readable id when the parts are short, a hash of them when they are not.

    ``make_id("ofac", "12345")`` gives ``ofac-12345``; a relation between two entries
    (``make_id("ofac-link", a, b)``) hashes, because joined ids grow without bound.
    """
    slugs = [_slug(p) for p in parts if p]
    joined = "-".join(slugs)
    if slugs and len(joined) <= 40:
        return f"{prefix}-{joined}"
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]
    return f"{prefix}-{digest}"


def make_entity(schema: str, entity_id: str, dataset: str) -> Entity:
    """An empty entity whose statements will all belong to ``dataset``."""
    return StatementEntity(dataset_of(dataset), {"schema": schema, "id": entity_id})
