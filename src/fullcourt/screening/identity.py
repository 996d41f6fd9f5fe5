"""A stable identity for a query, so an analyst's decision applies when it recurs.

Two screenings of the same customer record (same schema, same names, same
identifiers and dates, in any order and case) get the same key; a changed record
gets a new key and is screened afresh, because the decision was about the old one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

IDENTITY_PROPS = (
    "name", "alias", "firstName", "lastName", "birthDate", "nationality", "country",
    "passportNumber", "idNumber", "registrationNumber", "taxNumber", "imoNumber", "mmsi",
    "swiftBic",
)  # fmt: skip


def query_key(schema: str, properties: Mapping[str, list[str]]) -> str:
    """Hex digest of the query's identifying content."""
    content = {
        prop: sorted({" ".join(v.split()).casefold() for v in properties.get(prop, [])})
        for prop in IDENTITY_PROPS
        if properties.get(prop)
    }
    payload = json.dumps([schema, content], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
