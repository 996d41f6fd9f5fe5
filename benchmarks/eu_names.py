"""The EU's writing of the DPRK names against the other lists, beside nomenklatura.

The EU's annex to Regulation 2017/1509 (OpenSanctions' transcription, in
``eu/opensanctions_eu_journal_32017R1509_DPRK.csv``) lists mostly the same North
Korean people, companies and ships as the UN, OFAC and the UK, written its own way:
other romanisations, a name in Latin letters and Hangul in one field, a ship's other
names in brackets, several aliases in one field. Each entry's name and up to three of
its aliases are screened against the store of ``screening_speed.py`` (the full SDN
list, the UN and UK lists; no EU entry), by our matcher and by nomenklatura's index
with logic-v2 at yente's threshold, in one run.

There is no answer key: a query counts when any result is a match. Some entries are
on the EU's list alone, and some names are translations (조선인민군, Korean People's
Army) that no matcher here reads, so neither side reaches every query; the queries
without a hit are printed, to be read.

Usage: ``.venv/bin/python benchmarks/eu_names.py [../shared/data]``
"""

from __future__ import annotations

import csv
import re
import sys
import tempfile
import time
from pathlib import Path

from fullcourt.screening.catalog import iter_list_entities
from fullcourt.screening.matcher import Matcher
from fullcourt.screening.subject import make_subject
from fullcourt.store import Store
from screening_speed import Query, build_store, judge, run_anchor

EU_CSV = "eu/opensanctions_eu_journal_32017R1509_DPRK.csv"
ALIASES = 3  # per entry, beside its name
SCHEMATA = {"Person": "Person", "Vessel": "Vessel"}  # anything else: LegalEntity
DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def birth_dates(text: str) -> list[str]:
    found = []
    for value in text.split(";"):
        value = value.strip()
        if match := DAY_MONTH_YEAR.fullmatch(value):
            day, month, year = match.groups()
            found.append(f"{year}-{int(month):02d}-{int(day):02d}")
        elif re.fullmatch(r"\d{4}", value):
            found.append(value)
    return found


def read_queries(path: Path) -> list[Query]:
    """Each entry's name and aliases as queries, with its date of birth and IMO number."""
    queries = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            schema = SCHEMATA.get(row["schema"], "LegalEntity")
            names = [row["name"], *row["alias"].split(";")[:ALIASES]]
            for name in (n.strip() for n in names):
                if not name:
                    continue
                props = {"name": [name]}
                if schema == "Person" and (dates := birth_dates(row["birthDate"])):
                    props["birthDate"] = dates
                if row["imoNumber"].strip():
                    props["imoNumber"] = [row["imoNumber"].strip()]
                queries.append(Query(props, None, schema))
    return queries


def main(shared: Path) -> None:
    queries = read_queries(shared / EU_CSV)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = work / "lists.duckdb"
        build_store(shared, db, work)
        with Store(db, read_only=True) as store:
            entities = list(iter_list_entities(store))
        matcher = Matcher.from_entities(entities)
        start = time.perf_counter()
        ours = [judge(q, matcher.match(make_subject(q.schema, q.props))) for q in queries]
        elapsed = time.perf_counter() - start
        anchor = run_anchor(entities, queries, work)
    ours_hits = sum(v.any_hit for v in ours)
    print(f"EU annex queries: {len(queries)} (names and up to {ALIASES} aliases per entry)")
    print(f"fullcourt-v1: {ours_hits} with a hit, {len(queries) - ours_hits} without ", end="")
    print(f"({len(queries) / elapsed:.0f} queries/s)")
    hits = anchor.quality.any_hits
    print(f"nomenklatura logic-v2 @ 0.70: {hits} with a hit, ", end="")
    print(f"{len(queries) - hits} without ({len(queries) / anchor.elapsed:.0f} queries/s)")
    print("without a hit in fullcourt-v1:")
    for query, verdict in zip(queries, ours, strict=True):
        if not verdict.any_hit:
            print(f"  {query.schema:11} {query.props['name'][0]}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
