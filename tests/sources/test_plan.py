"""Paths become load plans: formats recognised by content, multi-file sets grouped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fullcourt.sources.errors import SourceError
from fullcourt.sources.plan import plan_file, plan_paths


def test_ofac_folder_is_one_plan_with_companions(shared: Path) -> None:
    (plan,) = plan_paths([shared / "ofac_sdn/2019-01_moov-watchman"])
    assert plan.format == "ofac_csv" and plan.dataset == "us_ofac_sdn"
    assert sorted(plan.files) == ["addresses", "aliases", "comments", "main"]


def test_companions_named_alongside_load_once(shared: Path) -> None:
    folder = shared / "ofac_sdn/2019-01_moov-watchman"
    plans = plan_paths([folder / "sdn.csv", folder / "add.csv", folder / "alt.csv"])
    assert len(plans) == 1 and plans[0].main.name == "sdn.csv"


def test_consolidated_csv_goes_to_its_own_dataset(shared: Path) -> None:
    (plan,) = plan_paths([shared / "ofac_consolidated/2018-04-06_perchrh/cons_prim.csv"])
    assert plan.dataset == "us_ofac_cons" and "addresses" in plan.files


def test_uk_tables_folder(shared: Path) -> None:
    (plan,) = plan_paths([shared / "uk/2026-05_covyr_derived"])
    assert plan.format == "uk_tables" and plan.main.name == "subjects.csv"


@pytest.mark.parametrize(
    ("relative", "fmt"),
    [
        ("un_sc/2018-06-07_perchrh/consolidated.xml", "un_xml"),
        ("ofac_consolidated/2018-04-06_perchrh/consolidated.xml", "ofac_xml"),
        ("ofac_consolidated/2025-01_moov-watchman/CONS_ENHANCED.ZIP", "ofac_enhanced_xml"),
        ("eu/opensanctions_eu_journal_32017R1509_DPRK.csv", "eu_journal_csv"),
        ("ofac_sdn/jackdwyer_monthly/sdn_2024-05-03.csv.gz", "ofac_csv"),
    ],
)
def test_format_from_content_not_name(
    shared: Path, tmp_path: Path, relative: str, fmt: str
) -> None:
    renamed = tmp_path / "download.bin"  # publishers' URLs give files any name
    shutil.copy(shared / relative, renamed)
    assert plan_file(renamed).format == fmt


def test_version_hint_from_file_name(shared: Path) -> None:
    plan = plan_file(shared / "ofac_sdn/jackdwyer_monthly/sdn_2024-05-03.csv.gz")
    assert plan.version_hint() == "2024-05-03"
    assert len(plan.content_hash()) == 64


def test_unknown_and_missing(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("minutes of the meeting\n")
    with pytest.raises(SourceError, match=r"notes\.txt:1: format not recognised"):
        plan_file(other)
    with pytest.raises(SourceError, match="no such file"):
        plan_paths([tmp_path / "missing.csv"])


def test_companion_alone_is_refused(shared: Path) -> None:
    with pytest.raises(SourceError, match=r"add\.csv: an OFAC companion file"):
        plan_paths([shared / "ofac_sdn/2019-01_moov-watchman/add.csv"])


FIXTURES = Path(__file__).parent / "fixtures"


def test_registry_folder_is_one_plan() -> None:
    (plan,) = plan_paths([FIXTURES / "registry"])
    assert plan.format == "registry_csv"
    assert plan.dataset == "sg_extract"  # the mapping's id prefix names the dataset
    assert {role: p.name for role, p in plan.files.items()} == {
        "main": "companies.csv",
        "officers": "officers.csv",
        "shareholders": "shareholders.csv",
        "spec": "registry.toml",
    }
    # one table named alone plans its folder, once however many are named
    named = plan_paths([FIXTURES / "registry/shareholders.csv", FIXTURES / "registry/officers.csv"])
    assert named == [plan]


def test_registry_without_mapping_uses_default_columns(tmp_path: Path) -> None:
    for name in ("companies.csv", "shareholders.csv"):
        shutil.copy(FIXTURES / "registry" / name, tmp_path / f"extract-{name}")
    (plan,) = plan_paths([tmp_path])
    assert (plan.format, plan.dataset) == ("registry_csv", "company_registry")
    assert sorted(plan.files) == ["main", "shareholders"]


def test_icij_folder_is_one_plan() -> None:
    (plan,) = plan_paths([FIXTURES / "icij"])
    assert (plan.format, plan.dataset) == ("icij_csv", "icij_offshoreleaks")
    assert plan.main.name == "relationships.csv"
    assert sorted(plan.files) == [
        "addresses",
        "entities",
        "intermediaries",
        "main",
        "officers",
        "others",
    ]
    assert plan_file(FIXTURES / "icij/nodes-entities.csv") == plan


# (files copied into a folder, error the plan raises): outside data that cannot load whole
BROKEN = [
    # ICIJ nodes without the relationships that tie them
    (["icij/nodes-entities.csv"], "ICIJ Offshore Leaks tables without relationships.csv"),
    (["icij/relationships.csv"], "ICIJ Offshore Leaks tables without nodes-"),
    # a mapping whose companies columns no file has
    (["registry/registry.toml", "registry/officers.csv"], "no companies table matching"),
]


@pytest.mark.parametrize(("files", "message"), BROKEN)
def test_incomplete_outside_folders(tmp_path: Path, files: list[str], message: str) -> None:
    for name in files:
        shutil.copy(FIXTURES / name, tmp_path / Path(name).name)
    with pytest.raises(SourceError, match=message):
        plan_paths([tmp_path])


def test_two_files_of_one_table_are_refused(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "icij", tmp_path / "icij")
    shutil.copy(FIXTURES / "icij/nodes-officers.csv", tmp_path / "icij/officers-2017.csv")
    message = "two files hold the officers table: nodes-officers.csv and officers-2017.csv"
    with pytest.raises(SourceError, match=message):
        plan_paths([tmp_path / "icij"])
