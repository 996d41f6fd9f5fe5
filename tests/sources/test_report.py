"""Parse reports count unrecognised items and keep a few real examples."""

from __future__ import annotations

from fullcourt.sources.report import MAX_EXAMPLES, ParseReport


def test_note_counts_and_keeps_distinct_examples() -> None:
    report = ParseReport()
    for n in range(5):
        report.note("remark:Vessel Year of Build", f"Vessel Year of Build {1990 + n}")
    report.note("remark:Vessel Year of Build", "Vessel Year of Build 1990")
    assert report.unknown["remark:Vessel Year of Build"] == 6
    assert len(report.examples["remark:Vessel Year of Build"]) == MAX_EXAMPLES


def test_merge_and_as_dict() -> None:
    a, b = ParseReport(records=2, published="2024-06-27"), ParseReport(records=3)
    b.note("element:FOO", "<FOO/>")
    a.merge(b)
    assert a.as_dict() == {
        "records": 5,
        "published": "2024-06-27",
        "unknown": {"element:FOO": {"count": 1, "examples": ["<FOO/>"]}},
    }
