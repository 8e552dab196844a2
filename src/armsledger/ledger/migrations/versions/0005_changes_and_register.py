"""The change feed and register reconciliation: `changes` (what each ingest or correction changed in a
deal) and `register_rows` (a trade register imported beside the ledger).

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.Text, nullable=False, comment="when the ledger changed (UTC, ISO 8601)"),
        sa.Column("deal_id", sa.Integer, nullable=False,
                  comment="no foreign key: the feed outlives a deal re-extraction drops"),
        sa.Column("kind", sa.Text, nullable=False,
                  comment="new_deal, status, delivery, schedule, conflict, correction"),
        sa.Column("field", sa.Text),
        sa.Column("old", sa.Text, comment="JSON of the value before"),
        sa.Column("new", sa.Text, comment="JSON of the value after"),
        sa.Column("summary", sa.Text, nullable=False),
    )
    op.create_index("ix_changes_at", "changes", ["at"])
    op.create_index("ix_changes_deal", "changes", ["deal_id"])
    op.create_table(
        "register_rows",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("register", sa.Text, nullable=False,
                  comment="the name the import gave it (the file's name by default)"),
        sa.Column("line", sa.Integer, nullable=False, comment="line of the row in the imported file"),
        sa.Column("supplier", sa.Text, comment="ISO alpha-3"),
        sa.Column("recipient", sa.Text, comment="ISO alpha-3"),
        sa.Column("supplier_name", sa.Text),
        sa.Column("recipient_name", sa.Text),
        sa.Column("order_year", sa.Integer),
        sa.Column("ordered", sa.Float),
        sa.Column("designation", sa.Text, nullable=False),
        sa.Column("description", sa.Text),
        sa.Column("delivered", sa.Float),
        sa.Column("delivery_years", sa.Text),
        sa.Column("status", sa.Text),
        sa.Column("comments", sa.Text),
        sa.Column("imported_at", sa.Text, nullable=False),
    )
    op.create_index("ix_register_rows_pair", "register_rows", ["recipient", "supplier"])


def downgrade() -> None:
    op.drop_index("ix_register_rows_pair", table_name="register_rows")
    op.drop_table("register_rows")
    op.drop_index("ix_changes_deal", table_name="changes")
    op.drop_index("ix_changes_at", table_name="changes")
    op.drop_table("changes")
