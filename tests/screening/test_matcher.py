"""The engine over the real default data: the listed party is found, strangers are not."""

from __future__ import annotations

import pytest

from fullcourt.screening.matcher import Matcher
from fullcourt.screening.subject import make_subject


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
