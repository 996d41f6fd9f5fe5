"""Scoring a query against one list entity, feature by feature, with the evidence.

Algorithm ``fullcourt-v1``: the name feature is the best comparison between any query
name and any list name (see ``names.py``). Identifiers then decide where they can: the
same IMO number, passport or registration number is a hit whatever the name (ships are
renamed, people re-spell), and a *different* identifier of the same kind pulls the
score down. Dates of birth, countries and gender adjust the score a little, in the
direction of the evidence. Every feature that fired is kept with its detail.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fullcourt.screening.names import NameComparison, compare_names
from fullcourt.screening.subject import STRONG_IDENTIFIERS, Subject

ALGORITHM = "fullcourt-v1"
ALGORITHM_VERSION = "1.8.2"
DEFAULT_THRESHOLD = 0.80

IDENTIFIER_HIT = 0.99
IDENTIFIER_CONFLICT = 0.3
WEAK_IDENTIFIER_AGREES = 0.05
DOB_AGREES = 0.03
DOB_CONFLICT = 0.25  # years more than one apart: another person with that name
DOB_NEAR = 0.1  # a year apart: often the same person, transcribed or estimated
COUNTRY_AGREES = 0.02
COUNTRY_CONFLICT = 0.05
GENDER_CONFLICT = 0.1


@dataclass(frozen=True, slots=True)
class Feature:
    """One piece of evidence: its effect on the score and what it saw."""

    name: str
    score: float
    detail: str


@dataclass(frozen=True, slots=True)
class Score:
    score: float
    features: tuple[Feature, ...] = ()
    name: NameComparison | None = None
    matched_name: tuple[str, str] | None = field(default=None)


NameHit = tuple[float, NameComparison | None, tuple[str, str] | None]


def _best_name(query: Subject, candidate: Subject) -> NameHit:
    best: NameHit = (0.0, None, None)
    for q_name, _, q_forms in query.names:
        for c_name, weight, c_forms in candidate.names:
            result = compare_names(q_forms, c_forms, candidate.schema)
            if result is not None and result.score * weight > best[0]:
                best = (result.score * weight, result, (q_name, c_name))
    return best


def _identifiers(query: Subject, candidate: Subject) -> list[Feature]:
    """Shared strong identifiers decide; conflicting ones count against; weak ones nudge."""
    features = []
    for kind, values in query.identifiers.items():
        theirs = candidate.identifiers.get(kind)
        if not theirs:
            continue
        strong = kind in STRONG_IDENTIFIERS
        if shared := values & theirs:
            effect = IDENTIFIER_HIT if strong else WEAK_IDENTIFIER_AGREES
            features.append(Feature(f"identifier_{kind}", effect, f"same {kind}: {min(shared)}"))
        elif strong:
            detail = f"{kind} differs: {', '.join(sorted(values))} / {', '.join(sorted(theirs))}"
            features.append(Feature(f"identifier_{kind}_conflict", -IDENTIFIER_CONFLICT, detail))
    return features


def _year(date: str) -> int:
    return int(date[:4]) if date[:4].isdigit() else 0


def _dates_agree(a: str, b: str) -> bool:
    """ISO prefixes agree when the shorter is a prefix of the longer (1984 ~ 1984-01-08)."""
    return a.startswith(b) or b.startswith(a)


def _near_dates(a: str, b: str) -> bool:
    """Two dates that disagree in a way that says nothing either way: a year alone
    (or the 1 January that lists write for one) is an estimate, and lists give several
    ("circa 1962"), so a year from it is near; two full dates one part apart (the
    month, the day, or the year with the same day) are as likely a slip as another
    person."""
    if abs(_year(a) - _year(b)) > 1:
        return False
    if min(len(a), len(b)) == 4 or a.endswith("-01-01") or b.endswith("-01-01"):
        return True
    if len(a) < 10 or len(b) < 10:
        return False
    return sum(x != y for x, y in zip(a.split("-"), b.split("-"), strict=True)) == 1


def _context(query: Subject, candidate: Subject) -> list[Feature]:
    features = []
    if query.birth_dates and candidate.birth_dates:
        pairs = [(a, b) for a in query.birth_dates for b in candidate.birth_dates]
        if any(_dates_agree(a, b) for a, b in pairs):
            features.append(Feature("dob_match", DOB_AGREES, "date of birth agrees"))
        else:
            ours, theirs = sorted(query.birth_dates), sorted(candidate.birth_dates)
            detail = f"dates of birth differ: {', '.join(ours)} / {', '.join(theirs)}"
            if any(_near_dates(a, b) for a, b in pairs):
                features.append(Feature("dob_near", 0.0, detail.replace("differ", "are near")))
            else:
                gap = min(abs(_year(a) - _year(b)) for a, b in pairs)
                effect = DOB_NEAR if gap <= 1 else DOB_CONFLICT
                features.append(Feature("dob_conflict", -effect, detail))
    if query.countries and candidate.countries:
        if query.countries & candidate.countries:
            shared = ", ".join(sorted(query.countries & candidate.countries))
            features.append(Feature("country_match", COUNTRY_AGREES, f"country agrees: {shared}"))
        else:
            features.append(Feature("country_conflict", -COUNTRY_CONFLICT, "countries differ"))
    if query.gender and candidate.gender and not query.gender & candidate.gender:
        features.append(Feature("gender_conflict", -GENDER_CONFLICT, "gender differs"))
    return features


def evidence_score(query: Subject, candidate: Subject) -> float:
    """What identifiers and context add to the name score (shared strong identifiers,
    which decide alone, left out): exactly what ``score_subject`` adds."""
    evidence = _identifiers(query, candidate) + _context(query, candidate)
    return sum(f.score for f in evidence if f.score < IDENTIFIER_HIT)


def score_subject(query: Subject, candidate: Subject) -> Score:
    """Score ``candidate`` for ``query``: name first, then identifiers and context."""
    name_score, comparison, pair = _best_name(query, candidate)
    features = [Feature("name", name_score, _name_detail(comparison))] if comparison else []
    evidence = _identifiers(query, candidate) + _context(query, candidate)
    decisive = [f for f in evidence if f.score >= IDENTIFIER_HIT]
    score = max([name_score] + [f.score for f in decisive])
    score += sum(f.score for f in evidence if f.score < IDENTIFIER_HIT)
    return Score(round(max(0.0, min(1.0, score)), 4), tuple(features + evidence), comparison, pair)


def _name_detail(comparison: NameComparison | None) -> str:
    if comparison is None:
        return ""
    parts = [f"{comparison.query!r} ~ {comparison.candidate!r}"]
    parts += [f"{a}={b} ({s:.2f})" for a, b, s in comparison.pairs if a != b]
    if comparison.unmatched_query:
        parts.append("query only: " + " ".join(comparison.unmatched_query))
    if comparison.unmatched_candidate:
        parts.append("list only: " + " ".join(comparison.unmatched_candidate))
    parts += list(comparison.notes)
    return "; ".join(parts)
