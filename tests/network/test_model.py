"""Parties and their designations as plain values."""

from __future__ import annotations

import pytest

from fullcourt.network.model import Designation, Node, category, is_party


@pytest.mark.parametrize(
    ("schema", "party", "kind"),
    [
        ("Person", True, "person"),
        ("Company", True, "company"),
        ("Organization", True, "company"),
        ("LegalEntity", True, "company"),  # OFAC stubs for linked names are LegalEntity
        ("PublicBody", True, "company"),
        ("Vessel", True, "vessel"),
        ("Airplane", True, "aircraft"),  # Air Koryo's aircraft are OFAC entries
        ("Passport", False, "other"),  # folded into its holder as a shared value
        ("CryptoWallet", False, "other"),
        ("Sanction", False, "other"),
        ("NoSuchSchema", False, "other"),
    ],
)
def test_parties_and_categories(schema: str, party: bool, kind: str) -> None:
    assert is_party(schema) is party
    assert category(schema) == kind


def test_designated_by_scopes_to_lists() -> None:
    node = Node(
        "x",
        "Vessel",
        "WOORY STAR",
        designations=(
            Designation("us_ofac_sdn", "s1", "OFAC", ("DPRK4",), "23740"),
            Designation(
                "gb_fcdo_sanctions", "s2", None, ("Democratic People's Republic of Korea",)
            ),
        ),
    )
    assert node.designated and node.designated_by(None)
    assert node.designated_by({"us_ofac_sdn"})
    assert not node.designated_by({"un_sc_sanctions"})
    assert node.datasets == ("gb_fcdo_sanctions", "us_ofac_sdn")
    assert node.programs == ("DPRK4", "Democratic People's Republic of Korea")
    assert node.category == "vessel"
    assert not Node("y", "Person", "nobody").designated
