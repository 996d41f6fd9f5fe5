"""The 50% rule as a case table: OFAC's published examples, the UK variant, cycles, ranges.

OFAC's cases are from its 50 Percent Rule guidance of 13 August 2014 and FAQs 398-402:
FAQ 401 gives the worked examples (indirect ownership only counts through entities that
are themselves 50% or more blocked-owned); FAQ 399 says holdings of different blocked
persons are added up, whatever program blocks them. The UK's rule (OFSI ownership and
control guidance) is "more than 50%", each designated person's holdings counted alone
unless designated persons hold under a joint arrangement.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fullcourt.network import build_graph
from fullcourt.network.ownership import (
    EU,
    OFAC,
    UK,
    Holding,
    Rule,
    Status,
    assess,
    assess_graph,
)
from fullcourt.network.shares import NOTHING, ShareRange, combine, parse_share
from tests.network.entities import party, relation, sanction

B, P, N = Status.BLOCKED, Status.POSSIBLY_BLOCKED, Status.NOT_BLOCKED


def web(text: str) -> list[Holding]:
    """ "X>A 50%, A>B 25-50%": owner > asset and the share text as written ("X>A": none)."""
    out = []
    for item in text.split(", "):
        pair, _, share = item.partition(" ")
        owner, asset = pair.split(">")
        out.append(Holding(owner, asset, parse_share(share), share))
    return out


# (case, rule, holdings, designated, joint arrangements, expected)
# fmt: off
CASES: list[tuple[str, Rule, str, str, str, dict[str, Status]]] = [
    # OFAC FAQ 401 ex. 1: X 50% of A, A 50% of B: A is blocked, and so B through A
    ("ofac-ex1-chain", OFAC, "X>A 50%, A>B 50%", "X", "", {"A": B, "B": B}),
    # FAQ 401 ex. 2: X half-owns A and B, each holds 25% of C: 25 + 25 through blocked
    # entities is 50%
    ("ofac-ex2-two-paths", OFAC, "X>A 50%, X>B 50%, A>C 25%, B>C 25%", "X", "",
     {"A": B, "B": B, "C": B}),
    # FAQ 401 ex. 3: X holds 10% of B directly and 40% through A (which X half-owns)
    ("ofac-ex3-direct-plus-indirect", OFAC, "X>A 50%, X>B 10%, A>B 40%", "X", "",
     {"A": B, "B": B}),
    # FAQ 399: two blocked persons at 25% each add up to 50%, even when different
    # programs (DPRK3, NPWMD) block them: the rule does not look at programs
    ("ofac-aggregate-25-25", OFAC, "X>A 25%, Y>A 25%", "X Y", "", {"A": B}),
    # ...and the aggregate-blocked A passes it on
    ("ofac-aggregate-then-chain", OFAC, "X>A 25%, Y>A 25%, A>B 50%", "X Y", "",
     {"A": B, "B": B}),
    # 2014 FAQs counter-example: X 25% of A and of B, A and B 50% each of C. A and B are
    # not blocked, so their holdings do not count: X owns nothing of C
    ("ofac-counter-example", OFAC, "X>A 25%, X>B 25%, A>C 50%, B>C 50%", "X", "",
     {"A": N, "B": N, "C": N}),
    ("ofac-45-plus-3", OFAC, "X>A 45%, Y>A 3%", "X Y", "", {"A": N}),  # 48%: under the line
    # never multiply along a chain: 60% of 60% is not 36%, B is blocked through A
    ("ofac-no-products", OFAC, "X>A 60%, A>B 60%", "X", "", {"A": B, "B": B}),
    # cycles: companies owning each other block nobody unless a blocked owner feeds in
    ("cycle-unfed", OFAC, "A>B 60%, B>A 60%", "", "", {"A": N, "B": N}),
    ("cycle-fed", OFAC, "X>A 50%, A>B 60%, B>A 40%", "X", "", {"A": B, "B": B}),
    # a cycle that would only justify itself: A is blocked if B is, B if A is
    ("cycle-self-justifying", OFAC, "X>A 30%, B>A 30%, A>B 60%", "X", "", {"A": N, "B": N}),
    # unknown and ranged shares: the upper end meets the rule, the lower does not
    ("unknown-share", OFAC, "X>A", "X", "", {"A": P}),
    ("band-25-50", OFAC, "X>A 25-50%", "X", "", {"A": P}),
    ("over-49", OFAC, "X>A >49%", "X", "", {"A": P}),  # 49.5% is possible
    ("ambiguous-decimal", OFAC, "X>A 0.5", "X", "", {"A": P}),  # 0.5% or one half
    ("below-50", OFAC, "X>A <50%", "X", "", {"A": N}),
    ("possibly-passes-on", OFAC, "X>A, A>B 100%", "X", "", {"A": P, "B": P}),
    ("known-plus-unknown", OFAC, "X>A 30%, Y>A", "X Y", "", {"A": P}),
    ("known-enough-plus-unknown", OFAC, "X>A 50%, Y>A", "X Y", "", {"A": B}),
    # EU: 50% or more, in the aggregate, as US (the Best Practices' "more than 50%"
    # reading differs only at exactly 50%: the last row)
    ("eu-exactly-50", EU, "X>A 50%", "X", "", {"A": B}),
    ("eu-aggregate-25-25", EU, "X>A 25%, Y>A 25%", "X Y", "", {"A": B}),
    ("eu-chain-at-50", EU, "X>A 50%, A>B 50%", "X", "", {"A": B, "B": B}),
    ("eu-band-25-50", EU, "X>A 25-50%", "X", "", {"A": P}),
    ("eu-more-than-50-reading", Rule("EU, more than 50%", inclusive=False), "X>A 50%", "X", "",
     {"A": N}),
    ("eu-majority", EU, "X>A majority", "X", "", {"A": B}),
    # UK: more than 50%, each designated person on their own
    ("uk-exactly-50", UK, "X>A 50%", "X", "", {"A": N}),
    ("uk-51", UK, "X>A 51%", "X", "", {"A": B}),
    ("uk-band-25-50", UK, "X>A 25-50%", "X", "", {"A": N}),  # never above 50
    ("uk-majority", UK, "X>A majority", "X", "", {"A": B}),
    # two different designated persons at 30% each are not added together...
    ("uk-30-30-apart", UK, "X>A 30%, Y>A 30%", "X Y", "", {"A": N}),
    # ...unless they hold under a joint arrangement
    ("uk-30-30-joint", UK, "X>A 30%, Y>A 30%", "X Y", "X+Y", {"A": B}),
    # one person's direct and indirect holdings add up: X 30% of C, 30% through A
    ("uk-same-person-indirect", UK, "X>A 60%, A>C 30%, X>C 30%", "X", "", {"A": B, "C": B}),
    # X's holding through A and Y's direct holding stay apart
    ("uk-two-persons-indirect", UK, "X>A 60%, A>C 30%, Y>C 30%", "X Y", "", {"A": B, "C": N}),
]
# fmt: on


@pytest.mark.parametrize(
    ("rule", "holdings", "designated", "joint", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_case_table(
    rule: Rule, holdings: str, designated: str, joint: str, expected: dict[str, Status]
) -> None:
    groups = [joint.split("+")] if joint else []
    found = assess(web(holdings), designated.split(), rule, joint_arrangements=groups)
    assert {e: found[e].status for e in expected} == expected
    for person in designated.split():
        assert found[person].status is B and found[person].designated


def _chains(holdings: str, entity: str) -> set[str]:
    found = assess(web(holdings), ["X", "Y"])[entity]
    return {" > ".join([c[0].owner, *(h.asset for h in c)]) for c in found.chains}


def test_chains_explain_each_decision() -> None:
    assert _chains("X>A 50%, X>B 50%, A>C 25%, B>C 25%", "C") == {"X > A > C", "X > B > C"}
    ex3 = "X>A 50%, X>B 10%, A>B 40%"
    assert _chains(ex3, "B") == {"X > B", "X > A > B"}
    found = assess(web(ex3), ["X"])["B"]
    assert found.share == ShareRange(Fraction(50), Fraction(50))
    assert found.controllers == ("*",)
    # not blocked: the stake blocked owners hold is still reported
    counter = assess(web("X>A 45%"), ["X"])["A"]
    assert (counter.status, str(counter.share), counter.chains) == (N, "45%", ())


def test_joint_arrangement_is_named() -> None:
    found = assess(web("X>A 30%, Y>A 30%"), ["X", "Y"], UK, joint_arrangements=[["Y", "X"]])["A"]
    assert found.controllers == ("joint:X+Y",)
    assert len(found.chains) == 2


def test_one_stake_stated_twice_counts_once() -> None:
    twice = [
        Holding("X", "A", parse_share("30%"), "30%", ("ofac",)),
        Holding("X", "A", parse_share("30%"), "30%", ("uk",)),
    ]
    found = assess([*twice, Holding("Y", "A", parse_share("15%"))], ["X", "Y"])["A"]
    assert (found.status, str(found.share)) == (N, "45%")  # not 30 + 30 + 15


@pytest.mark.parametrize(
    ("rule", "holdings", "designated", "asset", "status", "share"),
    [
        # through a company only possibly blocked, a stake may count or not: the low
        # end leaves it out, the high end counts it
        (OFAC, "X>A 25-50%, A>B 60%", "X", "B", P, "[0%, 60%]"),
        (OFAC, "X>A 0.5, X>D 40%, A>D 20%", "X", "D", P, "[40%, 60%]"),
        # owned round a cycle: both blocked owners count in the stake
        (OFAC, "X>A 50%, A>B 50%, B>A 50%", "X", "A", B, "100%"),
        # stakes stated past the whole are reported as the whole
        (OFAC, "X>A 60%, Y>A 60%", "X Y", "A", B, "100%"),
        (OFAC, "X>A 30%, Y>A", "X Y", "A", P, "[30%, 100%]"),
        # UK, per person: one holds a certain 30%, the other an unknown stake
        (UK, "X>A 30%, Y>A", "X Y", "A", P, "[30%, 100%]"),
    ],
)
def test_the_reported_stake(
    rule: Rule, holdings: str, designated: str, asset: str, status: Status, share: str
) -> None:
    found = assess(web(holdings), designated.split(), rule)[asset]
    assert (found.status, str(found.share)) == (status, share)


def test_graph_holdings() -> None:
    entities = [
        party("Person", "x", "X"),
        sanction("x", "us_ofac_sdn"),
        party("Company", "a", "A"),
        party("Company", "b", "B", parent="a"),  # share not stated: possibly
        party("Vessel", "v", "V", owner="a"),  # registered owner holds all of the vessel
        relation("Ownership", "o1", {"owner": "x", "asset": "a"}, percentage="51%"),
    ]
    found = assess_graph(build_graph(entities), OFAC)
    assert {e: f.status for e, f in found.items()} == {"x": B, "a": B, "b": P, "v": B}
    assert found["v"].chains[0][-1].record_ids == ("v",)
    # designated by another list only: nobody is blocked under this one
    scoped = assess_graph(build_graph(entities), OFAC, datasets=["un_sc_sanctions"])
    assert {f.status for f in scoped.values()} == {N}


# --- invariants over random ownership webs, cycles included ---------------------------

NODES = list("XYABCDE")
SHARES = ["10%", "25%", "30%", "50%", "51%", "60%", "", "25-50%", "majority"]
webs = st.lists(
    st.builds(
        lambda o, a, s: Holding(o, a, parse_share(s), s),
        st.sampled_from(NODES),
        st.sampled_from(NODES),
        st.sampled_from(SHARES),
    ),
    max_size=14,
)


def _naive(holdings: list[Holding], designated: set[str], rule: Rule, certain: bool) -> set[str]:
    """Oracle: recompute every party's status from scratch until nothing changes."""
    keys: dict[str, set[str]] = {d: ({"*"} if rule.aggregate else {d}) for d in designated}
    stakes: dict[tuple[str, str], list[ShareRange]] = {}
    for h in holdings:
        if h.owner != h.asset:
            stakes.setdefault((h.owner, h.asset), []).append(h.share)
    merged = {pair: combine(s) for pair, s in stakes.items()}
    met = rule.certainly_met if certain else rule.possibly_met
    changed = True
    while changed:
        changed = False
        for asset in NODES:
            all_keys = {k for (o, a) in merged if a == asset for k in keys.get(o, set())}
            for key in all_keys - keys.get(asset, set()):
                total = NOTHING
                for (o, a), share in merged.items():
                    if a == asset and key in keys.get(o, set()):
                        total = total + share
                if met(total):
                    keys.setdefault(asset, set()).add(key)
                    changed = True
    return {e for e, k in keys.items() if k}


@settings(max_examples=150, deadline=None)
@given(webs, st.sets(st.sampled_from(NODES), max_size=3), st.sampled_from([OFAC, EU, UK]))
def test_matches_naive_fixed_point(
    holdings: list[Holding], designated: set[str], rule: Rule
) -> None:
    found = assess(holdings, designated, rule)
    blocked = {e for e, f in found.items() if f.status is B}
    maybe = {e for e, f in found.items() if f.status is not N}
    assert blocked == _naive(holdings, designated, rule, certain=True)
    assert maybe == _naive(holdings, designated, rule, certain=False)


@settings(max_examples=100, deadline=None)
@given(webs, st.sets(st.sampled_from(NODES), max_size=3), st.sampled_from(NODES))
def test_designating_more_never_unblocks(
    holdings: list[Holding], designated: set[str], extra: str
) -> None:
    before = assess(holdings, designated)
    after = assess(holdings, designated | {extra})
    for entity, finding in before.items():
        if finding.status is B:
            assert after[entity].status is B
        if finding.status is P:
            assert after[entity].status in (B, P)
