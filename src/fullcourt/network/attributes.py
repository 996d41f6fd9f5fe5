"""Shared values that tie parties together, in a form two lists write alike.

A value links parties only when it is specific: a country or a city named as an
address, a short number, an empty e-mail would tie hundreds of unrelated entries.
Common values are damped by how many parties hold them, and values held by more
parties than the hub cap (a registered agent's address) are not linked at all.
"""

from __future__ import annotations

import math
import re

from followthemoney import Schema, registry

HUB_CAP = 100  # holders above which a value is a hub: reported, never linked

# property -> attribute kind; identifiers keep their own kind so that a tax number never
# meets a passport number with the same digits.
PROPERTY_KINDS: dict[str, str] = {
    "address": "address",
    "phone": "phone",
    "email": "email",
    "website": "website",
    "registrationNumber": "registrationNumber",
    "taxNumber": "taxNumber",
    "vatCode": "taxNumber",
    "innCode": "taxNumber",
    "leiCode": "leiCode",
    "swiftBic": "swiftBic",
    "ogrnCode": "registrationNumber",
    "dunsCode": "dunsCode",
    "uscCode": "registrationNumber",
    "passportNumber": "passportNumber",
    "idNumber": "idNumber",
    "imoNumber": "imoNumber",
    "mmsi": "mmsi",
    "callSign": "callSign",
}
# A company's IMO number (registered owner / manager) is a different series from a hull's,
# and a vehicle's registration (an aircraft's tail number) is no company register entry.
COMPANY_IMO = "companyImoNumber"
VEHICLE_REGISTRATION = "vehicleRegistration"

MIN_IDENTIFIER = 5
MIN_PHONE_DIGITS = 7
_SPACES = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[^0-9A-Z]")
_DIGIT = re.compile(r"\d")


def attribute_kind(schema: Schema, prop: str) -> str | None:
    """The kind a property's values are compared under, None when they are not shared."""
    kind = PROPERTY_KINDS.get(prop)
    if kind == "imoNumber" and not schema.is_a("Vessel"):
        return COMPANY_IMO
    if kind == "registrationNumber" and schema.is_a("Vehicle"):
        return VEHICLE_REGISTRATION
    return kind


def normalize(kind: str, text: str) -> str | None:
    """The comparable form of a value, or None when it is too vague to link on."""
    if kind == "address":
        return normalize_address(text)
    if kind == "phone":
        digits = re.sub(r"\D", "", text)
        return "+" + digits if len(digits) >= MIN_PHONE_DIGITS else None
    if kind == "email":
        mail = text.strip().lower()
        return mail if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", mail) else None
    if kind == "website":
        site = re.sub(r"^[a-z]+://", "", text.strip().lower())
        site = site.removeprefix("www.").rstrip("/")
        return site if "." in site and " " not in site else None
    if kind == "cryptoWallet":
        key = text.strip()
        key = key.lower() if key.lower().startswith("0x") else key
        return key if len(key) >= MIN_IDENTIFIER else None
    if kind in ("imoNumber", COMPANY_IMO):
        digits = re.sub(r"\D", "", text)
        return digits if len(digits) == 7 else None
    code = _NON_ALNUM.sub("", text.upper())
    return code if len(code) >= MIN_IDENTIFIER else None


def normalize_address(text: str) -> str | None:
    """Lower case, without its country, and only when it names more than a city.

    Lists write the country differently ("Korea, North", "DPRK") or leave it out, so
    trailing parts that name a country are dropped; FtM reads capitals as their
    country too ("Pyongyang" is kp), which drops them alike whether the country was
    written or not. What is left is specific when it holds a number or at least two
    parts (a quarter and a district): "Pyongyang, Korea, North" links nothing,
    "Rakwon-dong, Pothonggang District, Pyongyang, DPRK" does. A province and a
    non-capital city ("Dalian, Liaoning") pass too; the weight of an address link is
    low and common values are damped, so such a slip ties little.
    """
    parts = [_SPACES.sub(" ", p).strip().lower() for p in text.split(",")]
    parts = [p for p in parts if p]
    while parts:
        for size in (2, 1):
            if len(parts) >= size and registry.country.clean_text(", ".join(parts[-size:])):
                parts = parts[:-size]
                break
        else:
            break
    if len(parts) < 2 and not _DIGIT.search(" ".join(parts)):
        return None
    return ", ".join(parts)


def damping(degree: int) -> float:
    """How much one shared value says about any two of its holders: 1/log2(1 + n).

    Two holders give 0.63, ten give 0.29, a hundred 0.15: a value shared by many
    parties still links them, but each link counts for less.
    """
    return 1.0 / math.log2(1 + degree)
