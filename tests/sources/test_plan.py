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
