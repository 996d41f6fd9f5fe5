"""The candidate index finds plausible entities through every key, not by scanning."""

from __future__ import annotations

from fullcourt.screening.index import form_keys, trigrams
from fullcourt.screening.matcher import Matcher
from fullcourt.screening.normalize import name_forms
from fullcourt.screening.subject import make_subject


def test_keys_of_a_name() -> None:
    form = name_forms("Ri Pyong Chol", "Person")[0]
    keys = form_keys(form)
    assert {"t:ri", "t:pyong", "t:chol"} <= keys
    assert any(k.startswith("k:") for k in keys)  # Korean syllable keys
    assert "g:_ri" in keys and trigrams("ab") == {"_ab", "ab_"}


def test_candidates_are_few_and_include_the_target(default_matcher: Matcher) -> None:
    index = default_matcher.index
    for props in ({"name": ["RI PYONGCHOL"]}, {"name": ["Pyong-chol Ri"]}, {"name": ["KOMID"]}):
        candidates = index.candidates(make_subject("LegalEntity", props), limit=20)
        assert len(candidates) <= 20 < len(index.entities)
        names = " ".join(c.caption.lower() for c in candidates)
        assert "pyong" in names or "mining" in names


def test_identifier_hits_come_first(default_matcher: Matcher) -> None:
    query = make_subject("Vessel", {"name": ["zzz"], "imoNumber": ["8660313"]})
    first = default_matcher.index.candidates(query, limit=5)[0]
    assert "8660313" in first.subject.identifiers["imo"]
