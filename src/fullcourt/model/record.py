"""What a source yields: an entity, and for list entries the list's own identifier."""

from __future__ import annotations

from dataclasses import dataclass

from fullcourt.model.entity import Entity


@dataclass(frozen=True, slots=True)
class Record:
    """One parsed entity.

    ``source_id`` is the publisher's identifier of the entry (OFAC ent_num or uid, UN
    reference number, UK unique id, EU logical id). It is ``None`` for entities a parser
    derives from an entry (its sanction, its links, a stub for a linked name): those are
    not entries of the list and a diff does not report them on their own.
    """

    entity: Entity
    source_id: str | None = None
