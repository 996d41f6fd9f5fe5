"""Fetching runs the real download code on local file:// URLs; failures change nothing."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from fullcourt.fetch import PUBLISHERS, FetchError, fetch_lists
from fullcourt.store import Store
from fullcourt.store.query import list_datasets


def test_fetch_downloads_and_loads(tmp_path: Path, shared: Path) -> None:
    un = shared / "un_sc/2026-02-27_moov-watchman/consolidated.xml"
    urls = {"un_sc_sanctions": {"consolidated.xml": un.as_uri()}}
    with Store(tmp_path / "s.duckdb") as store:
        (result,) = fetch_lists(store, ["un_sc_sanctions"], urls)
        assert result.loaded and result.version == "2026-02-27"


def test_offline_fetch_changes_nothing(tmp_path: Path, shared: Path) -> None:
    un = shared / "un_sc/2026-02-27_moov-watchman/consolidated.xml"
    urls = {
        "un_sc_sanctions": {"consolidated.xml": un.as_uri()},
        "us_ofac_sdn": {"sdn.csv": (tmp_path / "unreachable" / "SDN.CSV").as_uri()},
    }
    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(FetchError, match="cannot download"):
            fetch_lists(store, ["un_sc_sanctions", "us_ofac_sdn"], urls)
        assert list_datasets(store) == {}


def test_publishers_cover_the_official_lists() -> None:
    assert {"us_ofac_sdn", "us_ofac_cons", "un_sc_sanctions", "gb_fcdo_sanctions", "eu_fsf"} <= set(
        PUBLISHERS
    )
    with pytest.raises(FetchError, match="no publisher known"):
        fetch_lists(Store(Path(tempfile.mkdtemp()) / "s.duckdb"), ["nowhere"])
