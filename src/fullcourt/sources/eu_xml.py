"""The EU Financial Sanctions Files (FSF) consolidated list, XML export format 1.1.

The file is one ``export`` element holding ``sanctionEntity`` elements whose data sit in
attributes of child elements (``nameAlias``, ``birthdate``, ``identification``...). Each
child also carries ``regulationSummary``, ``logicalId`` and ``regulationLanguage``:
bookkeeping of the EU database (the amendment that last touched the value), not facts
about the subject, so they are not carried.

The EU has published the namespace as ``http://eu.europa.ec/fpi/fsd/export`` (sic,
``.ec``) for years; the ``.eu`` spelling is accepted too in case it is ever corrected.
An attribute that is neither read nor listed in ``_KNOWN`` is noted in the report, and so
is a value FtM rejects: a format change shows up as counts, not as silently thinner data.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from lxml import etree
from rigour.langs import iso_639_alpha3

from fullcourt.model.entity import Entity, make_entity, make_id
from fullcourt.model.record import Record
from fullcourt.sources.errors import SourceError
from fullcourt.sources.report import ParseReport

NAMESPACES = frozenset({"http://eu.europa.ec/fpi/fsd/export", "http://eu.europa.eu/fpi/fsd/export"})
AUTHORITY = "European Union"
SCHEMATA = {"person": "Person", "enterprise": "Organization"}
GENDERS = {"M": "male", "F": "female"}
# identificationTypeCode -> FtM property of the holder; unknown codes go to idNumber, noted.
ID_PROPS = {
    "passport": "passportNumber",
    "id": "idNumber",
    "other": "idNumber",
    "ssn": "idNumber",
    "birthcert": "idNumber",
    "regnumber": "registrationNumber",
    "tradelic": "registrationNumber",
    "fiscalcode": "taxNumber",
    "swiftbic": "swiftBic",
    "imo": "imoNumber",
}
ID_FLAGS = ("diplomatic", "knownExpired", "knownFalse", "reportedLost", "revokedByIssuer")
CONTACT_PROPS = {"PHONE": "phone", "FAX": "phone", "EMAIL": "email", "WEB": "website"}
# Attributes read below, or (regulationType, organisationType, asAtListingTime,
# classificationCode) deliberately not carried because they describe the EU's records.
_KNOWN = {
    tag: {*names.split(), "logicalId", "regulationLanguage"}
    for tag, names in {
        "sanctionEntity": "designationDetails unitedNationId euReferenceNumber designationDate",
        "regulation": "programme publicationDate entryIntoForceDate numberTitle publicationUrl "
        "regulationType organisationType",
        "subjectType": "code classificationCode",
        "nameAlias": "firstName middleName lastName wholeName gender title function "
        "nameLanguage strong",
        "citizenship": "countryIso2Code countryDescription",
        "birthdate": "birthdate year monthOfYear dayOfMonth city place zipCode region "
        "countryIso2Code countryDescription circa calendarType",
        "identification": "number latinNumber identificationTypeCode countryIso2Code "
        "identificationTypeDescription countryDescription issuedBy " + " ".join(ID_FLAGS),
        "address": "street poBox zipCode city place region countryIso2Code countryDescription "
        "asAtListingTime",
        "contactInfo": "key value",
    }.items()
}
_SUB_ELEMENTS = {"regulationSummary", "remark", "contactInfo", "publicationUrl"}


def sniff_eu_xml(head: bytes) -> bool:
    """An ``export`` root in the FSF namespace within the first bytes."""
    text = head.decode("utf-8", errors="ignore")
    return "<export" in text and any(ns in text for ns in NAMESPACES)


def add_checked(
    entity: Entity, prop: str, value: str | None, report: ParseReport, *, lang: str | None = None
) -> None:
    """Add a value through FtM cleaning; a value FtM would drop silently is noted instead."""
    text = " ".join((value or "").split())
    if not text:
        return
    prop_obj = entity.schema.properties.get(prop)
    if prop_obj is None:
        report.note(f"no-property:{entity.schema.name}.{prop}", text)
        return
    clean = prop_obj.type.clean(text, proxy=entity)
    if clean is None:
        report.note(f"rejected:{prop}", text)
        return
    original = text if clean != text else None
    entity.add(prop_obj, clean, cleaned=True, lang=lang, original_value=original)


def parse_eu_xml(
    stream: BinaryIO, *, name: str, dataset: str, report: ParseReport
) -> Iterator[Record]:
    """Records of an FSF export, read entry by entry so memory stays flat."""
    depth = 0
    events = etree.iterparse(stream, events=("start", "end"), resolve_entities=False)
    try:
        for event, elem in events:
            depth += 1 if event == "start" else -1
            if event == "start" and depth == 1:
                _check_root(elem, name, report)
            elif event == "end" and depth == 1:
                if _local(elem) == "sanctionEntity":
                    yield from _entry(elem, name, dataset, report)
                else:
                    report.note(f"element:export/{_local(elem)}", str(_line(elem)))
                elem.clear()
                while (parent := elem.getparent()) is not None and elem.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        if not exc.lineno:
            raise SourceError("empty file, expected an FSF XML export", file=name, line=1) from exc
        raise SourceError(f"malformed XML: {exc.msg}", file=name, line=exc.lineno) from exc


def _local(elem: etree._Element) -> str:
    return etree.QName(elem).localname


def _line(elem: etree._Element) -> int | None:
    line = elem.sourceline
    return line if isinstance(line, int) else None


def _children(elem: etree._Element) -> Iterator[etree._Element]:
    return (child for child in elem if isinstance(child.tag, str))


def _attrs(elem: etree._Element, report: ParseReport) -> dict[str, str]:
    """Non-empty attributes (whitespace collapsed), noting those not in ``_KNOWN``."""
    tag = _local(elem)
    values = {str(k): " ".join(str(v).split()) for k, v in elem.attrib.items()}
    values = {k: v for k, v in values.items() if v}
    for key in values.keys() - _KNOWN.get(tag, set()):
        report.note(f"attribute:{tag}@{key}", values[key])
    return values


def _check_root(elem: etree._Element, name: str, report: ParseReport) -> None:
    qname = etree.QName(elem)
    if qname.localname != "export" or qname.namespace not in NAMESPACES:
        message = f"not an EU FSF export: root element is {elem.tag!r}"
        raise SourceError(message, file=name, line=_line(elem))
    generated = elem.get("generationDate", "")
    if len(generated) >= 10 and generated[4] == "-":
        report.published = generated[:10]


def _entry(elem: etree._Element, name: str, dataset: str, report: ParseReport) -> Iterator[Record]:
    attrs = _attrs(elem, report)
    logical_id = attrs.get("logicalId")
    if not logical_id:
        message = "sanctionEntity without logicalId"
        raise SourceError(message, file=name, line=_line(elem), field="logicalId")
    entity = make_entity(_schema(elem, report), make_id("eu", logical_id), dataset)
    entity.add("topics", "sanction")
    regulations: list[dict[str, str]] = []
    documents: list[Entity] = []
    named = False
    for child in _children(elem):
        tag = _local(child)
        if tag == "nameAlias":
            named = _name(entity, child, report, first=not named) or named
        elif tag == "regulation":
            regulations.append(_sub_attrs(entity, child, report))
        elif tag == "identification":
            documents.extend(_identification(entity, child, report))
        elif tag == "remark":
            add_checked(entity, "notes", child.text, report)
        elif tag in _HANDLERS:
            _HANDLERS[tag](entity, _sub_attrs(entity, child, report), report)
        elif tag != "subjectType":
            report.note(f"element:sanctionEntity/{tag}", (child.text or "").strip())
    if not named:
        report.note("missing:nameAlias", logical_id)
    report.records += 1
    yield Record(entity, source_id=logical_id)
    yield Record(_sanction(entity, logical_id, attrs, regulations, report))
    yield from (Record(document) for document in documents)


def _schema(elem: etree._Element, report: ParseReport) -> str:
    for child in _children(elem):
        if _local(child) == "subjectType":
            code = _attrs(child, report).get("code", "")
            if code in SCHEMATA:
                return SCHEMATA[code]
            report.note("subjectType", code)
    return "LegalEntity"


def _sub_attrs(entity: Entity, elem: etree._Element, report: ParseReport) -> dict[str, str]:
    """Attributes of a child element; its remarks become notes, its contacts values."""
    attrs = _attrs(elem, report)
    for sub in _children(elem):
        tag = _local(sub)
        if tag == "remark":
            add_checked(entity, "notes", sub.text, report)
        elif tag == "publicationUrl" and sub.text:
            attrs["publicationUrl"] = sub.text.strip()
        elif tag == "contactInfo":
            info = _attrs(sub, report)
            prop = CONTACT_PROPS.get(info.get("key", "").upper())
            if prop is None:
                report.note("contactInfo@key", info.get("key", ""))
            add_checked(entity, prop or "notes", info.get("value"), report)
        elif tag not in _SUB_ELEMENTS:
            report.note(f"element:{_local(elem)}/{tag}", (sub.text or "").strip())
    return attrs


def _name(entity: Entity, elem: etree._Element, report: ParseReport, *, first: bool) -> bool:
    """The first alias with a name is the name; later strong ones are aliases, weak ones
    weak aliases. Returns whether it held a name, so that an alias carrying only a title
    does not take the place of the name."""
    attrs = _sub_attrs(entity, elem, report)
    lang = iso_639_alpha3(attrs["nameLanguage"]) if "nameLanguage" in attrs else None
    parts = {k: attrs.get(k, "") for k in ("firstName", "middleName", "lastName")}
    whole = attrs.get("wholeName") or " ".join(p for p in parts.values() if p)
    strong = attrs.get("strong", "true").lower() != "false"
    prop = "name" if first else "alias" if strong else "weakAlias"
    add_checked(entity, prop, whole, report, lang=lang)
    for key, value in parts.items():
        add_checked(entity, key, value, report, lang=lang)
    gender = attrs.get("gender", "")
    add_checked(entity, "gender", GENDERS.get(gender, gender), report)
    add_checked(entity, "title", attrs.get("title"), report)
    add_checked(entity, "position", attrs.get("function"), report)
    return bool(whole)


def _country(attrs: dict[str, str]) -> str | None:
    code = attrs.get("countryIso2Code", "")
    return code if code not in ("", "00") else None


def _place(attrs: dict[str, str], keys: tuple[str, ...]) -> str:
    return ", ".join(v for k in keys if (v := attrs.get(k)) and v != "UNKNOWN")


def _citizenship(entity: Entity, attrs: dict[str, str], report: ParseReport) -> None:
    prop = "nationality" if entity.schema.is_a("Person") else "country"
    add_checked(entity, prop, _country(attrs) or attrs.get("countryDescription"), report)


def _birthdate(entity: Entity, attrs: dict[str, str], report: ParseReport) -> None:
    parts = [attrs.get(k, "") for k in ("year", "monthOfYear", "dayOfMonth")]
    date = attrs.get("birthdate") or "-".join(p.zfill(2) for p in parts if p)
    if date and attrs.get("circa", "false").lower() == "true":
        date = date[:4]  # an approximate date is only as precise as its year
    if attrs.get("calendarType", "GREGORIAN") != "GREGORIAN":
        report.note("birthdate@calendarType", attrs["calendarType"])
    person = entity.schema.is_a("Person")
    add_checked(entity, "birthDate" if person else "incorporationDate", date, report)
    place = _place(attrs, ("city", "place", "zipCode", "region", "countryDescription"))
    add_checked(entity, "birthPlace" if person else "address", place, report)
    if person:
        add_checked(entity, "birthCountry", _country(attrs), report)


def _address(entity: Entity, attrs: dict[str, str], report: ParseReport) -> None:
    keys = ("street", "poBox", "zipCode", "city", "place", "region", "countryDescription")
    add_checked(entity, "address", _place(attrs, keys), report)
    add_checked(entity, "country", _country(attrs), report)


_HANDLERS = {"citizenship": _citizenship, "birthdate": _birthdate, "address": _address}


def _identification(entity: Entity, elem: etree._Element, report: ParseReport) -> Iterator[Entity]:
    """A flat number on the entry for screening, and a document entity that keeps the
    issuing country, the issuer and the EU's flags (known false, reported lost...)."""
    attrs = _sub_attrs(entity, elem, report)
    code = attrs.get("identificationTypeCode", "")
    if code not in ID_PROPS:
        report.note(
            "identificationTypeCode", f"{code}: {attrs.get('identificationTypeDescription')}"
        )
    prop = ID_PROPS.get(code, "idNumber")
    prop = prop if prop in entity.schema.properties else "idNumber"
    numbers = [n for n in (attrs.get("number"), attrs.get("latinNumber")) if n]
    if not numbers:
        return
    entity.add(prop, numbers, cleaned=True)  # identifiers are kept as written
    schema = "Passport" if code == "passport" else "Identification"
    doc_id = make_id("eu-id", str(entity.id), attrs.get("logicalId") or numbers[0])
    document = make_entity(schema, doc_id, entity.dataset.name)
    document.add("holder", entity.id)
    document.add("number", numbers, cleaned=True)
    add_checked(document, "type", attrs.get("identificationTypeDescription") or code, report)
    add_checked(document, "country", _country(attrs), report)
    add_checked(document, "authority", attrs.get("issuedBy"), report)
    flags = [flag for flag in ID_FLAGS if attrs.get(flag, "false").lower() == "true"]
    add_checked(document, "summary", ", ".join(flags), report)
    yield document


def _sanction(
    entity: Entity,
    logical_id: str,
    attrs: dict[str, str],
    regulations: list[dict[str, str]],
    report: ParseReport,
) -> Entity:
    """One sanction per entry; every regulation that names the entry adds its programme,
    its title and its Official Journal link, and the earliest dates are the listing."""
    sanction = make_entity("Sanction", make_id("eu-sanction", logical_id), entity.dataset.name)
    sanction.add("entity", entity.id)
    sanction.add("authority", AUTHORITY)
    add_checked(sanction, "authorityId", attrs.get("euReferenceNumber"), report)
    add_checked(sanction, "unscId", attrs.get("unitedNationId"), report)
    add_checked(sanction, "summary", attrs.get("designationDetails"), report)
    published = sorted(r["publicationDate"] for r in regulations if "publicationDate" in r)
    in_force = sorted(r["entryIntoForceDate"] for r in regulations if "entryIntoForceDate" in r)
    listed = attrs.get("designationDate") or next(iter(published), None)
    add_checked(sanction, "listingDate", listed, report)
    add_checked(sanction, "startDate", next(iter(in_force), None), report)
    for regulation in regulations:
        add_checked(sanction, "program", regulation.get("programme"), report)
        add_checked(sanction, "description", regulation.get("numberTitle"), report)
        add_checked(sanction, "sourceUrl", regulation.get("publicationUrl"), report)
    return sanction
