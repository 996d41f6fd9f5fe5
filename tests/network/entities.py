"""Small FollowTheMoney entities for hand-built networks (the real ones come from the store)."""

from __future__ import annotations

from fullcourt.model import Entity, make_entity


def party(schema: str, entity_id: str, name: str, dataset: str = "test", **props: str) -> Entity:
    entity = make_entity(schema, entity_id, dataset)
    entity.add("name", name)
    for prop, value in props.items():
        entity.add(prop, value, cleaned=prop in ("imoNumber", "mmsi"))
    return entity


def sanction(
    target: str, dataset: str = "test", program: str = "DPRK3", source_id: str = ""
) -> Entity:
    entity = make_entity("Sanction", f"{target}-sanction-{dataset}", dataset)
    entity.add("entity", target)
    entity.add("authority", dataset)
    entity.add("program", program)
    if source_id:
        entity.add("authorityId", source_id)
    return entity


def relation(
    schema: str, entity_id: str, ends: dict[str, str], dataset: str = "test", **props: str
) -> Entity:
    entity = make_entity(schema, entity_id, dataset)
    for prop, value in {**ends, **props}.items():
        entity.add(prop, value)
    return entity
