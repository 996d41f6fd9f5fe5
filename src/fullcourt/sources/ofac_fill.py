"""Writing OFAC values into FtM entities without losing any of them.

FtM silently drops a value it cannot clean. For a country or a date that is right (the
remark parser already turned dates into ISO, so a failure means a new wording that
must be reported); for identifiers it is wrong, because an IMO number with a bad check
digit or a phone number without ``+`` is still evidence, so those are kept as written.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from followthemoney import registry

from fullcourt.model.entity import Entity, make_entity, make_id
from fullcourt.sources.ofac_remark_data import Document, Remarks
from fullcourt.sources.report import ParseReport

# Identifiers the store checks itself; kept exactly as OFAC wrote them.
_RAW_PROPS = frozenset({"imoNumber", "mmsi"})
# A vehicle's "nationality of registration" is its country; it has no jurisdiction.
_FALLBACKS = {"jurisdiction": "country"}
# Types FtM cannot store uncleaned: an unreadable value is reported and kept as a note.
_STRICT_TYPES = frozenset({registry.country, registry.date, registry.gender})


def add_value(entity: Entity, prop: str, value: str, report: ParseReport, example: str) -> None:
    """Add one value; a property the schema lacks or an unreadable value is reported."""
    text = value.strip()
    if not text:
        return
    schema_prop = entity.schema.properties.get(prop) or entity.schema.properties.get(
        _FALLBACKS.get(prop, "")
    )
    if schema_prop is None:
        report.note(f"unfit:{entity.schema.name}.{prop}", example)
        return
    if schema_prop.name in _RAW_PROPS:
        entity.add(schema_prop, text, cleaned=True)
        return
    if schema_prop.type is registry.country:
        cleaned = _country(text)
    else:
        cleaned = schema_prop.type.clean(text, proxy=entity)
    if cleaned is None:
        if schema_prop.type in _STRICT_TYPES:
            report.note(f"unparsed:{prop}", example)
            if "notes" in entity.schema.properties:
                entity.add("notes", example, cleaned=True)
            return
        cleaned = text
    original = text if cleaned != text else None
    entity.add(schema_prop, cleaned, cleaned=True, original_value=original)


@lru_cache(maxsize=4096)
def _country(text: str) -> str | None:
    """Country names repeat thousands of times per file and are slow to look up."""
    return registry.country.clean(text)


def remark_entities(
    holder: Entity, remarks: Remarks, dataset: str, report: ParseReport
) -> Iterator[Entity]:
    """Identification and CryptoWallet entities for what a remark says about ``holder``.

    Only a legal entity holds papers in FtM; a vessel's documents stay in its notes
    (see :func:`~fullcourt.sources.ofac_remarks.apply_remarks`).
    """
    if holder.schema.is_a("LegalEntity"):
        for doc in remarks.documents:
            yield _identification(holder, doc, dataset, report)
    for wallet in remarks.wallets:
        wallet_id = make_id("ofac-wallet", wallet.currency, wallet.address)
        entity = make_entity("CryptoWallet", wallet_id, dataset)
        entity.add("publicKey", wallet.address, cleaned=True)
        entity.add("currencySymbol", wallet.currency, cleaned=True)
        entity.add("holder", holder.id)
        yield entity


def _identification(holder: Entity, doc: Document, dataset: str, report: ParseReport) -> Entity:
    schema = "Passport" if doc.prop == "passportNumber" else "Identification"
    doc_id = make_id("ofac-id", str(holder.id), doc.label, doc.number)
    entity = make_entity(schema, doc_id, dataset)
    entity.add("holder", holder.id)
    entity.add("number", doc.number, cleaned=True)
    entity.add("type", doc.label, cleaned=True)
    example = f"{doc.label} {doc.number}"
    if doc.country:
        # The parenthesis names a country, or else the registry (``Folio Mercantil No.
        # 22839 (Jalisco)``, ``Matricula Mercantil No 57622 (Uraba)``).
        code = _country(doc.country)
        entity.add("country" if code else "authority", code or doc.country, cleaned=True)
    for date in doc.issued:
        add_value(entity, "startDate", date, report, example)
    for date in doc.expires:
        add_value(entity, "endDate", date, report, example)
    return entity
