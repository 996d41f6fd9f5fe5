"""FollowTheMoney glue shared by every source and analysis.

Nothing here knows about files, databases or HTTP: it builds entities, names their
provenance and checks identifiers.
"""

from fullcourt.model.entity import Entity, dataset_of, make_entity, make_id
from fullcourt.model.record import Record

__all__ = ["Entity", "Record", "dataset_of", "make_entity", "make_id"]
