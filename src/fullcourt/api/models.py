"""Request and response bodies of ``/match`` and ``/search``, in yente's shapes.

Field names follow OpenSanctions yente (``yente/data/common.py``: ``EntityMatchQuery``,
``EntityExample``, ``EntityMatches``, ``EntityMatchResponse``, ``ScoredEntityResponse``,
``TotalSpec``, ``SearchResponse``) so that an existing yente client reads fullcourt
unchanged. What fullcourt adds (explanations with details, the list records behind a
hit, the analyst's standing decision, the audit receipt) are extra fields such a
client ignores. Result models allow extra fields so that evidence the engine adds
later reaches clients without a change here.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

PropertyValue = str | int | float


class ErrorResponse(BaseModel):
    detail: str = Field(examples=["No such dataset: 'eu_fsf'. Known: default, us_ofac_sdn"])


class TotalSpec(BaseModel):
    value: int = Field(examples=[1])
    relation: str = Field("eq", examples=["eq"])


class Explanation(BaseModel):
    score: float
    detail: str


class ListRecordRef(BaseModel):
    """One list's own record behind a (possibly merged) result."""

    dataset: str = Field(examples=["un_sc_sanctions"])
    entity_id: str = Field(examples=["unsc-kpi-001"])
    source_id: str | None = Field(examples=["KPi.001"])


class StandingDecision(BaseModel):
    decision: str = Field(examples=["false_positive"])
    analyst: str
    note: str
    at: str


class EntityResult(BaseModel):
    """A list entity: yente's ``EntityResponse`` fields plus its list records."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    id: str = Field(examples=["ofac-12345"])
    caption: str = Field(examples=["KIM, Jong Un"])
    schema_: str = Field(alias="schema", examples=["Person"])
    properties: dict[str, list[str]] = Field(examples=[{"name": ["KIM Jong Un"]}])
    datasets: list[str] = Field(default_factory=list, examples=[["us_ofac_sdn"]])
    referents: list[str] = Field(default_factory=list)
    target: bool = True
    first_seen: str | None = None
    last_seen: str | None = None
    last_change: str | None = None
    records: list[ListRecordRef] = Field(default_factory=list)


class ScoredEntity(EntityResult):
    """yente's ``ScoredEntityResponse`` plus why it scored and what an analyst decided."""

    score: float = Field(examples=[0.97])
    match: bool = Field(description="Score at or above the threshold, and not suppressed.")
    features: dict[str, float] = Field(default_factory=dict)
    explanations: dict[str, Explanation] = Field(default_factory=dict)
    matched_name: list[str] | None = Field(None, description="(query name, listed name)")
    suppressed: bool = Field(
        False, description="An analyst marked this result a false positive for this query."
    )
    decision: StandingDecision | None = None


class EntityExample(BaseModel):
    """One entity to screen, as yente takes it: a schema and FtM properties."""

    model_config = ConfigDict(populate_by_name=True)

    id: str | None = Field(None, examples=["customer-0001"])
    schema_: str = Field(alias="schema", examples=["Person"])
    properties: dict[str, PropertyValue | list[PropertyValue]] = Field(
        examples=[{"name": ["Kim Jong Un"], "birthDate": ["1984-01-08"]}]
    )


class MatchRequest(BaseModel):
    """yente's ``EntityMatchQuery``: queries keyed by a name of the caller's choosing."""

    queries: dict[str, EntityExample]
    weights: dict[str, float] = Field(
        default_factory=dict,
        description="Accepted for yente compatibility; fullcourt-v1 does not re-weight.",
    )
    config: dict[str, Any] = Field(
        default_factory=dict,
        description="Accepted for yente compatibility; fullcourt-v1 takes no configuration.",
    )


class QueryEcho(BaseModel):
    """The query as it was screened (values cleaned: countries as codes, ISO dates)."""

    id: str | None = None
    schema_: str = Field(alias="schema")
    properties: dict[str, list[str]]


class EntityMatches(BaseModel):
    status: int = Field(200, examples=[200])
    results: list[ScoredEntity]
    total: TotalSpec
    query: QueryEcho
    query_key: str = Field(
        description="Identity of this query; name it in POST /decisions.",
        examples=["3f1c0f8a5b2e4d6f8a9b0c1d2e3f4a5b"],
    )
    receipt: str | None = Field(None, description="Hash of this screening's line in the audit log.")


class MatcherInfo(BaseModel):
    name: str = Field(examples=["fullcourt-v1"])
    version: str = Field(examples=["1.0.0"])
    requested: str = Field(examples=["logic-v2"], description="The algorithm the client asked for.")


class MatchResponse(BaseModel):
    """yente's ``EntityMatchResponse`` plus the list versions that answered."""

    responses: dict[str, EntityMatches]
    matcher: MatcherInfo
    algorithm: str = Field(examples=["fullcourt-v1"], description="The algorithm that ran.")
    limit: int = Field(examples=[5])
    versions: dict[str, str] = Field(examples=[{"us_ofac_sdn": "2024-06"}])
    warnings: list[str] = Field(default_factory=list)


class SearchResponse(BaseModel):
    """yente's ``SearchResponse`` (facets are always empty)."""

    results: list[ScoredEntity]
    total: TotalSpec
    limit: int
    offset: int = 0
    facets: dict[str, Any] = Field(default_factory=dict)
