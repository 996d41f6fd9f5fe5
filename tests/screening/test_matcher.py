"""The engine over the real default data: the listed party is found, strangers are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from fullcourt.screening.catalog import iter_list_entities
from fullcourt.screening.index import ListEntity
from fullcourt.screening.matcher import Matcher
from fullcourt.screening.subject import make_subject
from fullcourt.store import Store


def best(matcher: Matcher, schema: str, **props: list[str]) -> tuple[float, str, bool]:
    results = matcher.match(make_subject(schema, props), limit=1)
    if not results:
        return (0.0, "", False)
    top = results[0]
    return (top.score.score, top.entity.caption, top.match)


@pytest.mark.parametrize(
    ("schema", "props", "expected"),
    [
        ("Person", {"name": ["Kim Jong Un"]}, "kim"),
        ("Person", {"name": ["김정은"]}, "kim"),  # Hangul query, Latin list entries
        ("Organization", {"name": ["KOMID"]}, "korea mining development"),
        ("Vessel", {"name": ["CHONMASAN"]}, "chon ma san"),
        ("Vessel", {"name": ["unknown"], "imoNumber": ["IMO 8660313"]}, "chon ma san"),
        ("LegalEntity", {"name": ["Korea Kwangson Banking Corp"]}, "kwangson"),
    ],
)
def test_listed_parties_found(
    default_matcher: Matcher, schema: str, props: dict[str, list[str]], expected: str
) -> None:
    score, caption, match = best(default_matcher, schema, **props)
    assert match and score >= 0.8
    assert expected in caption.lower().replace(",", "")


@pytest.mark.parametrize(
    ("schema", "props"),
    [
        ("Person", {"name": ["John Smith"]}),
        ("Person", {"name": ["Angela Merkel"]}),
        ("Company", {"name": ["Siemens AG"]}),
        ("Vessel", {"name": ["Queen Mary 2"]}),
    ],
)
def test_strangers_not_matched(
    default_matcher: Matcher, schema: str, props: dict[str, list[str]]
) -> None:
    assert not best(default_matcher, schema, **props)[2]


def test_schema_filter_and_dataset_filter(default_matcher: Matcher) -> None:
    query = make_subject("Vessel", {"name": ["Kim Jong Un"]})
    assert all(m.entity.schema == "Vessel" for m in default_matcher.match(query))
    un_only = default_matcher.match(
        make_subject("Organization", {"name": ["KOMID"]}), datasets=frozenset({"un_sc_sanctions"})
    )
    assert un_only and all("un_sc_sanctions" in m.entity.datasets for m in un_only)


def test_search(default_matcher: Matcher) -> None:
    results = default_matcher.search("chon ma san")
    assert results and results[0].entity.schema == "Vessel"


# Entries as the OFAC and UK lists write them, which the EU's annexes write otherwise.
OTHER_WRITINGS = [
    ("Person", "KIM, Kwang Yon"),
    ("Person", "In Su Pak"),
    ("Vessel", "HWANG GUM SAN 2"),
    ("Vessel", "RYONG GANG 2"),
    ("Company", "HAPJANGGANG TRADING CORPORATION"),
]


@pytest.fixture(scope="module")
def without_the_eu(default_store: Path) -> Matcher:
    """The default lists without the EU's entries, and the entries above: the EU's
    writing has to find them by itself."""
    with Store(default_store, read_only=True) as store:
        entities = [
            e for e in iter_list_entities(store) if "eu_journal_sanctions" not in e.datasets
        ]
    for k, (schema, name) in enumerate(OTHER_WRITINGS):
        props = {"name": [name]}
        subject = make_subject(schema, props)
        entities.append(ListEntity(f"other-{k}", schema, name, subject, props, ("other",), ()))
    return Matcher.from_entities(entities)


@pytest.mark.parametrize(
    ("schema", "name", "listed"),
    [
        ("Person", "KIM Kwang Yon 김광연", 0),  # one name in two scripts
        ("Person", "PAK In Su", 1),  # "In" is a syllable, no particle
        ("Person", "박인수", 1),
        ("Vessel", "Hui Chon (Hwang Gum San 2)", 2),  # another name in brackets
        ("Vessel", "Tan Chon (Ryong Gang 2)", 3),
        ("Company", "Hap Jang Gang Trading Company", 4),  # three syllables spaced apart
        ("Company", "합장강무역회사", 4),
    ],
)
def test_another_lists_writing_finds_the_entry(
    without_the_eu: Matcher, schema: str, name: str, listed: int
) -> None:
    results = without_the_eu.match(make_subject(schema, {"name": [name]}), limit=1)
    assert results and results[0].match
    assert results[0].entity.caption == OTHER_WRITINGS[listed][1]
