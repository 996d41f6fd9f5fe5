"""The audit log's hash chain and the analysts' decisions, on real files in tmp_path."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from fullcourt.audit import GENESIS, AuditError, AuditLog, Decisions


def filled(path: Path, count: int = 5) -> AuditLog:
    log = AuditLog(path)
    for number in range(count):
        log.append("screening", {"query_key": f"q{number}", "results": [{"id": "ofac-20157"}]})
    return log


def rewrite(path: Path, number: int, change: dict[str, object]) -> None:
    """Change one field of one line (1-based), keeping its hashes: a forged edit."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    event = json.loads(lines[number - 1])
    event.update(change)
    lines[number - 1] = json.dumps(event) + "\n"
    path.write_text("".join(lines), encoding="utf-8")


def test_events_chain_from_genesis_and_the_receipt_is_the_hash(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "deep" / "audit.jsonl")
    first = log.append("screening", {"query_key": "a"})
    second = log.append("decision", {"query_key": "a", "entity_id": "x"})
    events = list(log)
    assert [e["kind"] for e in events] == ["screening", "decision"]
    assert events[0]["previous"] == GENESIS
    assert events[0]["hash"] == first
    assert events[1]["previous"] == first
    assert events[1]["hash"] == second
    assert all(e["at"].endswith("+00:00") for e in events)  # UTC, for cross-site logs
    assert log.verify() == 2


def test_an_empty_or_absent_log_verifies_as_zero_events(tmp_path: Path) -> None:
    assert AuditLog(tmp_path / "absent.jsonl").verify() == 0
    assert list(AuditLog(tmp_path / "absent.jsonl")) == []


@pytest.mark.parametrize(
    ("number", "change"),
    [
        (1, {"query_key": "forged"}),  # the first event edited
        (3, {"results": []}),  # a hit removed from the record
        (5, {"at": "2020-01-01T00:00:00.000+00:00"}),  # back-dated, last line
    ],
)
def test_an_edited_line_breaks_the_chain_at_that_line(
    tmp_path: Path, number: int, change: dict[str, object]
) -> None:
    log = filled(tmp_path / "audit.jsonl")
    rewrite(log.path, number, change)
    with pytest.raises(AuditError, match=rf"audit.jsonl:{number}: audit chain broken"):
        log.verify()


def test_a_removed_line_breaks_the_chain_at_the_next_one(tmp_path: Path) -> None:
    log = filled(tmp_path / "audit.jsonl")
    lines = log.path.read_text().splitlines(keepends=True)
    log.path.write_text("".join(lines[:2] + lines[3:]))
    with pytest.raises(AuditError, match=r"audit.jsonl:3:"):
        log.verify()


def test_reordered_lines_break_the_chain(tmp_path: Path) -> None:
    log = filled(tmp_path / "audit.jsonl")
    lines = log.path.read_text().splitlines(keepends=True)
    lines[1], lines[2] = lines[2], lines[1]
    log.path.write_text("".join(lines))
    with pytest.raises(AuditError, match=r"audit.jsonl:2:"):
        log.verify()


def test_a_recomputed_hash_on_an_edited_line_still_breaks_the_next_link(tmp_path: Path) -> None:
    """A forger who rehashes the edited line is caught by the line after it."""
    log = filled(tmp_path / "audit.jsonl")
    lines = log.path.read_text().splitlines(keepends=True)
    event = json.loads(lines[1])
    body = {k: v for k, v in event.items() if k not in ("previous", "hash")}
    body["query_key"] = "forged"
    forged = AuditLog(tmp_path / "scratch.jsonl")
    forged.path.write_text(lines[0])
    forged.append(body.pop("kind"), {k: v for k, v in body.items() if k != "at"})
    lines[1] = forged.path.read_text().splitlines(keepends=True)[1]
    log.path.write_text("".join(lines))
    with pytest.raises(AuditError, match=r"audit.jsonl:3:"):
        log.verify()


def test_concurrent_appends_keep_one_unbroken_chain(tmp_path: Path) -> None:
    """The API's threads and a batch append to the same file: the lock serialises them."""
    log = AuditLog(tmp_path / "audit.jsonl")

    def worker(name: str) -> None:
        for number in range(25):
            AuditLog(log.path).append("screening", {"actor": name, "n": number})

    threads = [threading.Thread(target=worker, args=(f"t{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert log.verify() == 100


def test_decisions_need_a_known_decision_and_an_analyst(tmp_path: Path) -> None:
    decisions = Decisions(tmp_path / "decisions.jsonl")
    with pytest.raises(ValueError, match="decision must be one of"):
        decisions.record("q", "e", "looks_fine", "A. Analyst")
    with pytest.raises(ValueError, match="analyst"):
        decisions.record("q", "e", "false_positive", "  ")
    assert not decisions.path.exists()


def test_the_latest_decision_stands_per_query_and_entity(tmp_path: Path) -> None:
    audit = AuditLog(tmp_path / "audit.jsonl")
    decisions = Decisions(tmp_path / "decisions.jsonl", audit)
    decisions.record("q1", "ofac-20157", "false_positive", "A. Analyst", "different person")
    decisions.record("q1", "gb-dpr0025", "true_positive", "A. Analyst")
    decisions.record("q2", "ofac-20157", "true_positive", "B. Analyst")
    decisions.record("q1", "ofac-20157", "clear", "C. Reviewer", "reopened")
    standing = decisions.for_query("q1")
    assert {e: d.decision for e, d in standing.items()} == {
        "ofac-20157": "clear",
        "gb-dpr0025": "true_positive",
    }
    assert standing["ofac-20157"].analyst == "C. Reviewer"
    assert decisions.for_query("q2")["ofac-20157"].decision == "true_positive"
    assert decisions.for_query("unknown") == {}
    logged = [e for e in audit if e["kind"] == "decision"]
    assert [(e["query_key"], e["decision"], e["note"]) for e in logged] == [
        ("q1", "false_positive", "different person"),
        ("q1", "true_positive", ""),
        ("q2", "true_positive", ""),
        ("q1", "clear", "reopened"),
    ]
    assert audit.verify() == 4


def test_decisions_without_an_audit_log_are_still_kept(tmp_path: Path) -> None:
    decisions = Decisions(tmp_path / "decisions.jsonl")
    made = decisions.record("q", "e", "false_positive", "A. Analyst")
    assert decisions.current() == {("q", "e"): made}


def test_synced_in_groups_the_chain_is_the_same(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.jsonl")
    with log.synced_every(3):
        receipts = [log.append("screening", {"n": n}) for n in range(7)]
    assert log.verify() == 7
    assert [event["hash"] for event in log] == receipts


def test_two_writers_keep_one_chain(tmp_path: Path) -> None:
    # the API and a batch run append to one file; each must read the other's last hash
    path = tmp_path / "audit.jsonl"
    api, batch = AuditLog(path), AuditLog(path)
    for n in range(4):
        api.append("screening", {"n": n})
        batch.append("batch_row", {"n": n})
    assert AuditLog(path).verify() == 8


def test_a_log_replaced_by_one_of_the_same_size_is_read_back(tmp_path: Path) -> None:
    # rotation may put a new log of the very same length in place: its last hash,
    # not the one this writer remembers, is the next event's previous
    path, other = tmp_path / "audit.jsonl", tmp_path / "other.jsonl"
    writer = AuditLog(path)
    writer.append("screening", {"n": 1})
    AuditLog(other).append("screening", {"n": 9})
    assert other.stat().st_size == path.stat().st_size
    other.replace(path)
    writer.append("screening", {"n": 2})
    assert AuditLog(path).verify() == 2
