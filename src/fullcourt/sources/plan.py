"""From paths on disk to load plans: which files form one version, in which format.

An OFAC CSV publication is four files (``sdn.csv``, ``add.csv``, ``alt.csv``,
``sdn_comments.csv``) and the UK normalised transcription is five tables; both load as
one version. So do the two kinds of outside data that come as folders of CSV tables:

- a company-registry extract (companies, officers, shareholders), its tables found by
  their headers through the folder's column mapping (``registry.toml`` or
  ``registry.json``, else the default columns); the dataset is named after the
  mapping's id prefix when it sets one (``sg-extract`` -> ``sg_extract``), because two
  registries loaded under one name would replace each other as versions;
- the ICIJ Offshore Leaks tables (``nodes-*.csv`` and ``relationships.csv``), found by
  ICIJ's column names whatever the files are called.

Naming one table of such a folder plans the whole folder, as for the UK tables: a
shareholders table alone cannot be read without the companies it refers to. Two files
that claim the same table are refused rather than one of them being silently ignored.
Everything else is one file, one version.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from fullcourt.model import Record
from fullcourt.sources import formats
from fullcourt.sources.errors import SourceError
from fullcourt.sources.icij_csv import NODE_TABLES, parse_icij_csv, sniff_icij_csv
from fullcourt.sources.ofac_csv import parse_ofac_csv, sniff_ofac_aux
from fullcourt.sources.registry_csv import parse_registry_csv
from fullcourt.sources.registry_spec import (
    DEFAULT_SPEC,
    SPEC_FILES,
    RegistrySpec,
    sniff_registry_csv,
)
from fullcourt.sources.report import ParseReport
from fullcourt.sources.stream import decompress, peek
from fullcourt.sources.uk_tables import parse_uk_tables, sniff_uk_tables

# Companion files of an OFAC CSV publication, by the main file's stem.
OFAC_COMPANIONS = {
    "sdn": {"addresses": "add", "aliases": "alt", "comments": "sdn_comments"},
    "cons_prim": {"addresses": "cons_add", "aliases": "cons_alt", "comments": "cons_comments"},
}
UK_TABLES = (
    "subjects",
    "subject_names",
    "subject_identifiers",
    "subject_countries",
    "subject_dobs",
)
COMPANION = "ofac_companion"  # an OFAC add/alt/comments file: loads only with its main file
SPEC = "spec"  # a registry extract's column mapping: read as a whole, never streamed
_DATE_RE = re.compile(r"(\d{4}-\d{2}-\d{2}|\d{4}-\d{2})(?!\d)")


@dataclass(frozen=True, slots=True)
class LoadPlan:
    """One list version to load: its format, default dataset and files by role."""

    format: str
    dataset: str
    files: dict[str, Path] = field(default_factory=dict)
    version: str | None = None
    """Set when the version is known from outside the files (a bundled manifest)."""
    origin: str | None = None
    """The publisher's file names, when the files at hand are a re-packaging of them."""
    published: str | None = None
    """The publication date, when known from outside the files (a bundled manifest)."""

    @property
    def main(self) -> Path:
        return self.files["main"]

    def content_hash(self) -> str:
        digest = hashlib.sha256()
        for role in sorted(self.files):
            digest.update(role.encode())
            with self.files[role].open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
        return digest.hexdigest()

    def version_hint(self) -> str | None:
        """A date in the main file's name or folder (``sdn_2024-03-27.csv.gz``)."""
        if self.published:
            return self.published
        for text in (self.main.name, self.main.parent.name):
            if m := _DATE_RE.search(text):
                return m.group(1)
        return None

    def parse(self, dataset: str, report: ParseReport) -> Iterator[Record]:
        with ExitStack() as stack:
            streams = {
                role: decompress(stack.enter_context(path.open("rb")), str(path))
                for role, path in self.files.items()
                if role != SPEC
            }
            yield from _parse_streams(self, streams, dataset, report)


def _parse_streams(
    plan: LoadPlan, streams: dict[str, BinaryIO], dataset: str, report: ParseReport
) -> Iterator[Record]:
    name = str(plan.main)
    if plan.format == formats.OFAC_CSV:
        main = streams.pop("main")
        yield from parse_ofac_csv(main, name=name, dataset=dataset, report=report, **streams)
    elif plan.format == formats.UK_TABLES:
        subjects = streams.pop("main")
        yield from parse_uk_tables(
            subjects,
            names=streams["subject_names"],
            identifiers=streams["subject_identifiers"],
            countries=streams["subject_countries"],
            dobs=streams.get("subject_dobs"),
            name=name,
            dataset=dataset,
            report=report,
        )
    elif plan.format == formats.REGISTRY_CSV:
        spec = RegistrySpec.from_file(plan.files[SPEC]) if SPEC in plan.files else DEFAULT_SPEC
        yield from parse_registry_csv(
            streams["main"],
            officers=streams.get("officers"),
            shareholders=streams.get("shareholders"),
            spec=spec,
            name=name,
            names={role: str(path) for role, path in plan.files.items()},
            dataset=dataset,
            report=report,
        )
    elif plan.format == formats.ICIJ_CSV:
        streams["relationships"] = streams.pop("main")
        names = {role: str(path) for role, path in plan.files.items()}
        names["relationships"] = name
        yield from parse_icij_csv(
            streams, name=str(plan.main.parent), dataset=dataset, report=report, names=names
        )
    else:
        fmt = next(f for f in formats.SINGLE_FORMATS if f.name == plan.format)
        yield from fmt.parse(streams["main"], name=name, dataset=dataset, report=report)


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return peek(decompress(handle, str(path)) if handle.seekable() else handle, 8192)


def _stem(path: Path) -> str:
    name = path.name.lower()
    for suffix in (".gz", ".zip", ".csv", ".xml", ".txt"):
        name = name.removesuffix(suffix)
    return name


def _sibling(folder: Path, stem: str) -> Path | None:
    for path in sorted(folder.iterdir()):
        if path.is_file() and _stem(path) == stem:
            return path
    return None


def _ofac_plan(path: Path) -> LoadPlan:
    stem = _stem(path)
    files = {"main": path}
    for role, companion in OFAC_COMPANIONS.get(stem, {}).items():
        if found := _sibling(path.parent, companion):
            files[role] = found
    dataset = formats.OFAC_CONS if stem.startswith("cons") else formats.OFAC_SDN
    return LoadPlan(formats.OFAC_CSV, dataset, files)


def _uk_plan(folder: Path) -> LoadPlan | None:
    files = {stem: _sibling(folder, stem) for stem in UK_TABLES}
    found = {role: path for role, path in files.items() if path is not None}
    if "subjects" not in found:
        return None
    missing = [t for t in UK_TABLES[:4] if t not in found]
    if missing:
        raise SourceError(f"UK tables incomplete: missing {', '.join(missing)}", file=str(folder))
    found["main"] = found.pop("subjects")
    return LoadPlan(formats.UK_TABLES, formats.UK_DATASET, dict(sorted(found.items())))


def _tables(folder: Path, sniff: Callable[[bytes], str | None], kind: str) -> dict[str, Path]:
    """The CSV files of a folder by the table their header says they are.

    Once one file is recognised as ``kind``, every other CSV must be too: a table whose
    header drifted (a renamed column) would otherwise be left out without a word.
    """
    found: dict[str, Path] = {}
    unknown: list[Path] = []
    for path in sorted(folder.iterdir()):
        if not (path.is_file() and path.name.lower().endswith((".csv", ".csv.gz"))):
            continue
        table = sniff(_head(path))
        if table is None:
            unknown.append(path)
        elif table in found:
            message = f"two files hold the {table} table: {found[table].name} and {path.name}"
            raise SourceError(message, file=str(folder))
        else:
            found[table] = path
    if found and unknown:
        message = f"header matches no table of {kind} (has {', '.join(sorted(found))})"
        raise SourceError(message, file=str(unknown[0]), line=1)
    return found


def _icij_plan(folder: Path) -> LoadPlan | None:
    found = _tables(folder, sniff_icij_csv, "the ICIJ Offshore Leaks files")
    if not found:
        return None
    if "relationships" not in found or not set(NODE_TABLES) & set(found):
        missing = "relationships.csv" if "relationships" not in found else "nodes-*.csv files"
        raise SourceError(f"ICIJ Offshore Leaks tables without {missing}", file=str(folder))
    found["main"] = found.pop("relationships")
    return LoadPlan(formats.ICIJ_CSV, formats.ICIJ_DATASET, dict(sorted(found.items())))


def _registry_plan(folder: Path) -> LoadPlan | None:
    spec_path = next((folder / f for f in SPEC_FILES if (folder / f).is_file()), None)
    spec = RegistrySpec.from_file(spec_path) if spec_path is not None else DEFAULT_SPEC
    found = _tables(folder, lambda head: sniff_registry_csv(head, spec), "the registry spec")
    if "companies" not in found:
        if spec_path is None and not found:
            return None
        message = "no companies table matching the registry spec"
        raise SourceError(message, file=str(spec_path or folder), field=spec.companies["name"])
    found["main"] = found.pop("companies")
    if spec_path is not None:
        found[SPEC] = spec_path
    dataset = formats.REGISTRY_DATASET
    if spec.prefix != DEFAULT_SPEC.prefix:
        dataset = spec.prefix.replace("-", "_").lower()
    return LoadPlan(formats.REGISTRY_CSV, dataset, dict(sorted(found.items())))


def _outside_plan(path: Path, head: bytes) -> LoadPlan | None:
    """The plan of the folder a registry or ICIJ table belongs to."""
    if sniff_icij_csv(head) is not None:
        return _icij_plan(path.parent)
    has_spec = any((path.parent / f).is_file() for f in SPEC_FILES)
    if has_spec or sniff_registry_csv(head) is not None:
        return _registry_plan(path.parent)
    return None


def plan_file(path: Path) -> LoadPlan:
    """The plan for one file, recognised by its content."""
    if not path.is_file():
        raise SourceError("no such file", file=str(path))
    head = _head(path)
    if not head.strip():
        raise SourceError("file is empty", file=str(path), line=1)
    if formats.ofac_main_sniff(head):
        return _ofac_plan(path)
    if sniff_ofac_aux(head) is not None:
        return LoadPlan(COMPANION, formats.OFAC_SDN, {"main": path})
    if sniff_uk_tables(head) == "subjects":
        plan = _uk_plan(path.parent)
        if plan is not None:
            return plan
    fmt = formats.single_format(head)
    if fmt is None and (plan := _outside_plan(path, head)) is not None:
        return plan
    if fmt is None:
        raise SourceError(
            "format not recognised (not a sanctions list fullcourt reads)", file=str(path), line=1
        )
    dataset = fmt.dataset
    if fmt.name.startswith("ofac") and "cons" in path.name.lower():
        dataset = formats.OFAC_CONS
    return LoadPlan(fmt.name, dataset, {"main": path})


def plan_paths(paths: list[Path]) -> list[LoadPlan]:
    """Plans for files and folders; a folder holding a multi-file set is one plan."""
    plans: list[LoadPlan] = []
    for path in paths:
        if path.is_dir():
            plans.extend(_plan_folder(path))
        else:
            plans.append(plan_file(path))
    return _without_companions(plans)


def _plan_folder(folder: Path) -> list[LoadPlan]:
    for stem in OFAC_COMPANIONS:
        if main := _sibling(folder, stem):
            return [_ofac_plan(main)]
    for planner in (_uk_plan, _icij_plan, _registry_plan):
        if plan := planner(folder):
            return [plan]
    files = [p for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")]
    if not files:
        raise SourceError("folder holds no files", file=str(folder))
    return [plan_file(p) for p in files if not p.name.lower().endswith((".md", ".json"))]


def _without_companions(plans: list[LoadPlan]) -> list[LoadPlan]:
    """A file named on its own that is already part of another plan is not loaded twice."""
    taken = {p for plan in plans for role, p in plan.files.items() if role != "main"}
    unique: dict[tuple[str, ...], LoadPlan] = {}
    for plan in plans:
        if plan.main in taken:
            continue
        if plan.format == COMPANION:
            raise SourceError(
                "an OFAC companion file (addresses, aliases or comments); "
                "load it with its sdn.csv or cons_prim.csv, or load the folder",
                file=str(plan.main),
            )
        unique.setdefault(tuple(sorted(str(p) for p in plan.files.values())), plan)
    return list(unique.values())
