"""Screening throughput, latency and recall on the full lists, beside nomenklatura's pipeline.

What it measures, in one run, and why:

- The lists: the full OFAC SDN list of 2026-08-20 (all 39,443 names; it exists here only
  as a public CSV transcription, which a small loader below turns into FollowTheMoney
  JSON lines), the UN consolidated list of 2026-02-27 and the UK list of 2026-05, loaded
  into a temporary store; the index is built from the store as the product builds it.
- Recall and false hits on OpenSanctions' yente fixtures: the 683 UN-listed people of
  ``positives_un_treated.csv`` (names altered or transliterated) and the 2,000 synthetic
  people on no list (``negatives_global.csv`` + ``negatives_us.csv``), each with name and
  date of birth. A positive counts as found only if the *first* result is a match and is
  the listed person: one of its names is the person's listed name (row i of
  ``positives_un_untreated.csv``) up to case, accents, spacing, punctuation and word
  order. The lists are not linked here (the SDN transcription has no UN reference
  numbers), so the same person's OFAC or UK entry counts; a stricter figure counts only
  the UN entry itself. A negative counts as a false hit if any result is a match at the
  default threshold. The issue's targets: recall >= 0.98, <= 1% false hits.
- Throughput: one process over all 2,683 queries; then ``match_many`` on both cores
  over the queries repeated for at least 20 s (the product's batch path); then the real
  ``fullcourt screen`` command once, timed from outside (start-up and index build
  included). Target: >= 5,000 names/s in batch on the 2-core machine.
- Latency: the real API (``fullcourt serve``, one worker) on the same store, each query
  sent alone as ``POST /match/default`` over one kept-alive connection. Target: p99 under
  20 ms.
- The anchor: nomenklatura's own pipeline on the same list entities and queries in the
  same run: its DuckDB candidate index (``nomenklatura.blocker.Index``, as used for
  matching entities against a dataset, with its default candidate limits) and
  ``logic-v2`` scoring every candidate it proposes, at yente's default threshold 0.70.
  Its index proposes about 25 candidates per query, so the anchor runs on all the
  queries in a couple of minutes (``ANCHOR_STEP`` takes every n-th query instead,
  should that grow). The index answers the whole batch in one DuckDB query, which
  favours it over per-request use. Target: at least 20 times its throughput, one
  process against one process.

No timing is asserted; the figures are printed and copied into docs/benchmarks.md.

Usage: ``.venv/bin/python benchmarks/screening_speed.py [../shared/data]``
"""

from __future__ import annotations

import csv
import json
import math
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx2

from fullcourt.ingest import load_paths
from fullcourt.screening.catalog import current_versions, iter_list_entities
from fullcourt.screening.index import ListEntity
from fullcourt.screening.matcher import Match, Matcher
from fullcourt.screening.parallel import MatchSettings, match_many
from fullcourt.screening.score import DEFAULT_THRESHOLD
from fullcourt.screening.subject import make_subject
from fullcourt.store import Store

SDN_CSV = "ofac_sdn/2026-08-20_kindrat86_derived/ofac-sdn.csv"
OTHER_LISTS = ["un_sc/2026-02-27_moov-watchman/consolidated.xml", "uk/2026-05_covyr_derived"]
POSITIVES = "screening_eval/yente_candidate_benchmark/positives_un_treated.csv"
LISTED_NAMES = "screening_eval/yente_candidate_benchmark/positives_un_untreated.csv"
NEGATIVES = [
    "screening_eval/yente_validation_report/negatives_global.csv",
    "screening_eval/yente_validation_report/negatives_us.csv",
]
SDN_DATASET, SDN_VERSION = "us_ofac_sdn", "2026-08-20"
SDN_SCHEMATA = {
    "individual": "Person",
    "entity": "Organization",
    "vessel": "Vessel",
    "aircraft": "Airplane",
}
LIMIT = 5
BATCH_WORKERS = 2
BATCH_SECONDS = 20.0
WARM_UP = 100
ANCHOR_STEP = 1  # every query; raise it to sample when logic-v2 is too slow
ANCHOR_THRESHOLD = 0.70  # yente's default

Props = dict[str, list[str]]


@dataclass(frozen=True, slots=True)
class Query:
    props: Props
    listed_name: str | None  # the listed person's name, for positives; None for negatives
    schema: str = "Person"


@dataclass(frozen=True, slots=True)
class Quality:
    found: int  # the listed person first, on any list
    un_found: int  # the listed person's UN entry first
    positives: int
    false_hits: int
    negatives: int
    any_hits: int  # queries, listed or not, with any match

    @property
    def recall(self) -> float:
        return self.found / self.positives

    @property
    def un_recall(self) -> float:
        return self.un_found / self.positives

    @property
    def false_rate(self) -> float:
        return self.false_hits / self.negatives


# --- the lists ---------------------------------------------------------------------


def sdn_to_ftm(source: Path, target: Path) -> int:
    """Write the SDN transcription as FtM JSON lines; return the number of names."""
    names = 0
    with source.open(encoding="utf-8", newline="") as rows, target.open("w") as out:
        for row in csv.DictReader(rows):
            aliases = [a.strip() for a in row["alternate_names"].split(";") if a.strip()]
            props: Props = {"name": [row["name"]], "topics": ["sanction"]}
            if row["programs"].strip():
                props["program"] = [row["programs"].strip()]
            if aliases:
                props["alias"] = aliases
            names += 1 + len(aliases)
            entity = {
                "id": f"ofac-{row['uid']}",
                "schema": SDN_SCHEMATA[row["type"].strip().lower()],
                "properties": props,
            }
            out.write(json.dumps(entity, ensure_ascii=False) + "\n")
    return names


def build_store(shared: Path, path: Path, work: Path) -> int:
    """Load the three lists into a fresh store; return the SDN name count."""
    sdn = work / "us_ofac_sdn_2026-08-20.ftm.json"
    names = sdn_to_ftm(shared / SDN_CSV, sdn)
    with Store(path) as store:
        load_paths(store, [sdn], dataset=SDN_DATASET, version=SDN_VERSION)
        load_paths(store, [shared / p for p in OTHER_LISTS])
    return names


# --- the queries -------------------------------------------------------------------


def read_people(path: Path) -> list[Props]:
    with path.open(encoding="utf-8", newline="") as handle:
        out = []
        for row in csv.DictReader(handle):
            props: Props = {"name": [row["full_name"]]}
            if row.get("date_of_birth"):
                props["birthDate"] = [row["date_of_birth"]]
            out.append(props)
        return out


def read_queries(shared: Path) -> tuple[list[Query], list[Query]]:
    treated = read_people(shared / POSITIVES)
    listed = read_people(shared / LISTED_NAMES)
    assert len(treated) == len(listed), "treated and untreated files pair row by row"
    positives = [Query(t, u["name"][0]) for t, u in zip(treated, listed, strict=True)]
    negatives = [Query(p, None) for path in NEGATIVES for p in read_people(shared / path)]
    return positives, negatives


def name_key(name: str) -> str:
    """A name without case, accents, punctuation, spacing or word order."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(sorted(re.findall(r"\w+", letters)))


@dataclass(frozen=True, slots=True)
class Verdict:
    """One query's answer, judged: the first result only, and any result."""

    person_first: bool  # a match, and the listed person's entry on any list
    un_first: bool  # a match, and the listed person's UN entry itself
    any_hit: bool  # any result is a match


def judge_first(query: Query, names: Iterable[str], datasets: Iterable[str]) -> Verdict:
    """The first result, a match, against the listed person of ``query``.

    The three lists are not linked to each other here (the SDN transcription carries
    no UN reference numbers), so one person is up to three entities. The first result
    is the listed person when it carries the listed name (up to case, accents,
    punctuation, spacing and word order); it is the UN entry when, in addition, it
    holds the UN record.
    """
    if query.listed_name is None:
        return Verdict(False, False, True)
    wanted = name_key(query.listed_name)
    keys = {name_key(n) for n in names}
    person = wanted in keys or wanted.replace(" ", "") in {k.replace(" ", "") for k in keys}
    un = person and any(d.startswith("un_") for d in datasets)
    return Verdict(person, un, True)


def entity_names(props: Props) -> list[str]:
    return [n for p in ("name", "alias", "weakAlias", "previousName") for n in props.get(p, [])]


def grade(queries: Sequence[Query], verdicts: Sequence[Verdict]) -> Quality:
    pairs = list(zip(queries, verdicts, strict=True))
    positives = sum(1 for q in queries if q.listed_name is not None)
    return Quality(
        found=sum(1 for _, v in pairs if v.person_first),
        un_found=sum(1 for _, v in pairs if v.un_first),
        positives=positives,
        false_hits=sum(1 for q, v in pairs if q.listed_name is None and v.any_hit),
        negatives=len(queries) - positives,
        any_hits=sum(1 for _, v in pairs if v.any_hit),
    )


def judge(query: Query, matches: Sequence[Match]) -> Verdict:
    if not matches:
        return Verdict(False, False, False)
    first, any_hit = matches[0], any(m.match for m in matches)
    if not first.match:
        return Verdict(False, False, any_hit)
    verdict = judge_first(query, entity_names(first.entity.properties), first.entity.datasets)
    return Verdict(verdict.person_first, verdict.un_first, any_hit)


# --- fullcourt ----------------------------------------------------------------------


def run_single(matcher: Matcher, queries: Sequence[Query]) -> tuple[float, Quality, list[Verdict]]:
    verdicts = []
    start = time.perf_counter()
    for query in queries:
        matches = matcher.match(make_subject(query.schema, query.props), limit=LIMIT)
        verdicts.append(judge(query, matches))
    return time.perf_counter() - start, grade(queries, verdicts), verdicts


def still_listed(entities: Sequence[ListEntity], positives: Sequence[Query]) -> list[bool]:
    """Whether each listed person's name is still on the loaded lists: the fixtures were
    cut from an older UN list, and people delisted since (2025: Abu Mohammed al-Jawlani,
    Anas Khattab) cannot be found in the 2026 one."""
    keys = {name_key(n) for e in entities for n in entity_names(e.properties)}
    keys |= {k.replace(" ", "") for k in keys}
    return [
        q.listed_name is not None
        and (name_key(q.listed_name) in keys or name_key(q.listed_name).replace(" ", "") in keys)
        for q in positives
    ]


def run_batch(matcher: Matcher, queries: Sequence[Query], repeats: int) -> tuple[float, int]:
    requests = ((q.schema, q.props) for _ in range(repeats) for q in queries)
    settings = MatchSettings(DEFAULT_THRESHOLD, LIMIT)
    start = time.perf_counter()
    count = sum(1 for _ in match_many(matcher, requests, settings, workers=BATCH_WORKERS))
    return time.perf_counter() - start, count


def run_cli(db: Path, queries: Sequence[Query], work: Path) -> tuple[float, str]:
    """``fullcourt screen`` on a CSV of the queries; wall time and its summary line."""
    path, out = work / "queries.csv", work / "screened.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["full_name", "date_of_birth"])
        for q in queries:
            writer.writerow([q.props["name"][0], q.props.get("birthDate", [""])[0]])
    command = [
        str(Path(sys.executable).with_name("fullcourt")),
        "screen",
        str(path),
        "--schema",
        "Person",
        "--map",
        "name=full_name",
        "--map",
        "birthDate=date_of_birth",
        "--workers",
        str(BATCH_WORKERS),
        "-o",
        str(out),
    ]
    env = {**os.environ, "FULLCOURT_DB": str(db)}
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - start
    summary = next((line for line in done.stderr.splitlines() if "rows/s" in line), "")
    return elapsed, summary.strip()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_http(db: Path, queries: Sequence[Query]) -> tuple[list[float], int, list[str]]:
    """One POST /match/default per query: latencies (ms), answers with a hit, refusals."""
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("fullcourt")),
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    env = {**os.environ, "FULLCOURT_DB": str(db)}
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx2.Client(base_url=base, timeout=60.0) as client:
            deadline = time.monotonic() + 300
            while True:
                if server.poll() is not None:
                    raise RuntimeError(f"fullcourt serve exited with {server.returncode}")
                try:
                    if client.get("/healthz").status_code == 200:
                        break
                except httpx2.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("fullcourt serve did not become healthy")
                time.sleep(0.5)
            bodies = [
                {"queries": {"q": {"schema": "Person", "properties": q.props}}} for q in queries
            ]
            for body in bodies[:WARM_UP]:
                client.post("/match/default", json=body)
            latencies, hits, refused = [], 0, []
            for body, query in zip(bodies, queries, strict=True):
                start = time.perf_counter()
                response = client.post("/match/default", json=body)
                latencies.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    refused.append(f"{response.status_code} {query.props}")
                    continue
                results = response.json()["responses"]["q"]["results"]
                hits += any(r.get("match") for r in results)
            return latencies, hits, refused
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# --- nomenklatura's pipeline ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Anchor:
    built: float  # seconds to build the index
    elapsed: float  # seconds to match: candidate query and scoring
    scored: float  # of which scoring
    pairs: int
    quality: Quality


def run_anchor(entities: Sequence[ListEntity], queries: Sequence[Query], work: Path) -> Anchor:
    """nomenklatura's blocker Index plus logic-v2 on ``queries``, on one core.

    The index lives in DuckDB, which would otherwise spread its query over every core.
    """
    import logging

    from followthemoney import Dataset, StatementEntity, model
    from nomenklatura.blocker.index import Index
    from nomenklatura.matching import get_algorithm
    from nomenklatura.resolver import Linker
    from nomenklatura.store import MemoryStore

    logging.getLogger("nomenklatura").setLevel(logging.WARNING)
    dataset = Dataset.make({"name": "lists", "title": "lists"})
    store: MemoryStore[Dataset, StatementEntity] = MemoryStore(dataset, Linker({}))
    with store.writer() as writer:
        for entity in entities:
            schema = model.get(entity.schema)
            assert schema is not None
            props = {k: v for k, v in entity.properties.items() if k in schema.properties}
            data = {"id": entity.id, "schema": entity.schema, "properties": props}
            writer.add_entity(StatementEntity.from_data(dataset, data))
    view = store.default_view()
    start = time.perf_counter()
    index = Index(view, work / "nk-index")
    index.con.execute("SET threads = 1")  # one core, as our single-process figure
    index.build()
    built = time.perf_counter() - start

    algorithm = get_algorithm("logic-v2")
    assert algorithm is not None
    config = algorithm.default_config()
    subjects = {
        f"query-{k}": StatementEntity.from_data(
            dataset, {"id": f"query-{k}", "schema": q.schema, "properties": q.props}
        )
        for k, q in enumerate(queries)
    }
    listed = {e.id: e for e in entities}
    best: dict[str, tuple[float, str | None, bool]] = {}  # score, entity id, any hit
    pairs, scored = 0, 0.0
    start = time.perf_counter()
    for identifier, candidates in index.match_entities(subjects.values()):
        left = subjects[identifier.id]
        top, top_id, hit = 0.0, None, False
        for candidate, _ in candidates:
            right = view.get_entity(candidate.id)
            if right is None:
                continue
            scoring = time.perf_counter()
            score = algorithm.compare(left, right, config).score
            scored += time.perf_counter() - scoring
            pairs += 1
            hit = hit or score >= ANCHOR_THRESHOLD
            if score > top or (score == top and top_id is not None and right.id < top_id):
                top, top_id = score, right.id
        best[identifier.id] = (top, top_id, hit)
    elapsed = time.perf_counter() - start
    index.close()

    verdicts = []
    for k, query in enumerate(queries):
        top, top_id, hit = best.get(f"query-{k}", (0.0, None, False))
        verdict = Verdict(False, False, hit)
        if top_id is not None and top >= ANCHOR_THRESHOLD:
            entity = listed[top_id]
            first = judge_first(query, entity_names(entity.properties), entity.datasets)
            verdict = Verdict(first.person_first, first.un_first, hit)
        verdicts.append(verdict)
    return Anchor(built, elapsed, scored, pairs, grade(queries, verdicts))


# --- report --------------------------------------------------------------------------


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


def row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def main(shared: Path) -> None:
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {time.strftime('%Y-%m-%d')}, load {load_average()}"
    )
    positives, negatives = read_queries(shared)
    queries = positives + negatives
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = work / "lists.duckdb"
        start = time.perf_counter()
        sdn_names = build_store(shared, db, work)
        loaded = time.perf_counter() - start
        with Store(db, read_only=True) as store:
            versions = current_versions(store)
            start = time.perf_counter()
            matcher = Matcher.from_entities(iter_list_entities(store), versions)
            indexed = time.perf_counter() - start
        entities = matcher.index.entities
        datasets = sorted({d for e in entities for d in e.datasets})
        print(f"lists: {', '.join(f'{d} {v}' for d, v in versions)}")
        print(f"SDN transcription: {sdn_names:,} names; store loaded in {loaded:.1f} s")
        print(
            f"index: {len(entities):,} list entities ({', '.join(datasets)}) "
            f"read and indexed in {indexed:.1f} s"
        )

        single_s, ours, verdicts = run_single(matcher, queries)
        listed = still_listed(entities, positives)
        found_listed = sum(v.person_first for v, on in zip(verdicts, listed, strict=False) if on)
        single_qps = len(queries) / single_s
        print(f"fullcourt, one process: {single_qps:,.0f} queries/s")

        repeats = max(1, math.ceil(BATCH_SECONDS * BATCH_WORKERS * single_qps / len(queries)))
        batch_s, batch_n = run_batch(matcher, queries, repeats)
        batch_qps = batch_n / batch_s
        print(f"fullcourt, match_many on {BATCH_WORKERS} workers: {batch_qps:,.0f} names/s")

        cli_s, cli_summary = run_cli(db, queries, work)
        print(f"fullcourt screen: {len(queries) / cli_s:,.0f} rows/s wall ({cli_summary})")

        latencies, http_hits, refused = run_http(db, queries)
        p50, p95, p99 = (percentile(latencies, s) for s in (0.50, 0.95, 0.99))
        print(f"HTTP: p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms")

        sample = queries[::ANCHOR_STEP]
        nk = run_anchor(entities, sample, work)
        anchor, nk_qps = nk.quality, len(sample) / nk.elapsed
        print(f"nomenklatura: {nk_qps:,.2f} queries/s ({nk.pairs:,} pairs scored)")

    print()
    print(
        f"Lists: {len(entities):,} entities; SDN {sdn_names:,} names. Queries: "
        f"{len(positives)} listed people, {len(negatives):,} people on no list."
    )
    print(
        row(
            "pipeline",
            "queries/s",
            "recall: listed person first",
            "recall: UN entry first",
            "negatives with a hit",
        )
    )
    print(row("---", "---:", "---:", "---:", "---:"))
    print(
        row(
            f"fullcourt-v1 @ {DEFAULT_THRESHOLD:.2f}, one process, all {len(queries):,}",
            f"{single_qps:,.0f}",
            f"{ours.recall:.4f} ({ours.found}/{ours.positives})",
            f"{ours.un_recall:.4f} ({ours.un_found}/{ours.positives})",
            f"{ours.false_hits}/{ours.negatives} ({ours.false_rate:.2%})",
        )
    )
    print(
        row(
            f"fullcourt-v1, match_many, {BATCH_WORKERS} workers, {batch_n:,} queries",
            f"{batch_qps:,.0f}",
            "",
            "",
            "",
        )
    )
    print(
        row(
            f"fullcourt screen --workers {BATCH_WORKERS}, wall time incl. start-up",
            f"{len(queries) / cli_s:,.0f}",
            "",
            "",
            "",
        )
    )
    print(
        row(
            f"nomenklatura Index + logic-v2 @ {ANCHOR_THRESHOLD:.2f}, one process, "
            f"{len(sample):,} queries" + (f" (every {ANCHOR_STEP}th)" if ANCHOR_STEP > 1 else ""),
            f"{nk_qps:,.2f}",
            f"{anchor.recall:.4f} ({anchor.found}/{anchor.positives})",
            f"{anchor.un_recall:.4f} ({anchor.un_found}/{anchor.positives})",
            f"{anchor.false_hits}/{anchor.negatives} ({anchor.false_rate:.2%})",
        )
    )
    print()
    print(
        f"HTTP POST /match/default, one worker, {len(latencies):,} requests: "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms, "
        f"max {max(latencies):.1f} ms, mean {statistics.fmean(latencies):.1f} ms; "
        f"{http_hits} with a hit (in-process: {ours.any_hits})"
    )
    for refusal in refused:
        print(f"  refused by the API: {refusal}")
    print(
        f"nomenklatura: index built in {nk.built:.1f} s; matching {nk.elapsed:.1f} s, of which "
        f"candidates {nk.elapsed - nk.scored:.1f} s and logic-v2 {nk.scored:.1f} s "
        f"({nk.pairs:,} pairs, {nk.pairs / len(sample):.1f} per query, "
        f"{nk.pairs / nk.scored:,.0f} pairs/s)"
    )
    print(
        f"ratio, one process: {single_qps / nk_qps:,.0f}x; "
        f"batch ({BATCH_WORKERS} workers) over nomenklatura one process: "
        f"{batch_qps / nk_qps:,.0f}x"
    )
    print(
        f"recall among the {sum(listed)} listed people still on the loaded lists: "
        f"{found_listed / sum(listed):.4f} ({found_listed}/{sum(listed)})"
    )
    targets = [
        ("recall (listed person first) >= 0.98", ours.recall >= 0.98),
        ("recall among people still listed >= 0.98", found_listed / sum(listed) >= 0.98),
        ("negatives with a hit <= 1%", ours.false_rate <= 0.01),
        ("batch >= 5,000 names/s", batch_qps >= 5000),
        ("HTTP p99 < 20 ms", p99 < 20),
        (">= 20x nomenklatura (one process)", single_qps / nk_qps >= 20),
    ]
    print("targets: " + "; ".join(f"{t}: {'met' if ok else 'NOT met'}" for t, ok in targets))
    print(f"load average at the end: {load_average()}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
