"""Tying outside records (registries, leaks, FtM files) to the listed parties they are.

An investigator's own data names parties the lists also name, spelled differently and
without list ids. Each outside party is screened against the list entities with the
screening engine, and what it finds is sorted by how sure it is:

- **automatic**: a strong identifier the screening score treats as decisive (the same
  registration, IMO, passport, tax or BIC number) with no contrary evidence (no other
  identifier, date of birth, country or gender that differs) and no second list entity
  sharing it. Registration numbers are only unique within one register, so a conflict
  demotes the match to a proposal rather than merging two companies;
- **proposal**: any other match at or above the threshold, with its score and the
  features that explain it, for an analyst to accept or reject.

Decisions are appended to ``<store>.link-decisions.jsonl`` and to the audit log; the
latest decision on a pair stands, and a rejection also undoes an automatic link.
:func:`linked_same_as` turns the links in force into the ``same_as`` mapping that
``build_graph`` takes, so an outside record becomes part of the listed party's node:
a registry's shareholdings then reach the 50% rule and the exposure walk.
"""

from __future__ import annotations

import fcntl
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from fullcourt.audit import AuditLog
from fullcourt.model import Entity
from fullcourt.screening.catalog import SCREENED_SCHEMATA
from fullcourt.screening.matcher import Match, Matcher
from fullcourt.screening.score import ALGORITHM, DEFAULT_THRESHOLD, IDENTIFIER_HIT, Feature
from fullcourt.screening.subject import STRONG_IDENTIFIERS, make_subject

ACCEPT, REJECT = "accept", "reject"
LIMIT = 3  # list entities considered per outside record


@dataclass(frozen=True, slots=True)
class Proposal:
    """An outside record and the list entity it may be, with why."""

    dataset: str
    record_id: str
    caption: str
    list_id: str  # the screening entity: the store's canonical id or the record's own
    list_caption: str
    list_records: tuple[str, ...]  # entity ids of the list records behind it
    list_datasets: tuple[str, ...]
    score: float
    automatic: bool
    evidence: tuple[str, ...]  # one line per feature that fired

    @property
    def pair(self) -> tuple[str, str, str]:
        return (self.dataset, self.record_id, self.list_id)


@dataclass(frozen=True, slots=True)
class Linking:
    """Every match of one run, automatic links first."""

    proposals: tuple[Proposal, ...]
    versions: tuple[tuple[str, str], ...] = ()
    algorithm: str = ALGORITHM

    @property
    def automatic(self) -> tuple[Proposal, ...]:
        return tuple(p for p in self.proposals if p.automatic)

    @property
    def pending(self) -> tuple[Proposal, ...]:
        return tuple(p for p in self.proposals if not p.automatic)

    def find(self, record_id: str) -> list[Proposal]:
        return [p for p in self.proposals if p.record_id == record_id]

    def pair(self, record_id: str, list_id: str) -> Proposal | None:
        """The proposal tying a record to a list entity, named by its id or a record's."""
        return next(
            (p for p in self.find(record_id) if list_id == p.list_id or list_id in p.list_records),
            None,
        )


def _decisive(feature: Feature) -> bool:
    kind = feature.name.removeprefix("identifier_")
    return (
        feature.name.startswith("identifier_")
        and kind in STRONG_IDENTIFIERS
        and (feature.score >= IDENTIFIER_HIT)
    )


def _explain(match: Match) -> tuple[str, ...]:
    return tuple(f"{f.name} {f.score:+.2f}: {f.detail}" for f in match.score.features)


def _proposal(entity: Entity, match: Match, automatic: bool) -> Proposal:
    listed = match.entity
    return Proposal(
        dataset=str(entity.dataset.name),
        record_id=str(entity.id),
        caption=entity.caption,
        list_id=listed.id,
        list_caption=listed.caption,
        list_records=tuple(record_id for _, record_id, _ in listed.records),
        list_datasets=listed.datasets,
        score=match.score.score,
        automatic=automatic,
        evidence=_explain(match),
    )


def link_entity(
    entity: Entity,
    matcher: Matcher,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = LIMIT,
    datasets: frozenset[str] | None = None,
) -> list[Proposal]:
    """The list entities one outside party may be, best first."""
    if entity.schema.name not in SCREENED_SCHEMATA:
        return []
    subject = make_subject(entity.schema.name, entity.to_dict()["properties"])
    found = matcher.match(
        subject, threshold=threshold, limit=limit, cutoff=threshold, datasets=datasets
    )
    own = str(entity.id)  # the outside data may be in the index too: never itself
    matches = [m for m in found if own not in {r for _, r, _ in m.entity.records}]
    strong = [m for m in matches if any(_decisive(f) for f in m.score.features)]
    sure = len(strong) == 1 and not any(f.score < 0 for f in strong[0].score.features)
    return [_proposal(entity, m, sure and m is strong[0]) for m in matches]


def link_entities(
    entities: Iterable[Entity],
    matcher: Matcher,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = LIMIT,
    datasets: frozenset[str] | None = None,
) -> Linking:
    """Screen every outside party against the lists (``datasets``: only these lists)."""
    found = [
        proposal
        for entity in entities
        for proposal in link_entity(
            entity, matcher, threshold=threshold, limit=limit, datasets=datasets
        )
    ]
    found.sort(key=lambda p: (not p.automatic, -p.score, p.record_id, p.list_id))
    return Linking(tuple(found), matcher.versions, matcher.algorithm)


@dataclass(frozen=True, slots=True)
class LinkDecision:
    dataset: str
    record_id: str
    list_id: str
    list_records: tuple[str, ...]
    decision: str
    analyst: str
    note: str
    score: float
    at: str


class LinkDecisions:
    """Analysts' accept / reject decisions on pairs, as append-only JSON lines."""

    def __init__(self, path: Path, audit: AuditLog | None = None) -> None:
        self.path, self.audit = path, audit

    @classmethod
    def for_store(cls, store_path: Path) -> LinkDecisions:
        """Decisions and audit log beside the store file, as the screening engine keeps them."""
        audit = AuditLog(store_path.with_name(store_path.name + ".audit.jsonl"))
        return cls(store_path.with_name(store_path.name + ".link-decisions.jsonl"), audit)

    def record(
        self, proposal: Proposal, decision: str, analyst: str, note: str = ""
    ) -> LinkDecision:
        if decision not in (ACCEPT, REJECT):
            raise ValueError(f"decision must be {ACCEPT} or {REJECT}, not {decision!r}")
        if not analyst.strip():
            raise ValueError("a decision needs the analyst who made it")
        made = LinkDecision(
            proposal.dataset,
            proposal.record_id,
            proposal.list_id,
            proposal.list_records,
            decision,
            analyst,
            note,
            proposal.score,
            datetime.now(UTC).isoformat(timespec="milliseconds"),
        )
        row = asdict(made)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            fcntl.flock(handle, fcntl.LOCK_UN)
        if self.audit is not None:
            self.audit.append("link_decision", row)
        return made

    def current(self) -> dict[tuple[str, str, str], LinkDecision]:
        """The standing decision per (dataset, record id, list id): the latest one."""
        if not self.path.exists():
            return {}
        standing: dict[tuple[str, str, str], LinkDecision] = {}
        with self.path.open(encoding="utf-8") as handle:
            for line in handle:
                data = json.loads(line)
                data["list_records"] = tuple(data["list_records"])
                made = LinkDecision(**data)
                standing[(made.dataset, made.record_id, made.list_id)] = made
        return standing


def audit_linking(audit: AuditLog, linking: Linking, actor: str = "") -> str:
    """Record what was linked automatically and what awaits a decision; the receipt."""
    return audit.append(
        "linking",
        {
            "actor": actor,
            "algorithm": linking.algorithm,
            "versions": [list(v) for v in linking.versions],
            "automatic": [[p.dataset, p.record_id, p.list_id, p.score] for p in linking.automatic],
            "proposals": len(linking.pending),
        },
    )


def standing_decision(proposal: Proposal, decisions: list[LinkDecision]) -> LinkDecision | None:
    """The latest decision on this pair; a list entity whose canonical id changed (the
    store re-linked its records) is recognised by the list records it still holds."""
    same = [
        d
        for d in decisions
        if (d.dataset, d.record_id) == proposal.pair[:2]
        and (d.list_id == proposal.list_id or set(d.list_records) & set(proposal.list_records))
    ]
    return max(same, key=lambda d: d.at, default=None)


def decision_state(proposal: Proposal, standing: list[LinkDecision]) -> tuple[str | None, bool]:
    """The standing verdict on a proposal (None: undecided) and whether the link holds:
    automatic links unless rejected, proposals once accepted."""
    decision = standing_decision(proposal, standing)
    verdict = decision.decision if decision is not None else None
    return verdict, verdict == ACCEPT or (proposal.automatic and verdict != REJECT)


def in_force(linking: Linking, decisions: LinkDecisions | None = None) -> list[Proposal]:
    """Automatic links not rejected, and proposals accepted."""
    standing = list(decisions.current().values()) if decisions is not None else []
    return [p for p in linking.proposals if decision_state(p, standing)[1]]


def linked_same_as(
    linking: Linking,
    decisions: LinkDecisions | None = None,
    base: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """``base`` (the store's cross-list links) plus outside record -> listed party.

    A record in force with several list entities keeps the first (automatic, then
    best score); the others stay proposals an analyst can see.
    """
    mapping = dict(base or {})
    for proposal in in_force(linking, decisions):
        target = mapping.get(proposal.list_id, proposal.list_id)
        mapping.setdefault(proposal.record_id, target)
    return mapping
