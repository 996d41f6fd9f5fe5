"""The vocabulary of OFAC remark items: which written label feeds which FtM property.

OFAC remarks are ``Label value`` items. The labels are a closed but growing vocabulary,
so they live in one table that a reviewer can compare with the list's own wording; an
item whose label is not here is reported (``remark:<label>``), never guessed at.
"""

from __future__ import annotations

import re
from enum import Enum


class Kind(Enum):
    """How the value after a label is read."""

    DATE = "date"  # one or more dates, ISO prefixes
    TEXT = "text"  # free text kept as written
    COUNTRY = "country"  # a country name FtM cleans to a code
    GENDER = "gender"
    ALIAS = "alias"  # a quoted name
    LINK = "link"  # the name of another party
    DOC = "doc"  # an identity or registration document: number, country, dates
    CODE = "code"  # an identifier or contact value without document details
    PHONE = "phone"
    WALLET = "wallet"  # ``- XBT address``
    PROVISION = "provision"  # sanction wording: the whole item goes to the Sanction
    URL = "url"  # a link to the program's page: goes to the Sanction
    WHOLE = "whole"  # the whole item, label included, is the value


# Lower-cased label -> (kind, FtM property, or link role for LINK).
LABELS: dict[str, tuple[Kind, str]] = {
    "dob": (Kind.DATE, "birthDate"),
    "pob": (Kind.TEXT, "birthPlace"),
    "nationality": (Kind.COUNTRY, "nationality"),
    "citizen": (Kind.COUNTRY, "citizenship"),
    "gender": (Kind.GENDER, "gender"),
    "title": (Kind.TEXT, "position"),
    "a.k.a.": (Kind.ALIAS, "weakAlias"),
    "n.k.a.": (Kind.ALIAS, "weakAlias"),
    "f.k.a.": (Kind.ALIAS, "previousName"),
    "linked to": (Kind.LINK, "Linked To"),
    "aircraft operator": (Kind.LINK, "Operator"),
    "organization established date": (Kind.DATE, "incorporationDate"),
    "organization type": (Kind.TEXT, "sector"),
    "target type": (Kind.TEXT, "classification"),
    "nationality of registration": (Kind.COUNTRY, "jurisdiction"),
    "registration country": (Kind.COUNTRY, "jurisdiction"),
    "position": (Kind.TEXT, "position"),
    # Vessels and aircraft.
    "vessel registration identification": (Kind.CODE, "imoNumber"),
    "mmsi": (Kind.CODE, "mmsi"),
    "call sign": (Kind.CODE, "callSign"),
    "other vessel call sign": (Kind.CODE, "callSign"),
    "vessel flag": (Kind.COUNTRY, "flag"),
    "other vessel flag": (Kind.COUNTRY, "flag"),
    "former vessel flag": (Kind.COUNTRY, "pastFlags"),
    "vessel type": (Kind.TEXT, "type"),
    "other vessel type": (Kind.TEXT, "type"),
    "vessel year of build": (Kind.DATE, "buildDate"),
    "aircraft manufacture date": (Kind.DATE, "buildDate"),
    "aircraft manufacturer": (Kind.TEXT, "manufacturer"),
    "aircraft model": (Kind.TEXT, "model"),
    "aircraft construction number (also called l/n or s/n or f/n)": (Kind.CODE, "serialNumber"),
    "aircraft manufacturer's serial number (msn)": (Kind.CODE, "serialNumber"),
    "aircraft tail number": (Kind.CODE, "registrationNumber"),
    "previous aircraft tail number": (Kind.CODE, "registrationNumber"),
    "aircraft mode s transponder code": (Kind.CODE, "icaoCode"),
    "aircraft serial identification": (Kind.CODE, "serialNumber"),
    # Contact and codes.
    "website": (Kind.CODE, "website"),
    "email address": (Kind.CODE, "email"),
    "email": (Kind.CODE, "email"),
    "phone": (Kind.PHONE, "phone"),
    "phone number": (Kind.PHONE, "phone"),
    "phone no.": (Kind.PHONE, "phone"),
    "telephone": (Kind.PHONE, "phone"),
    "telephone no.": (Kind.PHONE, "phone"),
    "telephone number": (Kind.PHONE, "phone"),
    "fax": (Kind.PHONE, "phone"),
    "fax no.": (Kind.PHONE, "phone"),
    "swift/bic": (Kind.CODE, "swiftBic"),
    "legal entity number": (Kind.CODE, "leiCode"),
    "d-u-n-s number": (Kind.CODE, "dunsCode"),
    "bik (ru)": (Kind.CODE, "bikCode"),
    "isin": (Kind.CODE, "isinCode"),
    "equity ticker": (Kind.CODE, "ticker"),
    "global intermediary identification number": (Kind.CODE, "giiNumber"),
    "issuer name": (Kind.TEXT, "alias"),
    "micex code": (Kind.CODE, "ticker"),
    "digital currency address": (Kind.WALLET, "publicKey"),
    # Sanction wording.
    "additional sanctions information": (Kind.PROVISION, "provisions"),
    "secondary sanctions risk": (Kind.PROVISION, "provisions"),
    "transactions prohibited for persons owned or controlled by u.s. financial institutions": (
        Kind.PROVISION,
        "provisions",
    ),
    "executive order": (Kind.PROVISION, "provisions"),
    "caatsa section 235 information": (Kind.PROVISION, "provisions"),
    "ifca determination": (Kind.PROVISION, "provisions"),
    "listing date": (Kind.PROVISION, "provisions"),
    "effective date": (Kind.PROVISION, "provisions"),
    "purchase/sales for divestment date": (Kind.PROVISION, "provisions"),
    "u.s. persons must continue to block": (Kind.PROVISION, "provisions"),
    "for more information": (Kind.URL, "programUrl"),
    # Status phrases kept whole.
    "icty indictee": (Kind.WHOLE, "notes"),
    "arrested": (Kind.WHOLE, "notes"),
    "all offices worldwide": (Kind.WHOLE, "notes"),
    "all branches worldwide": (Kind.WHOLE, "notes"),
    "chinese commercial code": (Kind.WHOLE, "notes"),
    "un/locode": (Kind.WHOLE, "notes"),
    "bic container code": (Kind.WHOLE, "notes"),
    "member of": (Kind.WHOLE, "position"),
}

# Document labels -> the entity property its number feeds. Country and dates stay with
# the document (an Identification entity), because they describe the document, not the
# holder: a Syrian may hold a Lebanese passport.
DOCUMENTS: dict[str, str] = {
    "passport": "passportNumber",
    "diplomatic passport": "passportNumber",
    "travel document number": "passportNumber",
    "national id no.": "idNumber",
    "national foreign id number": "idNumber",
    "identification number": "idNumber",
    "personal id card": "idNumber",
    "residency number": "idNumber",
    "birth certificate number": "idNumber",
    "cedula no.": "idNumber",
    "c.u.r.p.": "idNumber",
    "curp #": "idNumber",
    "d.n.i.": "idNumber",
    "i.f.e.": "idNumber",
    "credencial electoral": "idNumber",
    "electoral registry no.": "idNumber",
    "numero de identidad": "idNumber",
    "cartilla de servicio militar nacional": "idNumber",
    "driver's license no.": "idNumber",
    "c.u.i.": "idNumber",
    "citizen's card number": "idNumber",
    "turkish identification number": "idNumber",
    "turkish identificiation number": "idNumber",  # sic, as OFAC wrote it
    "kenyan id no.": "idNumber",
    "tazkira national id card": "idNumber",
    "moroccan personal id no.": "idNumber",
    "bosnian personal id no.": "idNumber",
    "cnp (personal numerical code)": "idNumber",
    "federal id card": "idNumber",
    "refugee id card": "idNumber",
    "stateless person id card": "idNumber",
    "military registration number": "idNumber",
    "immigration no.": "idNumber",
    "public security and immigration no.": "idNumber",
    "visanumberid": "idNumber",
    "sre permit no.": "idNumber",
    "le number": "idNumber",
    "uae identification": "idNumber",
    "c.i.n.": "idNumber",
    "c.u.i.p.": "idNumber",
    "seafarer's identification document": "idNumber",
    "romanian permanent resident": "idNumber",
    "serial no.": "idNumber",
    "stateless person passport": "passportNumber",
    "british national overseas passport": "passportNumber",
    "ssn": "socialSecurityNumber",
    "tax id no.": "taxNumber",
    "r.f.c.": "taxNumber",
    "rfc": "taxNumber",
    "nit #": "taxNumber",
    "rtn": "taxNumber",
    "italian fiscal code": "taxNumber",
    "fiscal code": "taxNumber",
    "romanian tax registration": "taxNumber",
    "paraguayan tax identification number": "taxNumber",
    "ruc #": "taxNumber",
    "rif #": "taxNumber",
    "rut #": "taxNumber",
    "us fein": "taxNumber",
    "c.u.i.t.": "taxNumber",
    "c.i.f.": "taxNumber",
    "n.i.f.": "taxNumber",
    "n.i.e.": "taxNumber",
    "numero unico de identificacao tributaria (nuit)": "taxNumber",
    "v.a.t. number": "vatCode",
    "registration id": "registrationNumber",
    "registration number": "registrationNumber",
    "public registration number": "registrationNumber",
    "business registration number": "registrationNumber",
    "business registration document #": "registrationNumber",
    "business number": "registrationNumber",
    "company number": "registrationNumber",
    "uk company number": "registrationNumber",
    "commercial registry number": "registrationNumber",
    "chamber of commerce number": "registrationNumber",
    "istanbul chamber of comm. no.": "registrationNumber",
    "dubai chamber of commerce membership no.": "registrationNumber",
    "economic register number": "registrationNumber",
    "enterprise number": "registrationNumber",
    "branch unit number": "registrationNumber",
    "certificate of incorporation number": "registrationNumber",
    "registration certificate number": "registrationNumber",
    "file number": "registrationNumber",
    "organization code": "registrationNumber",
    "msb registration number": "registrationNumber",
    "company id": "registrationNumber",
    "russian state individual business registration number pattern (ogrnip)": (
        "registrationNumber"
    ),
    "central registration system number": "registrationNumber",
    "registered charity no.": "registrationNumber",
    "folio mercantil no.": "registrationNumber",
    "matricula mercantil no": "registrationNumber",
    "c.r. no.": "registrationNumber",
    "unified social credit code (uscc)": "uscCode",
    "united social credit code certificate (usccc)": "uscCode",
    "government gazette number": "registrationNumber",
    "rsin": "registrationNumber",
    "romanian c.r.": "registrationNumber",
    "trade license no.": "licenseNumber",
    "license": "licenseNumber",
    "permit number": "licenseNumber",
    "tourism license no.": "licenseNumber",
    "pilot license number": "licenseNumber",
    "afghan money service provider license number": "licenseNumber",
}

# Ranks OFAC writes as a bare item (``Major General.``): a position, not a label.
RANKS = frozenset(
    {
        "general",
        "lieutenant-general",
        "major general",
        "brigadier general",
        "lieutenant general",
        "colonel",
        "lieutenant colonel",
        "major",
        "captain",
        "admiral",
        "rear admiral",
        "vice admiral",
    }
)


# Honorifics written as a bare item (``Haji``): a title of the person.
HONORIFICS = frozenset({"doctor", "dr.", "haji", "hajji", "hojjatoleslam", "ayatollah", "sheikh"})


def _label_pattern(labels: list[str]) -> re.Pattern[str]:
    """Longest label first, so ``Nationality of Registration`` beats ``nationality``."""
    ordered = sorted(labels, key=len, reverse=True)
    alternation = "|".join(re.escape(label) for label in ordered)
    return re.compile(rf"^(?P<label>{alternation})(?=$|[\s:#\-.,(]|(?<=[.#)]))", re.IGNORECASE)


LABEL_RE = _label_pattern([*LABELS, *DOCUMENTS])
