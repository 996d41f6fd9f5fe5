"""The registry column mapping: loading, checking, and recognising tables by header."""

from __future__ import annotations

from pathlib import Path

import pytest

from fullcourt.sources.errors import SourceError
from fullcourt.sources.registry_spec import DEFAULT_SPEC, RegistrySpec, sniff_registry_csv

FOLDER = Path(__file__).parent / "fixtures" / "registry"


def test_spec_from_file_matches_the_default() -> None:
    spec = RegistrySpec.from_file(FOLDER / "registry.toml")
    assert spec.prefix == "sg-extract"
    assert dict(spec.companies) == dict(DEFAULT_SPEC.companies)
    assert dict(spec.shareholders) == dict(DEFAULT_SPEC.shareholders)


def test_spec_errors(tmp_path: Path) -> None:
    bad = tmp_path / "registry.toml"
    bad.write_text('[companies]\nid = "n"\nname = "x"\nregistrationNumbr = "n"\n')
    with pytest.raises(SourceError, match="registrationNumbr") as caught:
        RegistrySpec.from_file(bad)
    assert caught.value.file == str(bad)
    with pytest.raises(ValueError, match="officers needs company_id, name"):
        RegistrySpec.from_dict({"companies": {"id": "n", "name": "x"}, "officers": {"name": "o"}})
    with pytest.raises(ValueError, match="unknown keys"):
        RegistrySpec.from_dict({"companies": {"id": "n", "name": "x"}, "tables": {}})
    broken = tmp_path / "registry.json"
    broken.write_text("{")
    with pytest.raises(SourceError, match="registry spec"):
        RegistrySpec.from_file(broken)


@pytest.mark.parametrize(
    ("file", "table"),
    [
        ("companies.csv", "companies"),
        ("officers.csv", "officers"),
        ("shareholders.csv", "shareholders"),
        ("registry.toml", None),
    ],
)
def test_sniff(file: str, table: str | None) -> None:
    assert sniff_registry_csv((FOLDER / file).read_bytes()[:4096]) == table


def test_sniff_rejects_an_icij_file() -> None:
    icij = FOLDER.parent / "icij" / "nodes-entities.csv"
    assert sniff_registry_csv(icij.read_bytes()[:4096]) is None


def test_json_spec_with_own_party_types(tmp_path: Path) -> None:
    path = tmp_path / "registry.json"
    path.write_text(
        '{"companies": {"id": "nr", "name": "naam"},'
        ' "shareholders": {"company_id": "nr", "name": "houder", "percentage": "aandeel"},'
        ' "person_types": ["Natuurlijk Persoon"], "company_types": ["Rechtspersoon"]}'
    )
    spec = RegistrySpec.from_file(path)
    assert (spec.person_types, spec.company_types) == (("natuurlijk persoon",), ("rechtspersoon",))
    assert spec.shareholders["percentage"] == "aandeel"


def test_relation_properties_belong_to_their_table() -> None:
    # a percentage describes a shareholding, not a directorship
    with pytest.raises(ValueError, match=r"officers\.percentage"):
        RegistrySpec.from_dict(
            {
                "companies": {"id": "n", "name": "x"},
                "officers": {"company_id": "n", "name": "o", "percentage": "p"},
            }
        )
