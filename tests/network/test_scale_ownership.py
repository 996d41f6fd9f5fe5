"""The array 50% rule against ownership.assess, on random registries and OFAC's cases."""

from __future__ import annotations

import numpy as np
import pytest

from fullcourt.network.ownership import EU, OFAC, UK, Holding, Rule, assess
from fullcourt.network.scale_ownership import (
    BLOCKED,
    NOT_BLOCKED,
    POSSIBLY_BLOCKED,
    build_stakes,
)
from fullcourt.network.scale_ownership import assess as assess_arrays
from fullcourt.network.scale_synthetic import OWNERSHIP, SHARE_TEXTS, generate
from fullcourt.network.shares import parse_share

CODES = {"blocked": BLOCKED, "possibly_blocked": POSSIBLY_BLOCKED, "not_blocked": NOT_BLOCKED}
TEXTS = [text for text, _ in SHARE_TEXTS]
VOCABULARY = [parse_share(text) for text in TEXTS]


def ints(values: list[int]) -> np.ndarray[tuple[int], np.dtype[np.int64]]:
    return np.array(values, dtype=np.int64)


def both(
    parties: int,
    stakes: list[tuple[int, int, int]],
    designated: list[int],
    rule: Rule,
    joint: list[list[int]] | None = None,
) -> tuple[list[int], list[int]]:
    """Statuses from ownership.assess and from the arrays, for (owner, asset, text) rows."""
    holdings = [Holding(str(o), str(a), VOCABULARY[t]) for o, a, t in stakes]
    groups = [[str(p) for p in g] for g in joint or []]
    found = assess(holdings, [str(d) for d in designated], rule, joint_arrangements=groups)
    expected = [NOT_BLOCKED] * parties
    for entity, finding in found.items():
        expected[int(entity)] = CODES[finding.status.value]
    owner, asset, text = (ints([row[i] for row in stakes]) for i in range(3))
    built = build_stakes(parties, owner, asset, text, VOCABULARY)
    arrays = assess_arrays(built, ints(designated), rule, joint_arrangements=joint or [])
    return expected, arrays.tolist()


@pytest.mark.parametrize("rule", [OFAC, EU, UK], ids=["ofac", "eu", "uk"])
@pytest.mark.parametrize("seed", range(6))
def test_same_statuses_as_ownership_assess(rule: Rule, seed: int) -> None:
    # dense random ownership: chains, cycles, repeated stakes, bands and blanks
    synthetic = generate(40, 20, 150, designated=6, ownership=0.9, seed=seed)
    reg = synthetic.registry
    owned = reg.kind == OWNERSHIP
    rows = list(
        zip(
            reg.source[owned].tolist(),
            reg.target[owned].tolist(),
            synthetic.share[owned].tolist(),
            strict=True,
        )
    )
    expected, found = both(reg.parties, rows, synthetic.designated.tolist(), rule)
    assert found == expected
    assert set(found) - {NOT_BLOCKED}  # some party is caught, so a miss would show


def test_uk_joint_arrangements_on_random_registries() -> None:
    for seed in range(4):
        synthetic = generate(30, 10, 100, designated=6, ownership=1.0, seed=seed)
        reg = synthetic.registry
        rows = list(
            zip(reg.source.tolist(), reg.target.tolist(), synthetic.share.tolist(), strict=True)
        )
        listed = synthetic.designated.tolist()
        joint = [listed[:2], listed[1:4], [listed[0], 999]]  # overlapping; one not listed
        expected, found = both(40, rows, listed, UK, joint)
        assert found == expected


HALF, QUARTER, TENTH, BLANK = (TEXTS.index(t) for t in ("50%", "25%", "10%", ""))
OVER_QUARTER = TEXTS.index(">25%")


@pytest.mark.parametrize(
    ("stakes", "designated", "rule", "status"),
    [
        # OFAC: one blocked owner at 50% through a chain (0 -> 1 -> 2)
        ([(0, 1, HALF), (1, 2, HALF)], [0], OFAC, [BLOCKED] * 3),
        # two blocked owners at 25% each add up under OFAC, not under the UK rule
        ([(0, 2, QUARTER), (1, 2, QUARTER)], [0, 1], OFAC, [BLOCKED] * 3),
        ([(0, 2, QUARTER), (1, 2, QUARTER)], [0, 1], UK, [BLOCKED, BLOCKED, NOT_BLOCKED]),
        # holdings through an entity under 50% blocked ownership do not count
        ([(0, 1, TENTH), (1, 2, HALF)], [0], OFAC, [BLOCKED, NOT_BLOCKED, NOT_BLOCKED]),
        # a cycle with no blocked owner feeding it blocks nobody, and ends
        ([(1, 2, HALF), (2, 1, HALF)], [0], OFAC, [BLOCKED, NOT_BLOCKED, NOT_BLOCKED]),
        # an unknown share might meet the rule; so might one stake stated twice, as
        # ">25%" and blank: combined, (25%, 100%]
        ([(0, 1, BLANK), (0, 2, OVER_QUARTER), (0, 2, BLANK)], [0], OFAC, [2, 1, 1]),
    ],
)
def test_guidance_cases(
    stakes: list[tuple[int, int, int]], designated: list[int], rule: Rule, status: list[int]
) -> None:
    expected, found = both(3, stakes, designated, rule)
    assert found == expected == status
