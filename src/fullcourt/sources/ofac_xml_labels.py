"""OFAC's labelled values (``idType`` in sdn.xml, feature and document types in the
enhanced XML) and where each lands in FtM.

Both XML schemas, and the CSV remarks, use the same vocabulary of labels ("Passport",
"Vessel Registration Identification", "Secondary sanctions risk:"), sometimes with a
trailing ``-`` or ``:`` and sometimes without, so one table serves both parsers and
labels are compared in a normalised form. Labels that describe the sanction rather than
the entry (directives, secondary sanctions risk) go to the entry's Sanction.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from fullcourt.sources.dates import parse_date

MAX_SPAN_YEARS = 15


@dataclass(frozen=True, slots=True)
class Target:
    """Where a labelled value goes.

    ``kind`` says how the value is cleaned: ``text`` as written, ``date`` to ISO, ``imo``
    and ``mmsi`` kept as text even when invalid, ``gender``, ``provision`` (the label and
    value as one sentence), ``owner`` (a name to link to, ``prop`` being the role).
    """

    prop: str
    kind: str = "text"
    sanction: bool = False


_PASSPORTS = "passport|diplomatic passport|british national overseas passport|"
_PASSPORTS += "stateless person passport"
_ID_NUMBERS = (
    "national id no.|cedula no.|d.n.i.|personal id card|identification number|"
    "numero de identidad|tazkira national id card|turkish identification number|"
    "uae identification|citizen's card number|national foreign id number|kenyan id no.|"
    "moroccan personal id no.|bosnian personal id no.|cnp (personal numerical code)|"
    "c.u.r.p.|c.i.n.|credencial electoral|electoral registry no.|i.f.e.|residency number|"
    "immigration no.|public security and immigration no.|travel document number|"
    "visanumberid|refugee id card|stateless person id card|birth certificate number|"
    "seafarer's identification document|driver's license no.|military registration number|"
    "cartilla de servicio militar nacional|romanian permanent resident|c.u.i.p.|le number|"
    "serial no.|pilot license number"
)
_TAX_NUMBERS = (
    "tax id no.|r.f.c.|rfc|nit #|ruc #|rif #|c.u.i.t.|c.u.i.|italian fiscal code|fiscal code|"
    "us fein|paraguayan tax identification number|romanian tax registration|rtn|n.i.f.|"
    "c.i.f.|numero unico de identificacao tributaria (nuit)|n.i.e."
)
_REGISTRATIONS = (
    "registration id|registration number|company number|uk company number|"
    "commercial registry number|business registration document #|"
    "business registration number|public registration number|"
    "certificate of incorporation number|c.r. no.|romanian c.r.|matricula mercantil no|"
    "folio mercantil no.|chamber of commerce number|istanbul chamber of comm. no.|"
    "dubai chamber of commerce membership no.|registration certificate number (dubai)|"
    "registered charity no.|enterprise number|business number|organization code|"
    "branch unit number|unified social credit code (uscc)|"
    "united social credit code certificate (usccc)|central registration system number|"
    "economic register number (cbls)|government gazette number|chinese commercial code|"
    "file number|rsin|russian state individual business registration number pattern (ogrnip)"
)
_LICENSES = (
    "license|trade license no.|tourism license no.|msb registration number|permit number|"
    "afghan money service provider license number|sre permit no."
)
_PROVISIONS = (
    "additional sanctions information|secondary sanctions risk|"
    "executive order 13662 directive determination|executive order 13846 information|"
    "executive order 14014 directive information|executive order 14024 directive information|"
    "executive order 14059 information|caatsa section 235 information|ifca determination|"
    "peesa information|purchase/sales for divestment date (cmic)|"
    "transactions prohibited for persons owned or controlled by u.s. financial institutions"
)


def _group(labels: str, target: Target) -> dict[str, Target]:
    return {label: target for label in labels.split("|")}


LABELS: dict[str, Target] = {
    **_group(_PASSPORTS, Target("passportNumber")),
    **_group(_ID_NUMBERS, Target("idNumber")),
    **_group(_TAX_NUMBERS, Target("taxNumber")),
    **_group(_REGISTRATIONS, Target("registrationNumber")),
    **_group(_LICENSES, Target("licenseNumber")),
    **_group(_PROVISIONS, Target("provisions", "provision", sanction=True)),
    "ssn": Target("socialSecurityNumber"),
    "v.a.t. number": Target("vatCode"),
    "legal entity number": Target("leiCode"),
    "d-u-n-s number": Target("dunsCode"),
    "global intermediary identification number": Target("giiNumber"),
    "swift/bic": Target("swiftBic"),
    "bik (ru)": Target("bikCode"),
    "isin": Target("isinCode"),
    "equity ticker": Target("ticker"),
    "issuer name": Target("alias"),
    "website": Target("website"),
    "email address": Target("email"),
    "phone number": Target("phone"),
    "gender": Target("gender", "gender"),
    "birthdate": Target("birthDate", "date"),
    "place of birth": Target("birthPlace"),
    "nationality country": Target("nationality"),
    "citizenship country": Target("citizenship"),
    "nationality of registration": Target("jurisdiction"),
    "registration country": Target("jurisdiction"),
    "organization established date": Target("incorporationDate", "date"),
    "organization type": Target("sector"),
    "target type": Target("classification"),
    "vessel registration identification": Target("imoNumber", "imo"),
    "mmsi": Target("mmsi", "mmsi"),
    "vessel call sign": Target("callSign"),
    "other vessel call sign": Target("callSign"),
    "vessel flag": Target("flag"),
    "other vessel flag": Target("flag"),
    "former vessel flag": Target("pastFlags"),
    "vessel type": Target("type"),
    "other vessel type": Target("type"),
    "vessel tonnage": Target("tonnage"),
    "vessel gross registered tonnage": Target("grossRegisteredTonnage"),
    "vessel year of build": Target("buildDate", "date"),
    "vessel owner": Target("Vessel Owner", "owner"),
    "aircraft operator": Target("Operator", "owner"),
    "aircraft construction number (also called l/n or s/n or f/n)": Target("serialNumber"),
    "aircraft manufacturer's serial number (msn)": Target("serialNumber"),
    "aircraft model": Target("model"),
    "aircraft manufacture date": Target("buildDate", "date"),
    "aircraft tail number": Target("registrationNumber"),
    "previous aircraft tail number": Target("registrationNumber"),
    "aircraft mode s transponder code": Target("icaoCode"),
    "for more information, please see": Target("sourceUrl", sanction=True),
}

_PREFIXES = {
    "listing date (": Target("provisions", "provision", sanction=True),
    "effective date (": Target("provisions", "provision", sanction=True),
    "executive order ": Target("provisions", "provision", sanction=True),
}


def normalise_label(label: str) -> str:
    """``Secondary sanctions risk:`` and ``secondary sanctions risk`` compare equal."""
    return " ".join(label.lower().split()).rstrip(" :-").strip()


def lookup(label: str) -> Target | None:
    """The target of a label, or None when OFAC uses a label this table does not know."""
    key = normalise_label(label)
    if key in LABELS:
        return LABELS[key]
    for prefix, target in _PREFIXES.items():
        if key.startswith(prefix):
            return target
    return None


def imo_text(value: str) -> str:
    """``IMO 9615092`` -> ``9615092``; anything else is kept as written, for flagging."""
    return re.sub(r"^imo[\s:.]*", "", value.strip(), flags=re.IGNORECASE)


def span_dates(begin: str, end: str) -> list[str]:
    """ISO dates for a span between two ISO days, at the precision the span implies.

    OFAC writes a year as ``01 Jan 1962 to 31 Dec 1962`` in the enhanced XML and a range
    of years as ``01 Jan 1953 to 31 Dec 1954``: whole years become years, a whole month
    becomes a month, anything else keeps both ends.
    """
    if begin == end:
        return [begin]
    if len(begin) != 10 or len(end) != 10:
        return [begin, end]
    (y1, m1, d1), (y2, m2, d2) = (_ymd(begin), _ymd(end))
    if m1 == 1 and d1 == 1 and m2 == 12 and d2 == 31 and 0 <= y2 - y1 <= MAX_SPAN_YEARS:
        return [f"{y:04d}" for y in range(y1, y2 + 1)]
    if (y1, m1) == (y2, m2) and d1 == 1 and d2 == calendar.monthrange(y2, m2)[1]:
        return [begin[:7]]
    return [begin, end]


def _ymd(iso: str) -> tuple[int, int, int]:
    return int(iso[:4]), int(iso[5:7]), int(iso[8:10])


def written_dates(text: str) -> list[str]:
    """Dates as OFAC writes them, including ranges of full dates ``A to B``."""
    found = parse_date(text)
    if found or " to " not in text:
        return found
    start, _, stop = text.partition(" to ")
    begins, ends = parse_date(start), parse_date(stop)
    if len(begins) == 1 and len(ends) == 1:
        return span_dates(begins[0], ends[0])
    return []
