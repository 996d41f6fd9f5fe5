"""Collections, list names and include/exclude become the set of lists screened."""

from __future__ import annotations

import pytest
from fastapi import HTTPException

from fullcourt.api.scope import dataset_scope

VERSIONS = [("us_ofac_sdn", "2024-06"), ("un_sc_sanctions", "2026-02-27"), ("gb", "2026-05")]


@pytest.mark.parametrize("collection", ["default", "sanctions"])
def test_collections_mean_every_list(collection: str) -> None:
    assert dataset_scope(collection, VERSIONS) is None


def test_one_list_by_name() -> None:
    assert dataset_scope("gb", VERSIONS) == frozenset({"gb"})


def test_include_and_exclude_narrow_the_scope() -> None:
    included = dataset_scope("default", VERSIONS, include=["gb", "us_ofac_sdn"])
    assert included == frozenset({"gb", "us_ofac_sdn"})
    assert dataset_scope("default", VERSIONS, exclude=["gb"]) == frozenset(
        {"us_ofac_sdn", "un_sc_sanctions"}
    )
    assert dataset_scope("gb", VERSIONS, exclude=["gb"]) == frozenset()


def test_unknown_path_dataset_is_404_with_the_known_names() -> None:
    with pytest.raises(HTTPException) as caught:
        dataset_scope("eu_fsf", VERSIONS)
    assert caught.value.status_code == 404
    assert caught.value.detail == (
        "No such dataset: 'eu_fsf'. Known: default, sanctions, gb, un_sc_sanctions, us_ofac_sdn"
    )


def test_unknown_include_is_400() -> None:
    with pytest.raises(HTTPException) as caught:
        dataset_scope("default", VERSIONS, include=["ofac"])
    assert caught.value.status_code == 400
    assert "unknown dataset(s) ofac" in str(caught.value.detail)


def test_no_list_loaded_is_503() -> None:
    with pytest.raises(HTTPException) as caught:
        dataset_scope("default", [])
    assert caught.value.status_code == 503
