"""The articles the relevance gate passed over, listed for `armsledger info --gated`.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gated",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("why", sa.Text, nullable=False, comment="why the gate passed it over"),
        sa.Column("kept", sa.Integer, nullable=False, comment="1 when stored as an article too (--keep-skipped)"),
        sa.Column("at", sa.Text, nullable=False),
    )
    op.create_index("ix_gated_source", "gated", ["source"])


def downgrade() -> None:
    op.drop_index("ix_gated_source", table_name="gated")
    op.drop_table("gated")
