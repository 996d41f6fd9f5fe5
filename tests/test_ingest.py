"""Loading outside data folders through the one atomic load: registry and ICIJ tables."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fullcourt.ingest import load_paths
from fullcourt.sources.errors import SourceError
from fullcourt.store import Store
from fullcourt.store.query import list_datasets

FIXTURES = Path(__file__).parent / "sources" / "fixtures"


def _counts(store: Store) -> dict[str, list[tuple[str, int]]]:
    return {d: [(v.version, v.entities) for v in vs] for d, vs in list_datasets(store).items()}


def test_registry_and_icij_folders_load_as_one_version_each(tmp_path: Path) -> None:
    with Store(tmp_path / "store.duckdb") as store:
        results = load_paths(store, [FIXTURES / "registry", FIXTURES / "icij"])
        found = {r.dataset: r for r in results}
        assert sorted(found) == ["icij_offshoreleaks", "sg_extract"]
        assert all(r.loaded for r in results)
        # ICIJ: 17 nodes and 11 relations (README); the registry's rows as parsed
        assert found["icij_offshoreleaks"].entities == 28
        # 8 companies, 7 directorships, 9 ownerships, 14 officers and holders
        assert found["sg_extract"].entities == 38
        # the same folders again: content already stored, nothing loaded
        again = load_paths(store, [FIXTURES / "icij"])
        assert [(r.dataset, r.loaded) for r in again] == [("icij_offshoreleaks", False)]


def test_dataset_option_names_the_dataset(tmp_path: Path) -> None:
    with Store(tmp_path / "store.duckdb") as store:
        (result,) = load_paths(store, [FIXTURES / "icij"], dataset="panama_papers_2016")
        assert result.dataset == "panama_papers_2016"
        assert list(list_datasets(store)) == ["panama_papers_2016"]


# (fixture folder, file to damage, text replaced, replacement, error naming file/line/field)
BAD = [
    # a renamed column: the table is no longer recognised, and that is said, not skipped
    ("registry", "companies.csv", "company_name", "entity_name",
     r"companies\.csv:1: header matches no table of the registry spec"),
    # a quote left open in a shareholder row: the row's first line
    ("registry", "shareholders.csv", "MERLION OFFICE", '"MERLION OFFICE',
     r"shareholders\.csv:5: broken CSV"),
    # an ICIJ node file without its node_id column
    ("icij", "nodes-officers.csv", "node_id,name", "id,name",
     r"nodes-officers\.csv:1: header matches no table of the ICIJ Offshore Leaks files"),
    # a misspelt property in the column mapping fails before any row is read
    ("registry", "registry.toml", "incorporationDate =", "incorporatedOn =",
     r"registry\.toml: registry spec: companies\.incorporatedOn is no FtM property"),
    # a byte that is no UTF-8 in the relationships
    ("icij", "relationships.csv", "secretary of", "secr\udcffetary of",
     r"relationships\.csv:11: not valid utf-8"),
]  # fmt: skip


@pytest.mark.parametrize(("folder", "name", "old", "new", "error"), BAD)
def test_bad_input_names_its_place_and_leaves_the_store(
    tmp_path: Path, folder: str, name: str, old: str, new: str, error: str
) -> None:
    copy = tmp_path / folder
    shutil.copytree(FIXTURES / folder, copy)
    text = (copy / name).read_text(encoding="utf-8")
    assert old in text
    (copy / name).write_bytes(text.replace(old, new, 1).encode("utf-8", "surrogateescape"))
    with Store(tmp_path / "store.duckdb") as store:
        load_paths(store, [FIXTURES / "registry"] if folder == "icij" else [FIXTURES / "icij"])
        before = _counts(store)
        # the good folder is named too: nothing of either lands
        good = FIXTURES / ("registry" if folder == "icij" else "icij")
        with pytest.raises(SourceError, match=error):
            load_paths(store, [good, copy], dataset=None)
        assert _counts(store) == before
