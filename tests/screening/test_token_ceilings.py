"""Token ceilings are never below ``token_similarity``, in any context it is called in."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import numpy as np
import pytest

from fullcourt.screening.normalize import name_forms
from fullcourt.screening.token_ceilings import Vocabulary, abd_slips
from fullcourt.screening.tokens import abd_slip, token_similarity

CONTEXTS = [
    {"korean": k, "chinese": c, "person": p, "abjad": a}
    for k, c, p, a in itertools.product((False, True), repeat=4)
]


def vocabulary(tokens: list[str]) -> Vocabulary:
    vocab = Vocabulary()
    for token in tokens:
        vocab.add(token)
    vocab.freeze()
    return vocab


def bench_tokens(shared: Path) -> list[str]:
    path = shared / "screening_eval" / "nomenklatura" / "name_bench_cases.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    found = {
        token
        for row in rows
        for name in (row["name1"], row["name2"])
        for form in name_forms(name, row["schema"])
        for token in form.tokens
    }
    return sorted(found)


def test_never_below_the_similarity_on_benchmark_tokens(shared: Path) -> None:
    tokens = bench_tokens(shared)[::3]  # about 900 tokens: 800,000 pairs per context
    vocab = vocabulary(tokens)
    columns = np.arange(len(tokens), dtype=np.int64)
    rows = tokens[::7]
    plain = vocab.ceiling_rows(rows, columns, tokens)
    korean = vocab.korean_rows(rows, columns, plain)
    below = []
    for r, a in enumerate(rows):
        for c, b in enumerate(tokens):
            for context in CONTEXTS:
                found = token_similarity(a, b, context["korean"], **{
                    k: v for k, v in context.items() if k != "korean"
                })  # fmt: skip
                ceiling = korean[r, c] if context["korean"] else plain[r, c]
                if found > ceiling + 1e-9:
                    below.append((a, b, context, found, ceiling))
    assert below == []


@pytest.mark.parametrize(
    ("a", "b", "at_least"),
    [
        ("jong", "jeong", 0.92),  # one Korean syllable
        ("abd", "abdul", 0.92),
        ("sergejs", "sergey", 0.8),  # a Baltic ending
        ("alkhazali", "khazali", 0.9),  # the Arabic article joined to the name
        ("qaysi", "alqaysy", 0.75),  # and a slip in the name
        ("william", "bill", 0.85),  # a nickname
        ("dr", "drissi", 0.8),  # a part cut short
        ("j", "jean", 0.7),  # an initial
    ],
)
def test_rules_that_ignore_spelling_distance(a: str, b: str, at_least: float) -> None:
    vocab = vocabulary([b])
    assert vocab.ceiling_rows([a], np.array([0]), [b])[0, 0] >= at_least


def test_korean_syllables_are_same_or_different() -> None:
    listed = ["song", "jong", "jeong"]
    vocab = vocabulary(listed)
    columns = np.arange(3, dtype=np.int64)
    plain = vocab.ceiling_rows(["sang", "chong"], columns, listed)
    korean = vocab.korean_rows(["sang", "chong"], columns, plain)
    assert plain[0, 0] > 0.55 >= korean[0, 0]  # sang / song: one letter, two syllables
    assert korean[1, 1] >= 0.92 and korean[1, 2] >= 0.92  # chong / jong / jeong: one syllable


def test_a_part_cut_short_only_where_names_reads_it_so() -> None:
    # names._truncated_last_part reads only the last part of a long name as cut short
    vocab = vocabulary(["drissi"])
    column = np.array([0])
    assert vocab.ceiling_rows(["dr"], column, ["drissi"], cut_rows=[True])[0, 0] >= 0.8
    assert vocab.ceiling_rows(["dr"], column, ["drissi"], cut_rows=[False])[0, 0] < 0.8
    # the list's part: only if it closes a list name long enough to have been cut
    listed = Vocabulary()
    listed.may_be_cut("dr")
    listed.freeze()
    found = listed.ceiling_rows(["drissi"], np.array([0]), ["dr"], cut_rows=[False])
    assert found[0, 0] >= 0.8


def test_consonants_pair_parts_only_across_scripts() -> None:
    # "fazl" and "fayssal" share their consonants; the abjad rule pairs them only when
    # one name is written in Arabic letters (tokens.abjad_alike)
    vocab = Vocabulary()
    vocab.written_in("fayssal", abjad=False)
    vocab.freeze()
    column = np.array([0])
    latin = vocab.ceiling_rows(["fazl"], column, ["fayssal"], abjad_rows=[(False, True)])
    arabic = vocab.ceiling_rows(["fazl"], column, ["fayssal"], abjad_rows=[(True, False)])
    assert latin[0, 0] < 0.8 <= arabic[0, 0]


def test_slips_in_abd_for_many_parts_at_once(shared: Path) -> None:
    """The array form gives what ``tokens.abd_slip`` gives, part by part."""
    tokens = [*sorted(bench_tokens(shared)), "abudl", "adbul", "badur", "abdurrahman"]
    assert abd_slips(tokens).tolist() == pytest.approx([abd_slip(t) for t in tokens])
