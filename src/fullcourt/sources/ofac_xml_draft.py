"""Collecting one OFAC entry's values before choosing the FtM schema that holds them.

The schema cannot be fixed from the entry type alone: OFAC's ``Entity`` is an
Organization, but one carrying an ISIN, a ticker or a Russian BIK is a Company, and
only Company has those properties. An entry is therefore gathered first and built
once its element has been read, which is still one entry at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from followthemoney import model

from fullcourt.model.entity import Entity, make_entity, make_id
from fullcourt.sources.ofac_xml_labels import Target, imo_text, lookup, written_dates
from fullcourt.sources.report import ParseReport

AUTHORITY = "US Office of Foreign Assets Control"
ENTRY_SCHEMATA = {
    "individual": "Person",
    "entity": "Organization",
    "vessel": "Vessel",
    "aircraft": "Airplane",
}
# A value for a property the final schema lacks moves to a near property before it
# falls back to a labelled note: a passport of an organisation is still an identifier.
FALLBACKS = {
    "passportNumber": "idNumber",
    "socialSecurityNumber": "idNumber",
    "nationality": "country",
    "citizenship": "country",
    "jurisdiction": "country",
    "flag": "country",
    "imoNumber": "registrationNumber",
}
_COMPANY_ONLY = frozenset(model["Company"].properties) - frozenset(model["Organization"].properties)
_GENDERS = {"male": "male", "female": "female"}
# Placeholders OFAC writes where a country is not known ("Vessel Flag None Identified").
_NO_COUNTRY = {"none identified", "unknown", "-0-"}
_COUNTRY_PROPS = {"flag", "pastFlags", "country", "nationality", "citizenship", "jurisdiction"}


@dataclass(slots=True)
class NameLink:
    """A link to another party known only by the name OFAC writes (``Linked To:``)."""

    role: str
    name: str


@dataclass(slots=True)
class Draft:
    """One entry's values, in the order read; ``entry_type`` as the list writes it."""

    source_id: str
    entry_type: str
    props: list[tuple[str, str, bool]] = field(default_factory=list)
    sanction: list[tuple[str, str]] = field(default_factory=list)
    name_links: list[NameLink] = field(default_factory=list)

    @property
    def entity_id(self) -> str:
        return make_id("ofac", self.source_id)

    def add(self, prop: str, value: str, *, cleaned: bool = False) -> None:
        value = value.strip()
        if not value or (prop in _COUNTRY_PROPS and value.lower() in _NO_COUNTRY):
            return
        self.props.append((prop, value, cleaned))

    def add_sanction(self, prop: str, value: str) -> None:
        if value.strip():
            self.sanction.append((prop, value.strip()))

    def apply(self, label: str, value: str, report: ParseReport, context: str) -> None:
        """File a labelled value (an ``idType``, a feature) where the label says."""
        target = lookup(label)
        if target is None:
            report.note(f"{context}:{label.strip()}", value)
            return
        self.apply_target(target, label, value, report)

    def apply_target(self, target: Target, label: str, value: str, report: ParseReport) -> None:
        if target.kind == "provision":
            self.add_sanction(target.prop, f"{label.strip().rstrip(' :-')}: {value}")
        elif target.sanction:
            self.add_sanction(target.prop, value)
        elif target.kind == "date":
            self.add_dates(target.prop, value, report)
        elif target.kind == "imo":
            self.add(target.prop, imo_text(value), cleaned=True)
        elif target.kind == "mmsi":
            self.add(target.prop, value, cleaned=True)
        elif target.kind == "gender":
            self._add_gender(value, report)
        elif target.kind == "owner":
            self.name_links.append(NameLink(target.prop, value.strip()))
        else:
            self.add(target.prop, value)

    def add_dates(self, prop: str, text: str, report: ParseReport) -> None:
        dates = written_dates(text)
        if not dates:
            report.note(f"date:{prop}", text)
        for iso in dates:
            self.add(prop, iso)

    def _add_gender(self, value: str, report: ParseReport) -> None:
        gender = _GENDERS.get(value.strip().lower())
        if gender is None:
            report.note("gender", value)
            return
        self.add("gender", gender)

    def build(self, dataset: str, report: ParseReport) -> tuple[Entity, Entity]:
        """The entry and its Sanction."""
        entity = make_entity(self._schema(report), self.entity_id, dataset)
        for prop, value, cleaned in self.props:
            _put(entity, prop, value, cleaned, report)
        entity.add("topics", "sanction")
        return entity, self._build_sanction(dataset)

    def _schema(self, report: ParseReport) -> str:
        schema = ENTRY_SCHEMATA.get(self.entry_type.strip().lower())
        if schema is None:
            report.note("entryType", self.entry_type or "(missing)")
            return "LegalEntity"
        if schema == "Organization" and any(p in _COMPANY_ONLY for p, _, _ in self.props):
            return "Company"
        return schema

    def _build_sanction(self, dataset: str) -> Entity:
        sanction = make_entity("Sanction", make_id("ofac-sanction", self.source_id), dataset)
        sanction.add("entity", self.entity_id)
        sanction.add("authority", AUTHORITY)
        sanction.add("authorityId", self.source_id)
        for prop, value in self.sanction:
            sanction.add(prop, value)
        return sanction


def _put(entity: Entity, prop: str, value: str, cleaned: bool, report: ParseReport) -> None:
    properties = entity.schema.properties
    if prop not in properties and FALLBACKS.get(prop) in properties:
        prop = FALLBACKS[prop]
    if prop in properties:
        entity.add(prop, value, cleaned=cleaned)
        return
    report.note(f"property:{entity.schema.name}.{prop}", value)
    entity.add("notes", f"{prop}: {value}")
