"""Batch screening without the I/O: input rows to queries, results to output rows.

A customer file names its columns freely, so each FtM property is fed from a column
named on the command line (``--map birthDate=DOB``) or guessed from common header
names (see ``HEADER_GUESSES``). Values are cleaned the way the lists' values were
(dates to ISO, countries to codes) so that like is compared with like. A row that
cannot be screened (no name and no identifier, shifted cells) is not fatal: it is
written out with its error and counted, because a compliance run must account for
every input row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from followthemoney import model, registry

from fullcourt.screening.score import DEFAULT_THRESHOLD
from fullcourt.screening.subject import IDENTIFIER_PROPS, NAME_PROPS
from fullcourt.sources.customers import CustomerRow
from fullcourt.sources.dates import parse_date
from fullcourt.sources.errors import SourceError

SCHEMATA = ("Person", "Company", "Organization", "LegalEntity", "Vessel")
# Header names (lower case, letters and digits only) guessed for each property when
# no --map names a column for it.
HEADER_GUESSES: dict[str, tuple[str, ...]] = {
    "name": ("name", "fullname", "customername", "clientname", "entityname", "legalname",
             "companyname", "vesselname", "shipname"),
    "firstName": ("firstname", "givenname", "forename"),
    "lastName": ("lastname", "surname", "familyname"),
    "alias": ("alias", "aka", "othername"),
    "birthDate": ("dob", "dateofbirth", "birthdate", "birthday"),
    "nationality": ("nationality", "citizenship"),
    "country": ("country", "countrycode", "countryofresidence", "residencecountry"),
    "gender": ("gender", "sex"),
    "imoNumber": ("imo", "imonumber", "imono"),
    "mmsi": ("mmsi",),
    "passportNumber": ("passport", "passportnumber", "passportno"),
    "idNumber": ("nationalid", "idnumber", "nationalidnumber"),
    "registrationNumber": ("registrationnumber", "regnumber", "regno", "companynumber",
                           "registrationno"),
    "taxNumber": ("taxnumber", "taxid", "tin", "vatnumber"),
    "swiftBic": ("swift", "bic", "swiftbic"),
}  # fmt: skip
# A column naming each row's kind, for files that mix people, companies and ships.
SCHEMA_GUESSES = ("schema", "type", "entitytype", "customertype", "partytype")
SCHEMA_WORDS = {
    **{s.casefold(): s for s in SCHEMATA},
    "individual": "Person", "natural person": "Person", "entity": "LegalEntity",
    "legal person": "LegalEntity", "corporate": "Company", "ship": "Vessel",
}  # fmt: skip
ID_GUESSES = ("id", "customerid", "clientid", "customerno", "customernumber", "reference", "ref")
COUNTRY_PROPS = frozenset({"nationality", "citizenship", "country", "jurisdiction", "flag"})
NAME_LIKE = frozenset(NAME_PROPS) | {"firstName", "lastName"}
IDENTIFIER_LIKE = frozenset(p for props in IDENTIFIER_PROPS.values() for p in props)
# Compared by the screening whatever the schema (a LegalEntity query with a date of
# birth still uses it), so accepted in --map even when the schema lacks them.
QUERY_PROPS = NAME_LIKE | IDENTIFIER_LIKE | COUNTRY_PROPS | {"birthDate", "gender"}
_GENDERS = {"m": "male", "male": "male", "f": "female", "female": "female"}
_NOT_ALNUM = re.compile(r"[^0-9a-z]")
CSV_COLUMNS = (
    "input_id", "input_name", "input_line", "query_key", "rank", "score", "match",
    "suppressed", "entity_id", "caption", "schema", "datasets", "matched_name_query",
    "matched_name_list", "explanation", "source_ids", "error", "warning",
)  # fmt: skip


def header_key(column: str) -> str:
    return _NOT_ALNUM.sub("", column.casefold())


@dataclass(frozen=True, slots=True)
class ColumnPlan:
    """Which columns feed which property; ``guessed`` are the ones not given by --map."""

    schema: str
    props: dict[str, tuple[str, ...]]
    id_column: str | None = None
    guessed: frozenset[str] = frozenset()
    schema_column: str | None = None


def parse_maps(items: Sequence[str]) -> dict[str, list[str]]:
    """``["name=Full Name", "alias=AKA"]`` to property -> columns."""
    maps: dict[str, list[str]] = {}
    for item in items:
        prop, sep, column = item.partition("=")
        if not sep or not prop.strip() or not column.strip():
            raise SourceError(f"--map takes PROPERTY=COLUMN, not {item!r}", file="<options>")
        maps.setdefault(prop.strip(), []).append(column.strip())
    return maps


def _guess(columns: Sequence[str], taken: set[str]) -> dict[str, tuple[str, ...]]:
    by_key = {header_key(c): c for c in reversed(columns)}  # first column of a name wins
    guessed: dict[str, tuple[str, ...]] = {}
    for prop, keys in HEADER_GUESSES.items():
        found = next((by_key[k] for k in keys if k in by_key and by_key[k] not in taken), None)
        if found is not None:
            guessed[prop] = (found,)
            taken.add(found)
    return guessed


def plan_columns(
    columns: Sequence[str],
    maps: Mapping[str, list[str]],
    schema: str,
    id_column: str | None = None,
    *,
    schema_column: str | None = None,
    file: str = "<input>",
) -> ColumnPlan:
    """The column plan, or a one-line error naming a missing column or unknown property."""
    found = model.get(schema)
    if found is None or schema not in SCHEMATA:
        raise SourceError(f"schema must be one of {', '.join(SCHEMATA)}, not {schema!r}")
    for prop, cols in maps.items():
        if prop not in QUERY_PROPS and prop not in found.properties:
            raise SourceError(f"{schema} has no property {prop!r}", file="<options>")
        for column in cols:
            _require(column, columns, file)
    if id_column is not None:
        _require(id_column, columns, file)
    taken = {c for cols in maps.values() for c in cols}
    guessed = {p: c for p, c in _guess(columns, taken).items() if p not in maps}
    props = {**guessed, **{p: tuple(c) for p, c in maps.items()}}
    keys = {header_key(c): c for c in reversed(columns)}
    if id_column is None:
        id_column = next((keys[k] for k in ID_GUESSES if k in keys), None)
    if schema_column is None:
        schema_column = next((keys[k] for k in SCHEMA_GUESSES if k in keys), None)
    else:
        _require(schema_column, columns, file)
    return ColumnPlan(schema, props, id_column, frozenset(guessed), schema_column)


def _require(column: str, columns: Sequence[str], file: str) -> None:
    if column not in columns:
        shown = ", ".join(columns[:20]) + (", ..." if len(columns) > 20 else "")
        raise SourceError(f"column {column!r} is not in the file (columns: {shown})", file=file)


@dataclass(frozen=True, slots=True)
class Query:
    """One input row as a screening query (or the reason it cannot be one)."""

    line: int
    row_id: str
    name: str
    schema: str
    properties: dict[str, list[str]]
    error: str | None = None
    warnings: tuple[str, ...] = ()


def _clean(prop: str, value: str, warnings: list[str]) -> list[str]:
    """A value cleaned as list values are; unreadable secondary values are dropped."""
    if prop == "birthDate":
        dates = parse_date(value)
        if not dates:
            warnings.append(f"unreadable date {value!r} ignored")
        return dates
    if prop in COUNTRY_PROPS:
        code = registry.country.clean_text(value)
        if code is None:
            warnings.append(f"unknown country {value!r} ignored")
        return [code] if code else []
    if prop == "gender":
        gender = _GENDERS.get(value.casefold())
        if gender is None:
            warnings.append(f"unknown gender {value!r} ignored")
        return [gender] if gender else []
    return [" ".join(value.split())]


def make_query(row: CustomerRow, plan: ColumnPlan) -> Query:
    warnings: list[str] = []
    props: dict[str, list[str]] = {}
    for prop, columns in plan.props.items():
        for column in columns:
            for value in row.values.get(column, []):
                if value.strip():
                    cleaned = _clean(prop, value.strip(), warnings)
                    props.setdefault(prop, []).extend(v for v in cleaned if v not in props[prop])
    props = {p: v for p, v in props.items() if v}
    ids = row.values.get(plan.id_column, []) if plan.id_column else []
    row_id = ids[0] if ids and ids[0] else str(row.line)
    error = row.problem
    if error is None and not (NAME_LIKE & props.keys() or IDENTIFIER_LIKE & props.keys()):
        error = "no name and no identifier"
    schema = _row_schema(row, plan, warnings)
    return Query(row.line, row_id, _display_name(props), schema, props, error, tuple(warnings))


def _row_schema(row: CustomerRow, plan: ColumnPlan, warnings: list[str]) -> str:
    """The row's own kind when the file has a type column, else the run's schema."""
    values = row.values.get(plan.schema_column, []) if plan.schema_column else []
    if not values or not values[0].strip():
        return plan.schema
    schema = SCHEMA_WORDS.get(" ".join(values[0].casefold().split()))
    if schema is None:
        warnings.append(f"unknown type {values[0]!r}, screened as {plan.schema}")
    return schema or plan.schema


def _display_name(props: Mapping[str, list[str]]) -> str:
    if props.get("name"):
        return props["name"][0]
    parts = props.get("firstName", [])[:1] + props.get("lastName", [])[:1]
    if parts:
        return " ".join(parts)
    return next((props[p][0] for p in sorted(NAME_LIKE | IDENTIFIER_LIKE) if props.get(p)), "")


def is_hit(result: Mapping[str, Any], threshold: float) -> bool:
    """A match, or a result an analyst suppressed that scores as one (shown, not hidden)."""
    return bool(result["match"] or (result["suppressed"] and result["score"] >= threshold))


def _shown(result: Mapping[str, Any], hits_above: float | None) -> bool:
    return hits_above is None or is_hit(result, hits_above)


def _explanation(result: Mapping[str, Any]) -> str:
    explanations: Mapping[str, Any] = result.get("explanations") or {}
    return " | ".join(f"{n}: {e['detail']}" for n, e in explanations.items() if e.get("detail"))


def _result_cells(rank: int, result: Mapping[str, Any]) -> dict[str, str]:
    matched = result.get("matched_name") or ["", ""]
    sources = [f"{r['dataset']}:{r['source_id']}" for r in result.get("records", [])]
    return {
        "rank": str(rank),
        "score": f"{result['score']:.4f}",
        "match": str(bool(result["match"])).lower(),
        "suppressed": str(bool(result["suppressed"])).lower(),
        "entity_id": str(result["id"]),
        "caption": str(result["caption"]),
        "schema": str(result["schema"]),
        "datasets": "; ".join(result.get("datasets", [])),
        "matched_name_query": matched[0],
        "matched_name_list": matched[1],
        "explanation": _explanation(result),
        "source_ids": "; ".join(sources),
    }


def csv_rows(
    query: Query, key: str, results: Sequence[Mapping[str, Any]], *, hits_above: float | None = None
) -> Iterator[dict[str, str]]:
    """Output rows for one query: one per result, or one row saying there was none.

    With ``hits_above`` (the threshold) only hits are written, and rows with none are
    left out, except error rows: every row that could not be screened is reported.
    """
    base = dict.fromkeys(CSV_COLUMNS, "")
    base |= {
        "input_id": query.row_id,
        "input_name": query.name,
        "input_line": str(query.line),
        "query_key": key,
        "error": query.error or "",
        "warning": "; ".join(query.warnings),
    }
    shown = [(i, r) for i, r in enumerate(results, start=1) if _shown(r, hits_above)]
    if not shown:
        if query.error or hits_above is None:
            yield base | {"match": "" if query.error else "false"}
        return
    for rank, result in shown:
        yield base | _result_cells(rank, result)


def json_record(
    query: Query,
    key: str,
    results: Sequence[Mapping[str, Any]],
    receipt: str | None = None,
    *,
    hits_above: float | None = None,
) -> dict[str, Any] | None:
    """The JSON line for one query, or None when only hits are wanted and it has none."""
    shown = [r for r in results if _shown(r, hits_above)]
    if hits_above is not None and not shown and not query.error:
        return None
    return {
        "input_id": query.row_id,
        "input_line": query.line,
        "input_name": query.name,
        "query_key": key,
        "schema": query.schema,
        "query": query.properties,
        "error": query.error,
        "warnings": list(query.warnings),
        "receipt": receipt,
        "results": shown,
    }


@dataclass
class Tally:
    """Counts for the end-of-run summary."""

    rows: int = 0
    matched: int = 0
    suppressed: int = 0
    errors: int = 0
    warnings: int = 0
    threshold: float = DEFAULT_THRESHOLD
    error_lines: list[int] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            f: getattr(self, f) for f in ("rows", "matched", "suppressed", "errors", "warnings")
        }

    def add(self, query: Query, results: Sequence[Mapping[str, Any]]) -> None:
        self.rows += 1
        self.warnings += bool(query.warnings)
        if query.error:
            self.errors += 1
            if len(self.error_lines) < 10:  # examples, not a list that grows with the file
                self.error_lines.append(query.line)
        elif any(r["match"] for r in results):
            self.matched += 1
        elif any(is_hit(r, self.threshold) for r in results):
            self.suppressed += 1
