"""The ceiling is only useful if it is never below the full score: held to that on
OpenSanctions' hard name pairs (both ways round), on real list names against each
other, and on queries through the matcher, whose answers must not change."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fullcourt.screening.bound import FormTable, evidence_margin
from fullcourt.screening.index import ListEntity, build_index
from fullcourt.screening.matcher import Matcher
from fullcourt.screening.score import score_subject
from fullcourt.screening.subject import Subject, can_match, make_subject


def entity(position: int, schema: str, names: list[str]) -> ListEntity:
    props = {"name": names[:1], "alias": names[1:]}
    subject = make_subject(schema, props)
    return ListEntity(f"e{position}", schema, names[0], subject, props, ("test",), ())


def ceiling(query: Subject, candidate: ListEntity) -> float:
    table = FormTable()
    table.add(0, candidate.subject)
    table.freeze()
    return float(table.entity_ceilings(query, np.array([0], dtype=np.int64)).entities[0])


def bench_rows(shared: Path) -> list[dict[str, str]]:
    path = shared / "screening_eval" / "nomenklatura" / "name_bench_cases.csv"
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_never_below_the_score_on_the_benchmark_pairs(shared: Path) -> None:
    below = []
    for row in bench_rows(shared):
        for left, right in ((row["name1"], row["name2"]), (row["name2"], row["name1"])):
            query = make_subject(row["schema"], {"name": [left]})
            candidate = entity(0, row["schema"], [right])
            score = score_subject(query, candidate.subject).score
            if score > ceiling(query, candidate):
                below.append((left, right, score))
    assert below == []


@pytest.mark.parametrize(
    ("schema", "query", "listed", "score_at_least"),
    [
        ("Vessel", "CHONMASAN", "CHON MA SAN", 0.9),  # same letters, other spacing
        ("Organization", "KOMID", "Korea Mining Development Trading Corporation", 0.8),
        ("Person", "Ri Pyongchol", "RI Pyong Chol", 0.9),  # a merged given name
        ("Person", "김정은", "김정은", 1.0),  # compared in Hangul
        ("Vessel", "ZU ZAG BONG 6", "ZU ZAG BONG 5", 0.8),  # series numbers
        ("Person", "Abdulah Anshori", "Abdullah Anshori", 0.9),  # a doubled letter
        ("Person", "William Clinton", "Bill Clinton", 0.8),  # a nickname
        # a Persian given name in one word, merged on its consonants, either side
        ("Person", "محمدجواد ظریف", "ZARIF, Mohammad Javad", 0.8),
        ("Person", "Mohammadjavad Zarif", "محمد جواد ظریف", 0.8),
    ],
)
def test_raising_rules_are_covered(
    schema: str, query: str, listed: str, score_at_least: float
) -> None:
    subject = make_subject(schema, {"name": [query]})
    candidate = entity(0, schema, [listed])
    score = score_subject(subject, candidate.subject).score
    assert score >= score_at_least
    assert ceiling(subject, candidate) >= score


@pytest.mark.parametrize(
    ("schema", "query", "listed"),
    [
        ("Company", "Hap Jang Gang Trading Company", "HAPJANGGANG TRADING CORPORATION"),
        ("Company", "HAPJANGGANG TRADING CORPORATION", "Hap Jang Gang Trading Company"),
        ("Company", "합장강무역회사", "HAPJANGGANG TRADING CORPORATION"),
        ("Vessel", "KUMUNSAN 3", "KUM UN SAN 3"),
        ("Vessel", "KUM UN SAN 3", "KUMUNSAN 3"),
        ("Person", "Ri Pyong Chol Su", "RI Pyongcholsu"),  # both read as Korean
        ("Person", "RI Pyongcholsu", "Ri Pyong Chol Su"),
    ],
)
def test_three_parts_merged_into_one_are_covered(schema: str, query: str, listed: str) -> None:
    """The scorer merges three neighbouring syllables into one part; the ceiling
    credits them through the three joined, on either side."""
    subject = make_subject(schema, {"name": [query]})
    candidate = entity(0, schema, [listed])
    score = score_subject(subject, candidate.subject).score
    assert score >= 0.8
    assert ceiling(subject, candidate) >= score


@pytest.mark.parametrize(
    ("schema", "query", "listed"),
    [
        # a name in Han next to its romanisation: each is compared its own way
        ("Person", "李方伟", ["李方偉", "Li Fangwei"]),
        ("Person", "Li Fangwei", ["李方偉", "Li Fangwei"]),
        ("Person", "김정은", ["金正恩", "Kim Jong Un", "김정은"]),
        ("Person", "金正恩", ["Kim Jong Un", "金正恩"]),
        # an acronym once the series numbers that differ are set aside
        ("Organization", "KOMID 2", ["Korea Mining Development 3"]),
        ("Organization", "Korea Mining Development 3", ["KOMID 2"]),
        ("Organization", "2 KOMID", ["Korea Mining Development 3"]),
    ],
)
def test_entities_with_several_names(schema: str, query: str, listed: list[str]) -> None:
    subject = make_subject(schema, {"name": [query]})
    candidate = entity(0, schema, listed)
    assert ceiling(subject, candidate) >= score_subject(subject, candidate.subject).score


def test_far_names_have_low_ceilings() -> None:
    subject = make_subject("Person", {"name": ["Ingeborg Abrahamsen"]})
    assert ceiling(subject, entity(0, "Person", ["KIM Jong Un"])) < 0.3
    assert ceiling(subject, entity(0, "Person", ["Ingrid Abrahamsen"])) < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Ingeborg Abrahamsen", "Ingeborg Lindqvist"),  # another surname
        ("Maria Sanchez", "Maria Lopez"),
        ("Pedro Sanchez", "Pedro Lopez Garcia"),
    ],
)
def test_a_part_each_name_lacks_is_known_before_scoring(query: str, listed: str) -> None:
    """Both names keep a part nothing in the other can pair with: the scorer's
    substitution penalty is certain, so the ceiling applies it and such a candidate is
    never scored at the cut-off of 0.5."""
    subject = make_subject("Person", {"name": [query]})
    candidate = entity(0, "Person", [listed])
    score = score_subject(subject, candidate.subject).score
    assert score <= ceiling(subject, candidate) < 0.5


def ceilings(query: Subject, candidates: list[ListEntity]) -> list[float]:
    table = FormTable()
    for position, candidate in enumerate(candidates):
        table.add(position, candidate.subject)
    table.freeze()
    positions = np.arange(len(candidates), dtype=np.int64)
    return [float(c) for c in table.entity_ceilings(query, positions).entities]


@pytest.mark.parametrize(
    ("query", "listed", "below"),
    [
        # HABBIB pairs with SHABIB, ALIZAI with nothing, ABDUL only with a poor match:
        # paired, that part drags the score down; left out, it earns nothing
        ("ABDUL HABBIB ALIZAI", "AL-DULAYMI, Ahmad Khalaf Shabib", 0.6),
        ("Rafaela Martins", "Rafael Mirkhatimovich MARDANSHIN", 0.55),
        ("Joaquina Gomis", "GUZMAN LOPEZ, Joaquin", 0.6),
    ],
)
def test_a_part_with_only_a_poor_partner_is_bounded(query: str, listed: str, below: float) -> None:
    """The scorer's slip rule: a paired part below ``names.SLIP_FLOOR`` scales the
    whole score down. A part whose best possible partner is that poor costs either
    way, and the ceiling knows it before any alignment."""
    subject = make_subject("Person", {"name": [query]})
    candidate = entity(0, "Person", [listed])
    score = score_subject(subject, candidate.subject).score
    assert score <= ceiling(subject, candidate) < below


@pytest.mark.parametrize(
    ("schema", "query", "listed"),
    [
        # a Roman numeral compared as its digits weighs as the digits ("X" as "10")
        (
            "Organization",
            "X 3 LIMITED COMPANY CUONG Merkur THINH",
            "X 3 LIMITED COMPANY CUONG THINH",
        ),
        ("Organization", "ROChWELq EN EGRY FZE X", "ALPA T. FZCO 10"),
        ("Organization", "Mania d.o.o. 10", "SHANDONG FUTURE ROBOT CO., LTD X"),
        # a last part cut short once a closing country or a series number is dropped
        (
            "Organization",
            "GREAT EASTERN PACIFIC OCEAN NAVI IRAN",
            "GREAT EASTERN PACIFIC OCEAN NAVIGATOR",
        ),
        (
            "Organization",
            "GREAT EASTERN PACIFIC OCEAN NAVIGATOR",
            "GREAT EASTERN PACIFIC OCEAN NAVI IRAN",
        ),
        ("Vessel", "GREAT EASTERN PACIFIC OCEAN NAVI 5", "GREAT EASTERN PACIFIC OCEAN NAVIGATOR 6"),
        (
            "Organization",
            "Baroque Investments Limitde Corporation LI Germany",
            "TRANS KAPITAL LIMgITED LIABILITY COMPANY Korea",
        ),
    ],
)
def test_parts_the_scorer_rewrites_before_comparing(schema: str, query: str, listed: str) -> None:
    """The scorer compares a name without its closing country or series numbers, and
    with its Roman numerals in digits; the ceiling must allow for each (found by
    fuzzing edited list names)."""
    subject = make_subject(schema, {"name": [query]})
    candidate = entity(0, schema, [listed])
    assert score_subject(subject, candidate.subject).score <= ceiling(subject, candidate)


def test_one_names_part_is_not_anothers_joined_pair() -> None:
    """A list that writes "FUTUYOALFRED" as one part does not make "Futuyo" and
    "Alfred", two parts of another name, pair as one: a place in a name is a part or a
    joined pair by that name's spelling, not the string's."""
    subject = make_subject("Person", {"name": ["YEKATOM ALFRED"]})
    apart = entity(0, "Person", ["FUTUYO Alfred"])
    joined = entity(1, "Person", ["FUTUYOALFRED"])
    found = ceilings(subject, [apart, joined])
    assert score_subject(subject, apart.subject).score <= found[0] < 0.5
    assert found[0] == ceilings(subject, [apart])[0]


def test_context_can_only_add_its_margin() -> None:
    plain = make_subject("Person", {"name": ["Kim Yong Chol"]})
    dated = make_subject("Person", {"name": ["Kim Yong Chol"], "birthDate": ["1946"]})
    assert evidence_margin(plain) == 0.0
    assert evidence_margin(dated) > 0.0
    candidate = entity(0, "Person", ["KIM Yong Chol"])
    assert ceiling(dated, candidate) >= score_subject(dated, candidate.subject).score


def test_list_names_against_each_other(default_matcher: Matcher) -> None:
    """Every listed name as a query against every candidate the index offers."""
    index = default_matcher.index
    below = []
    for listed in index.entities[::3]:
        for _, _, forms in listed.subject.names[:2]:
            query = make_subject(listed.schema, {"name": [forms[0].original]})
            positions = index.candidate_positions(query)
            ceilings = index.forms.entity_ceilings(query, positions)
            for k, position in enumerate(positions):
                score = score_subject(query, index.entities[position].subject).score
                if score > ceilings.entities[k]:
                    below.append((forms[0].original, index.entities[position].caption))
    assert below == []


QUERIES = [
    ("Person", {"name": ["Kim Jong Un"]}),
    ("Person", {"name": ["Ri Pyong Chol"], "birthDate": ["1948"]}),
    ("Person", {"name": ["金正恩"]}),
    ("Person", {"name": ["Choe Ryong Hae"]}),
    ("Person", {"name": ["Pak Pong Ju"]}),
    ("Organization", {"name": ["KOMID"]}),
    ("Organization", {"name": ["Korea Kwangson Banking"]}),
    ("Vessel", {"name": ["CHONMASAN"]}),
    ("Vessel", {"name": ["anything"], "imoNumber": ["IMO 8660313"]}),
    ("LegalEntity", {"name": ["Foreign Trade Bank"]}),
    ("Thing", {"name": ["Reconnaissance General Bureau"]}),
    ("Person", {"name": ["John Smith"]}),
]


@pytest.mark.parametrize(("schema", "props"), QUERIES)
@pytest.mark.parametrize("cutoff", [0.3, 0.5, 0.8])
def test_matcher_answers_as_if_it_scored_everything(
    default_matcher: Matcher, schema: str, props: dict[str, list[str]], cutoff: float
) -> None:
    query = make_subject(schema, props)
    index = default_matcher.index
    everything = []
    for candidate in index.candidates(query):
        if schema != "Thing" and not can_match(schema, candidate.schema):
            continue
        score = score_subject(query, candidate.subject).score
        if score >= cutoff:
            everything.append((score, candidate.id))
    everything.sort(key=lambda pair: (-pair[0], pair[1]))
    found = default_matcher.match(query, cutoff=cutoff, limit=5)
    assert [(m.score.score, m.entity.id) for m in found] == everything[:5]


def test_an_index_is_frozen_once_built() -> None:
    index = build_index([entity(0, "Person", ["KIM Jong Un"])])
    with pytest.raises(RuntimeError, match="frozen"):
        index.add(entity(1, "Person", ["RI Pyong Chol"]))


# Real names of many kinds, and the edits that screening meets in customer records.
SEEDS = [
    ("Person", "KIM Jong Un"),
    ("Person", "RI Pyong Chol"),
    ("Person", "Choe Ryong Hae"),
    ("Person", "Abdul Rahman Muhammad Mustafa al-Qaduli"),
    ("Person", "Sergey Viktorovich LAVROV"),
    ("Person", "Usama bin Muhammad bin Awad bin Ladin"),
    ("Person", "Marie-Therese Abena Ondoa"),
    ("Person", "XI Jinping"),
    ("Organization", "Korea Mining Development Trading Corporation"),
    ("Organization", "Foreign Trade Bank of the Democratic People's Republic of Korea"),
    ("Company", "Rosneft Trading S.A."),
    ("Company", "Bowne Global Solutions II Denmark A/S"),
    ("Vessel", "CHON MA SAN"),
    ("Vessel", "ZU ZAG BONG 5"),
]


def _edit(name: str, choice: int, where: int) -> str:
    parts = name.split()
    k = where % len(parts)
    word = parts[k]
    if choice == 0 and len(parts) > 1:
        del parts[k]  # a part left out
    elif choice == 1 and len(parts) > 1:
        parts[k], parts[-1] = parts[-1], parts[k]  # order swapped
    elif choice == 2 and len(word) > 3:
        parts[k] = word[: where % (len(word) - 1) + 1] + "x" + word[where % (len(word) - 1) + 2 :]
    elif choice == 3:
        parts[k] = word + word[-1]  # a doubled letter
    elif choice == 4 and len(word) > 3:
        parts[-1] = parts[-1][:2]  # cut short
    elif choice == 5 and k + 1 < len(parts):
        parts[k : k + 2] = [parts[k] + parts[k + 1]]  # run together
    elif choice == 6 and len(word) > 4:
        parts[k : k + 1] = [word[:2], word[2:]]  # split apart
    elif choice == 7:
        parts[k] = word[0] + "."  # an initial
    elif choice == 8:
        parts.append("Ltd")
    elif choice == 9:
        parts.append("Germany")
    elif choice == 10:
        parts.append(str(where % 9 + 1))  # a series number
    elif choice == 11 and len(parts) > 1:
        parts = ["".join(p[0] for p in parts if p[0].isalpha())]  # an acronym
    return " ".join(parts)


@given(
    seed=st.sampled_from(SEEDS),
    edits=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 50)), min_size=1, max_size=3),
    flip=st.booleans(),
)
@settings(max_examples=300, deadline=None)
def test_never_below_the_score_on_edited_names(
    seed: tuple[str, str], edits: list[tuple[int, int]], flip: bool
) -> None:
    schema, name = seed
    edited = name
    for choice, where in edits:
        edited = _edit(edited, choice, where)
    left, right = (edited, name) if flip else (name, edited)
    query = make_subject(schema, {"name": [left]})
    candidate = entity(0, schema, [right])
    assert score_subject(query, candidate.subject).score <= ceiling(query, candidate)


NARROWED = [
    # (query, list names): a query read in several romanisations meets a list name
    # in some of them only; the renderings that cannot reach the score are not compared
    ("리병철", ["RI Pyong Chol", "Ri Byong Chol"]),
    ("陳國基", ["CHAN, Kwok-ki"]),
    ("Владимир Путин", ["Vladimir Vladimirovich PUTIN"]),
    ("金正恩", ["KIM Jong Un"]),
    # two names asked at once: the renderings are counted across both
    (("Kim Jong Un", "김정은"), ["KIM Jong Un", "Kim Chong-un"]),
]


@pytest.mark.parametrize(("asked", "listed"), NARROWED)
def test_narrowing_drops_forms_but_keeps_the_score(
    asked: str | tuple[str, str], listed: list[str]
) -> None:
    names = [asked] if isinstance(asked, str) else list(asked)
    query = make_subject("Person", {"name": names})
    candidate = entity(0, "Person", listed)
    table = FormTable()
    table.add(0, candidate.subject)
    table.freeze()
    ceilings = table.entity_ceilings(query, np.array([0], dtype=np.int64))
    full = score_subject(query, candidate.subject).score
    narrowed, subject = table.narrow(query, candidate.subject, 0, ceilings, full, 0.0)
    forms = sum(len(found) for _, _, found in query.names)
    kept = sum(len(found) for _, _, found in narrowed.names)
    assert 0 < kept < forms
    assert score_subject(narrowed, subject).score == full
