"""Reading the value after an OFAC remark label: dates, documents, phones, names.

Values are written by hand at OFAC and vary: ``DOB 01 Jan 1960 to 31 Dec 1962``,
``Passport A1234567 (Iran) issued 01 Jan 2010 expires 31 Dec 2015``,
``Telephone (357)(22660766)``. Each reader returns what it can be sure of and ``None``
or an empty tuple otherwise, so the caller can report the item instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fullcourt.sources.dates import parse_date

# What OFAC writes where a country is not known (``Vessel Flag None Identified``): no value.
NO_VALUE = frozenset({"none identified", "unknown", "undetermined"})
_RANGE_RE = re.compile(r"\s+to\s+", re.IGNORECASE)
_DOC_RE = re.compile(
    r"^(?P<number>.*?)"
    r"(?:\s*\((?P<country>[^()]*[A-Za-z][^()]*)\))?"
    r"(?:\s+issued\s+(?P<issued>.+?))?"
    r"(?:\s+expires\s+(?P<expires>.+?))?"
    r"(?:\s*\((?P<country_after>[^()]*[A-Za-z][^()]*)\))?$",
    re.IGNORECASE,
)
_IMO_RE = re.compile(r"^IMO\s*(?P<digits>\d+)$", re.IGNORECASE)
_PHONE_PARTS_RE = re.compile(r"^(?:\(\d[\d ]*\)\s*){2,}$")
_WALLET_RE = re.compile(r"^(?P<currency>[A-Z0-9]{2,6})\s+(?P<address>\S+)$")
_URL_RE = re.compile(r"https?://\S+")
# Last words of names that end in a period of their own (``S.A.``, ``LTD.``), so the
# period is the name's, not the end of the remark.
_ABBREVIATIONS = frozenset({"LTD.", "INC.", "CO.", "CORP.", "JR.", "SR.", "BHD.", "PTE.", "LLC."})


def parse_dates(value: str) -> tuple[str, ...]:
    """ISO prefixes of one remark date; a range of whole years yields every year in it.

    ``01 Jan 1960 to 31 Dec 1962`` means "born 1960 to 1962", which screening must treat
    like ``1960 to 1962``; other ranges keep both ends.
    """
    text = strip_period(value)
    ends = _RANGE_RE.split(text)
    if len(ends) != 2:
        return tuple(parse_date(text))
    start, end = parse_date(ends[0]), parse_date(ends[1])
    if len(start) != 1 or len(end) != 1:
        return tuple(parse_date(text))
    first, last = start[0], end[0]
    if first.endswith("-01-01") and last.endswith("-12-31"):
        return tuple(parse_date(f"{first[:4]} to {last[:4]}")) or (first, last)
    return (first,) if first == last else (first, last)


def strip_period(value: str) -> str:
    """The value without the item's closing period."""
    return value.strip().removesuffix(".").strip()


def strip_name_period(value: str) -> str:
    """A name without the remark's closing period, keeping one that is the name's own."""
    text = value.strip()
    if not text.endswith("."):
        return text
    last = text.rsplit(" ", 1)[-1].upper()
    if last.count(".") > 1 or last in _ABBREVIATIONS:
        return text
    return text[:-1].rstrip()


def unquote(value: str) -> str:
    """The name inside ``'...'``; apostrophes inside the name are kept."""
    text = strip_period(value)
    if len(text) >= 2 and text.startswith("'") and text.endswith("'"):
        return text[1:-1].strip()
    return text.strip("'").strip()


@dataclass(frozen=True, slots=True)
class DocumentText:
    """A document item split into its parts, dates already ISO."""

    number: str
    country: str | None
    issued: tuple[str, ...]
    expires: tuple[str, ...]


def parse_document(value: str) -> DocumentText | None:
    """Number, issuing country and dates of ``A123 (Iran) issued 2010 expires 2015``."""
    text = strip_period(value).lstrip(":#-. ").strip()
    match = _DOC_RE.match(text)
    if match is None or not match.group("number").strip():
        return None
    issued = parse_dates(match.group("issued") or "")
    expires = parse_dates(match.group("expires") or "")
    if (match.group("issued") and not issued) or (match.group("expires") and not expires):
        return None
    country = match.group("country") or match.group("country_after")
    return DocumentText(match.group("number").strip(" ,"), country, issued, expires)


def imo_number(value: str) -> str | None:
    """The digits of ``IMO 1234567``; ``None`` when the value is not written that way."""
    match = _IMO_RE.match(value.strip())
    return match.group("digits") if match else None


def phone_number(value: str) -> str:
    """``(98)(21)(66153220)`` is a country code, area code and number: ``+98 21 66153220``."""
    text = strip_period(value).lstrip(": ")
    if _PHONE_PARTS_RE.match(text):
        return "+" + " ".join(part.strip() for part in re.findall(r"\(([^()]*)\)", text))
    return text


def wallet(value: str) -> tuple[str, str] | None:
    """Currency code and address of ``XBT 1abc...``."""
    match = _WALLET_RE.match(strip_period(value))
    return (match.group("currency"), match.group("address")) if match else None


def find_url(value: str) -> str | None:
    match = _URL_RE.search(value)
    return strip_period(match.group(0)) if match else None
