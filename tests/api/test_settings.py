"""Limits and defaults come from FULLCOURT_* variables, checked when read."""

from __future__ import annotations

from pathlib import Path

import pytest

from fullcourt.api.settings import ApiSettings, env_name
from fullcourt.screening.score import DEFAULT_THRESHOLD


def test_defaults_are_the_documented_limits() -> None:
    settings = ApiSettings.from_env({})
    assert settings.store_path == Path("fullcourt.duckdb")
    assert (settings.max_batch, settings.max_string_length, settings.max_values) == (
        100,
        1_000,
        50,
    )
    assert settings.default_threshold == DEFAULT_THRESHOLD == 0.80
    assert (settings.default_limit, settings.max_limit) == (5, 100)


def test_every_setting_is_read_from_its_variable() -> None:
    settings = ApiSettings.from_env(
        {
            "FULLCOURT_DB": "/data/lists.duckdb",
            "FULLCOURT_MAX_BATCH": "10",
            "FULLCOURT_MAX_STRING_LENGTH": "200",
            "FULLCOURT_MAX_VALUES": "5",
            "FULLCOURT_DEFAULT_THRESHOLD": "0.9",
            "FULLCOURT_DEFAULT_LIMIT": "3",
            "FULLCOURT_MAX_LIMIT": "20",
            "FULLCOURT_MAX_LIMTI": "7",  # a typo is not read
        }
    )
    assert settings == ApiSettings(Path("/data/lists.duckdb"), 10, 200, 5, 0.9, 3, 20)


def test_blank_variables_keep_the_default() -> None:
    assert ApiSettings.from_env({"FULLCOURT_MAX_BATCH": " "}).max_batch == 100


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("FULLCOURT_MAX_BATCH", "lots", "FULLCOURT_MAX_BATCH='lots' is not a whole number"),
        ("FULLCOURT_MAX_BATCH", "0", "FULLCOURT_MAX_BATCH must be at least 1"),
        ("FULLCOURT_DEFAULT_THRESHOLD", "high", "is not a number"),
        ("FULLCOURT_DEFAULT_THRESHOLD", "80", "FULLCOURT_DEFAULT_THRESHOLD must be between"),
        ("FULLCOURT_DEFAULT_LIMIT", "500", "FULLCOURT_DEFAULT_LIMIT must be between 1"),
    ],
)
def test_bad_values_name_their_variable(variable: str, value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ApiSettings.from_env({variable: value})


def test_env_name() -> None:
    assert env_name("max_string_length") == "FULLCOURT_MAX_STRING_LENGTH"
