"""The ledger's tables, as SQLAlchemy Core metadata.

Table and column names are chosen to read well in Datasette and SQL:
`articles` (what was read), `mentions` of `entities`, `claims` (one per field
of a deal as one article states it), `deals` and `events` (the reconciled
records), `event_sources`, `conflicts`, `corrections` (an analyst's word, which
wins over extraction), `failures` (inputs that could not be read, for
`ingest --retry-failed`) and `gated` (articles the relevance gate passed over). The Alembic migrations in `migrations/` create them;
`tests/test_ledger_schema.py` checks that the two agree.
"""
from __future__ import annotations

from sqlalchemy import (BigInteger, Column, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, Table, Text,
                        UniqueConstraint, func)

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", Text, primary_key=True, comment="content id: sha256 of the body text, 16 hex digits"),
    Column("url", Text, unique=True),
    Column("source", Text, nullable=False, comment="path or URL it was read from"),
    Column("title", Text),
    Column("publisher", Text),
    Column("published", Text, comment="YYYY-MM-DD as the article gives it"),
    Column("reported", Text, comment="published date, or the latest full date the article states"),
    Column("ingested_at", Text, nullable=False),
    Column("words", Integer, nullable=False),
    Column("wire_group", Text, nullable=False, comment="id of the first article of its near-duplicate group"),
    Column("extractor", Text, nullable=False, comment="armsledger version whose extractor made its claims"),
    Column("minhash", LargeBinary, comment="MinHash signature used to find near-duplicates"),
    Column("text", Text, nullable=False),
)
Index("ix_articles_wire_group", articles.c.wire_group)
Index("ix_articles_reported", articles.c.reported)

# PostgreSQL: an article's search vector (`articles.search`, outside the metadata, migration 0009), as the trigger
# `articles_search` sets it on every insert; a bulk load leaves it NULL and `writer.fill_search` fills it
SEARCH_VECTOR = "to_tsvector('english', coalesce(title, '') || ' ' || text)"

article_bands = Table(
    "article_bands", metadata,
    Column("band", BigInteger, nullable=False),
    Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
)
Index("ix_article_bands_band", article_bands.c.band)
Index("ix_article_bands_article", article_bands.c.article_id)

entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("code", Text),
    Column("country", Text),
    Column("category", Text),
    Column("key", Text, nullable=False, comment="where spellings of one entity meet (ledger/resolve.py)"),
    UniqueConstraint("kind", "key", name="uq_entities_kind_key"),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("role", Text),
)
Index("ix_mentions_article", mentions.c.article_id)
Index("ix_mentions_entity", mentions.c.entity_id)

deals = Table(
    "deals", metadata,
    Column("id", Integer, primary_key=True),
    Column("supplier", Text, comment="ISO alpha-3"),
    Column("recipient", Text, comment="ISO alpha-3"),
    Column("platform", Text, nullable=False),
    Column("category", Text),
    Column("follow_on", Integer, nullable=False, default=0),
    Column("order_year", Integer, comment="year the order was signed, where any report gives it"),
    Column("status", Text),
    Column("status_article", Text, comment="article whose report set the status"),
    Column("hedged", Integer, nullable=False, default=0),
    Column("signed", Text),
    Column("value_amount", Float),
    Column("value_currency", Text),
    Column("value_usd", Float),
    Column("quantity_min", Float),
    Column("quantity_max", Float),
    Column("quantity_unit", Text),
    Column("delivered_min", Float),
    Column("delivered_max", Float),
    Column("expected_completion", Text),
    Column("tech_transfer_max", Float),
    Column("local_partners", Text, comment="JSON list"),
    Column("sources", Integer, nullable=False, default=0),
    Column("independent_sources", Integer, nullable=False, default=0),
    Column("first_reported", Text),
    Column("last_reported", Text),
    Column("conflicts", Integer, nullable=False, default=0),
    Column("confidence", Float),
    Column("rejected", Integer, nullable=False, default=0, comment="an analyst rejected the whole deal"),
    Column("detail", Text, comment="JSON: every reconciled field with its sources, confidence and slippage"),
    Column("updated_at", Text),
)
Index("ix_deals_match", deals.c.recipient, deals.c.platform)
# the deal lists: one backward walk of an index per order and filter, the filters tested in the index (0007)
_FILTERS = (deals.c.supplier, deals.c.recipient, deals.c.status)
Index("ix_deals_reported", deals.c.last_reported, deals.c.id, deals.c.rejected)  # the default list order
Index("ix_deals_value", deals.c.value_usd, deals.c.id, deals.c.rejected, *_FILTERS)
Index("ix_deals_confidence", deals.c.confidence, deals.c.id, deals.c.rejected, *_FILTERS)
_YEAR = ("order_year", "first_reported")  # what DealFilter's year range reads
for _column, _then in {"recipient": ("status", "supplier", "rejected", "value_usd", "confidence", "platform", *_YEAR),
                       "supplier": ("status", "recipient", "rejected", "value_usd", "confidence", "platform", *_YEAR),
                       "status": ("rejected",)}.items():
    Index(f"ix_deals_{_column}_reported", deals.c[_column], deals.c.last_reported, deals.c.id,
          *[deals.c[c] for c in _then])
Index("ix_deals_platform_reported", func.lower(deals.c.platform), deals.c.last_reported, deals.c.id, deals.c.rejected,
      *_FILTERS, deals.c.platform, *[deals.c[c] for c in _YEAR])
Index("ix_deals_updated_at", deals.c.updated_at)  # query.Counts: has any deal changed?

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True),
    Column("deal_id", Integer, ForeignKey("deals.id"), nullable=False),
    Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("record_id", Text, nullable=False, comment="the deal's id in the article's record (d1, d2...)"),
    Column("field", Text, nullable=False),
    Column("value", Text, nullable=False, comment="JSON, as the extraction record gives it"),
    Column("number", Float, comment="the figure compared across reports (USD for values)"),
    Column("text", Text, comment="the words that state it"),
    Column("start", Integer),
    Column("end", Integer),
    Column("sentence_start", Integer, comment="the sentence that states it"),
    Column("sentence_end", Integer),
    Column("reported", Text),
    Column("hedged", Integer, nullable=False, default=0),
)
Index("ix_claims_deal_field_reported", claims.c.deal_id, claims.c.field, claims.c.reported)  # a field's recent reports
Index("ix_claims_deal_id", claims.c.deal_id, claims.c.id)  # a deal's claims newer than its aggregates

# what reconciling a deal keeps between runs (ledger/aggregates.py), so that a new report updates it
# from these rows instead of re-reading every claim of the deal
deal_fields = Table(
    "deal_fields", metadata,
    Column("deal_id", Integer, primary_key=True, comment="no foreign key: rows go with the deal (writer.py)"),
    Column("field", Text, primary_key=True, comment="a claim's field, or '*' for the deal as a whole"),
    Column("last_claim", Integer, comment="'*': the newest claim folded into the deal's rows"),
    Column("state", Text, nullable=False, comment="JSON: the field's aggregates (reconcile.fold_field)"),
)
deal_keys = Table(
    "deal_keys", metadata,
    Column("deal_id", Integer, primary_key=True),
    Column("key", Text, primary_key=True, comment="a wire group or article counted once"),
    Column("field", Text, primary_key=True),
    Column("grp", Integer, primary_key=True, comment="agreement group; -1 the whole field; '*': 0 wires, 1 articles"),
)
Index("ix_claims_article", claims.c.article_id)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("type", Text, nullable=False),
    Column("countries", Text, nullable=False, comment="sorted ISO alpha-3 codes, comma-separated"),
    Column("date", Text),
    Column("date_precision", Text),
    Column("status", Text),
    Column("platforms", Text, comment="JSON list of platform names"),
    Column("participants", Text, comment="JSON list of names"),
    Column("location", Text),
    Column("sources", Integer, nullable=False, default=0),
    Column("independent_sources", Integer, nullable=False, default=0),
    Column("first_reported", Text),
    Column("last_reported", Text),
    Column("confidence", Float),
    Column("updated_at", Text),
)
Index("ix_events_match", events.c.type, events.c.countries)
Index("ix_events_last_reported", events.c.last_reported)

event_sources = Table(
    "event_sources", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False),
    Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("record_id", Text, nullable=False),
    Column("status", Text),
    Column("date", Text),
    Column("date_precision", Text),
    Column("text", Text),
    Column("start", Integer),
    Column("end", Integer),
    Column("reported", Text),
    Column("record", Text, comment="JSON of the event as the article's record gives it"),
)
Index("ix_event_sources_event", event_sources.c.event_id)
Index("ix_event_sources_article", event_sources.c.article_id)

conflicts = Table(
    "conflicts", metadata,
    Column("id", Integer, primary_key=True),
    Column("deal_id", Integer, ForeignKey("deals.id"), nullable=False),
    Column("field", Text, nullable=False),
    Column("summary", Text, nullable=False),
    Column("claims", Text, nullable=False, comment="JSON: the disagreeing values with article ids"),
)
Index("ix_conflicts_deal", conflicts.c.deal_id)

corrections = Table(
    "corrections", metadata,
    Column("id", Integer, primary_key=True),
    Column("deal_id", Integer, ForeignKey("deals.id"), nullable=False),
    Column("field", Text, nullable=False, comment="a deal field, or '*' for the whole deal"),
    Column("action", Text, nullable=False, comment="'set' a value or 'reject' a claim or deal"),
    Column("article_id", Text, comment="the article whose claim is rejected; null for the deal as a whole"),
    Column("value", Text, comment="JSON of the value set"),
    Column("who", Text, nullable=False),
    Column("why", Text, nullable=False),
    Column("at", Text, nullable=False),
)
Index("ix_corrections_deal", corrections.c.deal_id)

failures = Table(
    "failures", metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("retried", Integer, nullable=False, default=0, comment="1 once a later run read it"),
)
Index("ix_failures_source", failures.c.source)

changes = Table(
    "changes", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Text, nullable=False, comment="when the ledger changed (UTC, ISO 8601)"),
    Column("deal_id", Integer, nullable=False, comment="no foreign key: the feed outlives a deal re-extraction drops"),
    Column("kind", Text, nullable=False, comment="new_deal, status, delivery, schedule, conflict, correction"),
    Column("field", Text),
    Column("old", Text, comment="JSON of the value before"),
    Column("new", Text, comment="JSON of the value after"),
    Column("summary", Text, nullable=False),
)
Index("ix_changes_at", changes.c.at)
Index("ix_changes_deal", changes.c.deal_id)

register_rows = Table(
    "register_rows", metadata,
    Column("id", Integer, primary_key=True),
    Column("register", Text, nullable=False, comment="the name the import gave it (the file's name by default)"),
    Column("line", Integer, nullable=False, comment="line of the row in the imported file"),
    Column("supplier", Text, comment="ISO alpha-3"),
    Column("recipient", Text, comment="ISO alpha-3"),
    Column("supplier_name", Text),
    Column("recipient_name", Text),
    Column("order_year", Integer),
    Column("ordered", Float),
    Column("designation", Text, nullable=False),
    Column("description", Text),
    Column("delivered", Float),
    Column("delivery_years", Text),
    Column("status", Text),
    Column("comments", Text),
    Column("imported_at", Text, nullable=False),
)
Index("ix_register_rows_pair", register_rows.c.recipient, register_rows.c.supplier)

# articles the relevance gate passed over (extract/gate.py): nothing in them could be a deal or a defence event
gated = Table(
    "gated", metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("why", Text, nullable=False, comment="why the gate passed it over"),
    Column("kept", Integer, nullable=False, default=0, comment="1 when stored as an article too (--keep-skipped)"),
    Column("at", Text, nullable=False),
)
Index("ix_gated_source", gated.c.source)
