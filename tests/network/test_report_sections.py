"""What a reader of the evidence pack sees, in which order, on the bundled data."""

from __future__ import annotations

from pathlib import Path

import pytest

from fullcourt.network.analysis import Analysis
from fullcourt.network.report import EvidencePack, build_pack
from fullcourt.network.report_sections import Section, sections

# EU 32017R1509/XVI.B/3: Maritime Administrative Bureau, which shares phone +85023814410
# with the EU's Korea Ryonha Machinery Joint Venture Corporation (XIII.B/13)
BUREAU = "32017R1509/XVI.B/3"


@pytest.fixture(scope="module")
def bureau(default_store: Path) -> list[Section]:
    from fullcourt.store import Store

    with Store(default_store, read_only=True) as store:
        pack: EvidencePack = build_pack(store, Analysis.from_store(store), BUREAU)
    return sections(pack)


def _by_anchor(found: list[Section]) -> dict[str, Section]:
    return {s.anchor: s for s in found}


def test_order(bureau: list[Section]) -> None:
    assert [s.anchor for s in bureau] == [
        "summary",
        "designations",
        "ownership",
        "exposure",
        "links",
        "cluster",
        "records",
        "data",
    ]


def test_summary(bureau: list[Section]) -> None:
    items = _by_anchor(bureau)["summary"].items
    assert items[0] == f"Designated by 1 list(s): eu_journal_sanctions {BUREAU} (EU-PRK)."
    assert items[1] == "50% rule: OFAC blocked; EU blocked; UK blocked."
    assert items[2].startswith("Not listed by gb_fcdo_sanctions (0.000), un_sc_sanctions")


def test_shared_value_and_path(bureau: list[Section]) -> None:
    links = _by_anchor(bureau)["links"]
    no_links, values = links.tables
    assert no_links.rows == []
    ((kind, value, holders, note),) = values.rows
    assert (kind, value, note) == ("phone", "+85023814410", "")
    assert holders.startswith("Korea Ryonha Machinery Joint Venture Corporation (")
    (path,) = _by_anchor(bureau)["exposure"].items
    assert "shares phone '+85023814410' (2 parties)" in path and path.endswith("all lists")


def test_records_fold_with_provenance(bureau: list[Section]) -> None:
    (table,) = _by_anchor(bureau)["records"].tables
    assert table.folded and table.caption is not None and BUREAU in table.caption
    website = [row for row in table.rows if row[0] == "website"]
    assert website == [
        (
            "website",
            "http://www.ma.gov.kp/",
            "eu/opensanctions_eu_journal_32017R1509_DPRK.csv",
            website[0][3],
            website[0][4],
        )
    ]
    data = _by_anchor(bureau)["data"].tables[0]
    assert [row[0] for row in data.rows] == sorted(row[0] for row in data.rows)
