"""Listed vessels as the AIS matcher needs them, with who owns and runs them.

The lists describe a ship in FollowTheMoney terms (a Vessel with names, IMO, MMSI, call
sign, flags; Sanction entities saying who listed it under which program; Ownership and
UnknownLink entities naming owners, operators and managers). AIS matching wants one
object per real ship, so records that the store links across lists (same IMO) become one
``ListedShip``; its ``vessels()`` are the ``identity.ListedVessel``s ``match_listed``
takes. Owners keep their own list status: a ship run by a listed company is a lead even
when the ship itself is not listed everywhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from fullcourt.maritime.identity import ListedVessel
from fullcourt.model import Record
from fullcourt.model.identifiers import imo_digits
from fullcourt.store import Store
from fullcourt.store.query import iter_records

# Roles as a word the analyst filters on; anything unrecognised stays as the list wrote it.
ROLE_WORDS = (("owner", "owner"), ("operat", "operator"), ("manag", "manager"))


@dataclass(frozen=True, slots=True)
class Listing:
    """One list's designation of an entity: which list, its own id, under what program."""

    dataset: str
    entity_id: str
    source_id: str | None
    authority: str = ""
    programs: tuple[str, ...] = ()
    listing_date: str | None = None

    def label(self) -> str:
        programs = f" [{', '.join(self.programs)}]" if self.programs else ""
        return f"{self.dataset}{programs}"


@dataclass(frozen=True, slots=True)
class Party:
    """An owner, operator, manager or other company the lists tie to a vessel."""

    entity_id: str
    name: str
    schema: str
    role: str
    listings: tuple[Listing, ...] = ()

    @property
    def listed(self) -> bool:
        return bool(self.listings)


@dataclass(frozen=True, slots=True)
class ListedShip:
    """One real ship as every current list describes it (records merged on their IMO)."""

    id: str
    names: tuple[str, ...]
    previous_names: tuple[str, ...] = ()
    imos: tuple[str, ...] = ()
    mmsis: tuple[str, ...] = ()
    call_signs: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()  # current flags, the one most lists give first
    past_flags: tuple[str, ...] = ()
    listings: tuple[Listing, ...] = ()
    parties: tuple[Party, ...] = ()
    entity_ids: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.names[0] if self.names else self.id

    @property
    def imo(self) -> str | None:
        return self.imos[0] if self.imos else None

    def vessels(self) -> tuple[ListedVessel, ...]:
        """The matcher's view: the first IMO/MMSI/call sign, plus one more per extra value.

        All share this ship's id, so a match on any of them is a match on the ship.
        """
        first = ListedVessel(
            self.id,
            self.names,
            self.previous_names,
            imo=self.imo,
            mmsi=self.mmsis[0] if self.mmsis else None,
            call_sign=self.call_signs[0] if self.call_signs else None,
            flag=self.flags[0] if self.flags else None,
        )
        extra = [ListedVessel(self.id, self.names, imo=i) for i in self.imos[1:]]
        extra += [ListedVessel(self.id, self.names, mmsi=m) for m in self.mmsis[1:]]
        extra += [ListedVessel(self.id, self.names, call_sign=c) for c in self.call_signs[1:]]
        return (first, *extra)

    def status(self) -> str:
        """``listed on us_ofac_sdn [DPRK4]; gb_fcdo_sanctions [...]``, or why it is not."""
        labels = sorted({x.label() for x in self.listings})
        return (
            f"listed on {'; '.join(labels)}" if labels else "named on a list, no entry of its own"
        )


@dataclass(frozen=True, slots=True)
class _Entity:
    schema: str
    caption: str
    dataset: str
    source_id: str | None
    props: dict[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class _Collected:
    """What one pass over the store's records leaves: small tuples, no entities."""

    entities: dict[str, _Entity] = field(default_factory=dict)
    sanctions: dict[str, list[Listing]] = field(default_factory=dict)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (a, b, role)

    def add(self, record: Record) -> None:
        entity, schema = record.entity, record.entity.schema.name
        eid, dataset = str(entity.id), entity.dataset.name
        if schema == "Sanction":
            self._sanction(record, dataset)
        elif schema == "Ownership":
            role = next(iter(entity.get("role")), "owner")
            for asset in entity.get("asset"):
                self.links += [(asset, owner, role) for owner in entity.get("owner")]
        elif schema == "UnknownLink":
            role = next(iter(entity.get("role")), "")
            for subject in entity.get("subject"):
                self.links += [(subject, obj, role) for obj in entity.get("object")]
        props = {}
        if schema == "Vessel":
            props = {p: sorted(entity.get(p)) for p in _VESSEL_PROPS}  # a stable order
            self.links += [(eid, o, "owner") for o in entity.get("owner")]
            self.links += [(eid, o, "operator") for o in entity.get("operator")]
        self.entities[eid] = _Entity(schema, entity.caption, dataset, record.source_id, props)

    def _sanction(self, record: Record, dataset: str) -> None:
        entity = record.entity
        for target in entity.get("entity"):
            listing = Listing(
                dataset,
                target,
                next(iter(entity.get("authorityId")), None),
                next(iter(entity.get("authority")), ""),
                tuple(sorted(set(entity.get("program")))),
                min(entity.get("listingDate"), default=None),
            )
            self.sanctions.setdefault(target, []).append(listing)


_VESSEL_PROPS = ("name", "alias", "previousName", "weakAlias", "imoNumber", "mmsi", "callSign",
                 "flag", "pastFlags")  # fmt: skip


def _role(text: str) -> str:
    low = text.strip().lower()
    word = next((w for stem, w in ROLE_WORDS if stem in low), None)
    return word or ("linked" if not low or "linked" in low else low)


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    """Values in first-seen order, once each whatever their case or spacing."""
    kept: dict[str, str] = {}
    for value in values:
        text = " ".join(value.split())
        if text:
            kept.setdefault(text.upper(), text)
    return tuple(kept.values())


def _listings(found: _Collected, ids: Iterable[str]) -> tuple[Listing, ...]:
    """Designations of these entity ids; an entry without a Sanction still counts."""
    out: list[Listing] = []
    for eid in ids:
        entity = found.entities.get(eid)
        sanctions = found.sanctions.get(eid, [])
        if sanctions:
            out += sanctions
        elif entity is not None and entity.source_id is not None:
            out.append(Listing(entity.dataset, eid, entity.source_id))
    return tuple(out)


class _Builder:
    def __init__(self, found: _Collected, canonical: Mapping[str, str]) -> None:
        self.found = found
        self.canonical = canonical
        self.members: dict[str, list[str]] = {}
        for eid in found.entities:
            self.members.setdefault(canonical.get(eid, eid), []).append(eid)
        self.linked: dict[str, list[tuple[str, str]]] = {}  # id -> (other id, role), both ways
        for a, b, role in found.links:
            self.linked.setdefault(a, []).append((b, role))
            self.linked.setdefault(b, []).append((a, role))

    def group(self, eid: str) -> list[str]:
        return self.members.get(self.canonical.get(eid, eid), [eid])

    def parties(self, vessel_ids: set[str]) -> tuple[Party, ...]:
        seen: dict[tuple[str, str], Party] = {}
        links = [link for vessel in sorted(vessel_ids) for link in self.linked.get(vessel, [])]
        for other, role in links:
            if other in vessel_ids:
                continue
            entity = self.found.entities.get(other)
            name = entity.caption if entity else other
            schema = entity.schema if entity else "LegalEntity"
            party = Party(
                other, name, schema, _role(role), _listings(self.found, self.group(other))
            )
            seen.setdefault((other, party.role), party)
        return tuple(sorted(seen.values(), key=lambda p: (p.role, p.name, p.entity_id)))

    def ship(self, ship_id: str, ids: list[str]) -> ListedShip:
        vessels = [self.found.entities[i] for i in ids]

        def values(*props: str) -> tuple[str, ...]:
            return _unique(v for e in vessels for p in props for v in e.props.get(p, []))

        flags = Counter(f for e in vessels for f in _unique(e.props.get("flag", [])))
        current = tuple(f for f, _ in sorted(flags.items(), key=lambda kv: (-kv[1], kv[0])))
        return ListedShip(
            id=ship_id,
            names=values("name", "alias"),
            previous_names=tuple(
                n for n in values("previousName", "weakAlias") if n not in values("name", "alias")
            ),
            imos=_unique(imo_digits(v) or v for v in values("imoNumber")),
            mmsis=values("mmsi"),
            call_signs=values("callSign"),
            flags=current,
            past_flags=tuple(f for f in values("pastFlags") if f not in current),
            listings=_listings(self.found, ids),
            parties=self.parties(set(ids)),
            entity_ids=tuple(sorted(ids)),
        )


def build_listed(
    records: Iterable[Record], canonical: Mapping[str, str] | None = None
) -> list[ListedShip]:
    """Listed ships from store records; ``canonical`` maps entity id to its cross-list id."""
    found = _Collected()
    for record in records:
        found.add(record)
    builder = _Builder(found, canonical or {})
    ships = []
    for ship_id, ids in sorted(builder.members.items()):
        vessel_ids = sorted(i for i in ids if found.entities[i].schema == "Vessel")
        if vessel_ids:
            ships.append(builder.ship(ship_id, vessel_ids))
    return ships


def canonical_ids(store: Store) -> dict[str, str]:
    """Entity id -> the id of the real-world entity it was linked to across lists."""
    rows = store.conn.execute("SELECT entity_id, canonical_id FROM links").fetchall()
    return {str(e): str(c) for e, c in rows}


def load_listed(store: Store, dataset: str | None = None) -> list[ListedShip]:
    """Every listed ship in the current list versions of the store."""
    return build_listed(iter_records(store, dataset), canonical_ids(store))


def match_vessels(ships: Iterable[ListedShip]) -> list[ListedVessel]:
    """The ``ListedVessel``s of many ships, for ``identity.match_listed``."""
    return [v for ship in ships for v in ship.vessels()]


def ships_by_id(ships: Iterable[ListedShip]) -> dict[str, ListedShip]:
    return {s.id: s for s in ships}
