"""The DuckDB statement store: datasets, versions, atomic loads, diffs, lookups, exports.

Every value is one statement row carrying its dataset, list version and source file;
every version of every list is kept, so a value's first and last sighting and the
difference between two publications are queries, not bookkeeping.
"""

from fullcourt.store.db import Store, StoreError

__all__ = ["Store", "StoreError"]
