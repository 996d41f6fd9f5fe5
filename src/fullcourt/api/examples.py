"""Request examples shown in the OpenAPI documentation (``/docs``).

They are real: Kim Jong Un is on the OFAC list in the bundled data, and IMO 7937317
is the ship the EU publishes as TONG HUNG SAN (formerly CHONG CHON GANG). The
yente example is the request from yente's own ``/match`` documentation, to show that
such a body is accepted unchanged.
"""

from __future__ import annotations

from typing import Any

KIM_JONG_UN: dict[str, Any] = {
    "schema": "Person",
    "properties": {
        "name": ["Kim Jong Un"],
        "birthDate": ["1984-01-08"],
        "nationality": ["kp"],
    },
}
VESSEL_BY_IMO: dict[str, Any] = {
    "schema": "Vessel",
    "properties": {"imoNumber": ["IMO 7937317"]},
}
YENTE_DOCUMENTATION: dict[str, Any] = {
    "queries": {
        "entity1": {
            "schema": "Person",
            "properties": {
                "name": ["John Doe"],
                "birthDate": ["1975-04-21"],
                "nationality": ["us"],
            },
        },
        "entity2": {
            "schema": "Company",
            "properties": {
                "name": ["Brilliant Amazing Limited"],
                "jurisdiction": ["hk"],
                "registrationNumber": ["84BA99810"],
            },
        },
    }
}

MATCH_EXAMPLES: dict[str, dict[str, Any]] = {
    "person": {
        "summary": "A person: Kim Jong Un",
        "description": "Name, date of birth and nationality of a listed person.",
        "value": {"queries": {"q1": KIM_JONG_UN}},
    },
    "vessel": {
        "summary": "A ship by IMO number only",
        "description": "Ships are renamed; the IMO number finds them under any name.",
        "value": {"queries": {"ship": VESSEL_BY_IMO}},
    },
    "batch": {
        "summary": "A batch of two",
        "value": {"queries": {"customer-1": KIM_JONG_UN, "ship-7": VESSEL_BY_IMO}},
    },
    "yente": {
        "summary": "yente's documented request, unchanged",
        "value": YENTE_DOCUMENTATION,
    },
}
DECISION_EXAMPLE: dict[str, Any] = {
    "query_key": "3f1c0f8a5b2e4d6f8a9b0c1d2e3f4a5b",
    "entity_id": "ofac-20157",
    "decision": "false_positive",
    "analyst": "j.smith",
    "note": "Customer is a different Kim Jong Un, born 1990 in Seoul (passport checked).",
}
