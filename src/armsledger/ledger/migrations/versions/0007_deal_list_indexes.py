"""Indexes that keep the deal lists, their filters and the deal count fast on a 1,000,000-article ledger.

Measured on a generated ledger of 1 M articles / 250,000 deals (EXPLAIN ANALYZE on PostgreSQL, EXPLAIN QUERY
PLAN and timings on SQLite; bench/RESULTS.md):

- a filtered list (`recipient = ? ORDER BY last_reported DESC, id DESC`) walked the whole default-order index and
  read each deal to test the filter: 260 ms for recipient and status on PostgreSQL. With (filter column,
  last_reported, id) walked backwards it reads the matching deals already in order and stops after LIMIT; the
  other filter columns ride at the end, so that filters and counts are tested in the index, not in the deal rows;
- the orders by value and by confidence walk (value_usd | confidence, id, ...) backwards, with the filter
  columns too: supplier and status by value read 2,900 deals to find 50 (95 ms), by confidence every deal was
  sorted; the supplier/recipient indexes carry value_usd and confidence so that SQLite, which sorts a filtered
  list rather than walk the value index, sorts from the index alone (it read 22,000 deals: 300 ms);
- `rejected` moves behind id in the default-order index: SQLite walking (last_reported, rejected, id) sorted each
  day's deals again; ix_deals_supplier goes, a prefix of ix_deals_supplier_reported;
- the platform filter compares lower(platform), hence an index on that expression (with platform itself, without
  which PostgreSQL reads the deals to count them);
- the year range reads order_year and first_reported: in the recipient and supplier indexes too, so that its
  counts do not read 11,000 deals (250 ms);
- `updated_at` is indexed so that `query.Counts` can tell in one index lookup whether a deal changed since it
  last counted.

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

FILTERS = ["supplier", "recipient", "status"]
YEAR = ["order_year", "first_reported"]  # what DealFilter's year range reads
LIST_INDEXES = {"recipient": ("status", "supplier", "rejected", "value_usd", "confidence", "platform", *YEAR),
                "supplier": ("status", "recipient", "rejected", "value_usd", "confidence", "platform", *YEAR),
                "status": ("rejected",)}


def upgrade() -> None:
    for column, then in LIST_INDEXES.items():
        op.create_index(f"ix_deals_{column}_reported", "deals", [column, "last_reported", "id", *then])
    op.create_index("ix_deals_platform_reported", "deals",
                    [sa.text("lower(platform)"), "last_reported", "id", "rejected", *FILTERS, "platform", *YEAR])
    op.create_index("ix_deals_updated_at", "deals", ["updated_at"])
    op.drop_index("ix_deals_supplier", table_name="deals")
    op.drop_index("ix_deals_reported", table_name="deals")
    op.create_index("ix_deals_reported", "deals", ["last_reported", "id", "rejected"])
    op.drop_index("ix_deals_value", table_name="deals")
    op.create_index("ix_deals_value", "deals", ["value_usd", "id", "rejected", *FILTERS])
    op.create_index("ix_deals_confidence", "deals", ["confidence", "id", "rejected", *FILTERS])


def downgrade() -> None:
    op.drop_index("ix_deals_confidence", table_name="deals")
    op.drop_index("ix_deals_value", table_name="deals")
    op.create_index("ix_deals_value", "deals", ["value_usd", "rejected", "id"])
    op.drop_index("ix_deals_reported", table_name="deals")
    op.create_index("ix_deals_reported", "deals", ["last_reported", "rejected", "id"])
    op.create_index("ix_deals_supplier", "deals", ["supplier"])
    for name in ("updated_at", "platform_reported", "status_reported", "supplier_reported", "recipient_reported"):
        op.drop_index(f"ix_deals_{name}", table_name="deals")
