"""The JSON API's shapes, for the OpenAPI spec. Records allow extra keys, so a column the
ledger gains later passes through without breaking clients."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Error(BaseModel):
    error: str = Field(description="What went wrong, in words.")
    status: int


class Deal(_Open):
    id: int
    title: str = Field(description="Supplier → recipient: platform (order year)")
    supplier: str | None = Field(description="ISO alpha-3")
    recipient: str | None = Field(description="ISO alpha-3")
    platform: str
    category: str | None
    follow_on: bool
    order_year: int | None
    status: str | None = Field(description="considered, offered, negotiating, signed, in_delivery, completed or "
                                           "cancelled")
    hedged: bool
    signed: str | None
    value_amount: float | None
    value_currency: str | None
    value_usd: float | None
    quantity_min: float | None
    quantity_max: float | None
    quantity_unit: str | None
    delivered_min: float | None
    delivered_max: float | None
    expected_completion: str | None
    tech_transfer_max: float | None
    local_partners: list[str]
    sources: int
    independent_sources: int
    first_reported: str | None
    last_reported: str | None
    conflicts: int
    confidence: float | None
    rejected: bool


class DealPage(BaseModel):
    total: int = Field(description="deals under these filters, as counted at `counted_at`")
    counted_at: str = Field(description="when `total` was counted (UTC): counts are kept until a deal changes, "
                                        "at most a minute")
    limit: int
    offset: int
    next_after: int | None = Field(None, description="pass as `after` for the next page (null on the last page)")
    items: list[Deal]


class Claim(_Open):
    id: int
    article_id: str
    field: str
    value: Any
    text: str | None
    start: int | None
    end: int | None
    reported: str | None
    hedged: int | bool


class Sentence(BaseModel):
    start: int
    end: int
    text: str
    fields: list[str]
    marks: list[dict[str, Any]]


class Source(_Open):
    article_id: str
    reported: str | None
    title: str | None
    url: str | None
    fields: list[str]


class SourceEvidence(Source):
    sentences: list[Sentence] = Field(description="The sentences of the article that state the deal's fields.")
    unplaced: list[dict[str, Any]]


class Conflict(_Open):
    id: int
    deal_id: int
    field: str
    summary: str
    claims: list[dict[str, Any]]


class Correction(_Open):
    id: int | None = None
    deal_id: int
    field: str
    action: Literal["set", "reject", "accept"]
    article_id: str | None
    value: Any
    who: str
    why: str
    at: str


class DealDetail(Deal):
    fields: dict[str, Any] = Field(description="Every reconciled field with its value, confidence, its latest "
                                               "sources and how many there are in all (sources_count).")
    timeline: list[Claim] = Field(description="The deal's claims in report order: every one, or the latest 200 "
                                              "stored of a deal reported more often (timeline_complete false).")
    timeline_complete: bool = Field(description="Whether the timeline holds every claim about the deal.")
    sources_list: list[Source] = Field(description="The reports behind the timeline's claims.")
    evidence: list[SourceEvidence]
    conflicts_list: list[Conflict]
    corrections: list[Correction]
    slippage: list[dict[str, Any]] = Field(description="The expected completion as each report gave it.")


class Event(_Open):
    id: int
    type: str
    countries: list[str]
    date: str | None
    status: str | None
    platforms: list[str]
    participants: list[str]
    location: str | None
    sources: int
    first_reported: str | None
    last_reported: str | None
    confidence: float | None


class EventDetail(Event):
    sources_list: list[dict[str, Any]]


class Entity(_Open):
    id: int
    kind: str
    name: str
    code: str | None
    country: str | None
    mentions: int


class Article(_Open):
    id: str
    url: str | None
    source: str
    title: str | None
    publisher: str | None
    published: str | None
    reported: str | None
    words: int
    wire_group: str


class Mention(_Open):
    start: int
    end: int
    text: str
    kind: str
    name: str
    entity_id: int


class ArticleDetail(Article):
    text: str
    mentions: list[Mention] = Field(description="Entity mentions: character spans of `text`.")
    claims: list[dict[str, Any]] = Field(description="Deal claims with the span of their words.")
    events: list[dict[str, Any]] = Field(description="Events with the span of their sentence.")
    deals: list[dict[str, Any]]
    copies: list[str] = Field(description="Near-duplicate articles (wire copies).")


class SearchHit(_Open):
    id: str
    title: str | None
    reported: str | None
    snippet: str | None


class Stats(_Open):
    articles: int
    deals: int
    events: int
    claims: int
    conflicts: int
    entities: int
    counted_at: str = Field(description="when counted (UTC): totals are kept until a deal changes, at most a minute")


class CorrectionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    field: Literal["status", "category", "signed", "value", "quantity", "delivered", "expected_completion",
                   "tech_transfer_pct", "local_partners", "*"]
    value: Any = Field(None, description="The right value, shaped as the field's (see docs/dashboard.md).")
    reject: bool = Field(False, description="Reject the field's claim (with article_id) or the whole deal (field '*').")
    article_id: str | None = Field(None, max_length=128)
    who: str = Field(min_length=1, max_length=200)
    why: str = Field(min_length=1, max_length=2000)


class Change(_Open):
    id: int
    at: str = Field(description="When the ledger changed (UTC, ISO 8601)")
    deal_id: int
    kind: Literal["new_deal", "status", "delivery", "schedule", "conflict", "correction"]
    field: str | None
    old: Any
    new: Any
    summary: str
    title: str = Field(description="The deal: supplier → recipient: platform (order year)")
    deal_url: str = Field(description="The deal's page on this dashboard")
